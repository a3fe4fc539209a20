"""geomap — `streamlit run app.py`: the map page, first in the app's navigation and named "Map" there.

Widgets only: Streamlit's state and caches live in geomap.ui, the logic behind them in plain modules (geomap.filters,
pagedata, permalink, playback, timeline), map and HTML in geomap.mapview.

Why st.navigation: with the pages/ folder alone, Streamlit names the first page after this file ("app"); here the
map is "Map" at the root URL and the other pages keep their paths (/Articles, /Data, /Gazetteer, /Sources).
"""

from __future__ import annotations

import streamlit as st

from geomap import appstate, filters, mapview, memory, pagedata, permalink, ui, ui_playback, ui_summaries


def map_page() -> None:
    """Stored events on an offline Folium map, filtered by date range and more, with the event panel and feed.
    A visit's first run draws the date slider, the map and its panel only; the sidebar's widgets (filters, Play,
    map options, overlays), the feed, the per-day bars, timeline and summaries come in the run the drawn map asks
    for (issue 14's first-draw speed, see geomap.ui_summaries)."""
    ui.page_setup("geomap", "🗺️")
    db = pagedata.db_path()
    borders = appstate.prepare_static()
    ui.first_start(db)
    span = ui.date_span(db)
    opts = ui.choices_for(db)
    n_total = ui.store_version(db)[0]
    store_follow = ui.follow_store(db, appstate.PAYLOAD_DIR)
    ui.seed_map(opts, span)
    ui_playback.keep_window(span)
    with st.sidebar:
        if ui.map_drawn():
            st.header("Filters")
            picked = ui.filter_widgets(opts, prefix="f_")
            ui_playback.play_controls(db, span, picked)
            st.header("Map")
            options = ui.map_options()
            st.header("Overlays")
            overlay_ids, overlay_query = ui.overlay_section(db)
        else:  # a visit's first run: the map first, its filters as set (URL, last visit) and drawn once it is
            picked, options = ui.filter_values("f_"), ui.map_option_values()
            overlay_ids, overlay_query = ui.overlay_choice(db)
            st.caption("The filters follow once the map is drawn.")

    st.title("geomap")
    start, end = ui_playback.date_window(db, span, picked)
    chosen = filters.Filters(start=start, end=end, **picked)
    df = ui.map_events(db, chosen)  # no text: the feed's page and the panel read theirs by id
    if start is not None:
        st.markdown(f"**Showing {len(df)} of {df.attrs.get('total', n_total)} events** "  # one snapshot (issue 12)
                    f"from {start.isoformat()} to {end.isoformat()}")

    basemap, cluster_mode, heat = options
    view = ui.start_view(df)
    base = mapview.build_base_map(ui.bounds_for(db), borders=borders, tiles=permalink.TILES.get(basemap), view=view,
                                  context=mapview.context_available(appstate.STATIC_DIR))
    layer = ui.event_layer_for(db, chosen, cluster=permalink.CLUSTER_ON[cluster_mode], heat=heat,
                               payload_dir=appstate.PAYLOAD_DIR, selected=ui.selected_marker(df),
                               store_follow=store_follow)
    overlays = ui.overlay_layer_for(db, overlay_ids, payload_dir=appstate.PAYLOAD_DIR)  # drawn under the events
    col_map, col_panel = st.columns([3, 2], gap="medium")
    with col_map:
        out = ui.map_widget(base, [layer, overlays], view, borders)
    with col_panel:
        ui.event_panel(db, df, out)
    ui.write_map_url(chosen, span, options, overlay_query)

    # drawn in the run after the map's first draw (the map asks for them): see geomap.ui_summaries
    ui_summaries.below_map(db, span, chosen, any_events=not df.empty)

st.navigation([
    st.Page(map_page, title="Map", icon="🗺️", default=True),
    st.Page("pages/1_Articles.py", title="Articles", icon="📰", url_path="Articles"),
    st.Page("pages/2_Data.py", title="Data", icon="📊", url_path="Data"),
    st.Page("pages/3_Gazetteer.py", title="Gazetteer", icon="📍", url_path="Gazetteer"),
    st.Page("pages/4_Sources.py", title="Sources", icon="📡", url_path="Sources"),
]).run()
memory.release()  # the run's freed memory back to the system: flat server memory over visits (geomap.memory)
