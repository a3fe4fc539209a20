#!/usr/bin/env python3
"""Build data/gazetteer.csv and data/countries.geojson: the same as `geomap gazetteer build` (see
`geomap.gazetteer.build`, which holds the build, one module per data layer)."""

from geomap.gazetteer.build import main

if __name__ == "__main__":
    raise SystemExit(main())
