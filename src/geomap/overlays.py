"""Overlays: a user's own GeoJSON or KML file (front lines, areas of control, a district plan) read into one checked
GeoJSON FeatureCollection that the map draws under the events.

Files are untrusted: KML goes through defusedxml (no entity expansion, no external entities), sizes and feature
counts are capped, every coordinate is checked, and only a feature's `name` and `description` are kept as text
(the map escapes them). A bad file is refused with a message naming the file and the feature; nothing is stored.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from geomap.exceptions import InputError

#: Largest overlay file read (bytes) and most features kept: a district plan or a front line is far below both.
MAX_BYTES = 20_000_000
MAX_FEATURES = 50_000
GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
#: Nesting depth of each geometry type's coordinates (a Point is [lon, lat], a LineString a list of those, ...).
DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}
KML_NS = "{http://www.opengis.net/kml/2.2}"
#: Colours offered for overlays, in the order new overlays take them.
PALETTE = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
_HEX = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6})")


@dataclass
class Overlay:
    """One named layer: its features (GeoJSON) and how it is drawn."""

    name: str
    features: list[dict]
    color: str = PALETTE[0]
    visible: bool = True
    source: str = ""  # the file it was read from (its name only)

    def collection(self) -> dict:
        return {"type": "FeatureCollection", "features": self.features}


def read_overlay(filename: str, data: bytes, name: str = "", color: str = PALETTE[0]) -> Overlay:
    """The overlay in `data` (GeoJSON by content, KML by a .kml name or an XML start)."""
    if len(data) > MAX_BYTES:
        raise InputError(filename, f"overlay is {len(data) / 1e6:.3g} MB, over the {MAX_BYTES / 1e6:g} MB limit")
    if not data.strip():
        raise InputError(filename, "overlay file is empty")
    is_kml = filename.lower().endswith(".kml") or data.lstrip()[:1] == b"<"
    features = _kml_features(filename, data) if is_kml else _geojson_features(filename, data)
    if not features:
        raise InputError(filename, "no features with a geometry")
    if len(features) > MAX_FEATURES:
        raise InputError(filename, f"{len(features)} features, over the limit of {MAX_FEATURES}")
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    label = " ".join((name or base.rsplit(".", 1)[0]).split())[:80] or "overlay"
    return Overlay(name=label, features=features, color=check_color(color, filename), source=base[:200])


def check_color(color: str, origin: str = "--color") -> str:
    """`color` as lower-case #rrggbb; anything else is refused (it reaches the map's styles)."""
    c = str(color).strip().lower()
    if not _HEX.fullmatch(c):
        raise InputError(origin, f"colour {str(color)[:20]!r} is not #rgb or #rrggbb")
    return c if len(c) == 7 else "#" + "".join(ch * 2 for ch in c[1:])


def _geojson_features(origin: str, data: bytes) -> list[dict]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(origin, f"not GeoJSON: {exc}") from None
    kind = doc.get("type") if isinstance(doc, dict) else None
    if kind == "FeatureCollection":
        raw = doc.get("features")
        if not isinstance(raw, list):
            raise InputError(origin, "FeatureCollection without a features list")
    elif kind == "Feature":
        raw = [doc]
    elif kind in GEOMETRY_TYPES or kind == "GeometryCollection":
        raw = [{"type": "Feature", "geometry": doc, "properties": {}}]
    else:
        raise InputError(origin, f"not GeoJSON (type {str(kind)[:40]!r})")
    out: list[dict] = []
    for i, feat in enumerate(raw, 1):
        if not isinstance(feat, dict):
            raise InputError(origin, f"feature {i} is not an object")
        props = feat.get("properties") if isinstance(feat.get("properties"), dict) else {}
        for geom in _flatten(feat.get("geometry"), origin, i):
            out.append(_feature(geom, props.get("name"), props.get("description")))
    return out


def _flatten(geom: Any, origin: str, index: int) -> list[dict]:
    """A feature's geometry as simple geometries (a GeometryCollection is split); each one checked."""
    if geom is None:
        return []
    if not isinstance(geom, dict):
        raise InputError(origin, f"feature {index}: geometry is not an object")
    if geom.get("type") == "GeometryCollection":
        return [g for part in geom.get("geometries") or [] for g in _flatten(part, origin, index)]
    kind = geom.get("type")
    if kind not in GEOMETRY_TYPES:
        raise InputError(origin, f"feature {index}: unknown geometry type {str(kind)[:40]!r}")
    coords = geom.get("coordinates")
    if not _valid(coords, DEPTH[kind]):
        raise InputError(origin, f"feature {index}: {kind} coordinates are not [longitude, latitude] pairs inside "
                         "−180…180 / −90…90")
    return [{"type": kind, "coordinates": coords}]


def _valid(coords: Any, depth: int) -> bool:
    if depth == 0:
        return (isinstance(coords, list) and len(coords) >= 2
                and all(isinstance(v, (int, float)) and math.isfinite(v) for v in coords[:2])
                and -180 <= coords[0] <= 180 and -90 <= coords[1] <= 90)
    return isinstance(coords, list) and bool(coords) and all(_valid(c, depth - 1) for c in coords)


def _feature(geom: dict, name: Any, description: Any) -> dict:
    props = {k: str(v)[:500] for k, v in (("name", name), ("description", description)) if v not in (None, "")}
    return {"type": "Feature", "geometry": geom, "properties": props}


def _kml_features(origin: str, data: bytes) -> list[dict]:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise InputError(origin, f"not KML: {exc}") from None
    ns = KML_NS if root.tag.startswith(KML_NS) else ""
    out: list[dict] = []
    for i, mark in enumerate(root.iter(f"{ns}Placemark"), 1):
        name, desc = mark.findtext(f"{ns}name"), mark.findtext(f"{ns}description")
        for geom in _kml_geometries(mark, ns, origin, i):
            out.append(_feature(geom, name, desc))
    return out


def _kml_geometries(mark: Any, ns: str, origin: str, index: int) -> list[dict]:
    """Points, lines and polygons (outer and inner rings) of one Placemark, MultiGeometry included."""
    out: list[dict] = []
    for point in mark.iter(f"{ns}Point"):
        out.append({"type": "Point", "coordinates": _kml_coords(point, ns, origin, index)[0]})
    for line in mark.iter(f"{ns}LineString"):
        out.append({"type": "LineString", "coordinates": _kml_coords(line, ns, origin, index)})
    for poly in mark.iter(f"{ns}Polygon"):
        rings = [_kml_coords(b, ns, origin, index) for tag in ("outerBoundaryIs", "innerBoundaryIs")
                 for b in poly.iter(f"{ns}{tag}")]
        out.append({"type": "Polygon", "coordinates": rings})
    return out


def _kml_coords(elem: Any, ns: str, origin: str, index: int) -> list[list[float]]:
    text = " ".join(t.text or "" for t in elem.iter(f"{ns}coordinates"))
    try:
        coords = [[float(v) for v in tup.split(",")[:2]] for tup in text.split()]
    except ValueError:
        raise InputError(origin, f"placemark {index}: coordinates are not numbers") from None
    if not coords or not _valid(coords, 1):
        raise InputError(origin, f"placemark {index}: coordinates are not longitude,latitude inside −180…180 / "
                         "−90…90")
    return coords
