"""The map page's date slider and Play (Streamlit's edge): the window the map shows, and Play stepping it.

Why apart from geomap.ui: the slider, the Play controls and Play's timed fragment are one piece of state (the
window, the playing flag, the next step), and ui.py stays under the house's module size; the stepping itself is
geomap.playback's, tested without a server.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

import streamlit as st

from geomap import playback
from geomap.filters import Filters, Span
from geomap.ui import play_intervals

#: Play's step (the first run draws no Step box; playback.STEPS[1] is its default) and seconds per step.
PLAY_STEP = playback.STEPS[1]
PLAY_SPEED = 1.0


def date_window(path: Path, span: Span | None, picked: Mapping[str, object]) -> tuple[date | None, date | None]:
    """The date slider: the window the map shows, or (None, None) for an empty store; Play's ticks run here."""
    if span is None:
        st.info("No events stored yet. Add articles on the **Articles** page (or `geomap ingest PATH`).")
        return None, None
    if span[0] == span[1]:
        st.caption(f"All events are dated {span[0].isoformat()}.")
        return span
    start, end = st.slider("Event dates", min_value=span[0], max_value=span[1], key="dates", format="YYYY-MM-DD")
    st.session_state.full_run = True
    speed = st.session_state.get("play_speed") or PLAY_SPEED
    st.fragment(run_every=speed if st.session_state.get("playing") else None)(_play_tick)(path, span, Filters(**picked))
    return start, end


def play_controls(path: Path, span: Span | None, picked: Mapping[str, object]) -> None:
    """Play/Pause, step and speed, in the sidebar with the filters (drawn once the map is): Play steps the date
    slider's window through time. Nothing to play in an empty or one-day store."""
    if span is None or span[0] == span[1]:
        return
    st.header("Play")
    playing = bool(st.session_state.get("playing"))
    c_play, c_step = st.columns(2, vertical_alignment="bottom")
    step = c_step.selectbox("Step", playback.STEPS, index=playback.STEPS.index(PLAY_STEP), key="play_step")
    st.select_slider("Seconds per step", [0.5, 1.0, 2.0, 3.0, 5.0], value=PLAY_SPEED, key="play_speed")
    if c_play.button("Pause" if playing else "Play", icon=":material/pause:" if playing else ":material/play_arrow:",
                     key="play_btn", width="stretch"):
        _toggle_play(path, playing, step, Filters(**picked))


def keep_window(span: Span | None) -> None:
    """The slider's window: a play tick's, else the user's; a window left at the whole span grows with it when
    new events arrive, a window the user chose stays. Called once per run, before Play and the slider."""
    if span is None:
        return
    lo, hi = span
    if "play_next" in st.session_state:  # a play tick (below) moved the window
        st.session_state.dates = st.session_state.pop("play_next")
    cur = st.session_state.get("dates")
    if not (isinstance(cur, tuple | list) and len(cur) == 2 and lo <= cur[0] <= cur[1] <= hi) or (
            tuple(cur) == st.session_state.get("span_seen")):
        st.session_state.dates = (lo, hi)
    st.session_state.span_seen = (lo, hi)


def _toggle_play(path: Path, playing: bool, step: str, f: Filters) -> None:
    """Play or pause; Play plays the chosen window, from its first day with an event."""
    playing = not playing
    if playing:
        chosen = tuple(st.session_state.dates)
        first = playback.next_window(chosen, step, chosen, play_intervals(path, f))
        playing = first is not None
        st.session_state.play_range = chosen
        st.session_state.dates = first or chosen
    st.session_state.playing = playing


def _play_tick(path: Path, span: Span, f: Filters) -> None:
    """Runs alone every few seconds while playing: moves the window one step, then reruns the page."""
    if st.session_state.get("full_run"):
        st.session_state.full_run = False
        return
    if not st.session_state.get("playing"):
        return
    bounds = st.session_state.get("play_range") or span
    nxt = playback.next_window(tuple(st.session_state.dates), st.session_state.get("play_step") or PLAY_STEP, bounds,
                               play_intervals(path, f))
    if nxt is None:
        st.session_state.playing = False
    else:
        st.session_state.play_next = nxt
    st.rerun(scope="app")
