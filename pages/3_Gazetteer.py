"""Gazetteer: search places, see the candidates on a map, correct a resolution or add a missing place.

A correction is saved as a user override and re-applied to the stored events at once (geomap.corrections).
"""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geomap import appstate, mapview, pagedata, placeedit, ui
from geomap.exceptions import GeomapError
from geomap.models import PRECISIONS

ui.page_setup("geomap · Gazetteer", "📍")
DB = pagedata.db_path()
borders = appstate.prepare_static()
st.title("Gazetteer")

query = st.text_input("Search a place", key="g_query", placeholder="e.g. Donetsk, or Kyiv, Ukraine").strip()
if "g_result" in st.session_state:
    st.success(st.session_state.pop("g_result"))

if query:
    cands = placeedit.place_search(query)
    col_map, col_side = st.columns([3, 2], gap="medium")
    with col_map:
        plural = "s" if len(cands) != 1 else ""
        st.caption(f"{len(cands)} candidate{plural} for “{mapview.md_escape(query)}” (best first)")
        st_folium(mapview.candidates_map(cands, borders=borders), key="gaz_map", height=420,
                  use_container_width=True, returned_objects=[])
    with col_side:
        st.subheader("How stored articles resolve it")
        usage = ui.name_usage(DB, query)
        if usage.empty:
            st.caption("No stored article mentions this name as a place.")
        else:
            st.dataframe(usage, hide_index=True, width="stretch")
        if not cands.empty:
            st.subheader("Correct the resolution")
            label = st.selectbox(f"“{query}” means", list(cands["label"]), key="g_pick")
            if st.button("Use this place", key="g_use"):
                try:
                    rep = ui.save_override(DB, query, **placeedit.candidate_override(cands, label))
                except GeomapError as exc:
                    st.error(str(exc))
                else:
                    st.session_state.g_result = f"Saved. {rep.summary()}"
                    st.rerun()
    st.dataframe(cands.drop(columns=["label"]), hide_index=True, width="stretch")

st.subheader("Add a missing place (or move one)")
with st.form("g_add"):
    c1, c2, c3 = st.columns(3)
    name = c1.text_input("Name as written in articles", value=query, key="g_name")
    lat = c2.number_input("Latitude", min_value=-90.0, max_value=90.0, value=0.0, format="%.5f", key="g_lat")
    lon = c3.number_input("Longitude", min_value=-180.0, max_value=180.0, value=0.0, format="%.5f", key="g_lon")
    c4, c5, c6 = st.columns(3)
    kind = c4.selectbox("Kind", PRECISIONS, index=PRECISIONS.index("city"), key="g_kind")
    country = c5.text_input("Country (ISO-2)", max_chars=2, key="g_cc")
    radius = c6.number_input("Extent (km, 0 = a point)", min_value=0.0, value=0.0, key="g_radius")
    added = st.form_submit_button("Save place and re-apply")
if added:
    try:
        rep = ui.save_override(DB, name, lat=lat, lon=lon, kind=kind, country=country, radius_km=radius)
    except GeomapError as exc:
        st.error(str(exc))
    else:
        st.session_state.g_result = f"Saved. {rep.summary()}"
        st.rerun()
