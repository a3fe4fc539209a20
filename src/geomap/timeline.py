"""The timeline under the map: events per day by event type, and the brushable chart that sets the date window.

Why apart from the page: the counts, the chart's specification and the reading of its selection back into a date
window are plain code, tested without Streamlit; geomap.ui draws the chart and moves the slider.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import pandas as pd

from geomap.models import EVENT_TYPES

if TYPE_CHECKING:
    import altair as alt


def per_day(df: pd.DataFrame | None) -> pd.DataFrame:
    """Events per day (index) by event type (columns), for a stacked bar chart of the current filters."""
    if df is None or df.empty:
        return pd.DataFrame()
    day = pd.to_datetime(df["date"]).dt.normalize()
    out = df.assign(day=day).pivot_table(index="day", columns="event_type", values="event_id",
                                         aggfunc="count", fill_value=0)
    out.columns = [str(c) for c in out.columns]
    return out.reindex(columns=[t for t in EVENT_TYPES if t in out.columns]
                       + [c for c in out.columns if c not in EVENT_TYPES])


# ---- the brushable timeline: drag to choose the date window, click a bar to choose one day ----

#: Names of the chart's selections (Streamlit reports a selection under its name).
BRUSH = "window"
PICK = "day"


def day_counts(df: pd.DataFrame | None) -> pd.DataFrame:
    """Events per day and event type in long form (`day`, `next`, `event_type`, `events`), days as ISO text:
    a date-only ISO string is read as UTC midnight in the browser, so a selection's edges map back to the same days
    whatever the reader's time zone."""
    tl = per_day(df)
    if tl.empty:
        return pd.DataFrame(columns=["day", "next", "event_type", "events"])
    long = tl.rename_axis("day").reset_index().melt(id_vars="day", var_name="event_type", value_name="events")
    long = long[long["events"] > 0]
    return pd.DataFrame({"day": long["day"].dt.strftime("%Y-%m-%d"),
                         "next": (long["day"] + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d"),
                         "event_type": long["event_type"], "events": long["events"].astype(int)})


def chart(counts: pd.DataFrame, colors: dict[str, str], window: tuple[date, date] | None = None) -> alt.Chart:
    """Stacked bars of `counts` (day_counts) with a brush over days, drawn at `window` when one is chosen."""
    import altair as alt

    drawn = {"value": {"x": [window[0].isoformat(), (window[1] + timedelta(days=1)).isoformat()]}} if window else {}
    brush = alt.selection_interval(name=BRUSH, encodings=["x"], **drawn)
    pick = alt.selection_point(name=PICK, fields=["day"], on="click")
    present = set(counts["event_type"])
    types = [t for t in colors if t in present]
    return alt.Chart(counts).mark_bar().encode(
        x=alt.X("day:T", title=None, scale=alt.Scale(type="utc"), axis=alt.Axis(format="%Y-%m-%d", labelAngle=0)),
        x2="next:T",
        y=alt.Y("sum(events):Q", title="events"),
        color=alt.Color("event_type:N", legend=None,  # the map's legend names the colours
                        scale=alt.Scale(domain=types, range=[colors[t] for t in types])),
        tooltip=[alt.Tooltip("day:N", title="day"), "event_type:N", "events:Q"],
    ).add_params(brush, pick).properties(height=160)


def _day_of(value: object) -> date | None:
    """A day from a selection's value: epoch milliseconds (UTC) or ISO text."""
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def brushed(selection: Mapping | None) -> tuple[date, date] | None:
    """The days a brush covers (its right edge is the day it ends in), or None when there is no brush."""
    edges = ((selection or {}).get(BRUSH) or {}).get("day")
    if not edges or len(edges) != 2:
        return None
    lo, hi = _day_of(min(edges)), _day_of(max(edges))
    if lo is None or hi is None:
        return None
    if hi > lo and isinstance(max(edges), int | float) and max(edges) % 86_400_000 == 0:
        hi -= timedelta(days=1)  # an edge exactly on midnight closes the day before
    return lo, hi


def picked(selection: Mapping | None) -> date | None:
    """The day of the clicked bar, or None."""
    points = (selection or {}).get(PICK) or []
    days = [_day_of(p.get("day")) for p in points if isinstance(p, Mapping)]
    return next((d for d in days if d is not None), None)


def chosen_window(selection: Mapping | None, before: Mapping | None, span: tuple[date, date]
                  ) -> tuple[date, date] | None:
    """The date window the user just chose on the chart (a new brush, or a new click: that one day), clamped into
    `span`; None when the chart's selection did not change or was cleared."""
    day = picked(selection)
    if day is not None and day != picked(before):
        window: tuple[date, date] | None = (day, day)
    else:
        window = brushed(selection)
        if window is None or window == brushed(before):
            return None
    lo = min(max(window[0], span[0]), span[1])
    hi = min(max(window[1], span[0]), span[1])
    return lo, hi
