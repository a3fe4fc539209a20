"""Sources: follow news feeds and article pages; add, remove, pause, poll now, and each source's status."""

from __future__ import annotations

import streamlit as st

from geomap import pagedata, sourcesapp, ui

ui.page_setup("geomap · Sources", "📡")
DB = pagedata.db_path()
st.title("Sources")
st.caption("Feeds (RSS, Atom, JSON Feed) and article pages, polled on a schedule. New events reach the map "
           "by themselves. Polling runs outside the app: `geomap watch` in a terminal, or **Poll now** here.")

if "src_msg" in st.session_state:
    ok, msg = st.session_state.pop("src_msg")
    (st.success if ok else st.error)(msg)

with st.form("add_source", clear_on_submit=True):
    c_url, c_name, c_every = st.columns([4, 2, 1], vertical_alignment="bottom")
    url = c_url.text_input("Feed or article URL", placeholder="https://example.org/rss.xml", key="src_url")
    name = c_name.text_input("Name (optional)", key="src_name")
    every = c_every.selectbox("Every", sourcesapp.EVERY_CHOICES, index=1, key="src_every")
    if st.form_submit_button("Add source", type="primary"):
        res = sourcesapp.add_source(DB, url, name, every)
        st.session_state.src_msg = (res.ok, res.message)
        st.rerun()


@st.fragment(run_every=3)
def _status() -> None:
    """The table refreshes itself while polls run."""
    df = sourcesapp.sources_frame(DB)
    running = sourcesapp.watcher_running(DB)
    st.markdown(f"**{len(df)} source{'s' if len(df) != 1 else ''}** · "
                + ("a `geomap watch` is polling now" if running else "no `geomap watch` running"))
    if df.empty:
        st.info("No sources yet: add a feed URL above (or `geomap sources add URL`).")
        return
    st.dataframe(df, hide_index=True, width="stretch", key="src_table",
                 column_config={"url": st.column_config.LinkColumn("url")})


_status()

df = sourcesapp.sources_frame(DB)
if not df.empty:
    labels = sourcesapp.source_labels(df)
    picked = st.selectbox("Source", list(labels), format_func=labels.get, key="src_pick")
    row = df.set_index("id").loc[picked]
    b_poll, b_pause, b_remove = st.columns(3)
    if b_poll.button("Poll now", key="src_poll", width="stretch"):
        res = sourcesapp.poll_now(DB, picked)
        st.session_state.src_msg = (res.ok, res.message)
        st.rerun()
    paused = row["status"] == "paused"
    if b_pause.button("Resume" if paused else "Pause", key="src_pause", width="stretch"):
        res = sourcesapp.set_paused(DB, picked, not paused)
        st.session_state.src_msg = (res.ok, res.message)
        st.rerun()
    if b_remove.button("Remove", key="src_remove", width="stretch"):
        res = sourcesapp.remove_source(DB, picked)
        st.session_state.src_msg = (res.ok, res.message)
        st.rerun()
