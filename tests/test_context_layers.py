"""The offline context layers without a browser: copied and served like the other assets, wired into the map only
when asked, and the data shaped the way static/context.js reads it (test_browser_context draws them)."""

from __future__ import annotations

import json
import re

from geomap import appstate, mapview


def test_context_layers_are_copied_with_the_assets_and_only_when_missing(tmp_path):
    src = tmp_path / "layers"
    src.mkdir()
    for name in mapview.CONTEXT_FILES:
        (src / name).write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    static = tmp_path / "static"
    written = mapview.ensure_static_assets(static, context=src)
    assert {p.name for p in written} >= set(mapview.CONTEXT_FILES)
    assert mapview.context_available(static)
    assert mapview.ensure_static_assets(static, context=src) == []  # unchanged: nothing rewritten
    (static / "vendor" / "layers" / "rivers.geojson").unlink()
    assert not mapview.context_available(static)


def test_a_read_only_install_keeps_serving_what_prepare_copied(tmp_path, monkeypatch):
    old = tmp_path / "old_layers"  # what an older `prepare` copied: the next start wants to replace it
    old.mkdir()
    for name in mapview.CONTEXT_FILES:
        (old / name).write_text("{}", encoding="utf-8")
    static = tmp_path / "static"
    mapview.ensure_static_assets(static, context=old)

    def read_only(*_: object) -> None:
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr("geomap.mapview.assets._replace", read_only)
    assert appstate.prepare_static(static)  # the failed copy is no error, borders still there
    assert mapview.context_available(static)


def _script(m) -> str:
    return m.get_root().render()


def test_the_map_asks_for_context_only_when_told_and_online_tiles_defer_it():
    assert "geomap.context(" not in _script(mapview.build_base_map())
    offline = _script(mapview.build_base_map(context=True))
    cfg = json.loads(re.search(r"geomap\.context\(\w+, (\{.*?\})\);", offline).group(1))
    assert cfg["url"] == "/app/static/vendor/layers" and cfg["online"] is False
    assert cfg["minZoom"] == mapview.CONTEXT_MIN_ZOOM and cfg["labelCap"] == mapview.LABEL_CAP
    online = _script(mapview.build_base_map(context=True, tiles="OpenStreetMap"))
    assert json.loads(re.search(r"geomap\.context\(\w+, (\{.*?\})\);", online).group(1))["online"] is True
    # the context call comes after the tile layer it watches
    assert online.index("tile.openstreetmap.org") < online.index("geomap.context(")


def test_label_floors_grow_denser_with_zoom():
    zooms = [z for z, _ in mapview.LABEL_MIN_POP]
    floors = [p for _, p in mapview.LABEL_MIN_POP]
    assert zooms == sorted(zooms) and zooms[0] == mapview.CONTEXT_MIN_ZOOM
    assert floors == sorted(floors, reverse=True)


def test_places_are_sorted_largest_first_as_the_labeller_assumes():
    data = json.loads((mapview.CONTEXT_DIR / "places.json").read_text(encoding="utf-8"))
    assert data["columns"] == ["name", "lat", "lon", "population"]
    pops = [r[3] for r in data["rows"]]
    assert len(pops) > 50_000 and pops == sorted(pops, reverse=True)  # context.js stops at the first below the floor
    names = {r[0] for r in data["rows"]}
    assert {"Kramatorsk", "Sloviansk", "Bakhmut"} <= names
