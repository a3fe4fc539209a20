"""The naive baseline for benchmarks/bench_map.py: one folium.Marker with a popup per stored event.

The way most folium + Streamlit examples draw points; same store, same offline assets as the real app.
"""

from __future__ import annotations

import html
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from geomap import appstate, mapview

mapview.ensure_static_assets(Path(__file__).parent / "static")
st.set_page_config(page_title="naive baseline", layout="wide")
df = appstate.events(appstate.db_path())
m = mapview.OfflineMap(location=[48, 31], zoom_start=5, tiles=None)
for rec in df.itertuples():
    folium.Marker([rec.lat, rec.lon], popup=folium.Popup(html.escape(rec.sentence), max_width=300)).add_to(m)
st.markdown(f"naive: {len(df)} markers")
st_folium(m, height=580, use_container_width=True, returned_objects=[])
