"""Data: the stored events as a table, with the map page's filters, and CSV (ACLED columns) and GeoJSON downloads."""

from __future__ import annotations

import streamlit as st

from geomap import filters, pagedata, ui, ui_summaries

ui.page_setup("geomap · Data", "📊")
DB = pagedata.db_path()
st.title("Data")

span = ui.date_span(DB)
if span is None:
    st.info("No events stored yet.")
    st.stop()
opts = ui.choices_for(DB)
if ui.entered():  # the URL's filters, else the map page's
    ui.seed_filters("d_", opts, span, "d_dates", ui.data_page_query())
with st.sidebar:
    st.header("Filters")
    picked = ui.filter_widgets(opts, prefix="d_")  # the same filters as the map page
picked_dates = st.date_input("Dates", min_value=span[0], max_value=span[1], key="d_dates")
start, end = filters.date_pair(picked_dates, span)
chosen = filters.Filters(start=start, end=end, **picked)
df = ui.map_events(DB, chosen)  # no text: the table reads its page's (issue 14)
query = filters.filters_to_query(chosen, span)
st.query_params.from_dict(query)
ui.remember(query)  # the map page opens with these filters
st.markdown(f"**{len(df)} events**")
n_pages = pagedata.n_table_pages(len(df))
page = 1
if n_pages > 1:
    st.session_state["d_page"] = min(max(1, st.session_state.get("d_page", 1)), n_pages)  # the filters changed
    page = st.number_input(f"Table page (of {n_pages}, {pagedata.TABLE_PAGE_ROWS} rows each; the downloads hold "
                           "every row)", min_value=1, max_value=n_pages, key="d_page")
st.dataframe(ui.table_page(DB, df, page).drop(columns=["place_start"], errors="ignore"), hide_index=True,
             width="stretch")
st.subheader("Summaries")
ui_summaries.summary_widget(DB, chosen)
d1, d2 = st.columns(2)
# The files are made only when a button is pressed (a callable), not on every rerun of the page.
d1.download_button("Download CSV (ACLED columns)", lambda: ui.export_text(DB, chosen, "csv"),
                   file_name="geomap_events.csv", mime="text/csv", key="dl_csv")
d2.download_button("Download GeoJSON", lambda: ui.export_text(DB, chosen, "geojson"),
                   file_name="geomap_events.geojson", mime="application/geo+json", key="dl_geojson")
