"""geomap — the map page: stored events on an offline Folium map, filtered by date range and more.

Run with `streamlit run app.py`. Widgets only: queries live in geomap.appstate, map and HTML in
geomap.mapview.
"""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geomap import appstate, feed, mapview, pagestate, permalink, sourcesapp, summary

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
opts = appstate.choices_for(DB)
n_total = appstate.store_version(DB)[0]
st.session_state.data_counts = sourcesapp.data_counts(DB)


@st.fragment(run_every=sourcesapp.REFRESH_S)
def _follow_store() -> None:
    """New events from `geomap watch`: rerun the page with the user's filters and map view kept."""
    if sourcesapp.data_counts(DB) != st.session_state.get("data_counts"):
        st.session_state.view0 = appstate.parse_view(st.session_state.get("view")) or st.session_state.get("view0")
        st.rerun(scope="app")


_follow_store()

# ---- URL state -> widget state (once per session) ----
if "url_loaded" not in st.session_state:
    st.session_state.url_loaded = True
    url = appstate.filters_from_query(st.query_params.to_dict(), span)
    if span is not None:
        st.session_state.dates = (url.start or span[0], url.end or span[1])
    for k in appstate.FILTER_LABELS:
        wanted = getattr(url, k) or ()
        st.session_state[f"f_{k}"] = list(wanted) if k == "articles" else [
            t for t in wanted if t in getattr(opts, k)]
    st.session_state.f_text = url.text or ""
    st.session_state.f_conf = url.min_score or appstate.default_min_score()
    st.session_state.focus = mapview.parse_focus(st.query_params.get("focus"))
    st.session_state.view0 = appstate.parse_view(st.query_params.get("view"))
    st.session_state.view = st.query_params.get("view") if st.session_state.view0 else None
    st.session_state.update(permalink.options_from_query(st.query_params.to_dict()))  # basemap, cluster, heat
    st.session_state.sel_uid = st.session_state.sel0 = permalink.event_param(st.query_params.to_dict())

# ---- sidebar: filters and map options ----
with st.sidebar:
    st.header("Filters")
    picked = appstate.filter_widgets(opts, prefix="f_")
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
    if "play_next" in st.session_state:  # a play tick (below) moved the window
        st.session_state.dates = st.session_state.pop("play_next")
    cur = st.session_state.get("dates")
    # a range left at the whole span grows with it when new events arrive; a range the user chose stays
    if not (isinstance(cur, tuple | list) and len(cur) == 2 and lo <= cur[0] <= cur[1] <= hi) or (
            tuple(cur) == st.session_state.get("span_seen")):
        st.session_state.dates = (lo, hi)
    st.session_state.span_seen = (lo, hi)
    playing = bool(st.session_state.get("playing"))
    c_play, c_step, c_speed = st.columns([1, 1, 2], vertical_alignment="bottom")
    step = c_step.selectbox("Step", appstate.STEPS, index=1, key="play_step")
    speed = c_speed.select_slider("Seconds per step", [0.5, 1.0, 2.0, 3.0, 5.0], value=1.0, key="play_speed")
    if c_play.button("Pause" if playing else "Play", icon=":material/pause:" if playing else ":material/play_arrow:",
                     key="play_btn", width="stretch"):
        playing = not playing
        if playing:  # play the chosen window, from its first day with an event
            chosen = tuple(st.session_state.dates)
            first = appstate.next_window(chosen, step, chosen, appstate.play_intervals(DB, appstate.Filters(**picked)))
            playing = first is not None
            st.session_state.play_range = chosen
            st.session_state.dates = first or chosen
        st.session_state.playing = playing
    start, end = st.slider("Event dates", min_value=lo, max_value=hi, key="dates", format="YYYY-MM-DD")

    st.session_state.full_run = True

    @st.fragment(run_every=speed if playing else None)
    def _play_ticker() -> None:
        """Runs alone every `speed` seconds while playing: moves the window one step, then reruns the page."""
        if st.session_state.get("full_run"):
            st.session_state.full_run = False
            return
        if not st.session_state.get("playing"):
            return
        bounds = st.session_state.get("play_range") or span
        nxt = appstate.next_window(tuple(st.session_state.dates), st.session_state.play_step, bounds,
                                   appstate.play_intervals(DB, appstate.Filters(**picked)))
        if nxt is None:
            st.session_state.playing = False
        else:
            st.session_state.play_next = nxt
        st.rerun(scope="app")

    _play_ticker()

filters = appstate.Filters(start=start, end=end, **picked)
df = appstate.events(DB, filters)

if start is not None:
    st.markdown(f"**Showing {len(df)} of {df.attrs.get('total', n_total)} events** "  # one snapshot (issue 12)
                f"from {start.isoformat()} to {end.isoformat()}")

tiles = {"OpenStreetMap (online)": "OpenStreetMap", "Carto light (online)": "Carto light"}.get(basemap)
focus = st.session_state.get("focus")
view0 = st.session_state.get("view0")
linked = permalink.row_of(df, st.session_state.get("sel0"))  # a permalink's event: selected once drawn
if linked is not None and not focus and not view0:
    view0 = st.session_state.view0 = ((float(linked["lat"]), float(linked["lon"])), 9)
start_view = (focus, 8) if focus else view0
base = mapview.build_base_map(appstate.bounds_for(DB), borders=borders, tiles=tiles, view=start_view)
layer = appstate.event_layer_for(DB, filters, cluster={"Auto": None, "On": True, "Off": False}[cluster_mode],
                                 heat=heat, selected=st.session_state.get("sel_token") or (
                                     str(linked["event_id"]) if linked is not None else None))

col_map, col_panel = st.columns([3, 2], gap="medium")
with col_map:
    out = st_folium(base, key="map", feature_group_to_add=layer, height=580, use_container_width=True,
                    returned_objects=mapview.RETURNED_OBJECTS,
                    center=start_view[0] if start_view else None, zoom=start_view[1] if start_view else None)
    if not borders:
        st.caption("Country borders unavailable (data/countries.geojson missing).")
    st.session_state.view = appstate.view_from_map(out) or st.session_state.get("view")
with col_panel:
    clicked = mapview.clicked_event_id(out)
    if clicked and clicked != st.session_state.get("last_click"):  # a new click chooses the event
        st.session_state.last_click = clicked
        st.session_state.sel_uid = permalink.uid_of(df, clicked)
    chosen = permalink.row_of(df, st.session_state.get("sel_uid"))
    clicked = str(chosen["event_id"]) if chosen is not None else clicked
    rec, here = mapview.events_at_place(df, clicked)
    if rec is not None:
        st.subheader(f"{rec['name']} — {len(here)} event{'s' if len(here) != 1 else ''} here")
        st.html(mapview.panel_html(here, clicked))
    elif clicked:
        st.info("The selected event is outside the current filters.")
    else:
        st.info("Click a marker to read its source sentence here.")
    st.html(mapview.legend_html(appstate.type_counts(df)))
    st.subheader("Event feed")
    feed.feed_widget(df, clicked)

view = st.session_state.get("view")
pagestate.remember(appstate.filters_to_query(filters, span))
st.query_params.from_dict({**appstate.filters_to_query(filters, span),
                           **({"focus": f"{focus[0]:.5f},{focus[1]:.5f}"} if focus else {}),
                           **({"view": view} if view else {}),
                           **permalink.options_to_query(basemap, cluster_mode, heat),
                           **({"event": st.session_state.sel_uid} if st.session_state.get("sel_uid") else {})})

if not df.empty:
    st.subheader("Events per day")
    st.html(mapview.timeline_html(appstate.timeline(df)))  # plain HTML: a Vega chart costs the map ~1 s to draw
    st.subheader("Summaries")
    summary.summary_widget(df)
