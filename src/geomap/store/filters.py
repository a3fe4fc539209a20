"""The app's filters as one SQL WHERE clause over `events e JOIN articles a`.

A None filter is off; an empty list matches nothing (the user deselected everything); the value "" in a list stands
for "none" (an event without a country, an actor, ...), so "select all" really is all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any, TypedDict


class FilterArgs(TypedDict, total=False):
    """The filters `Store.events_frame` and `Store.event_records` take besides the date window."""

    event_types: Iterable[str] | None
    sub_event_types: Iterable[str] | None
    countries: Iterable[str] | None
    actors: Iterable[str] | None
    articles: Iterable[str] | None
    precisions: Iterable[str] | None
    text: str | None
    min_score: float | None


#: Columns a free-text search looks in.
_TEXT_COLUMNS = ("e.sentence", "e.name", "e.place", "a.title", "e.actors")


class _Where:
    """Conditions and their arguments, collected in order."""

    def __init__(self) -> None:
        self.conds: list[str] = []
        self.args: list[Any] = []

    def add(self, cond: str, *args: Any) -> None:
        self.conds.append(cond)
        self.args.extend(args)

    def any_of(self, values: Iterable[str] | None, match: Callable[[str], str], none: str) -> None:
        """One of `values`: `match(marks)` for the real values, `none` for the value "" (nothing)."""
        if values is None:
            return
        given = list(values)
        vals = [v for v in given if v != ""]
        parts = [match(",".join("?" * len(vals)))] if vals else []
        if "" in given:
            parts.append(none)
        self.add("(" + " OR ".join(parts) + ")" if parts else "0", *vals)

    def among(self, col: str, values: Iterable[str] | None) -> None:
        self.any_of(values, lambda marks: f"{col} IN ({marks})", f"coalesce({col}, '') = ''")

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.conds)) if self.conds else ""


def where_clause(start: date | None, end: date | None, max_span_days: Callable[[], int],
                 **f: Any) -> tuple[str, list[Any]]:
    """SQL WHERE (with its arguments) for the filters in `f` (see FilterArgs). Dates select events whose range
    overlaps [start, end]; `min_score` keeps events whose event-place score is at least that. `max_span_days` is
    asked only when `start` is set (it costs a query)."""
    w = _Where()
    if f.get("min_score"):
        w.add("e.event_score >= ?", float(f["min_score"]))
    if end is not None:
        w.add("e.date <= ?", iso(end))
    if start is not None:
        # date <= date_end and no stored range exceeds the longest span, so the second bound is exact yet lets the
        # planner use a range scan on the date index instead of the whole table.
        w.add("e.date_end >= ?", iso(start))
        w.add("e.date >= ?", (as_date(start) - timedelta(days=max_span_days())).isoformat())
    w.among("e.event_type", f.get("event_types"))
    w.among("e.sub_event_type", f.get("sub_event_types"))
    w.among("e.country_code", f.get("countries"))
    w.among("e.precision", f.get("precisions"))
    w.any_of(f.get("actors"),
             lambda marks: f"EXISTS (SELECT 1 FROM json_each(e.actors) j WHERE j.value IN ({marks}))",
             "coalesce(json_array_length(e.actors), 0) = 0")  # "" = events without an actor
    w.any_of(f.get("articles"), lambda marks: (
        "e.id IN (SELECT s.event FROM event_sources s JOIN articles a2 ON a2.id = s.article "
        f"WHERE a2.ext_id IN ({marks}))"), "0")  # no article has the id ""
    if f.get("text"):
        pat = like(str(f["text"]))
        w.add("(" + " OR ".join(f"{col} LIKE ? ESCAPE '\\'" for col in _TEXT_COLUMNS) + ")",
              *[pat] * len(_TEXT_COLUMNS))
    return w.sql(), w.args


def like(text: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching `text` anywhere, with its wildcards taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def as_date(d: date | str) -> date:
    if isinstance(d, datetime):
        return d.date()
    if isinstance(d, date):
        return d
    return date.fromisoformat(str(d)[:10])


def iso(d: date | str) -> str:
    return as_date(d).isoformat()
