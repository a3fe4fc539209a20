"""One build run: the layers in order, merged, patched by the curated file, checked, written; and its command line.

Output is deterministic: the same inputs give a byte-identical `data/gazetteer.csv` (a slow test checks this).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ... import config
from ...exceptions import GeomapError
from ..rows import Row, format_row, write_rows
from .admin2 import build_admin2
from .countries import build_countries, read_natural_earth_countries, write_countries_geojson
from .curated import apply_curated, check_rows
from .places import build_cities, mark_capitals
from .regions import build_regions
from .seas import build_seas
from .sources import package_versions
from .strength import demote_city_aliases

KIND_ORDER = {"continent": 0, "country": 1, "sea": 2, "region": 3, "district": 5, "landmark": 6, "city": 4}


class _Log:
    """Progress lines with the time since the build started (stderr; none when quiet)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet, self.t0 = quiet, time.perf_counter()

    def __call__(self, msg: str) -> None:
        if not self.quiet:
            print(f"[{self.elapsed():6.1f}s] {msg}", file=sys.stderr)

    def elapsed(self) -> float:
        return time.perf_counter() - self.t0


def _layer(label: str, built: tuple[list[Row], dict], stats: dict, log: _Log) -> list[Row]:
    """A layer's rows; its statistics go to `stats`, its size to the log."""
    rows, s = built
    stats.update(s)
    log(f"{label}: {len(rows)}")
    return rows


def _layers(min_pop: int, ne: list[tuple[dict, Any]], stats: dict, log: _Log) -> dict[str, Row]:
    """Every built layer, by id (countries, regions, admin2, seas, cities: an id in two layers is an error)."""
    cities = _layer("cities", build_cities(min_pop), stats, log)
    regions = _layer("regions", build_regions(cities), stats, log)
    countries = _layer("countries", build_countries(ne, cities), stats, log)
    seas = _layer("seas", build_seas(), stats, log)
    admin2 = _layer("second-level regions", build_admin2(cities, regions, countries), stats, log)
    cities, s = demote_city_aliases(cities, regions, countries)
    stats.update(s)
    log(f"weak city aliases: {s}")
    rows: dict[str, Row] = {}
    for layer in (countries, regions, admin2, seas, cities):
        for r in layer:
            if r.id in rows:
                raise GeomapError(f"duplicate id {r.id!r} between built layers")
            rows[r.id] = r
    return rows


def build(out: Path, curated: Path, geojson: Path | None, min_pop: int = 500, tolerance: float = 0.05,
          quiet: bool = False) -> dict:
    """Build the gazetteer CSV at `out` (and the country polygons at `geojson`); return the build's statistics."""
    log = _Log(quiet)
    stats: dict[str, Any] = {"versions": package_versions()}
    ne = read_natural_earth_countries()
    rows = _layers(min_pop, ne, stats, log)
    stats["capitals"] = mark_capitals(rows)
    log(f"capitals marked: {stats['capitals']}")
    if curated.exists():
        stats.update(apply_curated(rows, curated))
    log(f"curated: +{stats.get('curated_added', 0)} new, {stats.get('curated_patched', 0)} patched")
    final = sorted(rows.values(), key=lambda r: (KIND_ORDER.get(r.kind, 9), r.country_code, r.id))
    check_rows(final)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_rows(out, (format_row(r) for r in final))
    stats["rows"] = len(final)
    stats["bytes"] = out.stat().st_size
    stats["by_kind"] = dict(sorted(Counter(r.kind for r in final).items()))
    if geojson is not None:
        stats["geojson_bytes"] = write_countries_geojson(ne, geojson, tolerance)
        log(f"countries.geojson: {stats['geojson_bytes']} bytes")
    stats["seconds"] = round(log.elapsed(), 2)
    log(f"wrote {out} ({stats['rows']} rows, {stats['bytes'] / 1e6:.1f} MB)")
    return stats


def main(argv: list[str] | None = None) -> int:
    """`python scripts/build_gazetteer.py` / `geomap gazetteer build`: build, print the statistics as JSON."""
    data = config.ROOT / "data"
    ap = argparse.ArgumentParser(description="Build data/gazetteer.csv (and data/countries.geojson) from pinned "
                                             "PyPI data packages + the curated file.")
    ap.add_argument("--out", type=Path, default=data / "gazetteer.csv")
    ap.add_argument("--curated", type=Path, default=data / "gazetteer_curated.csv")
    ap.add_argument("--geojson", type=Path, default=data / "countries.geojson")
    ap.add_argument("--no-geojson", action="store_true")
    ap.add_argument("--min-population", type=int, default=500, choices=(500, 1000, 5000, 15000))
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    try:
        stats = build(a.out, a.curated, None if a.no_geojson else a.geojson, a.min_population, quiet=a.quiet)
    except GeomapError as e:
        print(f"build_gazetteer: error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(stats, indent=1))
    return 0
