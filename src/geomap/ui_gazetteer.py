"""The Gazetteer page's correction widgets: the form prefilled from the search and the map click, the scope, undo
and the history (Streamlit's edge, like geomap.ui; the work is geomap.placeedit's and geomap.edits').

Why the form follows the page: an analyst searches a name, sees the candidates, and clicks where the place really is;
retyping the name and copying coordinates by hand is where corrections went wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from geomap import edits, mapview, placeedit
from geomap.exceptions import GeomapError
from geomap.models import PRECISIONS
from geomap.ui import shown

articles_mentioning = shown(placeedit.articles_mentioning)
undo_last = shown(placeedit.undo_last)
save_override = shown(placeedit.save_override)


def follow_search(query: str) -> None:
    """A new search fills the form's name (the user may still edit it before saving)."""
    if query and query != st.session_state.get("g_query_seen"):
        st.session_state.g_name = query
    st.session_state.g_query_seen = query


def follow_click(out: Mapping | None) -> None:
    """A new click on the candidates map puts its point into the form's latitude and longitude."""
    point = placeedit.clicked_point(out)
    if point is not None and point != st.session_state.get("g_click_seen"):
        st.session_state.g_click_seen = point
        st.session_state.g_lat, st.session_state.g_lon = point
    if st.session_state.get("g_click_seen"):
        lat, lon = st.session_state.g_click_seen
        st.caption(f"Clicked {lat:.5f}, {lon:.5f}: the point is in the form below.")


def _scope(db: Path, name: str) -> tuple[str, str | None]:
    """The scope radio and, for "this article", the article picker (articles mentioning the name)."""
    scope = st.radio("Apply the correction to", edits.SCOPES, horizontal=True, key="g_scope",
                     format_func=lambda s: "every article" if s == edits.EVERYWHERE else "one article only")
    if scope != edits.THIS_ARTICLE:
        return scope, None
    arts = articles_mentioning(db, name)
    if not arts:
        st.caption(f"No stored article mentions “{mapview.md_escape(name)}”.")
        return scope, None
    article = st.selectbox("Article", list(arts), format_func=arts.get, key="g_article")
    return scope, article


def correction_form(db: Path) -> None:
    """Add a missing place or move one: name, point (typed or clicked), kind, country, extent, scope; saved and
    re-applied at once."""
    for key, default in (("g_lat", 0.0), ("g_lon", 0.0), ("g_name", "")):
        st.session_state.setdefault(key, default)
    scope, article = _scope(db, st.session_state.g_name)
    with st.form("g_add"):
        c1, c2, c3 = st.columns(3)
        name = c1.text_input("Name as written in articles", key="g_name")
        lat = c2.number_input("Latitude", min_value=-90.0, max_value=90.0, format="%.5f", key="g_lat")
        lon = c3.number_input("Longitude", min_value=-180.0, max_value=180.0, format="%.5f", key="g_lon")
        c4, c5, c6 = st.columns(3)
        kind = c4.selectbox("Kind", PRECISIONS, index=PRECISIONS.index("city"), key="g_kind")
        country = c5.text_input("Country (ISO-2)", max_chars=2, key="g_cc")
        radius = c6.number_input("Extent (km, 0 = a point)", min_value=0.0, value=0.0, key="g_radius")
        added = st.form_submit_button("Save place and re-apply")
    if not added:
        return
    try:
        rep = save_override(db, name, lat=lat, lon=lon, kind=kind, country=country, radius_km=radius, scope=scope,
                            article=article)
    except GeomapError as exc:
        st.error(mapview.md_escape(str(exc)))
    else:
        st.session_state.g_result = f"Saved. {rep.summary()}"
        st.rerun()


def undo_and_history(db: Path) -> None:
    """The undo button and the corrections history (newest first)."""
    try:
        hist = placeedit.correction_history()
        pending = edits.last_undoable() is not None
    except GeomapError as exc:
        st.error(mapview.md_escape(str(exc)))
        return
    if st.button("Undo the last correction", key="g_undo", disabled=not pending):
        try:
            st.session_state.g_result = undo_last(db)
        except GeomapError as exc:
            st.error(mapview.md_escape(str(exc)))
        else:
            st.rerun()
    st.subheader("Corrections history")
    if hist.empty:
        st.caption("No corrections yet.")
    else:
        st.dataframe(hist, hide_index=True, width="stretch")
