"""The plain modules behind the pages (filters, pagedata, uploads, placeedit, permalink), without Streamlit."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from test_app import make_store
from test_hostile_store import damaged_store

from geomap import filters, mapview, pagedata, permalink, placeedit
from geomap.articles import from_text
from geomap.exceptions import StoreError
from geomap.ingest import ingest_articles
from geomap.store import Store

ROOT = Path(__file__).resolve().parents[1]
PLAIN = ("filters", "pagedata", "uploads", "placeedit", "permalink", "playback", "feed", "summary", "timeline",
         "appstate", "sourcesapp")
SPAN = (date(2022, 12, 1), date(2022, 12, 9))


def test_the_plain_modules_do_not_import_streamlit():
    code = ("import sys\n" + "".join(f"import geomap.{m}\n" for m in PLAIN)
            + "from geomap import appstate\nappstate.Filters, appstate.filters_from_query, appstate.timeline\n"
            + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_store_version_changes_with_the_stores_content(tmp_path):
    db = make_store(tmp_path / "s.sqlite")
    before = pagedata.store_version(db)
    assert before[:2] == (5, 3) and pagedata.store_version(db) == before
    assert pagedata.events(db, filters.Filters(event_types=("Battles",))).shape[0] == 3
    assert pagedata.date_span(db) == SPAN
    with Store.open(db) as store:
        ingest_articles(store, [from_text("Missiles struck Kharkiv on Monday.", date(2022, 12, 12))])
    after = pagedata.store_version(db)
    assert after != before and after[1] == 4 and after[0] > 5
    assert pagedata.date_span(db)[1] > SPAN[1]


def test_a_damaged_store_is_one_store_error_naming_the_file(tmp_path):
    db = damaged_store(tmp_path / "bad.sqlite")  # overwritten pages after the schema: a StoreError, never sqlite's
    with pytest.raises(StoreError, match="damaged") as err:
        pagedata.events(db)
    assert str(db) in str(err.value)
    other = tmp_path / "not.sqlite"
    other.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(StoreError, match="damaged"):
        pagedata.date_span(other)


def test_first_start_ingest_fills_an_empty_store_once(tmp_path, monkeypatch):
    samples = tmp_path / "articles"
    samples.mkdir()
    (samples / "a.txt").write_text("date 2022-11-02\n\nRussian missiles struck Kharkiv on Tuesday.\n")
    monkeypatch.setattr(pagedata.config, "SAMPLE_ARTICLES", samples)
    db = tmp_path / "s.sqlite"
    assert pagedata.needs_first_ingest(db) and pagedata.sample_paths() == [samples]
    seen: list[int] = []
    report = pagedata.first_start_ingest(db, lambda done, total, label: seen.append(done))
    assert report is not None and report.new == 1 and seen
    assert not pagedata.needs_first_ingest(db) and pagedata.first_start_ingest(db) is None


def test_large_layers_go_to_a_payload_file_small_ones_inline(tmp_path, monkeypatch):
    db = make_store(tmp_path / "s.sqlite")
    df = pagedata.events(db)
    name, rows, points = pagedata.layer_payload(df, tmp_path / "events")
    assert name is None and len(rows) == len(df) and points == 4  # Belarus is an area, not a point
    monkeypatch.setattr(mapview, "INLINE_MAX_ROWS", 1)
    name, rows, points = pagedata.layer_payload(df, tmp_path / "events")
    assert name and rows == [] and (tmp_path / "events" / name).is_file() and points == 4


def test_widget_state_keeps_only_offered_values_and_any_article():
    opts = filters.Choices(event_types=["Battles"], countries=["UA"], articles=["a1"])
    url = filters.Filters(event_types=("Battles", "Riots"), countries=("UA",), articles=("zz",), text="Kyiv")
    state = filters.widget_state("d_", url, opts)
    assert state["d_event_types"] == ["Battles"] and state["d_countries"] == ["UA"]
    assert state["d_articles"] == ["zz"] and state["d_text"] == "Kyiv" and state["d_actors"] == []
    assert state["d_conf"] == filters.default_min_score()


def test_whole_span_dates_are_dropped_so_default_views_share_a_query():
    f = filters.Filters(start=SPAN[0], end=SPAN[1], event_types=("Battles",))
    assert filters.canonical(f, SPAN) == filters.Filters(event_types=("Battles",))
    inside = filters.Filters(start=date(2022, 12, 5), end=SPAN[1])
    assert filters.canonical(inside, SPAN) == filters.Filters(start=date(2022, 12, 5))
    assert filters.canonical(inside, None) == inside
    assert filters.has_filters({"q": "x"}) and not filters.has_filters({"view": "1,2,3", "event": "e1"})


def test_the_map_url_holds_filters_focus_view_options_and_event():
    q = permalink.map_query({"start": "2022-12-05"}, focus=(50.45, 30.52), view="50.4500,30.5200,9",
                            options=permalink.options_to_query("OpenStreetMap (online)", "Off", True), event="e12ab")
    assert q == {"start": "2022-12-05", "focus": "50.45000,30.52000", "view": "50.4500,30.5200,9",
                 "basemap": "osm", "cluster": "off", "heat": "1", "event": "e12ab"}
    assert permalink.map_query({}, focus=None, view=None, options={}, event=None) == {}


def test_a_picked_candidate_becomes_the_overrides_arguments():
    cands = pd.DataFrame([{"label": "A — city, UA (1)", "lat": 48.0, "lon": 37.8, "kind": "city",
                           "country_code": "UA", "admin1": "UA.05", "radius_km": 0.0, "population": None},
                          {"label": "B — city, RU (2)", "lat": 48.3, "lon": 39.9, "kind": "city",
                           "country_code": "RU", "admin1": "", "radius_km": 2.5, "population": 5000}])
    assert placeedit.candidate_override(cands, "B — city, RU (2)") == {
        "lat": 48.3, "lon": 39.9, "kind": "city", "country": "RU", "admin1": "", "radius_km": 2.5,
        "population": 5000}
    assert placeedit.candidate_override(cands, "A — city, UA (1)")["population"] == 0
    assert list(placeedit.place_search("   ").columns) == placeedit.CANDIDATE_COLUMNS


def test_filters_carried_between_pages_when_the_url_has_none():
    shared = {"precisions": "city", "start": "2022-12-05", "view": "1,2,3"}
    assert filters.carried({}, shared) == {"precisions": "city", "start": "2022-12-05"}  # filters only
    assert filters.carried({"countries": "UA"}, shared) == {"countries": "UA"}  # the URL's own filters win
    last_map = {"precisions": "country", "basemap": "osm", "view": "48.0,37.0,9", "event": "e1"}
    # back on the map from the Data page: the map's options and view, the Data page's filters
    assert permalink.map_entry_query({}, last_map, {"precisions": "city"}) == {
        "basemap": "osm", "view": "48.0,37.0,9", "event": "e1", "precisions": "city"}
    # a link with its own parameters: those, over the map's last options
    assert permalink.map_entry_query({"heat": "1", "q": "Kyiv"}, last_map, {"precisions": "city"}) == {
        "basemap": "osm", "view": "48.0,37.0,9", "event": "e1", "heat": "1", "q": "Kyiv"}
    assert permalink.map_entry_query({"start": "2022-12-01"}, {}, {}) == {"start": "2022-12-01"}
