"""The Articles and Data pages (AppTest) and the helpers behind them."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest
from test_app import make_store

from geomap import filters, mapview, pagedata, uploads
from geomap.store import Store

ROOT = Path(__file__).resolve().parents[1]
GOOD = b"date 2022-11-02\n\nRussian missiles struck Kharkiv on Tuesday, killing two civilians, officials said.\n"


def run(at: AppTest) -> AppTest:
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_uploads_each_get_a_result_and_bad_ones_do_not_stop_the_rest(tmp_path):
    db = tmp_path / "u.sqlite"
    files = [("good.txt", GOOD), ("../../evil name.txt", b"\x00\x01\x02\xff" * 50), ("empty.txt", b""),
             ("feed.csv", b"published,text\n2022-11-03,Shelling hit Kherson on Wednesday.\nnot-a-date,x\n"),
             ("good_again.txt", GOOD)]
    seen = []
    res = uploads.ingest_uploads(db, files, lambda d, t, label: seen.append((d, t)))
    assert seen[-1] == (5, 5)
    by = {r.name: r for r in res}
    assert by["good.txt"].status == "new"
    assert by["evil name.txt"].status == "failed"  # path parts stripped; binary refused
    assert by["evil name.txt"].failed[0].startswith("evil name.txt")
    assert by["empty.txt"].status == "failed" and "empty.txt" in by["empty.txt"].failed[0]
    assert by["feed.csv"].status == "partly failed" and by["feed.csv"].new == 1
    assert "feed.csv:3" in by["feed.csv"].failed[0]  # the bad row is named
    assert by["good_again.txt"].status == "already stored"
    with Store.open(db) as store:
        assert store.count_articles() == 2
        assert store.integrity_check() == "ok"
    table = uploads.results_frame(res)
    assert list(table["result"]) == ["new", "failed", "failed", "partly failed", "already stored"]


def test_paste_is_idempotent_and_empty_paste_fails(tmp_path):
    db = tmp_path / "p.sqlite"
    text = GOOD.decode().split("\n\n", 1)[1]
    assert uploads.ingest_pasted(db, text, date(2022, 11, 2)).status == "new"
    assert uploads.ingest_pasted(db, text, date(2022, 11, 2)).status == "already stored"
    assert uploads.ingest_pasted(db, "   ", date(2022, 11, 2)).status == "failed"


def test_article_html_highlights_roles_and_escapes():
    text = "Moscow said <script>x()</script> drones hit Kyiv & Odesa."
    k, o = text.index("Kyiv"), text.index("Odesa")
    ms = [{"start": 0, "end": 6, "text": "Moscow", "name": "Moscow", "lat": 55.75, "lon": 37.62, "role": "mention",
           "precision": "city", "country_code": "RU"},
          {"start": k, "end": k + 4, "text": "Kyiv", "name": "Kyiv", "lat": 50.45, "lon": 30.52, "role": "event",
           "precision": "city", "country_code": "UA"},
          {"start": k + 1, "end": k + 3, "text": "yi", "name": "x", "lat": 1, "lon": 1, "role": "event"},  # overlaps
          {"start": o, "end": o + 5, "text": "Odesa", "name": None, "lat": None, "lon": None, "role": "mention"}]
    h = mapview.article_html(text, ms, "a<1>")
    assert "<script>" not in h and "&lt;script&gt;x()&lt;/script&gt;" in h
    assert '<mark class="geomap-role-mention" title="Moscow (city, RU) — mention">Moscow</mark>' in h
    assert 'class="geomap-role-event"' in h and ">Kyiv</mark>" in h
    assert "yi</mark>" not in h  # the overlapping mention is skipped, the text is intact
    assert 'geomap-unresolved" title="not resolved">Odesa</mark>' in h
    assert 'href="/?articles=a%3C1%3E&amp;focus=50.45000%2C30.52000"' in h
    assert h.endswith("Odesa</mark>.</div>")


def test_data_page_table_and_downloads(tmp_path, monkeypatch):
    db = make_store(tmp_path / "d.sqlite")
    monkeypatch.setenv("GEOMAP_DB", str(db))
    at = run(AppTest.from_file(str(ROOT / "pages" / "2_Data.py")))
    assert at.markdown[0].value == "**5 events**"
    at.multiselect(key="d_event_types").set_value(["Battles"])
    run(at)
    assert at.markdown[0].value == "**3 events**"
    f = filters.Filters(event_types=("Battles",))
    rows = list(csv.DictReader(io.StringIO(pagedata.export_text(db, f, "csv"))))
    assert len(rows) == 3 and {r["event_type"] for r in rows} == {"Battles"}
    assert {"event_date", "latitude", "longitude", "geo_precision", "notes"} <= set(rows[0])
    gj = json.loads(pagedata.export_text(db, f, "geojson"))
    assert len(gj["features"]) == 3 and gj["features"][0]["geometry"]["type"] == "Point"


def test_articles_page_lists_and_reads(tmp_path, monkeypatch):
    db = make_store(tmp_path / "a.sqlite")
    monkeypatch.setenv("GEOMAP_DB", str(db))
    at = AppTest.from_file(str(ROOT / "pages" / "1_Articles.py"))
    at.query_params["article"] = "art1"
    run(at)
    assert any("3 stored articles" in c.value for c in at.caption)
    assert at.selectbox(key="reader_article").value == "art1"


def test_articles_page_paste_form(tmp_path, monkeypatch):
    db = tmp_path / "f.sqlite"
    monkeypatch.setenv("GEOMAP_DB", str(db))
    at = run(AppTest.from_file(str(ROOT / "pages" / "1_Articles.py")))
    at.text_area(key="paste_text").set_value(GOOD.decode().split("\n\n", 1)[1])
    at.date_input(key="paste_date").set_value(date(2022, 11, 2))
    at.button[-1].click()
    run(at)
    with Store.open(db) as store:
        assert store.count_articles() == 1


def test_gazetteer_page_searches_and_rejects_a_bad_place(tmp_path, monkeypatch):
    db = make_store(tmp_path / "g.sqlite")
    monkeypatch.setenv("GEOMAP_DB", str(db))
    at = run(AppTest.from_file(str(ROOT / "pages" / "3_Gazetteer.py")))
    at.text_input(key="g_query").set_value("Donetsk")
    run(at)
    assert any("candidates for “Donetsk”" in c.value for c in at.caption)
    assert len(at.selectbox(key="g_pick").options) >= 2  # the Ukrainian city and the Russian town at least
    at.text_input(key="g_name").set_value("   ")
    # the form's submit: an empty name is refused with a message, nothing is written
    next(b for b in at.button if b.label == "Save place and re-apply").click()
    run(at)
    assert any("name" in e.value for e in at.error)
