"""What the map snapshot's change log costs the store's writers (issue 14): the real write path with and without the
schema-v8 triggers that log every insert, update and delete of an event.

    .venv/bin/python benchmarks/bench_store_writes.py [--articles 2000] [--rounds 5]

Two fresh stores in a temporary folder; in one the three `events_changed_*` triggers are dropped, which is the
write path as it was before the log. Each round writes the same generated articles (benchmarks/generate.py, the Doc
a perfect pipeline would return) into both through `geomap.ingest.store_doc` (one transaction per article, duplicate
merge), alternating which store goes first so load from other work hits both alike; then deletes a tenth of that
round's articles from both (`Store.delete_article`). Prints each round, the medians and the ratios logged /
unlogged. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

from geomap.ingest import IngestReport, store_doc  # noqa: E402
from geomap.store import Store  # noqa: E402

LOG_TRIGGERS = ("events_changed_insert", "events_changed_update", "events_changed_delete")


def write(store: Store, docs: list) -> float:
    t = time.perf_counter()
    report = IngestReport()
    for d in docs:
        store_doc(store, d, report)
    return time.perf_counter() - t


def delete(store: Store, ids: list[str]) -> float:
    t = time.perf_counter()
    for i in ids:
        store.delete_article(i)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000, help="articles written per round")
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        logged, plain = Store.open(Path(d) / "logged.sqlite"), Store.open(Path(d) / "plain.sqlite")
        for name in LOG_TRIGGERS:
            plain.conn.execute(f"DROP TRIGGER {name}")
        times: dict[str, dict[str, list[float]]] = {"logged": {"write": [], "delete": []},
                                                    "plain": {"write": [], "delete": []}}
        for r in range(a.rounds):
            docs = generate.generate_docs(a.articles, seed=1000 + r)
            ids = [doc.article.id for doc in docs[:: 10]]
            order = [("logged", logged), ("plain", plain)]
            if r % 2:
                order.reverse()
            for name, store in order:
                times[name]["write"].append(write(store, docs))
            for name, store in order:
                times[name]["delete"].append(delete(store, ids))
            print(f"round {r + 1}: write {a.articles} articles: logged {times['logged']['write'][-1]:.2f} s, "
                  f"unlogged {times['plain']['write'][-1]:.2f} s; delete {len(ids)}: logged "
                  f"{times['logged']['delete'][-1]:.2f} s, unlogged {times['plain']['delete'][-1]:.2f} s")
        n_log = logged.conn.execute("SELECT count(*) FROM event_changes").fetchone()[0]
        print(f"stores: {logged.count_events()} events each; {n_log} change-log rows in the logged one")
        for what in ("write", "delete"):
            med_l, med_p = (statistics.median(times[k][what]) for k in ("logged", "plain"))
            ratios = [lg / p for lg, p in zip(times["logged"][what], times["plain"][what], strict=True)]
            print(f"{what}: median logged {med_l:.2f} s, unlogged {med_p:.2f} s = {med_l / med_p:.2f}x "
                  f"(per-round ratios {', '.join(f'{x:.2f}' for x in ratios)})")
        logged.close()
        plain.close()


if __name__ == "__main__":
    main()
