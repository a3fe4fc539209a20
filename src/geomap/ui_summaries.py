"""The map and Data pages' summaries (events per day; events and fatalities by type, country, admin-1 and week),
cached per store version and filters like the queries in geomap.ui.

Why cached apart from the events: at 50,000 events these tables and the per-day chart cost the map page most of
a second on every rerun (a pan, a click, Play's next step) although they change only with the filters.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from geomap import mapview, summary, timeline, ui
from geomap.filters import Filters


@st.cache_data(show_spinner=False, max_entries=16)
def _tables(path: str, version: tuple, f: Filters) -> dict[str, pd.DataFrame]:
    df = ui.map_events(Path(path), f)
    return {by: summary.summary(df, by) for by in summary.BY}


@st.cache_data(show_spinner=False, max_entries=16)
def _per_day(path: str, version: tuple, f: Filters) -> str:
    return mapview.timeline_html(timeline.per_day(ui.map_events(Path(path), f)))


def per_day_chart(path: Path, f: Filters) -> None:
    """Events per day by type as plain HTML bars (a Vega chart costs the map ~1 s to draw)."""
    st.html(_per_day(*ui.query_key(path, f)))


def summary_widget(path: Path, f: Filters) -> None:
    """Draw the summaries (in the current container) as one tab per grouping."""
    tables = _tables(*ui.query_key(path, f))
    for tab, by in zip(st.tabs(list(summary.BY)), summary.BY, strict=True):
        with tab:
            t = tables[by]  # a plain table: a few rows, readable (and searchable) as text
            st.table(t.head(summary.MAX_ROWS).set_index(by))
            if len(t) > summary.MAX_ROWS:
                st.caption(f"{summary.MAX_ROWS} of {len(t)} rows (most events first); the Data page's CSV has "
                           "them all.")
