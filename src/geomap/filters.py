"""The event filters the map and Data pages share, their options, and how they ride in the URL.

Why a module without Streamlit: the filters are values (a frozen dataclass) and their URL form is text, so both are
tested as plain functions; geomap.ui only draws the widgets and copies these values in and out of session state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date

import pandas as pd

from geomap import names
from geomap.models import EVENT_TYPES, PRECISIONS

Span = tuple[date, date]

#: The filter option for events without a value (no country: a sea; no actor named; no sub-event type), so that
#: selecting every option of a filter shows every event, as no selection does.
NONE = names.NONE

#: The multi-value filters, in the order the widgets show them, with their labels.
FILTER_LABELS = {"event_types": "Event type", "sub_event_types": "Sub-event type", "countries": "Country",
                 "actors": "Actor", "articles": "Source article", "precisions": "Location precision"}
LIST_KEYS = tuple(FILTER_LABELS)
#: Every URL parameter that carries a filter (the Data page takes the map's filters when none is in its URL).
URL_KEYS = ("start", "end", "q", "conf", *LIST_KEYS)

#: The article filter offers at most this many articles (plus the selected ones; any id can be typed in).
ARTICLE_OPTIONS = 300


@dataclass(frozen=True)
class Filters:
    """Every filter of the map page. None = filter off; a tuple = only these values."""

    start: date | None = None
    end: date | None = None
    event_types: tuple[str, ...] | None = None
    sub_event_types: tuple[str, ...] | None = None
    countries: tuple[str, ...] | None = None
    actors: tuple[str, ...] | None = None
    articles: tuple[str, ...] | None = None
    precisions: tuple[str, ...] | None = None
    text: str | None = None
    min_score: float | None = None  # event-place confidence; None = the model's own threshold (every event)

    def query_kwargs(self) -> dict:
        """Store.events_frame keyword arguments; the "(none)" option becomes the store's "" (no value)."""
        return {k: ([x if x != NONE else "" for x in v] if isinstance(v, tuple) else v)
                for k, v in asdict(self).items()}


#: No filter: every stored event.
ALL = Filters()


def canonical(f: Filters, span: Span | None) -> Filters:
    """`f` with date bounds that cover the whole stored span dropped, so the page's default view (slider at both
    ends) and the filter options (no filter) share one cached query: at 50,000 events each costs a second."""
    if span is None or (f.start is None and f.end is None):
        return f
    return replace(f, start=None if f.start is not None and f.start <= span[0] else f.start,
                   end=None if f.end is not None and f.end >= span[1] else f.end)


@dataclass
class Choices:
    """The values the filter widgets offer (from all stored events)."""

    event_types: list[str] = field(default_factory=list)
    sub_event_types: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    precisions: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # article id -> title, for the article filter's labels


def choices(df_all: pd.DataFrame | None, titles: dict[str, str] | None = None) -> Choices:
    """Filter options present in the data, in a stable, meaningful order. `titles` (article id -> title of every
    article with an event) stands in for the frame's article and title columns (the map's frame has neither)."""
    if df_all is None or df_all.empty:
        return Choices()
    if titles is None:
        titles = dict(zip(df_all["article"].astype(str), df_all["title"].fillna("").astype(str), strict=True)
                      ) if "title" in df_all.columns else {}
        articles = sorted(df_all["article"].dropna().unique())
    else:
        articles = sorted(titles)
    present = set(df_all["event_type"].dropna())
    types = [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))
    precs = [p for p in PRECISIONS if p in set(df_all["precision"].dropna())]
    actors = sorted({a for lst in df_all["actors"] for a in (lst if isinstance(lst, list) else [])})
    return Choices(
        event_types=types,
        sub_event_types=_with_none(df_all["sub_event_type"]),
        countries=_with_none(df_all["country_code"]),
        actors=actors + ([NONE] if any(not (isinstance(v, list) and v) for v in df_all["actors"]) else []),
        articles=articles,
        precisions=precs,
        titles=titles,
    )


def _with_none(col: pd.Series) -> list[str]:
    """The sorted non-empty values of `col`, then NONE when some rows have no value."""
    vals = sorted(str(v) for v in col.dropna().unique() if v)
    return vals + ([NONE] if col.isna().any() or (col == "").any() else [])


def type_counts(df: pd.DataFrame | None) -> dict[str, int]:
    """Events per event type (the legend's numbers)."""
    if df is None or df.empty:
        return {}
    return {str(k): int(v) for k, v in df["event_type"].value_counts().items()}


def article_options(all_articles: list[str], selected: Iterable[str] = ()) -> list[str]:
    """A short option list for the article filter: 32,000 options cost the browser seconds on every run."""
    sel = [a for a in selected if a]
    rest = [a for a in all_articles[-ARTICLE_OPTIONS:] if a not in set(sel)]
    return sel + rest


# ---- the URL's form ----

def _one(params: Mapping[str, object], key: str) -> str | None:
    """The last value of `key` (Streamlit gives a list when a parameter repeats), or None when empty."""
    v = params.get(key)
    if isinstance(v, list):
        v = v[-1] if v else None
    return str(v) if v else None


def _day(params: Mapping[str, object], key: str) -> date | None:
    v = _one(params, key)
    try:
        return date.fromisoformat(v) if v else None
    except ValueError:
        return None


def _clamped(start: date | None, end: date | None, span: Span | None) -> tuple[date | None, date | None]:
    """Dates moved into `span` (and put in order): a link made on a larger store still opens."""
    if span is None:
        return start, end
    lo, hi = span
    start = min(max(start, lo), hi) if start else None
    end = min(max(end, lo), hi) if end else None
    if start and end and start > end:
        start, end = end, start
    return start, end


def filters_from_query(params: Mapping[str, object], span: Span | None) -> Filters:
    """Filters from URL query parameters; invalid values are ignored, dates clamped into the data's span."""
    start, end = _clamped(_day(params, "start"), _day(params, "end"), span)
    lists = {}
    for k in LIST_KEYS:
        v = _one(params, k)
        lists[k] = tuple(x for x in v.split("|") if x) if v else None
    return Filters(start=start, end=end, text=_one(params, "q"), min_score=score_param(_one(params, "conf")),
                   **lists)


def filters_to_query(f: Filters, span: Span | None) -> dict[str, str]:
    """The URL query parameters for `f` (defaults left out, so the URL stays short)."""
    out: dict[str, str] = {}
    if f.start and (span is None or f.start != span[0]):
        out["start"] = f.start.isoformat()
    if f.end and (span is None or f.end != span[1]):
        out["end"] = f.end.isoformat()
    for k in LIST_KEYS:
        v = getattr(f, k)
        if v is not None:
            out[k] = "|".join(v)
    if f.text:
        out["q"] = f.text
    if f.min_score:
        out["conf"] = f"{f.min_score:.2f}"
    return out


def score_param(value: str | None) -> float | None:
    """The URL's `conf=` as a minimum event score in (0, 1], or None when absent, invalid or at most the model's
    threshold (every stored event passes that)."""
    try:
        v = float(value) if value else None
    except ValueError:
        return None
    if v is None or not 0 < v <= 1 or v <= default_min_score():
        return None
    return round(v, 2)


def default_min_score() -> float:
    """The map's default minimum confidence: the event-place model's threshold, chosen on the dev split."""
    from geomap.events.model import default_model

    return round(default_model().threshold, 2)


def has_filters(params: Mapping[str, object]) -> bool:
    """True when the URL carries any filter (else a page takes the filters the user last set on another page)."""
    return any(k in params for k in URL_KEYS)


def carried(url: Mapping[str, object], shared: Mapping[str, object]) -> dict[str, object]:
    """A page's starting query: its URL, with the filters last set on another page when the URL has none.

    Why: Streamlit drops a page's widget state when another page runs, and the sidebar's page links carry no query,
    so the map and Data pages hand their filters over as URL parameters kept in the session."""
    if has_filters(url):
        return dict(url)
    return {**url, **{k: v for k, v in shared.items() if k in URL_KEYS}}


def widget_state(prefix: str, url: Filters, opts: Choices) -> dict[str, object]:
    """The filter widgets' session-state values (keys `prefix` + filter name) for `url`'s filters.

    Values no option offers are dropped (a widget rejects them), except article ids, which may be typed in."""
    out: dict[str, object] = {}
    for k in LIST_KEYS:
        wanted = getattr(url, k) or ()
        out[f"{prefix}{k}"] = list(wanted) if k == "articles" else [t for t in wanted if t in getattr(opts, k)]
    out[f"{prefix}text"] = url.text or ""
    out[f"{prefix}conf"] = url.min_score or default_min_score()
    return out


def date_pair(value: object, span: Span) -> Span:
    """A (start, end) from st.date_input's value, which is a 1-tuple while the user is still picking."""
    if isinstance(value, date):
        return value, value
    vals = [v for v in (value or ()) if isinstance(v, date)]  # type: ignore[attr-defined]
    if not vals:
        return span
    return (vals[0], vals[-1]) if vals[0] <= vals[-1] else (vals[-1], vals[0])
