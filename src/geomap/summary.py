"""Summaries of the filtered events (ACLED dashboard's first view): events and fatalities by event type, country,
admin-1 region and week, as small tables for the map and Data pages (drawn by geomap.ui.summary_widget).

Fatalities are summed over events whose count is known; "unknown" counts the events with no count, so a reader sees
how much of the total is missing instead of a silently low number.
"""

from __future__ import annotations

import pandas as pd

from geomap import names

#: Rows shown per summary table.
MAX_ROWS = 12
BY = {"Event type": "event_type", "Country": "country_code", "Admin-1 region": "admin1", "Week": "week"}


def _frame(df: pd.DataFrame) -> pd.DataFrame:
    d = df.assign(week=pd.to_datetime(df["date"]).dt.to_period("W-SUN").dt.start_time.dt.strftime("%Y-%m-%d"),
                  fat=pd.to_numeric(df["fatalities"], errors="coerce"))
    d["country_code"] = [names.country_label(c) if c else names.country_label(names.NONE)
                         for c in d["country_code"].fillna("")]
    d["admin1"] = [names.admin1_label(a or names.NONE) for a in d["admin1"].fillna("")]
    return d


def summary(df: pd.DataFrame, by: str) -> pd.DataFrame:
    """Events, fatalities (known) and events with unknown fatalities per value of `by` (a key of BY), most events
    first (weeks in time order)."""
    cols = [by, "events", "fatalities", "fatalities unknown"]
    if df is None or df.empty:
        return pd.DataFrame(columns=cols)
    d = _frame(df)
    g = d.groupby(BY[by], dropna=False)
    out = pd.DataFrame({"events": g.size(), "fatalities": g["fat"].sum(min_count=0).astype(int),
                        "fatalities unknown": g["fat"].apply(lambda s: int(s.isna().sum()))})
    out = out.sort_index() if by == "Week" else out.sort_values(["events", "fatalities"], ascending=False)
    return out.rename_axis(by).reset_index()[cols]

