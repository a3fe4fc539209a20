"""Overlays (issue 14): a user's GeoJSON or KML read into checked features; bad and hostile files refused with the
file and the feature named."""

from __future__ import annotations

import json

import pytest

from geomap.exceptions import InputError
from geomap.overlays import MAX_BYTES, read_overlay

LINE = {"type": "LineString", "coordinates": [[37.9, 48.5], [38.1, 48.7], [38.2, 48.9]]}
ZONE = {"type": "Polygon", "coordinates": [[[37.0, 47.0], [38.0, 47.0], [38.0, 48.0], [37.0, 47.0]]]}


def _gj(doc: object) -> bytes:
    return json.dumps(doc).encode()


def test_a_feature_collection_keeps_its_geometries_names_and_nothing_else():
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": LINE, "properties": {"name": "Line of contact", "stroke": "#f00", "id": 7}},
        {"type": "Feature", "geometry": ZONE, "properties": {"name": "<b>Zone</b>", "description": "held since May"}},
    ]}
    ov = read_overlay("uploads/front line.geojson", _gj(fc))
    assert ov.name == "front line" and len(ov.features) == 2
    assert ov.features[0] == {"type": "Feature", "geometry": LINE, "properties": {"name": "Line of contact"}}
    assert ov.features[1]["properties"] == {"name": "<b>Zone</b>", "description": "held since May"}  # text, escaped
    assert ov.collection()["type"] == "FeatureCollection"


def test_a_bare_geometry_a_feature_and_a_geometry_collection_are_read():
    assert len(read_overlay("g.json", _gj(LINE)).features) == 1
    assert read_overlay("f.json", _gj({"type": "Feature", "geometry": ZONE})).features[0]["geometry"] == ZONE
    gc = {"type": "GeometryCollection", "geometries": [LINE, ZONE]}
    assert [f["geometry"]["type"] for f in read_overlay("c.json", _gj(gc)).features] == ["LineString", "Polygon"]


def test_a_latitude_out_of_range_names_the_feature():
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": LINE}, {"type": "Feature", "geometry": {"type": "Point",
                                                                                  "coordinates": [48.5, 137.9]}}]}
    with pytest.raises(InputError, match=r"^zones.geojson: feature 2: Point coordinates are not"):
        read_overlay("zones.geojson", _gj(bad))


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"), (b"{not json", "not GeoJSON"), (b'{"type": "Topology"}', "not GeoJSON"),
    (b'{"type": "FeatureCollection", "features": []}', "no features"),
    (b'{"type": "Feature", "geometry": {"type": "Circle", "coordinates": [1, 2]}}', "unknown geometry type"),
    (b'{"type": "Feature", "geometry": {"type": "Point", "coordinates": ["a", 2]}}', r"not \[longitude, latitude\]"),
])
def test_broken_geojson_is_refused_with_the_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        read_overlay("x.geojson", data)


KML = b"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark><name>Road</name><LineString><coordinates>37.9,48.5,0 38.1,48.7,0</coordinates></LineString></Placemark>
  <Placemark><name>Area</name><description>with a hole</description><Polygon>
    <outerBoundaryIs><LinearRing><coordinates>37,47 38,47 38,48 37,47</coordinates></LinearRing></outerBoundaryIs>
    <innerBoundaryIs><LinearRing><coordinates>37.4,47.2 37.6,47.2 37.5,47.4 37.4,47.2</coordinates></LinearRing>
    </innerBoundaryIs></Polygon></Placemark>
  <Placemark><name>Checkpoint</name><MultiGeometry><Point><coordinates>38.0,48.6</coordinates></Point>
    <Point><coordinates>38.2,48.8</coordinates></Point></MultiGeometry></Placemark>
</Document></kml>"""


def test_kml_placemarks_become_features():
    ov = read_overlay("plan.kml", KML, name="District plan")
    assert ov.name == "District plan"
    kinds = [(f["geometry"]["type"], f["properties"].get("name")) for f in ov.features]
    assert kinds == [("LineString", "Road"), ("Polygon", "Area"), ("Point", "Checkpoint"), ("Point", "Checkpoint")]
    assert len(ov.features[1]["geometry"]["coordinates"]) == 2  # outer ring and hole
    assert ov.features[2]["geometry"]["coordinates"] == [38.0, 48.6]


def test_kml_entity_expansion_and_external_entities_are_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b"<kml><Placemark><name>&b;</name><Point><coordinates>1,2</coordinates></Point></Placemark></kml>")
    with pytest.raises(InputError, match="not KML"):
        read_overlay("bomb.kml", bomb)
    xxe = (b'<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b"<kml><Placemark><name>&x;</name><Point><coordinates>1,2</coordinates></Point></Placemark></kml>")
    with pytest.raises(InputError, match="not KML"):
        read_overlay("xxe.kml", xxe)


def test_kml_with_bad_coordinates_names_the_placemark():
    bad = b"<kml><Placemark><LineString><coordinates>37,47 north,48</coordinates></LineString></Placemark></kml>"
    with pytest.raises(InputError, match="placemark 1: coordinates are not numbers"):
        read_overlay("bad.kml", bad)


def test_an_oversized_file_is_refused_before_parsing():
    with pytest.raises(InputError, match="over the 20 MB limit"):
        read_overlay("huge.geojson", b" " * (MAX_BYTES + 1))
