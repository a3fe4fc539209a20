"""The map page's event feed: a scrolling list of row buttons, newest first, and a pager (Streamlit's edge).

Why apart from geomap.ui: the feed's widgets and callbacks are one piece, and ui.py stays under the house's module
size; the logic (pages, labels) is geomap.feed's, tested without a server.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from geomap import feed


def feed_widget(df: pd.DataFrame, selected_id: str | None, height: int = 460,
                fill: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> None:
    """Draw the event feed (in the current container): a scrolling list of row buttons and a pager. `fill` adds
    the text columns to the page's rows when `df` lacks them."""
    last = feed.n_pages(len(df) if df is not None else 0)
    page = min(max(1, st.session_state.get("feed_page", 1)), last)
    with st.container(height=height, key="feed_box"):
        rows = feed.page_rows(df, page, fill=fill)
        if not rows:
            st.caption("No events match the filters.")
        for r in rows:
            st.button(r.label, key=f"feed_{r.event_id}", on_click=_pick, args=(r.event_id, r.uid), width="stretch",
                      type="primary" if r.event_id == str(selected_id) else "secondary")
    c_prev, c_at, c_next = st.columns([1, 2, 1], vertical_alignment="center")
    c_prev.button("Newer", key="feed_prev", on_click=_turn, args=(-1, last), disabled=page <= 1, width="stretch")
    c_at.caption(f"Page {page} of {last} · {0 if df is None else len(df)} events, newest first")
    c_next.button("Older", key="feed_next", on_click=_turn, args=(1, last), disabled=page >= last, width="stretch")


def _pick(event_id: str, uid: str) -> None:
    """A feed row was clicked: that event becomes the selection, and the map selects it once (a new token)."""
    st.session_state.sel_uid = uid
    st.session_state.feed_n = st.session_state.get("feed_n", 0) + 1
    st.session_state.sel_token = f"{event_id}:{st.session_state.feed_n}"


def _turn(step: int, last: int) -> None:
    st.session_state.feed_page = min(max(1, st.session_state.get("feed_page", 1) + step), last)
