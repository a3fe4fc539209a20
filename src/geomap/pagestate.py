"""Filters shared across pages: the Data page opens with the URL's filters, else with the map page's current ones,
and writes its own back into its URL, so a Data link shows the same selection as the map link it came from.

Why a copy under a plain key (`shared_query`): Streamlit drops a page's widget state when another page runs, so the
map page leaves its filters as URL parameters, which outlive the switch.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import streamlit as st

from geomap import appstate

SHARED = "shared_query"
_URL_KEYS = ("start", "end", "q", "conf", *appstate._LIST_KEYS)


def remember(query: Mapping[str, str]) -> None:
    """Called by the map page each run: its filters as URL parameters, for the other pages."""
    st.session_state[SHARED] = dict(query)


def seed(prefix: str, opts: appstate.Choices, span: tuple[date, date], params: Mapping[str, object]) -> None:
    """Once per session and page (`prefix`): the filter widgets' state from the URL, else from the map page."""
    flag = f"{prefix}seeded"
    if st.session_state.get(flag):
        return
    st.session_state[flag] = True
    source = params if any(k in params for k in _URL_KEYS) else st.session_state.get(SHARED) or {}
    url = appstate.filters_from_query(source, span)  # type: ignore[arg-type]
    for k in appstate.FILTER_LABELS:
        wanted = getattr(url, k) or ()
        st.session_state[f"{prefix}{k}"] = list(wanted) if k == "articles" else [
            t for t in wanted if t in getattr(opts, k)]
    st.session_state[f"{prefix}text"] = url.text or ""
    st.session_state[f"{prefix}conf"] = url.min_score or appstate.default_min_score()
    st.session_state[f"{prefix}dates"] = (url.start or span[0], url.end or span[1])
