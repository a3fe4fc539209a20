"""Gazetteer: search places, see the candidates on a map, correct a resolution or add a missing place.

A correction is saved for every article or for one, re-applied to the stored events at once, kept in a history and
undone with one click (geomap.edits). The form takes its name from the search and its point from a map click.
"""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geomap import appstate, edits, mapview, pagedata, placeedit, ui, ui_gazetteer
from geomap.exceptions import GeomapError

ui.page_setup("geomap · Gazetteer", "📍")
DB = pagedata.db_path()
borders = appstate.prepare_static()
st.title("Gazetteer")

query = st.text_input("Search a place", key="g_query", placeholder="e.g. Donetsk, or Kyiv, Ukraine").strip()
ui_gazetteer.follow_search(query)
if "g_result" in st.session_state:
    st.success(mapview.md_escape(st.session_state.pop("g_result")))

if query:
    cands = placeedit.place_search(query)
    col_map, col_side = st.columns([3, 2], gap="medium")
    with col_map:
        plural = "s" if len(cands) != 1 else ""
        st.caption(f"{len(cands)} candidate{plural} for “{mapview.md_escape(query)}” (best first). "
                   "Click the map to put a point into the form below.")
        out = st_folium(mapview.candidates_map(cands, borders=borders), key="gaz_map", height=420,
                        use_container_width=True, returned_objects=["last_clicked"])
        ui_gazetteer.follow_click(out)
    with col_side:
        st.subheader("How stored articles resolve it")
        usage = ui.name_usage(DB, query)
        if usage.empty:
            st.caption("No stored article mentions this name as a place.")
        else:
            st.dataframe(usage, hide_index=True, width="stretch")
        if not cands.empty:
            st.subheader("Correct the resolution")
            label = st.selectbox(f"“{mapview.md_escape(query)}” means", list(cands["label"]), key="g_pick")
            if st.button("Use this place (every article)", key="g_use"):
                try:
                    rep = ui.save_override(DB, query, **placeedit.candidate_override(cands, label),
                                           scope=edits.EVERYWHERE)
                except GeomapError as exc:
                    st.error(mapview.md_escape(str(exc)))
                else:
                    st.session_state.g_result = f"Saved. {rep.summary()}"
                    st.rerun()
    st.dataframe(cands.drop(columns=["label", "tip"]), hide_index=True, width="stretch")

st.subheader("Add a missing place (or move one)")
ui_gazetteer.correction_form(DB)
ui_gazetteer.undo_and_history(DB)
