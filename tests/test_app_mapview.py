"""geomap.mapview without a browser: offline assets, the event payload, escaping, click parsing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import folium
import pandas as pd
import pytest

from geomap import mapview

XSS = 'Drones hit Kyiv <script>alert(1)</script> and <img src=x onerror="alert(2)"> {{ "boom" }} & more'


def frame(rows: list[dict]) -> pd.DataFrame:
    """A DataFrame shaped like Store.events_frame()."""
    base = {"event_id": 1, "lat": 50.45, "lon": 30.52, "name": "Kyiv", "place": "Kyiv", "place_start": 11,
            "precision": "city", "radius_km": 0.0, "date": pd.Timestamp("2022-12-19"),
            "date_end": pd.Timestamp("2022-12-19"), "date_precision": "day", "event_type": "Battles",
            "sub_event_type": "Armed clash", "actors": ["Russia"], "fatalities": 2, "sentence": XSS,
            "article": "a1", "title": "T <b>1</b>", "url": "https://example.org/x", "source": "Reuters",
            "source_count": 1, "country_code": "UA"}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_static_assets_copied_once(tmp_path):
    written = mapview.ensure_static_assets(tmp_path, countries=tmp_path / "missing.geojson")
    names = {p.relative_to(tmp_path / "vendor").as_posix() for p in written}
    assert {"leaflet/leaflet.js", "leaflet/leaflet.css",
            "markercluster/MarkerCluster.Default.css", "heat/leaflet_heat.min.js", "geomap/cluster.js",
            mapview.BUNDLE} <= names
    assert "Leaflet 1.9.3" in (tmp_path / "vendor/leaflet/leaflet.js").read_text()[:300]  # what folium expects
    # the bundle the maps load: every script, whole, in load order (Leaflet first: the others extend L)
    bundle = (tmp_path / "vendor" / mapview.BUNDLE).read_text()
    at = [bundle.index((tmp_path / "vendor" / f).read_text()) for f in mapview.VENDOR_JS]
    assert at == sorted(at) and bundle.index("Leaflet 1.9.3") < at[1]
    assert mapview.ensure_static_assets(tmp_path, countries=tmp_path / "missing.geojson") == []
    assert not mapview.countries_available(tmp_path)
    gj = tmp_path / "c.geojson"
    gj.write_text('{"type": "FeatureCollection", "features": []}')
    assert [p.name for p in mapview.ensure_static_assets(tmp_path, countries=gj)] == ["countries.geojson"]
    assert mapview.countries_available(tmp_path)


def test_bundle_follows_its_list_of_scripts(tmp_path, monkeypatch):
    """A release that drops or adds a script rebuilds the bundle even when no script file is newer than it."""
    from geomap.mapview import assets

    mapview.ensure_static_assets(tmp_path, countries=tmp_path / "missing.geojson")
    bundle = tmp_path / "vendor" / mapview.BUNDLE
    heat = "---- heat/leaflet_heat.min.js ----"
    assert heat in bundle.read_text()
    monkeypatch.setattr(assets, "VENDOR_JS", [f for f in assets.VENDOR_JS if not f.startswith("heat/")])
    assert mapview.ensure_static_assets(tmp_path, countries=tmp_path / "missing.geojson") == [bundle]
    assert heat not in bundle.read_text()
    assert mapview.ensure_static_assets(tmp_path, countries=tmp_path / "missing.geojson") == []


def test_every_asset_url_is_served_by_the_app():
    m = mapview.build_base_map(mapview.frame_bounds(frame([{}])))
    mapview.event_layer(frame([{}])).add_to(m)
    page = m.get_root().render()
    urls = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert urls, "the map must load its scripts"
    assert all(u.startswith("/app/static/vendor/") for u in urls), urls
    for name in (mapview.BUNDLE, "leaflet.css", "MarkerCluster.Default.css", "geomap/map.css"):
        assert any(u.endswith(name) for u in urls), name
    assert "bootstrap" not in page and "font-awesome" not in page and "fontawesome" not in page
    assert "tile.openstreetmap" not in page  # no tiles unless switched on


def test_online_tiles_only_when_asked():
    page = mapview.build_base_map(None, tiles="OpenStreetMap").get_root().render()
    assert "tile.openstreetmap.org" in page
    assert "tile.openstreetmap.org" not in mapview.build_base_map(None).get_root().render()


def test_payload_precision_and_bad_coordinates():
    df = frame([
        {"event_id": 1},
        {"event_id": 2, "precision": "country", "radius_km": 300, "event_type": "Strategic developments"},
        {"event_id": 3, "precision": "region", "radius_km": 0},
        {"event_id": 4, "precision": "district", "radius_km": 0.2},
        {"event_id": 5, "lat": float("nan")},
        {"event_id": 6, "lat": 123.0},
        {"event_id": 7, "event_type": "Something new"},
    ])
    f = mapview.COLUMN_INDEX
    rows = {r[f["id"]]: r for r in mapview.event_payload(df)}
    assert set(rows) == {"1", "2", "3", "4", "7"}
    assert rows["1"][f["radius_m"]] == 0
    assert rows["2"][f["radius_m"]] == 300_000
    assert rows["3"][f["radius_m"]] == mapview.DEFAULT_RADIUS_KM["region"] * 1000
    assert rows["4"][f["radius_m"]] == 1000  # districts are small circles, at least 1 km
    assert rows["1"][f["type"]] == 0 and rows["2"][f["type"]] == 5 and rows["7"][f["type"]] == -1
    assert rows["1"][f["sentence"]] == XSS
    assert mapview.event_payload(df, with_sentences=False)[0][f["sentence"]] == ""


def test_event_js_cannot_be_broken_out_of():
    layer = mapview.event_layer(frame([{}]))
    m = mapview.build_base_map(None)
    layer.add_to(m)
    js = m.get_root().render()
    call = js.split("geomap.eventLayer(", 1)[1].split(");\n", 1)[0]
    assert "</script>alert" not in js and "<img" not in js and "{{" not in call
    config, rows = json.loads(f"[{call.split(', ', 1)[1]}]")  # the escapes decode back to the exact text
    assert rows[0][config["columns"]["sentence"]] == XSS and config["columns"] == mapview.COLUMN_INDEX


def test_selected_id_from_the_url_cannot_break_out_of_the_script():
    hostile = "1</script><script>alert(1)</script>{{'x'}}"
    m = mapview.build_base_map(None)
    mapview.layer_from_payload([], cluster=False, selected=hostile).add_to(m)
    js = m.get_root().render()
    assert "</script><script>alert" not in js and "{{'x'}}" not in js
    call = js.split("geomap.eventLayer(", 1)[1].split(");\n", 1)[0]
    assert json.loads(f"[{call.split(', ', 1)[1]}]")[0]["selected"] == hostile


def test_large_payload_is_served_as_a_file(tmp_path):
    df = frame([{"event_id": i, "lat": 40 + i / 1000} for i in range(mapview.INLINE_MAX_ROWS + 1)])
    fg = mapview.event_layer(df, payload_dir=tmp_path)
    layer = next(iter(fg._children.values()))
    files = list(tmp_path.glob("*.json"))
    # fetched from the folder it was written to, through the route Streamlit serves a component's folder on
    assert len(files) == 1 and layer.url == f"/component/geomap.mapview.serving.events/{files[0].name}"
    # served columnar (a third of the bytes at 50,000 events); it decodes back to exactly the rows
    assert mapview.rows_from_columns(json.loads(files[0].read_text())) == mapview.event_payload(df)
    m = mapview.build_base_map(None)
    fg.add_to(m)
    js = m.get_root().render()
    assert f'"url":"{layer.url}"' in js and js.split("geomap.eventLayer(", 1)[1].split(");\n", 1)[0].endswith("[]")
    mapview.event_layer(df, payload_dir=tmp_path)  # same content: same file, nothing new written
    assert list(tmp_path.glob("*.json")) == files
    small = next(iter(mapview.event_layer(df.head(3), payload_dir=tmp_path)._children.values()))
    assert small.url is None and len(small.rows) == 3


def test_cluster_threshold():
    small = mapview.event_layer(frame([{"event_id": i} for i in range(3)]))
    child = next(iter(small._children.values()))
    assert child.cluster is False
    many = frame([{"event_id": i, "lat": 40 + i / 1000} for i in range(mapview.CLUSTER_THRESHOLD + 1)])
    assert next(iter(mapview.event_layer(many)._children.values())).cluster is True
    assert next(iter(mapview.event_layer(many, cluster=False)._children.values())).cluster is False


def test_base_map_unchanged_when_only_events_change():
    """st_folium keeps the iframe (fast path) only if the base map's script is the same across filter changes."""
    from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

    keys, groups = [], []
    for df in (frame([{}]), frame([{"event_id": 9, "lat": 48.0}, {"event_id": 10}])):
        m = mapview.build_base_map([[48, 30], [51, 31]])
        m.get_root().render()
        keys.append(generate_js_hash(_get_map_string(m), "map"))
        groups.append(_get_feature_group_string(mapview.event_layer(df), m))
    assert keys[0] == keys[1]
    assert groups[0] != groups[1]
    assert "feature_group_feature_group_0" in groups[1]


def test_highlight_escapes_and_marks():
    h = mapview.highlight_html(XSS, 11, "Kyiv")
    assert h.startswith("Drones hit <mark>Kyiv</mark> &lt;script&gt;")
    assert "<script>" not in h and "<img" not in h
    # wrong offset: falls back to the first occurrence; missing place: no mark at all
    assert "<mark>Kyiv</mark>" in mapview.highlight_html(XSS, 0, "Kyiv")
    assert "<mark>" not in mapview.highlight_html(XSS, 3, "Odesa")
    assert mapview.highlight_html("<b>Kyiv</b>", 3, "Kyiv") == "&lt;b&gt;<mark>Kyiv</mark>&lt;/b&gt;"


def test_card_escapes_everything_and_refuses_script_urls():
    rec = frame([{"url": "javascript:alert(1)", "actors": ["<i>x</i>"], "source": "<s>"}]).iloc[0].to_dict()
    card = mapview.event_card_html(rec, selected=True)
    assert "<script>" not in card and "<img" not in card and "<i>" not in card and "<s>" not in card
    assert "javascript:" not in card
    assert "T &lt;b&gt;1&lt;/b&gt;" in card and "geomap-selected" in card
    ok = mapview.event_card_html(frame([{}]).iloc[0].to_dict())
    assert 'href="https://example.org/x"' in ok and 'rel="noopener noreferrer"' in ok


@pytest.mark.parametrize(("returned", "expected"), [
    (None, None),
    ({}, None),
    ({"last_object_clicked_tooltip": None}, None),
    ({"last_object_clicked_tooltip": "Kyiv · 2022-12-19 · #42"}, "42"),
    ({"last_object_clicked_tooltip": "Kyiv · 2022-12-19 – 2022-12-20 · #abc-1 "}, "abc-1"),
    ({"last_object_clicked_tooltip": "3 events"}, None),
])
def test_clicked_event_id(returned, expected):
    assert mapview.clicked_event_id(returned) == expected


def test_events_at_place():
    df = frame([{"event_id": 1}, {"event_id": 2, "date": pd.Timestamp("2022-12-20")},
                {"event_id": 3, "lat": 49.99, "lon": 36.23, "name": "Kharkiv"}])
    rec, here = mapview.events_at_place(df, "2")
    assert rec["event_id"] == 2
    assert sorted(r["event_id"] for r in here) == [1, 2]
    assert mapview.events_at_place(df, "99") == (None, [])
    panel = mapview.panel_html(here, "2")
    assert panel.index('data-event-id="2"') < panel.index('data-event-id="1"')


def test_map_is_a_folium_map_with_offline_classes():
    m = mapview.build_base_map(None)
    assert isinstance(m, folium.Map)
    assert all(url.startswith(mapview.VENDOR_URL) for _, url in m.default_js + m.default_css)


def test_timeline_html_stacks_each_day_by_type():
    from geomap import appstate

    df = frame([{"event_id": 1, "date": pd.Timestamp("2022-12-01")},
                {"event_id": 2, "date": pd.Timestamp("2022-12-01"), "event_type": "Protests"},
                {"event_id": 3, "date": pd.Timestamp("2022-12-03"), "event_type": "Protests"},
                {"event_id": 4, "date": pd.Timestamp("2022-12-03"), "event_type": "<img src=x onerror=alert(1)>"}])
    out = mapview.timeline_html(appstate.timeline(df))
    bars = re.findall(r'<b style="([^"]*)" title="([^"]*)"></b>', out)
    assert [t.split(":")[0] for _, t in bars] == ["2022-12-01", "2022-12-03"]  # days without events: no bar
    assert "2 — Battles 1, Protests 1" in bars[0][1]
    assert "&lt;img src=x onerror=alert(1)&gt; 1" in bars[1][1] and "<img" not in out
    # the first day starts at the left edge; the two days are as tall as each other; the colours are the types'
    assert bars[0][0].startswith("left:0.000%") and bars[0][0].split("height:")[1][:5] == bars[1][0].split(
        "height:")[1][:5]
    assert mapview.EVENT_COLORS["Battles"] in bars[0][0] and mapview.OTHER_COLOR in bars[1][0]
    assert 'data-days="2"' in out and mapview.timeline_html(appstate.timeline(df.head(0))) == ""


def test_columnar_payload_round_trip_is_smaller():
    day = [pd.Timestamp("2022-12-01") + pd.Timedelta(days=i % 5) for i in range(300)]
    rows = mapview.event_payload(frame([{"event_id": i, "lat": 40 + (i % 3), "date": day[i], "date_end": day[i]}
                                        for i in range(300)]), with_sentences=False)
    cols = mapview.columnar_payload(rows)
    assert mapview.rows_from_columns(cols) == rows
    assert len(cols["places"]["lat"]) == 3 and len(cols["shared"]["days"]) == 5 and cols["cols"]["id"][:2] == [0, 1]
    assert len(json.dumps(cols)) < len(json.dumps(rows)) / 2
    odd = [list(rows[0]), list(rows[1])]
    odd[1][mapview.COLUMN_INDEX["id"]] = "007"  # ids that are not plain numbers stay text
    assert mapview.rows_from_columns(mapview.columnar_payload(odd)) == odd


def test_base_map_seeds_its_start_view_and_does_not_animate():
    page = mapview.build_base_map([[48, 30], [51, 31]]).get_root().render()
    assert '"animate": false' in page and "geomap.seedView(" in page
    assert "geomap.seedView(" not in mapview.build_base_map(None, seed_view=False).get_root().render()


def test_md_escape_keeps_untrusted_titles_as_text():
    from geomap.mapview import md_escape

    hostile = "![x](http://evil.example/t.png) <img src=x onerror=alert(1)> **bold** [link](http://x)"
    import re

    out = md_escape(hostile)
    assert not re.search(r"(?<!\\)[<>!\[\]()*]", out)  # every Markdown/HTML character is escaped
    # what a reader sees once Markdown removes the escapes is the original text
    assert re.sub(r"\\(.)", r"\1", out) == hostile


def test_templates_and_map_code_ship_in_the_package(tmp_path):
    """setuptools copies every template and static file of the map view into a build (pyproject package-data).
    Built from a copy of the sources: a build writes metadata beside them, never into the checkout."""
    root = Path(__file__).resolve().parents[1]
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, tmp_path / name)
    shutil.copytree(root / "src", tmp_path / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    out = tmp_path / "build"
    subprocess.run([sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py", "-d", str(out)],
                   cwd=tmp_path, check=True, capture_output=True, timeout=120)
    pkg = root / "src" / "geomap" / "mapview"
    shipped = {p.relative_to(pkg) for d in ("templates", "static") for p in (pkg / d).iterdir()}
    assert {p.relative_to(out / "geomap" / "mapview") for d in ("templates", "static")
            for p in (out / "geomap" / "mapview" / d).iterdir()} == shipped
    assert Path("static/map.js") in shipped and Path("templates/card.html") in shipped


def test_iso_day_leaves_a_missing_date_blank():
    from geomap.mapview.panels import iso_day

    assert [iso_day(v) for v in (None, float("nan"), pd.NaT)] == ["", "", ""]
    assert iso_day(pd.Timestamp("2024-03-01 10:00")) == "2024-03-01"


def test_summary_html_escapes_the_values_and_says_when_rows_are_cut():
    t = pd.DataFrame({"Admin-1 region": ["<script>alert(1)</script>", "Kyiv & <b>x</b>", "Lviv"],
                      "events": [3, 2, 1], "fatalities": [0, 5, 0], "fatalities unknown": [1, 0, 0]})
    out = mapview.summary_html(t, max_rows=2)
    assert "<script>" not in out and "&lt;script&gt;" in out and "Kyiv &amp; &lt;b&gt;x&lt;/b&gt;" in out
    assert out.count("<tr>") == 3 and "Lviv" not in out  # the header and two rows
    assert "2 of 3 rows" in out
    assert "of 3 rows" not in mapview.summary_html(t, max_rows=12)
