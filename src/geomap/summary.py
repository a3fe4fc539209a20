"""Summaries of the filtered events (ACLED dashboard's first view): events and fatalities by event type, country,
admin-1 region and week, as small tables for the map and Data pages (drawn by geomap.ui_summaries.summary_widget).

Fatalities are summed over events whose count is known; "unknown" counts the events with no count, so a reader sees
how much of the total is missing instead of a silently low number.
"""

from __future__ import annotations

import pandas as pd

from geomap import names

#: Rows shown per summary table.
MAX_ROWS = 12
BY = {"Event type": "event_type", "Country": "country_code", "Admin-1 region": "admin1", "Week": "week"}


#: How a person reads a grouping's raw values (codes become names; empty becomes the NONE option).
LABELS = {"Country": lambda c: names.country_label(c or names.NONE),
          "Admin-1 region": lambda a: names.admin1_label(a or names.NONE)}


def _keys(df: pd.DataFrame, by: str) -> pd.Series:
    """The raw value each event is grouped by (its week's Monday for "Week")."""
    if by == "Week":
        return pd.to_datetime(df["date"]).dt.to_period("W-SUN").dt.start_time.dt.strftime("%Y-%m-%d")
    return df[BY[by]].fillna("").astype(str)


def summary(df: pd.DataFrame, by: str) -> pd.DataFrame:
    """Events, fatalities (known) and events with unknown fatalities per value of `by` (a key of BY), most events
    first (weeks in time order). Grouped on the raw values, then only the groups are labelled: at 50,000 events
    labelling every row cost the map page a second per run."""
    cols = [by, "events", "fatalities", "fatalities unknown"]
    if df is None or df.empty:
        return pd.DataFrame(columns=cols)
    fat = pd.to_numeric(df["fatalities"], errors="coerce").astype(float)
    d = pd.DataFrame({"key": _keys(df, by).to_numpy(), "fat": fat.to_numpy(), "unknown": fat.isna().to_numpy()})
    g = d.groupby("key", sort=False)
    out = pd.DataFrame({"events": g.size(), "fatalities": g["fat"].sum(min_count=0).astype(int),
                        "fatalities unknown": g["unknown"].sum().astype(int)})
    if by in LABELS:
        out.index = pd.Index([LABELS[by](k) for k in out.index])
    out = out.sort_index()  # ties below keep this order: names (or weeks) alphabetically
    if by != "Week":
        out = out.sort_values(["events", "fatalities"], ascending=False, kind="stable")
    return out.rename_axis(by).reset_index()[cols]
