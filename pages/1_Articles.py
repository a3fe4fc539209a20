"""Articles: add articles (upload or paste), see what is stored, read one with its places highlighted."""

from __future__ import annotations

from datetime import date

import streamlit as st

from geomap import articlesapp, mapview, pagedata, ui, uploads

ui.page_setup("geomap · Articles", "📰")
DB = pagedata.db_path()
st.title("Articles")

tab_add, tab_list, tab_read = st.tabs(["Add", "Stored articles", "Reader"])

with tab_add:
    st.subheader("Upload files")
    st.caption("Seed text files (`date YYYY-MM-DD` then the text), CSV or JSONL with `published, text` columns.")
    files = st.file_uploader("Article files", type=["txt", "csv", "jsonl", "json"], accept_multiple_files=True,
                             key="uploads")
    if st.button("Ingest files", disabled=not files, key="ingest_files"):
        st.session_state.upload_results = ui.upload_widget(DB, files)
    if "upload_results" in st.session_state:
        st.dataframe(st.session_state.upload_results, hide_index=True, width="stretch")

    st.subheader("Paste an article")
    with st.form("paste", clear_on_submit=False):
        published = st.date_input("Published", value=date.today(), key="paste_date")
        title = st.text_input("Title (optional)", key="paste_title")
        url = st.text_input("URL (optional)", key="paste_url")
        text = st.text_area("Article text", height=200, key="paste_text")
        pasted = st.form_submit_button("Ingest text")
    if pasted:
        with st.spinner("Reading the article…"):
            res = ui.ingest_pasted(DB, text, published, title=title, url=url)
        st.dataframe(uploads.results_frame([res]), hide_index=True, width="stretch")

arts = ui.articles(DB)
labels = articlesapp.picker_labels(arts)
with tab_list:
    if "art_msg" in st.session_state:
        ok, msg = st.session_state.pop("art_msg")
        (st.success if ok else st.error)(msg)
    st.caption(f"{len(arts)} stored articles")
    st.dataframe(articlesapp.articles_table(arts), hide_index=True, width="stretch",
                 column_config={"url": st.column_config.LinkColumn("url")})
    if labels:
        st.subheader("Delete an article")
        doomed = st.selectbox("Article to delete", list(labels), format_func=labels.get, key="del_article")
        if st.button("Delete this article…", key="del_ask"):
            st.session_state.del_pending = doomed
        if st.session_state.get("del_pending") == doomed:
            st.warning("Delete the article chosen above with its place mentions and events? Events other "
                       "articles also report stay, without this article's report.")
            c_yes, c_no = st.columns(2)
            if c_yes.button("Yes, delete it", type="primary", key="del_yes"):
                res = ui.delete_article(DB, doomed)
                st.session_state.art_msg = (res.ok, res.message)
                st.session_state.pop("del_pending", None)
                st.rerun()
            if c_no.button("Cancel", key="del_no"):
                st.session_state.pop("del_pending", None)
                st.rerun()

with tab_read:
    if arts.empty:
        st.info("No articles stored yet.")
    else:
        ids = list(labels)
        pick = st.query_params.get("article")
        chosen = st.selectbox("Article", ids, index=ids.index(pick) if pick in ids else 0, key="reader_article",
                              format_func=labels.get)
        art, mentions = ui.article_with_mentions(DB, chosen)
        if art is not None:
            st.html(articlesapp.article_head_html(  # plain text: never Markdown that could link or load elsewhere
                art.title or art.id, f"{art.published.isoformat()} · {art.source or 'unknown source'} · "
                f"{sum(m['role'] == 'event' for m in mentions)} event places, {len(mentions)} mentions"))
            st.html(mapview.article_html(art.text, mentions, art.id))
