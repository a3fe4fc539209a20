"""Re-apply a gazetteer correction to what is already stored.

Why this module: a user override (`geomap.gazetteer.add_override`) only changes how *new* text resolves. An analyst
who says "this Donetsk is the city in Ukraine" or adds a village the gazetteer lacks expects the stored events to
follow at once. So every stored article whose text contains the name is re-read with a pipeline built on the
freshly reloaded gazetteer, and the store swaps those articles' results in one transaction
(`Store.replace_docs`): each article's old reports are withdrawn from the events they fed (an event left with no
report goes; a merged event is re-folded from its other reports) and the new reports go through the store's own
insert-or-merge rule, so a corrected report can merge with an event other articles already place there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from geomap.gazetteer import Gazetteer, load_gazetteer, normalize
from geomap.models import Article, Doc
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


def resolutions_of(store: Store, name: str) -> list[dict]:
    """How stored mentions of `name` are resolved now: one row per place (or unresolved) with its count."""
    key = normalize(name)
    out: dict[tuple, dict] = {}
    for m in store.mentions_containing(name):
        if normalize(m["text"]) != key:
            continue
        rec = out.setdefault((m["place_id"], m["name"]), {
            "place_id": m["place_id"] or "", "name": m["name"] or "(not resolved)", "precision": m["precision"] or "",
            "country_code": m["country_code"] or "", "lat": m["lat"], "lon": m["lon"], "mentions": 0,
            "event_mentions": 0})
        rec["mentions"] += 1
        rec["event_mentions"] += m["role"] == "event"
    return sorted(out.values(), key=lambda r: -r["mentions"])


def reapply(db: str | Path | Store, name: str, gazetteer: Gazetteer | None = None,
            articles: Iterable[str] | None = None, scoped: Path | None = None) -> CorrectionReport:
    """Re-read every stored article mentioning `name` (only those of `articles` when given: a correction for one
    article) with the current gazetteer and replace its stored results.

    Each article is read with its own article-scoped corrections over the gazetteer (geomap.gazetteer.scoped), so
    re-applying one name never undoes another correction made for that article only. Call after
    `add_override(name, ...)`: `load_gazetteer()` reloads the changed overrides file by itself.
    """
    report = CorrectionReport(name=name)
    store = db if isinstance(db, Store) else Store.open(Path(db))
    try:
        ids = store.articles_containing(name)
        if articles is not None:
            wanted = set(articles)
            ids = [i for i in ids if i in wanted]
        if not ids:
            return report
        read = _reader(gazetteer if gazetteer is not None else load_gazetteer(), scoped)
        docs = [read(art) for art in map(store.get_article, ids) if art is not None]
        report.events_before, report.mentions_before = store.result_counts(ids)
        report.articles = store.replace_docs(docs)
        replaced = set(report.articles)
        for doc in docs:
            if doc.article.id in replaced:
                report.events_after += len(doc.events)
                report.mentions_after += sum(1 for m in doc.mentions if m.place is not None)
    finally:
        if not isinstance(db, Store):
            store.close()
    return report


def _reader(gaz: Gazetteer, scoped: Path | None) -> Callable[[Article], Doc]:
    """Article -> Doc: the shared pipeline, or one over the article's own corrections when it has some."""
    from geomap.pipeline import build_pipeline, for_article

    shared = build_pipeline(gaz)
    return lambda art: for_article(art, shared, gaz, scoped)(art)
