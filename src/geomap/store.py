"""The event store: one SQLite file in WAL mode, so the app reads while an ingest writes (DESIGN §1, §3).

Why SQLite: one file, no server, crash-safe transactions, and fast enough for millions of events with the right
indexes. Each article is written in one transaction with its mentions and events, so a killed ingest never leaves
half an article. Articles are identified by their content hash, so ingesting twice changes nothing.

The same event reported by several articles is stored once (`events`) with one `event_sources` row per article;
see `Store._merge_target` for the rule.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.exceptions import InputError, StoreError
from geomap.models import DATE_PRECISIONS, Article, Doc, Event
from geomap.storefile import check_store_file, connect, is_read_only, mark

if TYPE_CHECKING:
    import pandas as pd

#: Progress callback: (done, total, label). `total` is 0 when unknown.
Progress = Callable[[int, int, str], None]


class Ticker:
    """Counts the articles an engine has finished and reports each to an optional progress callback (total 0 =
    unknown), so every engine reports progress the same way."""

    def __init__(self, progress: Progress | None, total: int = 0):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, label: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, label)
#: The pipeline step the store runs on each article (geomap.pipeline.process by default).
Processor = Callable[[Article], Doc]

#: Grid cell size in degrees for the merge lookup of fine-precision events.
CELL_DEG = 0.1
#: How far apart two reports of a fine-precision place may lie and still be the same place (km). Coarser places
#: (region, country, sea, continent) merge only on the same gazetteer place: two regions are never "near" each other.
MERGE_TOLERANCE_KM = {"landmark": 1.0, "district": 3.0, "city": 5.0}
#: A date range longer than this never merges (a "year" report would swallow everything).
_MAX_SPAN_DAYS = 400

# -- schema ---------------------------------------------------------------------------------------------------------
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

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6)


def event_uid(article_hash: str, sentence: str, place_start: int, place: str) -> str:
    """The stable id of the event first reported by this span of this article (see _V6)."""
    import hashlib

    key = f"{article_hash}\x1f{sentence}\x1f{int(place_start)}\x1f{place}"
    return "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]
SCHEMA_VERSION = len(MIGRATIONS)


def cell_of(lat: float, lon: float) -> int:
    """Integer id of the CELL_DEG grid cell holding (lat, lon)."""
    row = math.floor((lat + 90.0) / CELL_DEG)
    col = math.floor((lon + 180.0) / CELL_DEG)
    return row * 10_000 + col


def _cells_around(lat: float, lon: float, km: float) -> list[int]:
    """Every grid cell within `km` of the point (a little more: whole cells)."""
    nlat = max(1, math.ceil(km / (111.0 * CELL_DEG)))
    nlon = max(1, min(50, math.ceil(km / (111.0 * CELL_DEG * max(0.02, math.cos(math.radians(lat)))))))
    row = math.floor((lat + 90.0) / CELL_DEG)
    col = math.floor((lon + 180.0) / CELL_DEG)
    ncols = round(360 / CELL_DEG)
    return sorted({(row + dr) * 10_000 + (col + dc) % ncols
                   for dr in range(-nlat, nlat + 1) for dc in range(-nlon, nlon + 1)})


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _date_precision_of(start: date, end: date) -> str:
    span = (end - start).days + 1
    return "day" if span <= 1 else "week" if span <= 7 else "month" if span <= 31 else "year"


#: A stored event's merged fields: (date, date_end, date_precision, actors, fatalities).
_Merged = tuple[date, date, str, list[str], int | None]


def _fold(acc: _Merged, d0: date, d1: date, prec: str, actors: Iterable[str], fatalities: int | None) -> _Merged:
    """The store's merge rule, one report at a time: the date range narrows to what both allow, actors are united,
    fatalities take the highest report (later reports usually update tolls upwards)."""
    a0, a1, aprec, a_actors, a_fat = acc
    start, end = max(a0, d0), min(a1, d1)
    if (start, end) == (a0, a1):
        new_prec = aprec
    elif (start, end) == (d0, d1):
        new_prec = prec
    else:
        new_prec = _date_precision_of(start, end)
    if new_prec not in DATE_PRECISIONS:
        new_prec = _date_precision_of(start, end)
    merged_actors = a_actors + [a for a in actors if a not in a_actors]
    if fatalities is not None:
        a_fat = fatalities if a_fat is None else max(a_fat, fatalities)
    return start, end, new_prec, merged_actors, a_fat


def _like(text: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching `text` anywhere, with its wildcards taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# -- reports --------------------------------------------------------------------------------------------------------

@dataclass
class IngestReport:
    """What one ingest did. `failed` holds one "where: reason" line per article or file that could not be stored."""

    new: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    events: int = 0  # events stored as new events
    merged: int = 0  # events added as another source of an already stored event
    article_ids: list[str] = field(default_factory=list)  # ids of the newly stored articles, in order
    seconds: float = 0.0

    def merge(self, other: IngestReport) -> None:
        self.new += other.new
        self.skipped += other.skipped
        self.failed.extend(other.failed)
        self.events += other.events
        self.merged += other.merged
        self.article_ids.extend(other.article_ids)

    def summary(self) -> str:
        rate = f" in {self.seconds:.1f} s ({self.new / self.seconds:.1f} articles/s)" if self.seconds > 0 else ""
        lines = [f"{self.new} new, {self.skipped} already stored, {len(self.failed)} failed{rate}; "
                 f"{self.events} new events, {self.merged} merged into stored events"]
        lines += [f"failed: {f}" for f in self.failed]
        return "\n".join(lines)


def failure_text(err: InputError | BaseException, where: str = "") -> str:
    """One line "where: reason" for a failure (InputError already names its file/line)."""
    if isinstance(err, InputError):
        return str(err)
    return f"{where}: {type(err).__name__}: {err}"


# -- the store ------------------------------------------------------------------------------------------------------

_EVENT_COLUMNS = (
    "e.id AS event_id, e.place_id, e.name, e.lat, e.lon, e.precision, e.radius_km, e.country_code, e.admin1, "
    "e.date, e.date_end, e.date_precision, e.event_type, e.sub_event_type, e.actors, e.fatalities, "
    "e.place, e.sentence, e.place_start, e.source_count, e.event_score, "
    "a.ext_id AS article, a.title, a.url, a.source, a.published, e.uid"
)
FRAME_COLUMNS = [
    "event_id", "place_id", "name", "lat", "lon", "precision", "radius_km", "country_code", "admin1", "date",
    "date_end", "date_precision", "event_type", "sub_event_type", "actors", "fatalities", "place", "sentence",
    "place_start", "source_count", "event_score", "article", "title", "url", "source", "published", "uid",
]


def dict_rows(cur: sqlite3.Cursor) -> list[dict]:
    """A query's rows as dicts keyed by column name."""
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


class Store:
    """A geomap SQLite store. Thread-safe: each thread gets its own connection (Streamlit runs each session in its
    own thread); writes are serialised by SQLite's lock, reads never wait for them (WAL)."""

    def __init__(self, path: str | Path, busy_timeout_s: float = 60.0, create: bool = True):
        self.path = Path(path)
        check_store_file(self.path, create)  # never modify a file that is not geomap's
        self.read_only = is_read_only(self.path)
        self.busy_timeout_s = busy_timeout_s
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        self._owners: dict[int, sqlite3.Connection] = {}
        self._lock = threading.Lock()
        self._closed = False
        try:
            if not self.read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the folder: {exc.strerror or exc}") from None
        self._migrate(self.conn)

    # context-manager form used by the CLI: `with Store.open(path) as store:`
    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> Store:
        """The store at `path`; with create=False a missing file is an error instead of a new empty store."""
        return cls(path, create=create)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            for c in self._conns:
                try:
                    c.execute("PRAGMA optimize")  # keeps the planner's statistics fresh as the store grows
                    c.close()
                except sqlite3.Error:
                    pass
            self._conns.clear()
            self._owners.clear()
            self._closed = True
        self._local = threading.local()

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        c = getattr(self._local, "conn", None)
        if c is None:
            if self._closed:
                raise StoreError(f"{self.path}: store is closed")
            try:
                # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly one article.
                c = connect(self.path, self.busy_timeout_s, self.read_only)
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: not a geomap store or unreadable: {exc}") from None
            c.create_function("geomap_cell", 2, cell_of, deterministic=True)
            c.create_function("geomap_uid", 4, event_uid, deterministic=True)
            self._local.conn = c
            with self._lock:
                # Streamlit runs each rerun in a new thread: close the connections of threads that have ended.
                me = threading.get_ident()  # a thread id can be reused by a new thread: its old connection is dead
                alive = {t.ident for t in threading.enumerate()} - {me}
                for ident in [i for i in self._owners if i not in alive]:
                    old = self._owners.pop(ident)
                    self._conns.remove(old)
                    old.close()
                self._conns.append(c)
                self._owners[me] = c
        return c

    def _migrate(self, c: sqlite3.Connection) -> None:
        try:
            version = c.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a geomap store or unreadable: {exc}") from None
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema version {version} is newer than this geomap "
                             f"({SCHEMA_VERSION}); upgrade geomap")
        if self.read_only:
            if version < SCHEMA_VERSION:
                raise StoreError(f"{self.path}: the store is read-only and needs an upgrade (schema {version} -> "
                                 f"{SCHEMA_VERSION}); open it once with write access")
            return
        while version < SCHEMA_VERSION:
            with _transaction(c):
                # Re-read inside the write lock: another process may have migrated meanwhile.
                version = c.execute("PRAGMA user_version").fetchone()[0]
                if version < SCHEMA_VERSION:
                    for stmt in _statements(MIGRATIONS[version]):
                        c.execute(stmt)
                    version += 1
                    c.execute(f"PRAGMA user_version = {version}")
        mark(c)

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- writing ------------------------------------------------------------------------------------------------

    def has_article(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE hash = ?", (content_hash,)).fetchone() is not None

    def add_doc(self, doc: Doc) -> tuple[str | None, int, int]:
        """Store one processed article with its mentions and events in ONE transaction.

        Returns (stored article id, new events, merged events); the id is None when the same content was already
        stored (nothing is written).
        """
        art = doc.article
        h = art.content_hash
        c = self.conn
        with _transaction(c):
            if c.execute("SELECT 1 FROM articles WHERE hash = ?", (h,)).fetchone():
                return None, 0, 0  # already stored: the transaction wrote nothing
            ext_id = art.id or h[:12]
            if c.execute("SELECT 1 FROM articles WHERE ext_id = ?", (ext_id,)).fetchone():
                ext_id = f"{ext_id}~{h[:8]}"  # same id, new text (an edited file): keep both, ids stay unique
            cur = c.execute(
                "INSERT INTO articles (hash, ext_id, title, url, source, published, text, origin, ingested_at, "
                "n_events, n_mentions) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (h, ext_id, art.title, art.url, art.source, art.published.isoformat(), art.text, art.origin,
                 datetime.now(UTC).isoformat(timespec="seconds"), len(doc.events), len(doc.mentions)))
            aid = cur.lastrowid
            _insert_mentions(c, aid, doc)
            new = merged = 0
            for ev in doc.events:
                if self._add_event(c, aid, ev):
                    new += 1
                else:
                    merged += 1
        return ext_id, new, merged

    def _add_event(self, c: sqlite3.Connection, aid: int, ev: Event) -> bool:
        """Insert one event or merge it into a stored duplicate; True when a new event row was made."""
        p = ev.place
        d0, d1 = ev.date.isoformat(), ev.date_end.isoformat()
        sentences = json.dumps(ev.sentences or [ev.sentence], ensure_ascii=False)
        actors = json.dumps(list(ev.actors), ensure_ascii=False)
        place_start = ev.place_start - ev.sentence_start
        target = self._merge_target(c, aid, ev)
        if target is None:
            cur = c.execute(
                "INSERT INTO events (place_id, name, lat, lon, precision, radius_km, country_code, admin1, date, "
                "date_end, date_precision, event_type, sub_event_type, actors, fatalities, article, place, "
                "sentence, place_start, source_count, cell, event_score, uid) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,"
                "geomap_uid((SELECT hash FROM articles WHERE id = ?), ?, ?, ?))",
                (p.id, p.name, p.lat, p.lon, p.kind, p.radius_km, p.country_code, p.admin1, d0, d1,
                 ev.date_precision, ev.event_type, ev.sub_event_type, actors, ev.fatalities, aid, ev.place_text,
                 ev.sentence, place_start, cell_of(p.lat, p.lon), ev.event_score, aid, ev.sentence, place_start,
                 ev.place_text))
            eid = cur.lastrowid
        else:
            eid = target
            self._merge_into(c, eid, ev)
        c.execute(
            "INSERT INTO event_sources (event, article, sentence, sentences, place, place_start, date, date_end, "
            "date_precision, sub_event_type, actors, fatalities, event_score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (eid, aid, ev.sentence, sentences, ev.place_text, place_start, d0, d1, ev.date_precision,
             ev.sub_event_type, actors, ev.fatalities, ev.event_score))
        return target is None

    def _merge_target(self, c: sqlite3.Connection, aid: int, ev: Event) -> int | None:
        """The stored event this report duplicates, or None.

        Same event = same event type, overlapping dates, and the same place within its precision: the same gazetteer
        place, or — for landmark/district/city — a place of the same precision within MERGE_TOLERANCE_KM. A report
        never merges into an event its own article already reports (the pipeline keeps those apart on purpose),
        and date ranges longer than _MAX_SPAN_DAYS never merge. Ties go to the nearest, then the oldest event.
        """
        if (ev.date_end - ev.date).days > _MAX_SPAN_DAYS:
            return None
        p = ev.place
        d0, d1 = ev.date.isoformat(), ev.date_end.isoformat()
        lo = (ev.date - timedelta(days=_MAX_SPAN_DAYS)).isoformat()  # bounds the index range scan on `date`
        not_mine = "AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event = e.id AND s.article = ?)"
        rows = c.execute(
            "SELECT e.id, e.lat, e.lon FROM events e WHERE e.place_id = ? AND e.event_type = ? "
            f"AND e.date BETWEEN ? AND ? AND e.date_end >= ? {not_mine} ORDER BY e.id LIMIT 1",
            (p.id, ev.event_type, lo, d1, d0, aid)).fetchall()
        if rows:
            return rows[0][0]
        tol = MERGE_TOLERANCE_KM.get(p.kind)
        if tol is None:
            return None
        cells = _cells_around(p.lat, p.lon, tol)
        marks = ",".join("?" * len(cells))
        rows = c.execute(
            f"SELECT e.id, e.lat, e.lon FROM events e WHERE e.cell IN ({marks}) AND e.event_type = ? "
            f"AND e.date BETWEEN ? AND ? AND e.date_end >= ? AND e.precision = ? {not_mine}",
            (*cells, ev.event_type, lo, d1, d0, p.kind, aid)).fetchall()
        best: tuple[float, int] | None = None
        for eid, lat, lon in rows:
            dist = haversine_km(p.lat, p.lon, lat, lon)
            if dist <= tol and (best is None or (dist, eid) < best):
                best = (dist, eid)
        return best[1] if best else None

    def _merge_into(self, c: sqlite3.Connection, eid: int, ev: Event) -> None:
        """Fold one more report into a stored event (see `_fold`)."""
        d0, d1, dprec, actors_json, fat = c.execute(
            "SELECT date, date_end, date_precision, actors, fatalities FROM events WHERE id = ?", (eid,)).fetchone()
        acc: _Merged = (date.fromisoformat(d0), date.fromisoformat(d1), dprec, json.loads(actors_json), fat)
        start, end, prec, actors, fat = _fold(acc, ev.date, ev.date_end, ev.date_precision, ev.actors,
                                              ev.fatalities)
        c.execute("UPDATE events SET date = ?, date_end = ?, date_precision = ?, actors = ?, fatalities = ?, "
                  "source_count = source_count + 1, event_score = max(event_score, ?) WHERE id = ?",
                  (start.isoformat(), end.isoformat(), prec, json.dumps(actors, ensure_ascii=False), fat,
                   ev.event_score, eid))

    def _drop_reports(self, c: sqlite3.Connection, aid: int) -> None:
        """Withdraw one article's event reports (inside the caller's transaction): an event left with no report
        goes; the others are re-folded from the reports that remain, as if the withdrawn one had never come."""
        eids = [r[0] for r in c.execute("SELECT event FROM event_sources WHERE article = ?", (aid,))]
        c.execute("DELETE FROM event_sources WHERE article = ?", (aid,))
        for eid in eids:
            rows = c.execute(
                "SELECT article, sentence, place, place_start, sub_event_type, date, date_end, date_precision, "
                "actors, fatalities FROM event_sources WHERE event = ? ORDER BY article", (eid,)).fetchall()
            if not rows:
                c.execute("DELETE FROM events WHERE id = ?", (eid,))
                continue
            acc: _Merged | None = None
            for *_, d0, d1, prec, actors, fat in rows:
                r0, r1 = date.fromisoformat(d0), date.fromisoformat(d1)
                prec = prec if prec in DATE_PRECISIONS else _date_precision_of(r0, r1)
                acc = (r0, r1, prec, json.loads(actors), fat) if acc is None else _fold(
                    acc, r0, r1, prec, json.loads(actors), fat)
            assert acc is not None
            start, end, prec, actors, fat = acc
            first = rows[0]  # the earliest remaining report is the event's primary source
            c.execute("UPDATE events SET article = ?, sentence = ?, place = ?, place_start = ?, sub_event_type = ?, "
                      "date = ?, date_end = ?, date_precision = ?, actors = ?, fatalities = ?, source_count = ?, "
                      "event_score = (SELECT max(s.event_score) FROM event_sources s WHERE s.event = events.id) "
                      "WHERE id = ?",
                      (*first[:5], start.isoformat(), end.isoformat(), prec, json.dumps(actors, ensure_ascii=False),
                       fat, len(rows), eid))

    def replace_docs(self, docs: Iterable[Doc]) -> list[str]:
        """Replace stored articles' mentions and event reports with fresh pipeline results, in ONE transaction.

        Why: a gazetteer correction changes how stored text resolves (geomap.corrections). Each doc's article is
        found by its id; its old reports are withdrawn (see `_drop_reports`) and the new ones go through the same
        insert-or-merge rule as an ingest. A crash leaves the old results, never half. Returns the ids replaced
        (docs whose article is not stored are passed over).
        """
        c = self.conn
        done: list[str] = []
        with _transaction(c):
            for doc in docs:
                row = c.execute("SELECT id FROM articles WHERE ext_id = ?", (doc.article.id,)).fetchone()
                if row is None:
                    continue
                aid = row[0]
                c.execute("DELETE FROM mentions WHERE article = ?", (aid,))
                _insert_mentions(c, aid, doc)
                self._drop_reports(c, aid)
                for ev in doc.events:
                    self._add_event(c, aid, ev)
                c.execute("UPDATE articles SET n_events = ?, n_mentions = ? WHERE id = ?",
                          (len(doc.events), len(doc.mentions), aid))
                done.append(doc.article.id)
        return done

    def ingest_articles(self, items: Iterable[Article | InputError], progress: Progress | None = None,
                        process: Processor | None = None) -> IngestReport:
        """Run the pipeline on each article and store it (one transaction per article).

        Already stored articles (same content hash) are skipped before the pipeline runs; InputErrors and articles
        the pipeline fails on are counted as failed and the rest goes on.
        """
        if process is None:
            from geomap.pipeline import process_in_budget as process_
            process = process_
        report = IngestReport()
        total = len(items) if isinstance(items, Sized) else 0
        t0 = datetime.now()
        tick = Ticker(progress, total)
        for art in self.pending(items, report, tick):
            try:
                doc = process(art)
            except Exception as exc:  # a pipeline bug on one article must not stop an archive ingest
                report.failed.append(failure_text(exc, art.origin or art.id))
            else:
                self.store_doc(doc, report)
            tick(art.origin or art.id)
        report.seconds = (datetime.now() - t0).total_seconds()
        return report

    def pending(self, items: Iterable[Article | InputError], report: IngestReport,
                on_item: Callable[[str], None]) -> Iterator[Article]:
        """The articles among `items` not stored yet, in order. Read errors (failed) and already stored articles
        (skipped) are counted in `report` on the way, each followed by `on_item(label)` for the progress bar; so
        every engine skips and counts the same way before its pipeline runs."""
        for item in items:
            if isinstance(item, InputError):
                report.failed.append(failure_text(item))
                on_item(item.origin)
            elif self.has_article(item.content_hash):
                report.skipped += 1
                on_item(item.origin or item.id)
            else:
                yield item

    def store_doc(self, doc: Doc, report: IngestReport) -> None:
        """Store a processed article and count it in `report` (the one writer used by every engine)."""
        try:
            ext_id, new, merged = self.add_doc(doc)
        except (sqlite3.IntegrityError, sqlite3.InterfaceError, ValueError, TypeError, AttributeError,
                OverflowError) as exc:
            # this article's data is bad: its transaction was rolled back, the rest of the ingest goes on
            report.failed.append(failure_text(exc, doc.article.origin or doc.article.id))
            return
        except sqlite3.OperationalError as exc:
            # the store itself cannot be written (disk full, read-only, locked past the timeout): going on would
            # only fail every further article; what is stored stays, and a rerun skips it
            raise StoreError(f"{self.path}: cannot write ({exc}); {report.new} articles stored in this run "
                             "are kept") from None
        if ext_id is None:
            report.skipped += 1
        else:
            report.new += 1
            report.events += new
            report.merged += merged
            report.article_ids.append(ext_id)

    # -- reading ------------------------------------------------------------------------------------------------

    def count_events(self) -> int:
        return self.conn.execute("SELECT count(*) FROM events").fetchone()[0]

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def date_span(self) -> tuple[date, date] | None:
        lo, hi = self.conn.execute("SELECT min(date), max(date_end) FROM events").fetchone()
        return (date.fromisoformat(lo), date.fromisoformat(hi)) if lo else None

    def _where(self, start: date | None = None, end: date | None = None, event_types: Iterable[str] | None = None,
               sub_event_types: Iterable[str] | None = None, countries: Iterable[str] | None = None,
               actors: Iterable[str] | None = None, articles: Iterable[str] | None = None,
               precisions: Iterable[str] | None = None, text: str | None = None,
               min_score: float | None = None) -> tuple[str, list[Any]]:
        """SQL WHERE for the app's filters. A None filter is off; an empty list matches nothing (the user
        deselected everything). Dates select events whose range overlaps [start, end]; `min_score` keeps events
        whose event-place score is at least that."""
        conds: list[str] = []
        args: list[Any] = []
        if min_score:
            conds.append("e.event_score >= ?")
            args.append(float(min_score))

        def among(col: str, values: Iterable[str] | None) -> None:
            """`col` is one of `values`; the value "" stands for "none" (NULL or empty)."""
            if values is None:
                return
            given = list(values)
            vals = [v for v in given if v != ""]
            parts = [f"{col} IN ({','.join('?' * len(vals))})"] if vals else []
            if "" in given:
                parts.append(f"coalesce({col}, '') = ''")
            conds.append("(" + " OR ".join(parts) + ")" if parts else "0")
            args.extend(vals)

        if end is not None:
            conds.append("e.date <= ?")
            args.append(_iso(end))
        if start is not None:
            conds.append("e.date_end >= ?")
            args.append(_iso(start))
            # date <= date_end and no stored range exceeds the longest span, so this bound is exact yet lets the
            # planner use a range scan on the date index instead of the whole table.
            conds.append("e.date >= ?")
            args.append((_as_date(start) - timedelta(days=self._max_span())).isoformat())
        among("e.event_type", event_types)
        among("e.sub_event_type", sub_event_types)
        among("e.country_code", countries)
        among("e.precision", precisions)
        if actors is not None:
            actors = list(actors)
            vals = [v for v in actors if v != ""]
            parts = [f"EXISTS (SELECT 1 FROM json_each(e.actors) j WHERE j.value IN ({','.join('?' * len(vals))}))"
                     ] if vals else []
            if "" in actors:  # "" = events without an actor
                parts.append("coalesce(json_array_length(e.actors), 0) = 0")
            conds.append("(" + " OR ".join(parts) + ")" if parts else "0")
            args.extend(vals)
        if articles is not None:
            vals = list(articles)
            conds.append("e.id IN (SELECT s.event FROM event_sources s JOIN articles a2 ON a2.id = s.article "
                         f"WHERE a2.ext_id IN ({','.join('?' * len(vals))}))" if vals else "0")
            args.extend(vals)
        if text:
            pat = _like(text)
            conds.append("(e.sentence LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\' OR e.place LIKE ? "
                         "ESCAPE '\\' OR a.title LIKE ? ESCAPE '\\' OR e.actors LIKE ? ESCAPE '\\')")
            args.extend([pat] * 5)
        return (" WHERE " + " AND ".join(conds)) if conds else "", args

    def _max_span(self) -> int:
        """Longest stored date range in days (an O(log n) lookup on the events_span index)."""
        row = self.conn.execute("SELECT max(julianday(date_end) - julianday(date)) FROM events").fetchone()
        return int(row[0] or 0) + 1

    def events_frame(self, start: date | None = None, end: date | None = None,
                     event_types: Iterable[str] | None = None, sub_event_types: Iterable[str] | None = None,
                     countries: Iterable[str] | None = None, actors: Iterable[str] | None = None,
                     articles: Iterable[str] | None = None, precisions: Iterable[str] | None = None,
                     text: str | None = None, min_score: float | None = None) -> pd.DataFrame:
        """One row per stored (merged) event matching the filters, ordered by date; `date`, `date_end` and
        `published` are datetime64, `actors` a list. `df.attrs["total"]` is the number of stored events in the
        same snapshot as the rows (read in one transaction), so "N of TOTAL" never mixes two moments of an ingest."""
        import pandas as pd

        where, args = self._where(start, end, event_types, sub_event_types, countries, actors, articles,
                                  precisions, text, min_score)
        c = self.conn
        c.execute("BEGIN")  # a read transaction: both statements see one snapshot (WAL)
        try:
            rows = c.execute(f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article{where} "
                             "ORDER BY e.date, e.id", args).fetchall()
            total = len(rows) if not args and not where else c.execute("SELECT count(*) FROM events").fetchone()[0]
        finally:
            c.execute("COMMIT")
        df = pd.DataFrame.from_records(rows, columns=FRAME_COLUMNS)
        df.attrs["total"] = total
        parsed: dict[str, list[str]] = {}
        df["actors"] = [parsed.setdefault(s, json.loads(s)) if s not in parsed else parsed[s]
                        for s in df["actors"]]
        for col in ("date", "date_end", "published"):
            df[col] = pd.to_datetime(df[col], format="%Y-%m-%d")
        df["fatalities"] = df["fatalities"].astype("Int64")
        return df

    def event_records(self, start: date | None = None, end: date | None = None, **filters: Any) -> Iterator[dict]:
        """Stored events as DESIGN §3 records (first source's article fields) plus event_id, source_count, every
        source sentence in `sentences` and `articles` (every reporting article id). Streams: constant memory."""
        where, args = self._where(start, end, **filters)
        cur = self.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article{where} "
            "ORDER BY e.date, e.id", args)
        while True:
            chunk = cur.fetchmany(1000)
            if not chunk:
                return
            sources = self._sources_of([r[0] for r in chunk])
            for r in chunk:
                row = dict(zip(FRAME_COLUMNS, r, strict=True))
                srcs = sources.get(row["event_id"], [])
                sentences: list[str] = []
                for s in srcs:
                    sentences += [x for x in json.loads(s[1]) if x not in sentences]
                yield {
                    "event_id": row["event_id"],
                    "uid": row["uid"],
                    "article": row["article"],
                    "title": row["title"],
                    "url": row["url"],
                    "source": row["source"],
                    "published": row["published"],
                    "sentence": row["sentence"],
                    "sentences": sentences or [row["sentence"]],
                    "place": row["place"],
                    "place_start": row["place_start"],
                    "place_id": row["place_id"],
                    "name": row["name"],
                    "lat": row["lat"],
                    "lon": row["lon"],
                    "precision": row["precision"],
                    "radius_km": row["radius_km"],
                    "country_code": row["country_code"],
                    "admin1": row["admin1"],
                    "date": row["date"],
                    "date_end": row["date_end"],
                    "date_precision": row["date_precision"],
                    "event_type": row["event_type"],
                    "sub_event_type": row["sub_event_type"],
                    "actors": json.loads(row["actors"]),
                    "fatalities": row["fatalities"],
                    "event_score": row["event_score"],
                    "source_count": row["source_count"],
                    "articles": [s[0] for s in srcs] or [row["article"]],
                }

    def _sources_of(self, event_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
        out: dict[int, list[tuple[str, str]]] = {}
        marks = ",".join("?" * len(event_ids))
        # ORDER BY rowid of the article = the order the sources were stored in
        for eid, ext_id, sentences in self.conn.execute(
                f"SELECT s.event, a.ext_id, s.sentences FROM event_sources s JOIN articles a ON a.id = s.article "
                f"WHERE s.event IN ({marks}) ORDER BY s.event, s.article", event_ids):
            out.setdefault(eid, []).append((ext_id, sentences))
        return out

    def articles_frame(self) -> pd.DataFrame:
        """Every stored article (no text): id, title, url, source, published (datetime64), n_events, origin."""
        import pandas as pd

        rows = self.conn.execute(
            "SELECT ext_id, title, url, source, published, n_events, origin, n_mentions, ingested_at "
            "FROM articles ORDER BY published, id").fetchall()
        df = pd.DataFrame.from_records(rows, columns=["id", "title", "url", "source", "published", "n_events",
                                                      "origin", "n_mentions", "ingested_at"])
        df["published"] = pd.to_datetime(df["published"], format="%Y-%m-%d")
        return df

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            "SELECT ext_id, published, text, title, url, source, origin FROM articles WHERE ext_id = ?",
            (article_id,)).fetchone()
        if row is None:
            return None
        return Article(id=row[0], published=date.fromisoformat(row[1]), text=row[2], title=row[3], url=row[4],
                       source=row[5], origin=row[6])

    def mentions_for(self, article_id: str) -> list[dict]:
        """The article's place mentions in text order (start, end, text, name, lat, lon, role, precision, ...)."""
        cur = self.conn.execute(
            'SELECT m.start, m."end", m.text, m.name, m.lat, m.lon, m.role, m.precision, m.country_code, '
            "m.place_id FROM mentions m JOIN articles a ON a.id = m.article WHERE a.ext_id = ? "
            "ORDER BY m.start, m.id", (article_id,))
        return dict_rows(cur)

    def event_sources(self, event_id: int) -> list[dict]:
        """Every article reporting the event, in the order they were stored, with its sentence(s) and dates."""
        cur = self.conn.execute(
            "SELECT a.ext_id AS article, a.title, a.url, a.source, a.published, s.sentence, s.sentences, s.place, "
            "s.place_start, s.date, s.date_end, s.sub_event_type, s.actors, s.fatalities "
            "FROM event_sources s JOIN articles a ON a.id = s.article WHERE s.event = ? ORDER BY s.article",
            (int(event_id),))
        cols = [d[0] for d in cur.description]
        out = []
        for r in cur.fetchall():
            d = dict(zip(cols, r, strict=True))
            d["sentences"] = json.loads(d["sentences"])
            d["actors"] = json.loads(d["actors"])
            out.append(d)
        return out

    def articles_containing(self, text: str) -> list[str]:
        """Ids of stored articles whose text contains `text` (case-insensitive for ASCII letters), oldest first."""
        text = " ".join(text.split())
        if not text:
            return []
        return [r[0] for r in self.conn.execute(
            "SELECT ext_id FROM articles WHERE text LIKE ? ESCAPE '\\' ORDER BY id", (_like(text),))]

    def mentions_containing(self, text: str) -> list[dict]:
        """Stored place mentions whose surface text contains `text` (as `articles_containing`), with how each was
        resolved (name, lat, lon, precision, country_code, place_id) and its role."""
        text = " ".join(text.split())
        if not text:
            return []
        cur = self.conn.execute(
            "SELECT text, name, lat, lon, precision, country_code, place_id, role FROM mentions "
            "WHERE text LIKE ? ESCAPE '\\'", (_like(text),))
        return dict_rows(cur)

    def result_counts(self, article_ids: Iterable[str]) -> tuple[int, int]:
        """(event reports, resolved place mentions) stored for these articles."""
        ids = json.dumps(list(article_ids))
        sel = "SELECT id FROM articles WHERE ext_id IN (SELECT value FROM json_each(?))"
        reports = self.conn.execute(f"SELECT count(*) FROM event_sources WHERE article IN ({sel})",
                                    (ids,)).fetchone()[0]
        mentions = self.conn.execute(
            f"SELECT count(*) FROM mentions WHERE article IN ({sel}) AND lat IS NOT NULL", (ids,)).fetchone()[0]
        return reports, mentions

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]


def _insert_mentions(c: sqlite3.Connection, aid: int, doc: Doc) -> None:
    c.executemany(
        'INSERT INTO mentions (article, start, "end", text, name, lat, lon, precision, country_code, place_id, role) '
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(aid, m.start, m.end, m.text, *_place_cols(m.place), m.role) for m in doc.mentions])


def _place_cols(p: Any) -> tuple:
    if p is None:
        return (None, None, None, None, None, None)
    return (p.name, p.lat, p.lon, p.kind, p.country_code, p.id)


def _as_date(d: date | str) -> date:
    if isinstance(d, datetime):
        return d.date()
    if isinstance(d, date):
        return d
    return date.fromisoformat(str(d)[:10])


def _iso(d: date | str) -> str:
    return _as_date(d).isoformat()


@contextmanager
def _transaction(c: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed when the block ends, rolled back on any error (even KeyboardInterrupt)."""
    c.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        try:
            c.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise
    c.execute("COMMIT")


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
