"""Data: the stored events as a table, with the map page's filters, and CSV (ACLED columns) and GeoJSON downloads."""

from __future__ import annotations

import streamlit as st

from geomap import appstate, pagestate, summary

st.set_page_config(page_title="geomap · Data", page_icon="📊", layout="wide")
DB = appstate.db_path()
st.title("Data")

span = appstate.date_span(DB)
if span is None:
    st.info("No events stored yet.")
    st.stop()
opts = appstate.choices_for(DB)
pagestate.seed("d_", opts, span, st.query_params.to_dict())  # the URL's filters, else the map page's
with st.sidebar:
    st.header("Filters")
    picked = appstate.filter_widgets(opts, prefix="d_")  # the same filters as the map page
picked_dates = st.date_input("Dates", min_value=span[0], max_value=span[1], key="d_dates")
start, end = appstate.date_pair(picked_dates, span)
filters = appstate.Filters(start=start, end=end, **picked)
df = appstate.events(DB, filters)
st.query_params.from_dict(appstate.filters_to_query(filters, span))
st.markdown(f"**{len(df)} events**")
st.dataframe(df.drop(columns=["place_start"], errors="ignore"), hide_index=True, width="stretch")
st.subheader("Summaries")
summary.summary_widget(df)
d1, d2 = st.columns(2)
# The files are made only when a button is pressed (a callable), not on every rerun of the page.
d1.download_button("Download CSV (ACLED columns)", lambda: appstate.export_text(DB, filters, "csv"),
                   file_name="geomap_events.csv", mime="text/csv", key="dl_csv")
d2.download_button("Download GeoJSON", lambda: appstate.export_text(DB, filters, "geojson"),
                   file_name="geomap_events.geojson", mime="application/geo+json", key="dl_geojson")
