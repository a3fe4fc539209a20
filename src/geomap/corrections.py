"""Re-apply a gazetteer correction to what is already stored.

Why this module: a user override (`geomap.gazetteer.add_override`) only changes how *new* text resolves. An analyst
who says "this Donetsk is the city in Ukraine" or adds a village the gazetteer lacks expects the stored events to
follow at once. The store has no "replace an article's results" API, so this module re-reads every stored article
whose text contains the name with a pipeline built on the freshly reloaded gazetteer, and swaps that article's
mentions and events in ONE transaction on the store's connection (a crash leaves the old results, never half).

Events merged from several articles lose only the corrected article's report: its `event_sources` row goes, the
source count drops, and when that article was the event's primary source the next source becomes primary. The new
reports then go through the store's own insert-or-merge rule (`Store._add_event`), so a corrected report can merge
with an event other articles already place there. Dates/actors folded into a merged event by the removed report are
kept (the store does not keep per-report history to undo them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from geomap.gazetteer import Gazetteer, load_gazetteer, normalize
from geomap.models import Doc
from geomap.store import Store


@dataclass
class CorrectionReport:
    """What re-applying a correction changed."""

    name: str
    articles: list[str] = field(default_factory=list)
    events_before: int = 0
    events_after: int = 0
    mentions_before: int = 0
    mentions_after: int = 0

    def summary(self) -> str:
        return (f"'{self.name}': {len(self.articles)} stored article(s) re-read; events {self.events_before} → "
                f"{self.events_after}, place mentions {self.mentions_before} → {self.mentions_after}")


def _like(name: str) -> str:
    return "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def articles_mentioning(store: Store, name: str) -> list[tuple[int, str]]:
    """(row id, article id) of stored articles whose text contains `name` (case-insensitive for ASCII letters)."""
    name = " ".join(name.split())
    if not name:
        return []
    return [(int(r[0]), str(r[1])) for r in store.conn.execute(
        "SELECT id, ext_id FROM articles WHERE text LIKE ? ESCAPE '\\' ORDER BY id", (_like(name),))]


def resolutions_of(store: Store, name: str) -> list[dict]:
    """How stored mentions of `name` are resolved now: one row per place (or unresolved) with its count."""
    key = normalize(name)
    out: dict[tuple, dict] = {}
    for text, pname, lat, lon, prec, cc, pid, role in store.conn.execute(
            "SELECT m.text, m.name, m.lat, m.lon, m.precision, m.country_code, m.place_id, m.role FROM mentions m "
            "WHERE m.text LIKE ? ESCAPE '\\'", (_like(name.strip()),)):
        if normalize(text) != key:
            continue
        k = (pid, pname)
        rec = out.setdefault(k, {"place_id": pid or "", "name": pname or "(not resolved)", "precision": prec or "",
                                 "country_code": cc or "", "lat": lat, "lon": lon, "mentions": 0,
                                 "event_mentions": 0})
        rec["mentions"] += 1
        rec["event_mentions"] += role == "event"
    return sorted(out.values(), key=lambda r: -r["mentions"])


def _mention_rows(aid: int, doc: Doc) -> list[tuple]:
    rows = []
    for m in doc.mentions:
        p = m.place
        cols = (p.name, p.lat, p.lon, p.kind, p.country_code, p.id) if p is not None else (None,) * 6
        rows.append((aid, m.start, m.end, m.text, *cols, m.role))
    return rows


def _drop_reports(store: Store, aid: int) -> None:
    """Remove one article's event reports (inside the caller's transaction)."""
    c = store.conn
    for (eid,) in c.execute("SELECT event FROM event_sources WHERE article = ?", (aid,)).fetchall():
        c.execute("DELETE FROM event_sources WHERE event = ? AND article = ?", (eid, aid))
        nxt = c.execute("SELECT article, sentence, place, place_start FROM event_sources WHERE event = ? "
                        "ORDER BY article LIMIT 1", (eid,)).fetchone()
        if nxt is None:
            c.execute("DELETE FROM events WHERE id = ?", (eid,))
            continue
        c.execute("UPDATE events SET source_count = max(source_count - 1, 1) WHERE id = ?", (eid,))
        c.execute("UPDATE events SET article = ?, sentence = ?, place = ?, place_start = ? "
                  "WHERE id = ? AND article = ?", (*nxt, eid, aid))


def reapply(db: str | Path | Store, name: str, gazetteer: Gazetteer | None = None) -> CorrectionReport:
    """Re-read every stored article mentioning `name` with the current gazetteer and replace its stored results.

    Call after `add_override(name, ...)`: `load_gazetteer()` reloads the changed overrides file by itself.
    """
    from geomap.pipeline import build_pipeline

    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    pipe = build_pipeline(gaz)
    report = CorrectionReport(name=name)
    store = db if isinstance(db, Store) else Store.open(Path(db))
    try:
        hits = articles_mentioning(store, name)
        docs = []
        for aid, ext_id in hits:
            art = store.get_article(ext_id)
            if art is not None:
                docs.append((aid, ext_id, pipe(art)))
        if not docs:
            return report
        c = store.conn
        ids = [aid for aid, _, _ in docs]
        marks = ",".join("?" * len(ids))
        report.events_before = c.execute(
            f"SELECT count(*) FROM event_sources WHERE article IN ({marks})", ids).fetchone()[0]
        report.mentions_before = c.execute(
            f"SELECT count(*) FROM mentions WHERE article IN ({marks}) AND lat IS NOT NULL", ids).fetchone()[0]
        c.execute("BEGIN IMMEDIATE")
        try:
            for aid, ext_id, doc in docs:
                c.execute("DELETE FROM mentions WHERE article = ?", (aid,))
                c.executemany(
                    'INSERT INTO mentions (article, start, "end", text, name, lat, lon, precision, country_code, '
                    "place_id, role) VALUES (?,?,?,?,?,?,?,?,?,?,?)", _mention_rows(aid, doc))
                _drop_reports(store, aid)
                for ev in doc.events:
                    store._add_event(c, aid, ev)  # the store's own insert-or-merge rule  # noqa: SLF001
                c.execute("UPDATE articles SET n_events = ?, n_mentions = ? WHERE id = ?",
                          (len(doc.events), len(doc.mentions), aid))
                report.articles.append(ext_id)
                report.events_after += len(doc.events)
                report.mentions_after += sum(1 for m in doc.mentions if m.place is not None)
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
    finally:
        if not isinstance(db, Store):
            store.close()
    return report
