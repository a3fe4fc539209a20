"""The map's Play control: a window of one day, week or month stepping through the dates the user chose.

Why a module of its own: Play must start at the window the user chose (not at the store's first date, which is
often an old background mention) and skip stretches with no event, so an analyst never watches months of an empty
map. Both need the filtered events' date ranges, which the page passes in as `intervals`.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import pandas as pd

STEPS = ("day", "week", "month")

Window = tuple[date, date]


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def window_at(start: date, step: str, bounds: Window) -> Window:
    """The play window starting at `start`: one day, week or month, clipped to `bounds`."""
    nxt = {"day": start + timedelta(days=1), "week": start + timedelta(days=7)}.get(step) or _add_months(start, 1)
    return start, min(nxt - timedelta(days=1), bounds[1])


def intervals_of(df: pd.DataFrame) -> tuple[Window, ...]:
    """The distinct (date, date_end) ranges of `df`'s events, sorted: what Play needs to skip empty stretches."""
    if df is None or df.empty:
        return ()
    d0 = pd.to_datetime(df["date"], errors="coerce")
    d1 = pd.to_datetime(df["date_end"], errors="coerce").fillna(d0)
    pairs = pd.DataFrame({"a": d0, "b": d1}).dropna().drop_duplicates().sort_values(["a", "b"])
    return tuple((a.date(), b.date()) for a, b in zip(pairs["a"], pairs["b"], strict=True))


def next_event_day(day: date, intervals: Iterable[Window]) -> date | None:
    """The first day on or after `day` that some event overlaps, or None when no event reaches that far."""
    best: date | None = None
    for a, b in intervals:
        if b >= day:
            d = max(a, day)
            if best is None or d < best:
                best = d
            if a > day and best <= a:  # sorted by start: no later interval can start earlier
                break
    return best


def first_window(chosen: Window, step: str, intervals: Sequence[Window] | None = None) -> Window | None:
    """The first window of a play over `chosen`: it starts at the chosen start, or at the first day with an event
    when the chosen range opens with an empty stretch; None when nothing in `chosen` has an event."""
    start = chosen[0]
    if intervals is not None:
        start = next_event_day(start, intervals)
        if start is None or start > chosen[1]:
            return None
    return window_at(start, step, chosen)


def next_window(current: Window, step: str, bounds: Window,
                intervals: Sequence[Window] | None = None) -> Window | None:
    """The window after `current` within `bounds` (the range chosen when Play was pressed), skipping days without
    events when `intervals` are given; None at the end. A `current` range that is not one step long (the chosen
    range itself, when Play is first pressed) gives the first window of `bounds`."""
    if window_at(current[0], step, bounds) != tuple(current):
        return first_window(bounds, step, intervals)
    nxt = current[1] + timedelta(days=1)
    if intervals is not None:
        nxt = next_event_day(nxt, intervals)
    if nxt is None or nxt > bounds[1]:
        return None
    return window_at(nxt, step, bounds)
