"""The store's schema: append-only migrations, applied in order on open, and the SQL functions they use.

Why append-only: stores in the field were built with every old entry, and a migrated store must end with exactly a
new store's schema (tests/test_store.py holds a frozen copy of version 1).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from geomap.exceptions import StoreError
from geomap.store.connection import mark, transaction

# Migrations are append-only: MIGRATIONS[i] takes a store from user_version i to i + 1. Never edit an old entry;
# stores in the field were built with it.

_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    ext_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL,
    text TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '',
    ingested_at TEXT NOT NULL,
    n_events INTEGER NOT NULL DEFAULT 0,
    n_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT,
    lat REAL,
    lon REAL,
    precision TEXT,
    country_code TEXT,
    place_id TEXT,
    role TEXT NOT NULL DEFAULT 'mention'
);
CREATE INDEX mentions_article ON mentions(article, start);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    precision TEXT NOT NULL,
    radius_km REAL NOT NULL DEFAULT 0,
    country_code TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL,
    date_end TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL DEFAULT '',
    actors TEXT NOT NULL DEFAULT '[]',
    fatalities INTEGER,
    article INTEGER NOT NULL REFERENCES articles(id),
    place TEXT NOT NULL DEFAULT '',
    sentence TEXT NOT NULL DEFAULT '',
    place_start INTEGER NOT NULL DEFAULT 0,
    source_count INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX events_date ON events(date, date_end);
CREATE INDEX events_type_date ON events(event_type, date);
CREATE INDEX events_country_date ON events(country_code, date);
CREATE INDEX events_place ON events(place_id, event_type, date);
CREATE INDEX events_article ON events(article);
CREATE TABLE event_sources (
    event INTEGER NOT NULL REFERENCES events(id),
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence TEXT NOT NULL,
    sentences TEXT NOT NULL DEFAULT '[]',
    place TEXT NOT NULL DEFAULT '',
    place_start INTEGER NOT NULL DEFAULT 0,
    date TEXT NOT NULL,
    date_end TEXT NOT NULL,
    sub_event_type TEXT NOT NULL DEFAULT '',
    actors TEXT NOT NULL DEFAULT '[]',
    fatalities INTEGER,
    PRIMARY KEY (event, article)
) WITHOUT ROWID;
CREATE INDEX event_sources_article ON event_sources(article);
"""

# v2: a grid cell per event, so the duplicate-event merge finds nearby reports without scanning a latitude band;
# the longest date span (bounds date-range scans); the app's main filter (type + country + dates) as one index.
_V2 = """
ALTER TABLE events ADD COLUMN cell INTEGER;
UPDATE events SET cell = geomap_cell(lat, lon);
CREATE INDEX events_cell ON events(cell, event_type, date);
CREATE INDEX events_span ON events(julianday(date_end) - julianday(date));
CREATE INDEX events_type_country_date ON events(event_type, country_code, date, date_end);
"""

# v3: each report's own date precision, so an event whose report is withdrawn (a gazetteer correction) can be
# re-folded exactly from the reports that remain. Old reports take the event's precision where their dates are the
# event's; the rest stay '' and fall back to the precision their date span implies.
_V3 = """
ALTER TABLE event_sources ADD COLUMN date_precision TEXT NOT NULL DEFAULT '';
UPDATE event_sources SET date_precision = coalesce((SELECT e.date_precision FROM events e
    WHERE e.id = event_sources.event AND e.date = event_sources.date AND e.date_end = event_sources.date_end), '');
"""

# v4: the event-place model's score per report and per event (the best of its reports), for the map's
# minimum-confidence filter. Events stored before the model existed were kept by the rules: they score 1.
_V4 = """
ALTER TABLE events ADD COLUMN event_score REAL NOT NULL DEFAULT 1.0;
ALTER TABLE event_sources ADD COLUMN event_score REAL NOT NULL DEFAULT 1.0;
CREATE INDEX events_score ON events(event_score);
"""

# v5: followed news sources (geomap.sources) and every item read from them, so each poll fetches only new items and
# one story from several outlets is one article with several sources (deduplicated by canonical URL and by a
# normalised text hash). A removed source drops its item rows; the articles and events read from it stay.
_V5 = """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'auto',
    every_s INTEGER NOT NULL DEFAULT 900,
    paused INTEGER NOT NULL DEFAULT 0,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    last_run TEXT NOT NULL DEFAULT '',
    last_success TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    next_run TEXT NOT NULL DEFAULT '',
    n_items INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE source_items (
    source INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    canonical_url TEXT NOT NULL DEFAULT '',
    norm_hash TEXT NOT NULL DEFAULT '',
    article INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    fetched_at TEXT NOT NULL,
    date_from TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new',
    PRIMARY KEY (source, item_key)
) WITHOUT ROWID;
CREATE INDEX source_items_canonical ON source_items(canonical_url);
CREATE INDEX source_items_norm ON source_items(norm_hash);
CREATE INDEX source_items_article ON source_items(article);
"""

# v6: a stable id per event (`uid`), made from its first report's article (content hash) and span (sentence, place
# offset, place text), never from a row number: a gazetteer correction or a re-ingest re-creates the event under the
# same uid, so permalinks (`?event=`) and the export's event_id_cnty survive them. Stored events get theirs here.
_V6 = """
ALTER TABLE events ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE events SET uid = geomap_uid((SELECT a.hash FROM articles a WHERE a.id = events.article), sentence,
    place_start, place);
CREATE INDEX events_uid ON events(uid);
"""

# v7: the user's overlays (geomap.overlays): a named, coloured GeoJSON layer drawn under the events, with its
# visibility kept between visits. The geometry is stored as checked GeoJSON text, read only when the map draws it.
_V7 = """
CREATE TABLE overlays (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    color TEXT NOT NULL,
    visible INTEGER NOT NULL DEFAULT 1,
    geojson TEXT NOT NULL,
    source_file TEXT NOT NULL DEFAULT '',
    n_features INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
"""

# v8: a log of changed events (geomap.store.snapshot), written by triggers so that every writer -- this app, the
# CLI, an old script -- records its changes: the map's columnar snapshot compares its last seq with the log's and
# re-reads only the events changed since (never stale). `tag` is random per change, so two copies of one store that
# changed apart never share a (seq, tag) stamp. The log keeps the last million changes (pruned every 10,000 by a
# trigger): an older snapshot is rebuilt, as it would be anyway when that much changed.
_V8 = """
CREATE TABLE event_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, event INTEGER NOT NULL, tag INTEGER NOT NULL);
INSERT INTO event_changes (event, tag) VALUES (0, random());
CREATE TRIGGER events_changed_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_changes (event, tag) VALUES (NEW.id, random());
END;
CREATE TRIGGER events_changed_update AFTER UPDATE ON events BEGIN
    INSERT INTO event_changes (event, tag) VALUES (NEW.id, random());
    INSERT INTO event_changes (event, tag) SELECT OLD.id, random() WHERE OLD.id <> NEW.id;
END;
CREATE TRIGGER events_changed_delete AFTER DELETE ON events BEGIN
    INSERT INTO event_changes (event, tag) VALUES (OLD.id, random());
END;
CREATE TRIGGER event_changes_prune AFTER INSERT ON event_changes WHEN NEW.seq % 10000 = 0 BEGIN
    DELETE FROM event_changes WHERE seq <= NEW.seq - 1000000;
END;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8)


def event_uid(article_hash: str, sentence: str, place_start: int, place: str) -> str:
    """The stable id of the event first reported by this span of this article (see _V6)."""
    key = f"{article_hash}\x1f{sentence}\x1f{int(place_start)}\x1f{place}"
    return "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


SCHEMA_VERSION = len(MIGRATIONS)


def migrate(c: sqlite3.Connection, path: Path, read_only: bool) -> None:
    """Bring the store to SCHEMA_VERSION, one migration per transaction; refuse a newer store, and a read-only one
    that needs an upgrade (it cannot be written, and an old schema would not answer today's queries)."""
    try:
        version = c.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a geomap store or unreadable: {exc}") from None
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: store schema version {version} is newer than this geomap "
                         f"({SCHEMA_VERSION}); upgrade geomap")
    if read_only:
        if version < SCHEMA_VERSION:
            raise StoreError(f"{path}: the store is read-only and needs an upgrade (schema {version} -> "
                             f"{SCHEMA_VERSION}); open it once with write access")
        return
    while version < SCHEMA_VERSION:
        with transaction(c):
            # Re-read inside the write lock: another process may have migrated meanwhile.
            version = c.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                for stmt in _statements(MIGRATIONS[version]):
                    c.execute(stmt)
                version += 1
                c.execute(f"PRAGMA user_version = {version}")
    mark(c)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would COMMIT our transaction)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
