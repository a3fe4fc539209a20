"""Writing processed articles: each article with its mentions and event reports in ONE transaction, through the
merge policy (geomap.store.merge), so a crash never leaves half an article and ingesting twice changes nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, NamedTuple

from geomap.models import Doc, Event
from geomap.store.connection import transaction
from geomap.store.merge import cell_of, merge_into, merge_target, refold


class DeletedArticle(NamedTuple):
    """What deleting an article did to the events it reported."""

    events_removed: int  # events only it reported
    events_kept: int  # events other articles also reported, now without its report


class Writes:
    """The store's write methods (mixed into `Store`, which provides `conn`)."""

    conn: sqlite3.Connection

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
        with transaction(c):
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
            assert aid is not None
            _insert_mentions(c, aid, doc)
            new = sum(_add_event(c, aid, ev) for ev in doc.events)
        return ext_id, new, len(doc.events) - new

    def replace_docs(self, docs: Iterable[Doc]) -> list[str]:
        """Replace stored articles' mentions and event reports with fresh pipeline results, in ONE transaction.

        Why: a gazetteer correction changes how stored text resolves (geomap.corrections). Each doc's article is
        found by its id; its old reports are withdrawn (see `_drop_reports`) and the new ones go through the same
        insert-or-merge rule as an ingest. A crash leaves the old results, never half. Returns the ids replaced
        (docs whose article is not stored are passed over).
        """
        c = self.conn
        done: list[str] = []
        with transaction(c):
            for doc in docs:
                row = c.execute("SELECT id FROM articles WHERE ext_id = ?", (doc.article.id,)).fetchone()
                if row is None:
                    continue
                aid = row[0]
                c.execute("DELETE FROM mentions WHERE article = ?", (aid,))
                _insert_mentions(c, aid, doc)
                _drop_reports(c, aid)
                for ev in doc.events:
                    _add_event(c, aid, ev)
                c.execute("UPDATE articles SET n_events = ?, n_mentions = ? WHERE id = ?",
                          (len(doc.events), len(doc.mentions), aid))
                done.append(doc.article.id)
        return done

    def delete_article(self, article_id: str) -> DeletedArticle | None:
        """Remove a stored article with its mentions and event reports, in ONE transaction; None when no article
        has that id.

        An event only this article reported goes. An event other articles also reported stays, re-folded from their
        reports as if this article had never been ingested (dates, actors, fatalities, source count and primary
        source; see merge.refold); it keeps its place and its stable uid, so links to it survive. Items read from
        followed sources keep their row (the watcher does not fetch them again) with the article link cleared.
        """
        c = self.conn
        with transaction(c):
            row = c.execute("SELECT id FROM articles WHERE ext_id = ?", (article_id,)).fetchone()
            if row is None:
                return None
            eids = _drop_reports(c, row[0])
            marks = ",".join("?" * len(eids))
            kept = c.execute(f"SELECT count(*) FROM events WHERE id IN ({marks})", eids).fetchone()[0]
            c.execute("DELETE FROM mentions WHERE article = ?", (row[0],))
            c.execute("DELETE FROM articles WHERE id = ?", (row[0],))
        return DeletedArticle(events_removed=len(eids) - kept, events_kept=kept)


def _add_event(c: sqlite3.Connection, aid: int, ev: Event) -> bool:
    """Insert one event or merge it into a stored duplicate; True when a new event row was made."""
    p = ev.place
    d0, d1 = ev.date.isoformat(), ev.date_end.isoformat()
    sentences = json.dumps(ev.sentences or [ev.sentence], ensure_ascii=False)
    actors = json.dumps(list(ev.actors), ensure_ascii=False)
    place_start = ev.place_start - ev.sentence_start
    target = merge_target(c, aid, ev)
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
        merge_into(c, eid, ev)
    c.execute(
        "INSERT INTO event_sources (event, article, sentence, sentences, place, place_start, date, date_end, "
        "date_precision, sub_event_type, actors, fatalities, event_score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (eid, aid, ev.sentence, sentences, ev.place_text, place_start, d0, d1, ev.date_precision,
         ev.sub_event_type, actors, ev.fatalities, ev.event_score))
    return target is None


def _drop_reports(c: sqlite3.Connection, aid: int) -> list[int]:
    """Withdraw one article's event reports (inside the caller's transaction): an event left with no report goes;
    the others are re-folded from the reports that remain, as if the withdrawn one had never come. Returns the ids
    of the events it touched."""
    # the events it reported, and any whose primary source it still is (stores whose report rows were lost)
    eids = [r[0] for r in c.execute("SELECT event FROM event_sources WHERE article = ? UNION "
                                    "SELECT id FROM events WHERE article = ?", (aid, aid))]
    c.execute("DELETE FROM event_sources WHERE article = ?", (aid,))
    for eid in eids:
        refold(c, eid)
    return eids


def _insert_mentions(c: sqlite3.Connection, aid: int, doc: Doc) -> None:
    c.executemany(
        'INSERT INTO mentions (article, start, "end", text, name, lat, lon, precision, country_code, place_id, role) '
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(aid, m.start, m.end, m.text, *_place_cols(m.place), m.role) for m in doc.mentions])


def _place_cols(p: Any) -> tuple:
    if p is None:
        return (None, None, None, None, None, None)
    return (p.name, p.lat, p.lon, p.kind, p.country_code, p.id)
