"""First-level region names for the map's context labels, from the gazetteer's admin-1 rows (`adm:CC.NN`).

Why derived here and not shipped: the gazetteer already holds one point per region (population-weighted, see
gazetteer/build), so `ensure_static_assets` writes them next to the context layers whenever data/gazetteer.csv is
newer, and the names stay in step with any gazetteer rebuild.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

COLUMNS = ["name", "lat", "lon", "population"]


def region_rows(gazetteer_csv: Path) -> list[list]:
    """[name, lat, lon, population] of every admin-1 region with a point, most populous first."""
    rows = []
    with gazetteer_csv.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader([fh.readline()]))
        col = {name: i for i, name in enumerate(header)}
        for row in csv.reader(line for line in fh if line.startswith("adm:")):
            if row[0].count(".") != 1 or row[col["kind"]] != "region":  # adm:CC.NN; admin-2 ids have two dots
                continue
            try:
                lat, lon = round(float(row[col["lat"]]), 3), round(float(row[col["lon"]]), 3)
            except ValueError:
                continue
            rows.append([row[col["name"]], lat, lon, int(float(row[col["population"]] or 0))])
    rows.sort(key=lambda r: -r[3])
    return rows


def region_json(gazetteer_csv: Path) -> str:
    """The regions file context.js reads: the same shape as places.json."""
    return json.dumps({"columns": COLUMNS, "rows": region_rows(gazetteer_csv)}, ensure_ascii=False,
                      separators=(",", ":"))
