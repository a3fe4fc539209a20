"""The Articles page's library (geomap.articlesapp) on a real store: the table a person reads, the picker's labels,
and deleting an article with its events, merges undone (issue 14)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from test_store import GAZA, KYIV, KYIV_DUP, doc, event

from geomap import articlesapp
from geomap.store import Store


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "a.sqlite"
    kyiv = doc("a1", event(KYIV, sentence="Drones hit Kyiv on Monday."), title="Kyiv hit")
    both = doc("a2", event(KYIV_DUP, sentence="Drones hit Kiev on Monday."),
               event(GAZA, sentence="Drones hit Gaza City on Monday."), title="![x](http://evil.example/t.png)")
    both = replace(both, article=replace(both.article, origin="/tmp/geomap-upload-abc/1/report.txt"))
    with Store.open(db) as store:
        store.add_doc(kyiv)
        store.add_doc(both)
    return db


def test_the_table_shows_titles_dates_and_file_names_only(tmp_path):
    db = _store(tmp_path)
    with Store.open(db) as store:
        table = articlesapp.articles_table(store.articles_frame())
    assert list(table.columns) == articlesapp.TABLE_COLUMNS
    assert list(table["published"]) == ["2022-12-19", "2022-12-19"]
    assert list(table["file"]) == ["a1.txt", "report.txt"]
    text = table.to_csv()
    assert "/tmp/" not in text and "00:00:00" not in text
    assert articlesapp.file_name("C:\\Users\\me\\kyiv.txt") == "kyiv.txt"
    assert articlesapp.file_name(None) == ""


def test_the_picker_lists_titles_not_ids(tmp_path):
    db = _store(tmp_path)
    with Store.open(db) as store:
        labels = articlesapp.picker_labels(store.articles_frame())
    assert labels == {"a1": "Kyiv hit · 2022-12-19", "a2": "![x](http://evil.example/t.png) · 2022-12-19"}


def test_delete_says_what_went_and_what_stayed(tmp_path):
    db = _store(tmp_path)
    with Store.open(db) as store:
        assert store.count_events() == 2  # Kyiv/Kiev merged, Gaza
    res = articlesapp.delete_article(db, "a2")
    assert res.ok and res.message == "Article deleted: 1 event removed, 1 kept because other articles report them."
    with Store.open(db) as store:
        df = store.events_frame()
        assert list(df["name"]) == ["Kyiv"] and list(df["source_count"]) == [1]
    again = articlesapp.delete_article(db, "a2")
    assert not again.ok and "no longer stored" in again.message
    with Store.open(db) as store:
        assert store.count_articles() == 1
