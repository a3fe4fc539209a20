"""First-level region names for the map's context labels, from the gazetteer's admin-1 rows (`adm:CC.NN`).

Why derived here and not shipped: the gazetteer already holds one point per region (population-weighted, see
gazetteer/build), so `ensure_static_assets` writes them next to the context layers whenever data/gazetteer.csv is
newer, and the names stay in step with any gazetteer rebuild.
"""

from __future__ import annotations

import json
from pathlib import Path

from geomap.gazetteer.rows import admin1_records

COLUMNS = ["name", "lat", "lon", "population"]


def region_rows(gazetteer_csv: Path) -> list[list]:
    """[name, lat, lon, population] of every admin-1 region with a point, most populous first."""
    rows = []
    for rec in admin1_records(gazetteer_csv):
        if rec.get("kind") != "region":
            continue
        try:
            lat, lon = round(float(rec["lat"]), 3), round(float(rec["lon"]), 3)
        except (KeyError, ValueError):
            continue
        rows.append([rec["name"], lat, lon, int(float(rec.get("population") or 0))])
    rows.sort(key=lambda r: -r[3])
    return rows


def region_json(gazetteer_csv: Path) -> str:
    """The regions file context.js reads: the same shape as places.json."""
    return json.dumps({"columns": COLUMNS, "rows": region_rows(gazetteer_csv)}, ensure_ascii=False,
                      separators=(",", ":"))
