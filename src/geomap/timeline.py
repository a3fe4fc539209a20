"""The timeline under the map: events per day by event type, for the current filters.

Why apart from the page: the counts are a plain pandas reshaping, tested without Streamlit; the chart itself is
drawn by mapview.timeline_html.
"""

from __future__ import annotations

import pandas as pd

from geomap.models import EVENT_TYPES


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
