"""`--engine dask`: the same pipeline in Dask worker processes, one writer, the same store as the local engine.

The input is built so that getting the write order wrong changes the store: generated wire copy where most events
are reported by several articles (cross-article merges in every batch), plus a chain of Kherson shelling reports
whose merge result depends on which report is stored first (a December report narrows to whichever day report comes
first; the other day stays its own event). The first batch is made slow in the workers, so later batches finish
first: a writer that stored results in completion order instead of input order would store different events.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from geomap.exceptions import GeomapError
from geomap.ingest import run_ingest
from geomap.models import Article, Doc
from geomap.store import Store

pytest.importorskip("dask.distributed", reason="the Dask engine is the optional `dask` extra")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py: realistic generated articles)

BATCH = 8
#: The article the worker-side pipeline lingers on: its batch (the first) finishes after later ones.
SLOW = {"chain-dec"}

_SHELLED = "Russian forces shelled Kherson {when}, killing {n} people, the regional governor said."
CHAIN = [  # (position in the feed, id, published, when)
    (0, "chain-dec", date(2022, 12, 31), "in December"),
    (BATCH, "chain-19", date(2022, 12, 20), "on Monday"),  # Monday 19 December
    (2 * BATCH, "chain-26", date(2022, 12, 27), "on Monday"),  # Monday 26 December
]


def slow_first_batches(article: Article) -> Doc:
    """geomap's pipeline, slower for the SLOW articles: their batches finish after the ones submitted later."""
    from geomap.pipeline import process

    if article.id in SLOW:
        time.sleep(1.0)
    return process(article)


def _feed(tmp_path: Path) -> Path:
    arts = generate.generate_articles(160, seed=13, gazetteer=False)
    for k, (pos, aid, published, when) in enumerate(CHAIN):
        arts.insert(pos, Article(id=aid, published=published, text=_SHELLED.format(when=when, n=k + 2),
                                 title=f"Kherson shelled ({aid})", source="Test Wire"))
    return generate.write_jsonl(arts, tmp_path / "feed.jsonl")


def _events(db: Path) -> list[dict]:
    """The stored events without `ingested_at` (the clock's, not the engine's)."""
    with Store.open(db) as s:
        return [{k: v for k, v in r.items() if k != "ingested_at"} for r in s.event_records()]


def _table(db: Path, sql: str) -> list[tuple]:
    c = sqlite3.connect(db)
    try:
        return c.execute(sql).fetchall()
    finally:
        c.close()


@pytest.mark.slow
def test_dask_engine_stores_exactly_what_the_local_engine_stores(tmp_path: Path) -> None:
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module
    feed = _feed(tmp_path)
    (tmp_path / "bad.jsonl").write_text('{"text": "no date"}\n', encoding="utf-8")
    inputs = [str(feed), str(tmp_path / "bad.jsonl"), str(feed)]  # the feed twice: all skipped the second time
    local = run_ingest(inputs, tmp_path / "local.sqlite", engine="local", progress=False)
    dask = run_ingest(inputs, tmp_path / "dask.sqlite", engine="dask", progress=False, batch_size=BATCH,
                      process=slow_first_batches)
    assert (dask.new, dask.skipped, dask.failed, dask.events, dask.merged, dask.article_ids) == (
        local.new, local.skipped, local.failed, local.events, local.merged, local.article_ids)
    assert local.new > 120 and local.skipped >= 163 and len(local.failed) == 1
    assert local.merged > 40  # most events are reported by more than one article

    ev_local, ev_dask = _events(tmp_path / "local.sqlite"), _events(tmp_path / "dask.sqlite")
    assert len(ev_local) == len(ev_dask) > 100
    for a, b in zip(ev_local, ev_dask, strict=True):  # event by event, every field and every source
        assert a == b
    # the order-dependent chain came out as input order dictates: the December report narrowed to the 19th
    kherson = {(e["date"], tuple(e["articles"])) for e in ev_dask
               if e["name"] == "Kherson" and set(e["articles"]) & {aid for _, aid, _, _ in CHAIN}}
    assert kherson == {("2022-12-19", ("chain-dec", "chain-19")), ("2022-12-26", ("chain-26",))}
    q = ('SELECT a.ext_id, m.start, m."end", m.place_id, m.role FROM mentions m JOIN articles a ON a.id = m.article '
         "ORDER BY m.id")
    assert _table(tmp_path / "local.sqlite", q) == _table(tmp_path / "dask.sqlite", q)
    q = "SELECT s.event, a.ext_id, s.sentence, s.date FROM event_sources s JOIN articles a ON a.id = s.article"
    assert sorted(_table(tmp_path / "local.sqlite", q)) == sorted(_table(tmp_path / "dask.sqlite", q))


def test_worker_with_another_gazetteer_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker whose gazetteer (or code) differs from the writer's must not add its events to the store."""
    import cloudpickle

    cloudpickle.register_pickle_by_value(generate)  # keyword_process runs in the workers
    feed = generate.write_jsonl(generate.generate_articles(40, seed=2, gazetteer=False), tmp_path / "f.jsonl")
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("id,name,lat,lon,kind\nuser:x,Xville,50.0,30.0,city\n", encoding="utf-8")
    # The workers start after this and read their configuration from the environment: they see a user override
    # the writer (configured at import) does not, as a worker node with another data/ folder would.
    monkeypatch.setenv("GEOMAP_OVERRIDES", str(overrides))
    with pytest.raises(GeomapError, match="another pipeline"):
        run_ingest([str(feed)], tmp_path / "g.sqlite", engine="dask", progress=False, batch_size=BATCH, workers=1,
                   process=generate.keyword_process)
    with Store.open(tmp_path / "g.sqlite") as s:
        assert s.count_articles() == 0
