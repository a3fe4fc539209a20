"""geomap — the map page: stored events on an offline Folium map, filtered by date range and more.

Run with `streamlit run app.py`. Widgets only: Streamlit's state and caches live in geomap.ui, the logic behind
them in plain modules (geomap.filters, pagedata, permalink, playback), map and HTML in geomap.mapview.
"""

from __future__ import annotations

import streamlit as st

from geomap import appstate, filters, mapview, pagedata, permalink, timeline, ui

st.set_page_config(page_title="geomap", page_icon="🗺️", layout="wide")

DB = pagedata.db_path()
borders = appstate.prepare_static()
ui.first_start(DB)

span = ui.date_span(DB)
opts = ui.choices_for(DB)
n_total = ui.store_version(DB)[0]
ui.follow_store(DB)
ui.seed_map(opts, span)

with st.sidebar:
    st.header("Filters")
    picked = ui.filter_widgets(opts, prefix="f_")
    st.header("Map")
    options = ui.map_options()

st.title("geomap")
start, end = ui.date_window(DB, span, picked)
chosen = filters.Filters(start=start, end=end, **picked)
df = ui.events(DB, chosen)

if start is not None:
    st.markdown(f"**Showing {len(df)} of {df.attrs.get('total', n_total)} events** "  # one snapshot (issue 12)
                f"from {start.isoformat()} to {end.isoformat()}")

basemap, cluster_mode, heat = options
view = ui.start_view(df)
base = mapview.build_base_map(ui.bounds_for(DB), borders=borders, tiles=permalink.TILES.get(basemap), view=view)
base.get_root().header.add_child(mapview.map_style_element(), name="geomap_dots")
layer = ui.event_layer_for(DB, chosen, cluster=permalink.CLUSTER_ON[cluster_mode], heat=heat,
                           payload_dir=appstate.PAYLOAD_DIR, selected=ui.selected_marker(df))

col_map, col_panel = st.columns([3, 2], gap="medium")
with col_map:
    out = ui.map_widget(base, layer, view, borders)
with col_panel:
    ui.event_panel(df, out)

ui.write_map_url(chosen, span, options)

if not df.empty:
    st.subheader("Events per day")
    st.html(mapview.timeline_html(timeline.per_day(df)))  # plain HTML: a Vega chart costs the map ~1 s to draw
    st.subheader("Summaries")
    ui.summary_widget(df)
