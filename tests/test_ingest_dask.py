"""`--engine dask`: the same pipeline in Dask worker processes, one writer, the same store as the local engine."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from geomap.ingest import run_ingest
from geomap.store import Store

pytest.importorskip("dask.distributed", reason="the Dask engine is the optional `dask` extra")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py: realistic generated articles)


def _events(db: Path) -> list[dict]:
    with Store.open(db) as s:
        return list(s.event_records())


def _table(db: Path, sql: str) -> list[tuple]:
    c = sqlite3.connect(db)
    try:
        return c.execute(sql).fetchall()
    finally:
        c.close()


@pytest.mark.slow
def test_dask_engine_stores_exactly_what_the_local_engine_stores(tmp_path: Path) -> None:
    arts = generate.generate_articles(150, seed=13)
    feed = generate.write_jsonl(arts, tmp_path / "feed.jsonl")
    (tmp_path / "bad.jsonl").write_text('{"text": "no date"}\n', encoding="utf-8")
    inputs = [str(feed), str(tmp_path / "bad.jsonl"), str(feed)]  # the feed twice: all skipped the second time
    local = run_ingest(inputs, tmp_path / "local.sqlite", engine="local", progress=False)
    dask = run_ingest(inputs, tmp_path / "dask.sqlite", engine="dask", progress=False, batch_size=16)
    assert (dask.new, dask.skipped, dask.failed, dask.events, dask.merged) == (
        local.new, local.skipped, local.failed, local.events, local.merged)
    assert local.new > 100 and local.skipped >= 150 and len(local.failed) == 1 and local.merged > 0
    ev_local, ev_dask = _events(tmp_path / "local.sqlite"), _events(tmp_path / "dask.sqlite")
    assert len(ev_local) == len(ev_dask) > 0
    for a, b in zip(ev_local, ev_dask, strict=True):
        assert a == b
    q = 'SELECT a.ext_id, m.start, m."end", m.place_id, m.role FROM mentions m JOIN articles a ON a.id = m.article'
    assert _table(tmp_path / "local.sqlite", q) == _table(tmp_path / "dask.sqlite", q)
