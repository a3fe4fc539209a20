"""Overlays kept in the store (issue 14): schema v7 and its migration, the Store's overlay methods on a real SQLite
file, and `geomap overlays add|list|remove`."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import old_store

from geomap.cli import main
from geomap.exceptions import InputError, StoreError
from geomap.overlays import read_overlay
from geomap.store import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parents[1]
LINE = {"type": "Feature", "properties": {"name": "Line of contact <b>north</b>"},
        "geometry": {"type": "LineString", "coordinates": [[37.95, 48.55], [38.0, 48.6], [38.05, 48.65]]}}


def _line_file(tmp_path: Path, name: str = "front.geojson") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps({"type": "FeatureCollection", "features": [LINE]}), encoding="utf-8")
    return p


def test_add_list_read_toggle_recolour_and_remove(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store.open(db) as s:
        assert s.overlays() == []
        oid = s.add_overlay(read_overlay("in/front.geojson", _line_file(tmp_path).read_bytes(), color="#F00"))
        (info,) = s.overlays()
        assert (info.id, info.name, info.color, info.visible, info.source_file, info.n_features) == (
            oid, "front", "#ff0000", True, "front.geojson", 1)
        assert s.overlay_geojson(oid)["features"][0]["geometry"] == LINE["geometry"]
        assert s.set_overlay_visible(oid, False) and s.set_overlay_color(oid, "#00aa11")
        assert not s.set_overlay_visible(oid + 1, True)
        with pytest.raises(InputError, match="not #rgb"):
            s.set_overlay_color(oid, "red; fill: url(x)")
    with Store.open(db) as s:  # kept across opens
        (info,) = s.overlays()
        assert (info.visible, info.color) == (False, "#00aa11")
        assert s.remove_overlay(oid) and not s.remove_overlay(oid) and s.overlays() == []
        with pytest.raises(StoreError, match="no stored overlay"):
            s.overlay_geojson(oid)


def test_damaged_overlay_text_is_named_and_the_rest_stays(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store.open(db) as s:
        a = s.add_overlay(read_overlay("a.geojson", _line_file(tmp_path).read_bytes(), name="A"))
        b = s.add_overlay(read_overlay("b.geojson", _line_file(tmp_path).read_bytes(), name="B"))
        s.conn.execute("UPDATE overlays SET geojson = '{broken' WHERE id = ?", (a,))
        with pytest.raises(StoreError, match=rf"overlay {a} \(A\): its stored GeoJSON is damaged"):
            s.overlay_geojson(a)
        assert len(s.overlay_geojson(b)["features"]) == 1


def _v6_store(path: Path) -> None:
    """What a version-6 geomap left: migrations 1-6 and one event."""
    old_store(path, 6, {"place_id": "t:kyiv", "name": "Kyiv", "lat": 50.45, "lon": 30.52, "precision": "city",
                        "date": "2022-12-19", "date_end": "2022-12-19", "date_precision": "day",
                        "event_type": "Explosions/Remote violence", "article": 1,
                        "sentence": "Drones hit Kyiv on Monday.", "uid": "e123"})


def test_a_v6_store_migrates_to_v7_with_its_events_and_a_fresh_stores_schema(tmp_path: Path) -> None:
    old = tmp_path / "v6.sqlite"
    _v6_store(old)
    with Store.open(old) as s:
        assert s.schema_version == SCHEMA_VERSION >= 7
        assert list(s.events_frame()["uid"]) == ["e123"] and s.overlays() == []
        s.add_overlay(read_overlay("f.geojson", _line_file(tmp_path).read_bytes()))
        schema = sorted(s.conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        assert schema == sorted(fresh.conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))


def test_foreign_and_damaged_files_keep_their_messages(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE overlays (x)")  # someone else's table of that name
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="another application's SQLite database"):
        Store.open(other)
    assert sqlite3.connect(other).execute("PRAGMA user_version").fetchone()[0] == 0  # untouched
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 200)
    with pytest.raises(StoreError, match="not a geomap store, or damaged"):
        Store.open(junk)


def test_cli_add_list_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite")
    f = _line_file(tmp_path, "Bakhmut front.geojson")
    assert main(["overlays", "add", str(f), "--db", db]) == 0
    assert "added overlay 1 'Bakhmut front' (1 features, #d62728)" in capsys.readouterr().err
    assert main(["overlays", "add", str(f), "--db", db, "--name", "Second", "--color", "#123456"]) == 0
    capsys.readouterr()
    assert main(["overlays", "list", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["1\tshown\t#d62728\t1\tBakhmut front\tBakhmut front.geojson",
                     "2\tshown\t#123456\t1\tSecond\tBakhmut front.geojson"]
    assert main(["overlays", "list", "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[1])["name"] == "Second"
    assert main(["overlays", "remove", "1", "7", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "removed overlay 1" in err and "no stored overlay 7" in err
    with Store.open(db) as s:
        assert [o.name for o in s.overlays()] == ["Second"]


@pytest.mark.parametrize("content, message", [
    (b"{not json", "bad.geojson: not GeoJSON"),
    (b'{"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 130]}}',
     "bad.geojson: feature 1: Point coordinates are not"),
])
def test_cli_refuses_a_bad_file_naming_it_and_stores_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             content: bytes, message: str) -> None:
    db = str(tmp_path / "cli.sqlite")
    bad = tmp_path / "bad.geojson"
    bad.write_bytes(content)
    assert main(["overlays", "add", str(bad), "--db", db]) == 2
    assert message in capsys.readouterr().err
    assert main(["overlays", "add", str(_line_file(tmp_path)), "--db", db, "--color", "blue"]) == 2
    assert "--color: colour 'blue' is not #rgb or #rrggbb" in capsys.readouterr().err
    with Store.open(db) as s:
        assert s.overlays() == []


def test_cli_as_a_process_on_a_missing_store(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "geomap", "overlays", "list", "--db", str(tmp_path / "none.sqlite")],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 2 and "no store at" in r.stderr and "Traceback" not in r.stderr
