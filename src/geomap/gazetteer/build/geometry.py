"""Points, extents and populations of areas derived from the places inside them (regions have no coordinates in
their sources; gazetteers give a region its geographic centre)."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from typing import Any

from ..rows import Row

EARTH_KM_PER_DEG = 111.32
#: A settlement lying within the extent of one at least this many times bigger is a section of it (GeoNames lists
#: city districts as places of their own: summing them made Kyiv City 7.4 M instead of 2.95 M).
SECTION_FACTOR = 5


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def city_radius(pop: int) -> float:
    """Extent of a settlement from its population: ~17 km for 3 M, 1 km for 10 k (urban densities)."""
    return round(max(1.0, 0.01 * math.sqrt(max(pop, 0))), 1)


def geom_area_km2(geom: Any) -> float:
    """Approximate area of a lon/lat geometry (equirectangular per part; fine for an extent radius)."""
    total = 0.0
    for g in getattr(geom, "geoms", [geom]):
        if g.is_empty:
            continue
        lat = g.centroid.y
        total += g.area * EARTH_KM_PER_DEG**2 * max(0.05, math.cos(math.radians(lat)))
    return total


def area_radius(geom: Any) -> float:
    """The radius of a disc as big as the area (at least 5 km), rounded as the CSV writes it."""
    return round(max(5.0, math.sqrt(geom_area_km2(geom) / math.pi)), 1)


def settlement_population(mem: list[Row]) -> int:
    """Sum of the settlements' populations, without the city sections GeoNames lists as separate places."""
    grid: dict[tuple[int, int], list[Row]] = defaultdict(list)
    total = 0
    for c in sorted(mem, key=lambda c: (-c.population, c.id)):
        gx, gy = int(c.lat * 5), int(c.lon * 5)
        section = any(b.population >= SECTION_FACTOR * c.population and
                      haversine_km(c.lat, c.lon, b.lat, b.lon) <= b.radius_km
                      for dx in (-1, 0, 1) for dy in (-1, 0, 1) for b in grid.get((gx + dx, gy + dy), ()))
        if not section:
            total += c.population
        if c.population >= 50_000:
            grid[(gx, gy)].append(c)
    return total


def region_point(mem: list[Row]) -> tuple[float, float, float]:
    """(lat, lon, radius_km) of a region from its settlements.

    The point is the middle of the places' extent (a geographic centre, as gazetteers give regions: Texas
    31.2,-100.0), not their median, which sits in the populous corner (Alberta at Edmonton, Quebec at Montreal).
    Places farther from the median than twice the 95th-percentile distance (+50 km) are stray islands (Easter
    Island in Valparaíso) and are left out; longitudes are unwrapped when the places straddle the antimeridian.
    """
    lats = [c.lat for c in mem]
    lons = [c.lon for c in mem]
    if max(lons) - min(lons) > 180:
        lons = [x + 360 if x < 0 else x for x in lons]
    mlat, mlon = statistics.median(lats), statistics.median(lons)
    ds = [haversine_km(mlat, mlon, a, b) for a, b in zip(lats, lons, strict=True)]
    lim = 2 * sorted(ds)[int(0.95 * (len(ds) - 1))] + 50
    keep = [(a, b) for a, b, d in zip(lats, lons, ds, strict=True) if d <= lim]
    lat = (min(a for a, _ in keep) + max(a for a, _ in keep)) / 2
    lon = (min(b for _, b in keep) + max(b for _, b in keep)) / 2
    if lon > 180:
        lon -= 360
    dc = sorted(haversine_km(lat, lon, a, b) for a, b in keep)
    radius = dc[int(0.9 * (len(dc) - 1))] * 1.1 if len(dc) > 1 else 10.0
    return lat, lon, radius
