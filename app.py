"""geomap — the map page: stored events on an offline Folium map, filtered by date range and more.

Run with `streamlit run app.py`. Widgets only: queries live in geomap.appstate, map and HTML in
geomap.mapview.
"""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geomap import appstate, mapview

st.set_page_config(page_title="geomap", page_icon="🗺️", layout="wide")

DB = appstate.db_path()
borders = appstate.prepare_static()

if appstate.needs_first_ingest(DB) and appstate.sample_paths():
    with st.status("First start: reading the sample articles…", expanded=True) as status:
        bar = st.progress(0.0, text="starting")

        def _progress(done: int, total: int, label: str) -> None:
            bar.progress(min(done / total, 1.0) if total else 0.0, text=f"{done}/{total or '?'} {label}")

        report = appstate.first_start_ingest(DB, _progress)
        done = f"Sample articles ingested: {report.summary().splitlines()[0]}" if report else "Ready"
        status.update(label=done, state="complete", expanded=False)

span = appstate.date_span(DB)
df_all = appstate.events(DB)
opts = appstate.choices(df_all)

# ---- URL state -> widget state (once per session) ----
if "url_loaded" not in st.session_state:
    st.session_state.url_loaded = True
    url = appstate.filters_from_query(st.query_params.to_dict(), span)
    if span is not None:
        st.session_state.dates = (url.start or span[0], url.end or span[1])
    st.session_state.f_types = [t for t in (url.event_types or ()) if t in opts.event_types]
    st.session_state.f_subtypes = [t for t in (url.sub_event_types or ()) if t in opts.sub_event_types]
    st.session_state.f_countries = [t for t in (url.countries or ()) if t in opts.countries]
    st.session_state.f_actors = [t for t in (url.actors or ()) if t in opts.actors]
    st.session_state.f_articles = [t for t in (url.articles or ()) if t in opts.articles]
    st.session_state.f_precisions = [t for t in (url.precisions or ()) if t in opts.precisions]
    st.session_state.f_text = url.text or ""
    st.session_state.focus = mapview.parse_focus(st.query_params.get("focus"))

# ---- sidebar: filters and map options ----
with st.sidebar:
    st.header("Filters")
    f_types = st.multiselect("Event type", opts.event_types, key="f_types", placeholder="all types")
    f_subtypes = st.multiselect("Sub-event type", opts.sub_event_types, key="f_subtypes", placeholder="all")
    f_countries = st.multiselect("Country", opts.countries, key="f_countries", placeholder="all")
    f_actors = st.multiselect("Actor", opts.actors, key="f_actors", placeholder="all")
    f_articles = st.multiselect("Source article", opts.articles, key="f_articles", placeholder="all")
    f_precisions = st.multiselect("Location precision", opts.precisions, key="f_precisions",
                                  placeholder="all")
    f_text = st.text_input("Text in sentence, place or title", key="f_text")
    st.header("Map")
    basemap = st.radio("Basemap", ["Offline borders", "OpenStreetMap (online)", "Carto light (online)"],
                       key="basemap", help="Online tiles need the internet; the offline borders never do.")
    cluster_mode = st.radio("Cluster markers", ["Auto", "On", "Off"], key="cluster", horizontal=True)
    heat = st.checkbox("Heat map layer", key="heat")

st.title("geomap")

if span is None:
    st.info("No events stored yet. Add articles on the **Articles** page (or `geomap ingest PATH`).")
    start = end = None
elif span[0] == span[1]:
    start, end = span
    st.caption(f"All events are dated {start.isoformat()}.")
else:
    lo, hi = span
    cur = st.session_state.get("dates")
    if not (isinstance(cur, tuple | list) and len(cur) == 2 and lo <= cur[0] <= cur[1] <= hi):
        st.session_state.dates = (lo, hi)
    start, end = st.slider("Event dates", min_value=lo, max_value=hi, key="dates", format="YYYY-MM-DD")

filters = appstate.Filters(
    start=start, end=end,
    event_types=tuple(f_types) or None, sub_event_types=tuple(f_subtypes) or None,
    countries=tuple(f_countries) or None, actors=tuple(f_actors) or None,
    articles=tuple(f_articles) or None, precisions=tuple(f_precisions) or None,
    text=f_text.strip() or None,
)
focus = st.session_state.get("focus")
st.query_params.from_dict({**appstate.filters_to_query(filters, span),
                           **({"focus": f"{focus[0]:.5f},{focus[1]:.5f}"} if focus else {})})
df = df_all if appstate.is_unfiltered(filters, span) else appstate.events(DB, filters)

if start is not None:
    st.markdown(f"**Showing {len(df)} of {len(df_all)} events** "
                f"from {start.isoformat()} to {end.isoformat()}")

tiles = {"OpenStreetMap (online)": "OpenStreetMap", "Carto light (online)": "Carto light"}.get(basemap)
base = mapview.build_base_map(mapview.frame_bounds(df_all), borders=borders, tiles=tiles)
base.get_root().header.add_child(mapview.map_style_element(), name="geomap_dots")
layer = mapview.event_layer(df, cluster={"Auto": None, "On": True, "Off": False}[cluster_mode], heat=heat,
                            payload_dir=appstate.PAYLOAD_DIR)

col_map, col_panel = st.columns([3, 2], gap="medium")
with col_map:
    out = st_folium(base, key="map", feature_group_to_add=layer, height=580, use_container_width=True,
                    returned_objects=["last_object_clicked_tooltip"],
                    center=focus, zoom=8 if focus else None)
    if not borders:
        st.caption("Country borders unavailable (data/countries.geojson missing).")
with col_panel:
    clicked = mapview.clicked_event_id(out)
    rec, here = mapview.events_at_place(df, clicked)
    if rec is not None:
        st.subheader(f"{rec['name']} — {len(here)} event{'s' if len(here) != 1 else ''} here")
        st.html(mapview.panel_html(here, clicked))
    elif clicked:
        st.info("The selected event is outside the current filters.")
    else:
        st.info("Click a marker to read its source sentence here.")
    st.html(mapview.legend_html(appstate.type_counts(df)))

if not df.empty:
    st.subheader("Events per day")
    st.bar_chart(appstate.timeline(df), height=220)
