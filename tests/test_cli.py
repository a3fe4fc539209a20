"""The command-line contract of DESIGN §3, run as a user runs it: a real subprocess per command."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "000_b3394332a4c81e9b.txt"
EVENT_KEYS = {"article", "published", "sentence", "place", "name", "lat", "lon", "precision", "country_code", "date",
              "date_end", "date_precision", "event_type", "sub_event_type", "actors", "fatalities"}


def geomap(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    res = subprocess.run([sys.executable, "-m", "geomap", *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    if check:
        assert res.returncode == 0, res.stderr
    return res


def test_extract_jsonl_has_the_contract_fields():
    lines = [json.loads(x) for x in geomap("extract", str(SEED), "--format", "jsonl").stdout.splitlines()]
    assert lines
    for ev in lines:
        assert EVENT_KEYS <= set(ev)
        assert ev["article"] == SEED.stem and ev["published"] == "2022-12-19"
        assert ev["precision"] in ("landmark", "district", "city", "region", "country", "sea", "continent")
        assert ev["date_precision"] in ("day", "week", "month", "year") and ev["date"] <= ev["date_end"]
        assert isinstance(ev["actors"], list) and (ev["fatalities"] is None or isinstance(ev["fatalities"], int))
        assert ev["place"] in ev["sentence"]


def test_extract_csv_and_geojson():
    rows = list(csv.DictReader(io.StringIO(geomap("extract", str(SEED), "--format", "csv").stdout)))
    assert rows and {"event_date", "event_type", "latitude", "longitude", "geo_precision", "notes"} <= set(rows[0])
    fc = json.loads(geomap("extract", str(SEED), "--format", "geojson").stdout)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(rows)
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geoparse_offsets_point_into_the_article():
    text = SEED.read_text(encoding="utf-8")
    body = text[text.index("Russian President"):].strip()
    mentions = [json.loads(x) for x in geomap("geoparse", str(SEED), "--format", "jsonl").stdout.splitlines()]
    assert mentions
    for m in mentions:
        assert body[m["start"]:m["end"]] == m["text"]
        assert m["role"] in ("event", "mention")
    roles = {(m["text"], m["role"]) for m in mentions}
    assert ("Moscow", "mention") in roles and ("Moscow", "event") not in roles
    assert ("Bakhmut", "event") in roles


def test_geocode_json_and_no_match():
    out = json.loads(geomap("geocode", "Bakhmut", "--format", "json").stdout)
    assert out["country_code"] == "UA" and out["precision"] == "city"
    assert abs(out["lat"] - 48.595) < 0.1 and abs(out["lon"] - 38.0) < 0.1
    miss = geomap("geocode", "Qwxzzyville", check=False)
    assert miss.returncode == 1 and "Qwxzzyville" in miss.stderr


def test_unreadable_input_is_named_and_exits_nonzero(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    res = geomap("extract", str(bad), check=False)
    assert res.returncode == 1 and "bad.txt" in res.stderr and res.stdout == ""
    both = geomap("extract", str(bad), str(SEED), check=False)
    assert both.returncode == 0 and "bad.txt" in both.stderr and both.stdout.strip()


def test_console_script_is_installed():
    script = Path(sys.executable).with_name("geomap")
    exe = str(script) if script.exists() else shutil.which("geomap")
    assert exe, "the `geomap` console script is not installed"
    res = subprocess.run([exe, "geocode", "Kyiv"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and json.loads(res.stdout)["country_code"] == "UA"


def test_export_to_an_unwritable_path_names_it(tmp_path):
    db = tmp_path / "s.sqlite"
    geomap("ingest", str(SEED), "--db", str(db), "--quiet")
    res = geomap("export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "no" / "such" / "x.csv"),
                 check=False)
    assert res.returncode == 2 and "x.csv" in res.stderr and "Traceback" not in res.stderr
    out = tmp_path / "ok.geojson"
    geomap("export", "--db", str(db), "--format", "geojson", "-o", str(out), "--start", "2022-12-19")
    fc = json.loads(out.read_text())
    assert fc["features"] and all(f["properties"]["date_end"] >= "2022-12-19" for f in fc["features"])
