"""Overlays on the map page without a browser (issue 14): the page's plain calls on a real store, the URL's `ov=`,
the overlay layer's script, and the Overlays section run by AppTest."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest
from test_app import APP, make_store, run

from geomap import overlaysapp, permalink
from geomap.mapview import build_base_map, md_escape
from geomap.mapview.overlays import DrawnOverlay, overlay_layer, write_overlay_file
from geomap.overlays import read_overlay
from geomap.store import Store

LINE = {"type": "Feature", "properties": {"name": "Line </script><b>x</b> {{ 'boom' }}"},
        "geometry": {"type": "LineString", "coordinates": [[37.8, 48.4], [38.0, 48.6]]}}
DATA = json.dumps(LINE).encode()


def test_import_a_good_file_refuse_a_bad_one_and_change_it(tmp_path: Path) -> None:
    db = make_store(tmp_path / "s.sqlite")
    oid, msg = overlaysapp.import_file(db, "front line.geojson", DATA)
    assert oid == 1 and msg == "Added overlay 'front line' (1 features)."
    none, why = overlaysapp.import_file(db, "zones.kml", b"<kml><Placemark><Point><coordinates>x,y</coordinates>"
                                        b"</Point></Placemark></kml>")
    assert none is None and why == "Not added: zones.kml: placemark 1: coordinates are not numbers"
    oid2, _ = overlaysapp.import_file(db, "b.json", DATA, name="  Second  ")
    infos = overlaysapp.stored(db)
    assert [(o.id, o.name, o.color) for o in infos] == [(1, "front line", "#d62728"), (oid2, "Second", "#1f77b4")]
    assert overlaysapp.change(db, 1, visible=False, color="#00ff00") is None
    assert "not #rgb" in overlaysapp.change(db, 1, color="javascript:x")
    assert overlaysapp.change(db, oid2, remove=True) is None
    assert [(o.id, o.visible, o.color) for o in overlaysapp.stored(db)] == [(1, False, "#00ff00")]


def test_a_read_only_store_refuses_with_a_message(tmp_path: Path, monkeypatch) -> None:
    db = make_store(tmp_path / "s.sqlite")
    monkeypatch.setattr("geomap.store.database.is_read_only", lambda path: True)  # as for a read-only file
    oid, why = overlaysapp.import_file(db, "f.geojson", DATA)
    assert oid is None and why.startswith("Not added: f.geojson: the store cannot be written (attempt to write a "
                                          "readonly database)")
    assert overlaysapp.change(db, 1, visible=False).startswith("Overlay 1 not changed: ")


def test_drawn_writes_each_overlay_once_and_names_a_damaged_one(tmp_path: Path) -> None:
    db = make_store(tmp_path / "s.sqlite")
    a, _ = overlaysapp.import_file(db, "a.geojson", DATA)
    b, _ = overlaysapp.import_file(db, "b.geojson", DATA, name="B")
    with Store.open(db) as s:
        s.conn.execute("UPDATE overlays SET geojson = 'nope' WHERE id = ?", (a,))
    items, problems = overlaysapp.drawn(db, (a, b, 99), tmp_path / "payloads")
    assert [(i.id, i.name) for i in items] == [(b, "B")]
    assert problems == [f"overlay {a} (a): its stored GeoJSON is damaged (Expecting value: line 1 column 1 (char 0))"]
    file = tmp_path / "payloads" / items[0].url.rsplit("/", 1)[-1]
    assert json.loads(file.read_text())["features"][0]["geometry"] == LINE["geometry"]
    assert write_overlay_file(json.loads(file.read_text()), tmp_path / "payloads") == file.name  # same content


def test_the_url_lists_the_visible_overlays() -> None:
    assert permalink.overlays_to_query((3, 1), stored=True) == {"ov": "1,3"}
    assert permalink.overlays_to_query((), stored=True) == {"ov": "none"}
    assert permalink.overlays_to_query((), stored=False) == {}
    assert permalink.overlays_param({"ov": "3,1,x,<b>,1"}) == (1, 3)
    assert permalink.overlays_param({"ov": "none"}) == ()
    assert permalink.overlays_param({}) is None
    assert permalink.options_from_query({"ov": "2"}) == {permalink.OVERLAY_SEED: (2,)}


def test_the_layer_script_carries_untrusted_names_as_safe_json() -> None:
    m = build_base_map(None)
    overlay_layer([DrawnOverlay(1, "Zone </script><img src=x onerror=alert(1)>", "#ff0000", "/x/ov-1.geojson")]
                  ).add_to(m)
    page = m.get_root().render()
    assert "geomap.overlayLayer(" in page
    assert "<img" not in page and "</script><img" not in page
    assert "Zone \\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e" in page


def test_the_overlays_section_lists_toggles_and_writes_the_url(tmp_path: Path, monkeypatch) -> None:
    db = make_store(tmp_path / "s.sqlite")
    monkeypatch.setenv("GEOMAP_DB", str(db))
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path / "cache"))
    with Store.open(db) as s:
        first = s.add_overlay(read_overlay("a.geojson", DATA, name="**Front** [x](http://e.org)"))
        second = s.add_overlay(read_overlay("b.geojson", DATA, name="Areas"))
        s.set_overlay_visible(second, False)
    at = run(AppTest.from_file(APP))
    boxes = {c.key: c for c in at.sidebar.checkbox if c.key and c.key.startswith("ov_show_")}
    assert boxes[f"ov_show_{first}"].value is True and boxes[f"ov_show_{second}"].value is False
    label = boxes[f"ov_show_{first}"].label  # Markdown escaped: shown as typed, never a link
    assert label == md_escape("**Front** [x](http://e.org)") and label.startswith(r"\*\*Front\*\* \[x\]\(")
    assert at.query_params["ov"] in ([str(first)], str(first))
    boxes[f"ov_show_{second}"].check()
    run(at)
    assert at.query_params["ov"] in ([f"{first},{second}"], f"{first},{second}")
    with Store.open(db) as s:
        assert [o.visible for o in s.overlays()] == [True, True]  # kept for the next visit
    at.button(key=f"ov_rm_{first}").click()
    run(at)
    with Store.open(db) as s:
        assert [o.id for o in s.overlays()] == [second]
    assert at.query_params["ov"] in ([str(second)], str(second))


def test_the_urls_ov_wins_over_the_stored_visibility(tmp_path: Path, monkeypatch) -> None:
    db = make_store(tmp_path / "s.sqlite")
    monkeypatch.setenv("GEOMAP_DB", str(db))
    monkeypatch.setenv("GEOMAP_CACHE", str(tmp_path / "cache"))
    with Store.open(db) as s:
        a = s.add_overlay(read_overlay("a.geojson", DATA))
        b = s.add_overlay(read_overlay("b.geojson", DATA))
    at = AppTest.from_file(APP)
    at.query_params["ov"] = str(b)
    run(at)
    values = {c.key: c.value for c in at.sidebar.checkbox if c.key and c.key.startswith("ov_show_")}
    assert values == {f"ov_show_{a}": False, f"ov_show_{b}": True}
    with Store.open(db) as s:  # opening a link changes nothing stored
        assert [o.visible for o in s.overlays()] == [True, True]
