"""geomap.geo: the one great-circle distance, held to geopy's (the kept library it stands in for, for speed)."""

from __future__ import annotations

import pytest
from geopy.distance import great_circle

from geomap.geo import EARTH_RADIUS_KM, haversine_km

POINTS = [
    ((50.4501, 30.5234), (50.5218, 30.2506)),  # Kyiv - Irpin, ~21 km
    ((48.5953, 38.0000), (48.5953, 38.0001)),  # a few metres
    ((31.5017, 34.4668), (-33.8688, 151.2093)),  # Gaza - Sydney
    ((10.0, 179.9), (10.0, -179.9)),  # across the antimeridian
    ((0.0, 0.0), (0.0, 180.0)),  # antipodes
    ((89.9, 0.0), (-89.9, 0.0)),
]


@pytest.mark.parametrize(("a", "b"), POINTS)
def test_haversine_matches_geopy_great_circle(a: tuple[float, float], b: tuple[float, float]) -> None:
    expected = great_circle(a, b, radius=EARTH_RADIUS_KM).km
    assert haversine_km(*a, *b) == pytest.approx(expected, rel=1e-9, abs=1e-9)
    assert haversine_km(*b, *a) == pytest.approx(expected, rel=1e-9, abs=1e-9)


def test_haversine_known_distance_and_zero() -> None:
    assert haversine_km(50.4501, 30.5234, 50.4501, 30.5234) == 0.0
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.195, abs=0.001)  # one degree of a meridian
