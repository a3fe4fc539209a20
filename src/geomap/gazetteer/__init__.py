"""The offline world gazetteer: name -> places in microseconds, and a geopy `Geocoder` over it.

Data comes from `data/gazetteer.csv` (built by `geomap gazetteer build`, see `geomap.gazetteer.build`) plus the
user's overrides (`data/user_overrides.csv`, written by `geomap gazetteer add`). The modules, each depending only
on those above it:

* `names`     - the normalized lookup key of a name (shared by build, index and lookups);
* `ranking`   - the prior that orders the places sharing a name;
* `rows`      - the CSV schema: `Row`, its checks, its stable text form;
* `overrides` - the user's places layered over the built file;
* `index`     - the in-memory tables and name index; `cache` - their pickle, keyed by the files' content;
* `online`    - the optional online geocoder (geopy's Nominatim, off by default) for names we lack;
* `geocoder`  - `Gazetteer`, the lookups and the geopy interface; `default` - the process-wide instance.

`build` (the gazetteer build from pinned data packages) is imported only by the build command.
"""

from .cache import file_digest, file_stamp
from .default import load_gazetteer
from .geocoder import Gazetteer
from .index import MAX_TOKENS
from .names import normalize
from .overrides import add_override, iter_rows
from .ranking import KIND_FLOOR, OVERRIDE_BOOST, PRIMARY_BONUS, WEAK_PENALTY, prior
from .rows import COLUMNS, REQUIRED, Row, format_row, parse_row, read_rows, row_from_fields, split_names

__all__ = [
    "COLUMNS", "KIND_FLOOR", "MAX_TOKENS", "OVERRIDE_BOOST", "PRIMARY_BONUS", "REQUIRED", "WEAK_PENALTY",
    "Gazetteer", "Row", "add_override", "file_digest", "file_stamp", "format_row", "iter_rows", "load_gazetteer",
    "normalize", "parse_row", "prior", "read_rows", "row_from_fields", "split_names",
]
