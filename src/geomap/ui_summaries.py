"""The map page's sections below the map (events per day, the brushable timeline, the summaries) and the Data
page's summaries, cached per store version and filters like the queries in geomap.ui.

Why cached apart from the events: at 50,000 events these tables and the per-day chart cost the map page most of
a second on every rerun (a pan, a click, Play's next step) although they change only with the filters.

Why drawn after the map (issue 14, benchmarks/notes_map_speed.md): the map's iframe shares the browser's one main
thread with the rest of the page, and these sections (Vega's timeline above all) and the event feed took most of
it during the map's first draw (6.7 s at 50,000 events instead of ~2 s). So a visit opens with the map, the filters
and the panel; the map presses the page's "Show the feed, timeline and summaries" button once its markers are
drawn (map.js `afterDraw`, geomap.ui.map_drawn), and the feed and these sections come in that next run; the
button stays for the user if the map never draws. A reader sees the map first and the lists and charts a moment
later, which is the order they are read in.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import pandas as pd
import streamlit as st

from geomap import mapview, summary, timeline, ui
from geomap.filters import Filters, Span


@st.cache_data(show_spinner=False, max_entries=16)
def _tables(path: str, version: tuple, f: Filters) -> dict[str, str]:
    df = ui.map_events(Path(path), f)
    return {by: mapview.summary_html(summary.summary(df, by), summary.MAX_ROWS) for by in summary.BY}


@st.cache_data(show_spinner=False, max_entries=16)
def _per_day(path: str, version: tuple, f: Filters) -> str:
    return mapview.timeline_html(timeline.per_day(ui.map_events(Path(path), f)))


@st.cache_data(show_spinner=False, max_entries=16)
def _day_counts(path: str, version: tuple, f: Filters) -> pd.DataFrame:
    return timeline.day_counts(ui.map_events(Path(path), f))


def per_day_chart(path: Path, f: Filters) -> None:
    """Events per day by type as plain HTML bars (a Vega chart costs the map ~1 s to draw)."""
    st.html(_per_day(*ui.query_key(path, f)))


def summary_widget(path: Path, f: Filters) -> None:
    """Draw the summaries (in the current container) as one tab per grouping, each one HTML table (readable and
    searchable as text; st.table cost a React table per tab on every run)."""
    tables = _tables(*ui.query_key(path, f))
    for tab, by in zip(st.tabs(list(summary.BY)), summary.BY, strict=True):
        with tab:
            st.html(tables[by])


def below_map(path: Path, span: Span | None, f: Filters, any_events: bool) -> None:
    """The sections below the map, from the run after the map's first draw on (see the module's docstring)."""
    if ui.entered():  # a new visit: the URL's window is drawn as the timeline's brush
        st.session_state.timeline_window = (f.start, f.end)
    if not ui.map_drawn():
        ui.after_map_button("Show the feed, timeline and summaries")
        return
    if any_events:
        st.subheader("Events per day")
        per_day_chart(path, f)
    if span is not None and span[0] != span[1]:
        st.subheader("Timeline")
        st.caption("Drag across the bars to choose the dates, click a bar for one day.")
        timeline_widget(path, span, f)
    if any_events:
        st.subheader("Summaries")
        summary_widget(path, f)


def timeline_widget(path: Path, span: Span | None, f: Filters) -> None:
    """The whole span's events per day (with `f`'s other filters): drag across it to set the date window, click a
    bar for one day. The chosen window moves the slider (and so the URL).

    The brush is drawn only at a window the timeline chose (or the URL's, on opening) while the slider still shows
    it: the chart's spec, and so Vega's view, stays the same when the slider moves (a new spec re-embedded the chart,
    ~0.75 s of the browser's main thread per move); the first move off a brushed window clears the brush (one
    re-embed). The window itself is always in the "Showing ... from ... to ..." line and the per-day bars.
    """
    if span is None or span[0] == span[1]:
        return
    counts = _day_counts(*ui.query_key(path, replace(f, start=None, end=None)))
    window = (f.start, f.end) if f.start and f.end and (f.start, f.end) != tuple(span) else None
    drawn = st.session_state.get("timeline_window")
    drawn = tuple(drawn) if drawn and window and tuple(drawn) == window else None
    st.session_state.timeline_window = drawn
    st.altair_chart(timeline.chart(counts, mapview.EVENT_COLORS, drawn), key="timeline", width="stretch",
                    on_select=functools.partial(_brushed, span), selection_mode=[timeline.BRUSH, timeline.PICK])


def _brushed(span: Span) -> None:
    """The chart's selection changed: a new brush or a clicked day becomes the slider's window (Play stops)."""
    state = st.session_state.get("timeline") or {}
    selection = {k: v for k, v in (state.get("selection") or {}).items()}
    window = timeline.chosen_window(selection, st.session_state.get("timeline_seen"), span)
    st.session_state.timeline_seen = selection
    if window is not None:
        st.session_state.dates = window
        st.session_state.timeline_window = window
        st.session_state.playing = False
