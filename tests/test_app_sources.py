"""The Sources page's logic with AppTest (no browser): the form, the status table and the per-source buttons."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from geomap.sources import SourceBook
from geomap.store import Store

PAGE = str(Path(__file__).resolve().parents[1] / "pages" / "4_Sources.py")


def run(at: AppTest) -> AppTest:
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_sources_page_form_refuses_a_bad_url_with_a_message(tmp_path, monkeypatch):
    db = tmp_path / "s.sqlite"
    monkeypatch.setenv("GEOMAP_DB", str(db))
    at = run(AppTest.from_file(PAGE))
    assert any("No sources yet" in i.value for i in at.info)
    at.text_input(key="src_url").set_value("file:///etc/passwd")
    at.button[0].click()  # the form's submit
    run(at)
    assert any("not an http(s) URL" in e.value.replace("\\", "") for e in at.error)  # Markdown-escaped
    with Store.open(db) as store:
        assert SourceBook(store.conn).all() == []


def test_sources_page_resume_and_remove(tmp_path, monkeypatch):
    db = tmp_path / "s.sqlite"
    with Store.open(db) as store:
        book = SourceBook(store.conn)
        book.add("http://feeds.example/a.xml", name="A wire", every="1h")
        book.set_paused(1, True)
    monkeypatch.setenv("GEOMAP_DB", str(db))
    at = run(AppTest.from_file(PAGE))
    assert at.selectbox(key="src_pick").value == 1
    at.button(key="src_pause").click()  # shows "Resume" for a paused source
    run(at)
    assert any("A wire resumed" in s.value for s in at.success)
    with Store.open(db) as store:
        assert not SourceBook(store.conn).get(1).paused
    at.button(key="src_remove").click()
    run(at)
    assert any("Removed A wire" in s.value for s in at.success)
    with Store.open(db) as store:
        assert SourceBook(store.conn).all() == []
