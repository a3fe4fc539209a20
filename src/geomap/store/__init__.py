"""The event store: one SQLite file in WAL mode, so the app reads while an ingest writes (DESIGN §1, §3).

Why SQLite: one file, no server, crash-safe transactions, and fast enough for millions of events with the right
indexes. Each article is written in one transaction with its mentions and events, so a killed ingest never leaves
half an article. Articles are identified by their content hash, so ingesting twice changes nothing.

The store only stores: running the pipeline and reporting an ingest are geomap.ingest's (ingest -> pipeline,
ingest -> store). Its modules, one responsibility each:
- `connection`: is this file geomap's, connection settings, the write transaction;
- `schema`: append-only migrations and the stable event uid;
- `merge`: when a report is an already stored event, and how reports fold into one;
- `writes`, `queries`, `filters`: writing articles, reading events/articles/mentions, the app's filters as SQL;
- `snapshot`, `mapframe`: the map's columnar snapshot (short columns, sorted by date, never stale: a trigger-fed
  change log) and the filters applied to it column-wise -- `Store.map_frame`, the app's fast read path (issue 14);
- `overlays`: the user's overlay layers (GeoJSON kept as text, listed without it);
- `database`: the `Store` class (a connection per thread) that joins them.
"""

from geomap.store.database import Store
from geomap.store.merge import CELL_DEG, MERGE_TOLERANCE_KM, cell_of
from geomap.store.overlays import OverlayInfo
from geomap.store.queries import FRAME_COLUMNS, dict_rows
from geomap.store.schema import MIGRATIONS, SCHEMA_VERSION, event_uid
from geomap.store.writes import DeletedArticle

__all__ = ["CELL_DEG", "FRAME_COLUMNS", "MERGE_TOLERANCE_KM", "MIGRATIONS", "SCHEMA_VERSION", "DeletedArticle",
           "OverlayInfo", "Store", "cell_of", "dict_rows", "event_uid"]
