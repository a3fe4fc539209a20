"""Reading the store: events (as a DataFrame for the app, as streamed records for the export), articles, mentions
and the sources of an event. Every filter goes through one WHERE builder (geomap.store.filters)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from geomap.models import Article
from geomap.store.filters import FilterArgs, like, where_clause

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

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
#: What `Queries.map_frame` leaves out and `Queries.event_texts` reads by id (with `event_id`).
TEXT_COLUMNS = ("event_id", "sentence", "article", "title", "url", "source", "published")
#: An export record also carries when its article was stored (ACLED's timestamp); the map's frame does not need it.
_RECORD_COLUMNS = FRAME_COLUMNS + ["ingested_at"]
#: The fields of an exported event record, in output order (DESIGN §3 plus the store's own).
RECORD_FIELDS = (
    "event_id", "uid", "article", "title", "url", "source", "published", "sentence", "sentences", "place",
    "place_start", "place_id", "name", "lat", "lon", "precision", "radius_km", "country_code", "admin1", "date",
    "date_end", "date_precision", "event_type", "sub_event_type", "actors", "fatalities", "event_score",
    "source_count", "articles", "ingested_at",
)


def dict_rows(cur: sqlite3.Cursor) -> list[dict]:
    """A query's rows as dicts keyed by column name."""
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


class Queries:
    """The store's read methods (mixed into `Store`, which provides `conn`)."""

    conn: sqlite3.Connection
    path: Path

    def count_events(self) -> int:
        return self.conn.execute("SELECT count(*) FROM events").fetchone()[0]

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def date_span(self) -> tuple[date, date] | None:
        lo, hi = self.conn.execute("SELECT min(date), max(date_end) FROM events").fetchone()
        return (date.fromisoformat(lo), date.fromisoformat(hi)) if lo else None

    def _where(self, start: date | None = None, end: date | None = None,
               **filters: Unpack[FilterArgs]) -> tuple[str, list[Any]]:
        return where_clause(start, end, self._max_span, **filters)

    def _max_span(self) -> int:
        """Longest stored date range in days (an O(log n) lookup on the events_span index)."""
        row = self.conn.execute("SELECT max(julianday(date_end) - julianday(date)) FROM events").fetchone()
        return int(row[0] or 0) + 1

    def events_frame(self, start: date | None = None, end: date | None = None,
                     **filters: Unpack[FilterArgs]) -> pd.DataFrame:
        """One row per stored (merged) event matching the filters, ordered by date; `date`, `date_end` and
        `published` are datetime64, `actors` a list. `df.attrs["total"]` is the number of stored events in the
        same snapshot as the rows (read in one transaction), so "N of TOTAL" never mixes two moments of an ingest."""
        import pandas as pd

        where, args = self._where(start, end, **filters)
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

    def map_frame(self, start: date | None = None, end: date | None = None,
                  **filters: Unpack[FilterArgs]) -> pd.DataFrame:
        """`events_frame` without the text (sentence, article, title, url, source, published): the same rows, order
        and dtypes, read column-wise from the map's snapshot (geomap.store.snapshot), which is brought up to date
        in the same read transaction -- never stale. `df.attrs["total"]` as in `events_frame`. Text for the rows a
        page shows: `event_texts`."""
        from geomap.store import mapframe

        return self._snapshot_frame(lambda snap: mapframe.select(snap, start, end, dict(filters), self._ids_matching))

    def option_frame(self) -> pd.DataFrame:
        """A few rows of `map_frame()` that hold every distinct value of the filtered columns (event type, sub-event
        type, country, actors, precision): the filter options without building the frame of every event."""
        from geomap.store import mapframe

        return self._snapshot_frame(mapframe.distinct_rows)

    def _snapshot_frame(self, pick: Callable[[Any], np.ndarray]) -> pd.DataFrame:
        """The current snapshot's rows that `pick` chooses, as the map's frame (one read transaction)."""
        from geomap.store import mapframe, snapshot

        c = self.conn
        own = not c.in_transaction
        if own:
            c.execute("BEGIN")  # the stamp, the changes merged in and any SQL-answered filter see one snapshot
        try:
            snap = snapshot.current(c, self.path, snapshot.stamp_of(c))
            rows = pick(snap)
        finally:
            if own:
                c.execute("COMMIT")
        return mapframe.frame(snap, rows)

    def _ids_matching(self, filters: dict[str, Any]) -> list[int]:
        where, args = self._where(**filters)
        return [r[0] for r in self.conn.execute(
            f"SELECT e.id FROM events e JOIN articles a ON a.id = e.article{where}", args)]

    def event_texts(self, event_ids: Iterable[int]) -> pd.DataFrame:
        """The columns `map_frame` leaves out (sentence, article, title, url, source, published), one row per stored
        event in `event_ids` (unknown ids are skipped), for the rows a page shows; join on `event_id`."""
        import pandas as pd

        ids = json.dumps([int(i) for i in event_ids])
        rows = self.conn.execute(
            "SELECT e.id, e.sentence, a.ext_id, a.title, a.url, a.source, a.published FROM events e "
            "JOIN articles a ON a.id = e.article WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id",
            (ids,)).fetchall()
        df = pd.DataFrame.from_records(rows, columns=list(TEXT_COLUMNS))
        df["published"] = pd.to_datetime(df["published"], format="%Y-%m-%d")
        return df

    def event_article_titles(self) -> dict[str, str]:
        """Article id -> title ("" for none) of every article that is some event's first report: the article
        filter's options, without reading the events' frame."""
        return {r[0]: r[1] or "" for r in self.conn.execute(
            "SELECT ext_id, title FROM articles WHERE id IN (SELECT article FROM events)")}

    def event_records(self, start: date | None = None, end: date | None = None,
                      **filters: Unpack[FilterArgs]) -> Iterator[dict]:
        """Stored events as DESIGN §3 records (first source's article fields) plus event_id, source_count, every
        source sentence in `sentences` and `articles` (every reporting article id). Streams: constant memory."""
        where, args = self._where(start, end, **filters)
        cur = self.conn.execute(
            f"SELECT {_EVENT_COLUMNS}, a.ingested_at FROM events e JOIN articles a ON a.id = e.article{where} "
            "ORDER BY e.date, e.id", args)
        while True:
            chunk = cur.fetchmany(1000)
            if not chunk:
                return
            sources = self._sources_of([r[0] for r in chunk])
            for r in chunk:
                yield _record(dict(zip(_RECORD_COLUMNS, r, strict=True)), sources.get(r[0], []))

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
        out = dict_rows(cur)
        for d in out:
            d["sentences"] = json.loads(d["sentences"])
            d["actors"] = json.loads(d["actors"])
        return out

    def articles_containing(self, text: str) -> list[str]:
        """Ids of stored articles whose text contains `text` (case-insensitive for ASCII letters), oldest first."""
        text = " ".join(text.split())
        if not text:
            return []
        return [r[0] for r in self.conn.execute(
            "SELECT ext_id FROM articles WHERE text LIKE ? ESCAPE '\\' ORDER BY id", (like(text),))]

    def mentions_containing(self, text: str) -> list[dict]:
        """Stored place mentions whose surface text contains `text` (as `articles_containing`), with how each was
        resolved (name, lat, lon, precision, country_code, place_id) and its role."""
        text = " ".join(text.split())
        if not text:
            return []
        cur = self.conn.execute(
            "SELECT text, name, lat, lon, precision, country_code, place_id, role FROM mentions "
            "WHERE text LIKE ? ESCAPE '\\'", (like(text),))
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


def _record(row: dict[str, Any], sources: list[tuple[str, str]]) -> dict[str, Any]:
    """One export record from an event row and its sources ((article id, sentences JSON), in stored order)."""
    sentences: list[str] = []
    for _, js in sources:
        sentences += [x for x in json.loads(js) if x not in sentences]
    rec = {k: row.get(k) for k in RECORD_FIELDS}
    rec["sentences"] = sentences or [row["sentence"]]
    rec["actors"] = json.loads(row["actors"])
    rec["articles"] = [s[0] for s in sources] or [row["article"]]
    return rec
