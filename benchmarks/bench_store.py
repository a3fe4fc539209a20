"""Store at scale: load ~1,000,000 events, then time the app's filter query and measure the file size.

    .venv/bin/python benchmarks/bench_store.py [--events 1000000] [--db /tmp/bench.sqlite] [--runs 9]

Loads generated pipeline output (benchmarks/generate.py `generate_docs`) through the real write path
(`geomap.ingest.store_doc`: one transaction per article, duplicate-event merge), so load rate = store write rate without
the pipeline. Times the full `events_frame` (27 columns through SQL) and the map's `map_frame` (the columnar
snapshot, issue 14) for the same filters in the same run, and the snapshot's build, load and merge. Prints medians of
several runs; nothing here is asserted. It migrates the store it opens: point --db at a copy of a store you keep.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

from geomap.ingest import IngestReport, store_doc  # noqa: E402
from geomap.store import MIGRATIONS, Store, cell_of  # noqa: E402

CHUNK = 50_000  # articles generated at a time (memory stays flat)


def load(store: Store, n_events: int) -> tuple[int, float]:
    t0 = time.perf_counter()
    seed, articles = 0, 0
    report = IngestReport()
    while store.count_events() < n_events:
        for d in generate.generate_docs(CHUNK, seed=seed):
            store_doc(store, d, report)
            articles += 1
        seed += 1
        print(f"  {articles} articles, {store.count_events()} events, {time.perf_counter() - t0:.0f} s",
              file=sys.stderr)
    return articles, time.perf_counter() - t0


def bulk_load(store: Store, n_events: int) -> float:
    """Fast setup for the query benchmark: `generate_events` records written straight into the tables, 10,000 per
    transaction (no merge lookups: they are distinct events already). One article row per event."""
    t0 = time.perf_counter()
    c = store.conn
    done = 0
    seed = 100
    while done < n_events:
        recs = generate.generate_events(min(200_000, n_events - done), seed=seed)
        seed += 1
        for i in range(0, len(recs), 10_000):
            chunk = recs[i:i + 10_000]
            c.execute("BEGIN IMMEDIATE")
            base = c.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
            c.executemany(
                "INSERT INTO articles (id, hash, ext_id, title, url, source, published, text, origin, ingested_at, "
                "n_events) VALUES (?,?,?,?,?,?,?,?,?,?,1)",
                [(base + k + 1, f"bulk{base + k + 1}", f"bulk-{base + k + 1}", r["title"], r["url"], r["source"],
                  r["published"], r["sentence"], "bench", "2024-01-01") for k, r in enumerate(chunk)])
            c.executemany(
                "INSERT INTO events (place_id, name, lat, lon, precision, radius_km, country_code, admin1, date, "
                "date_end, date_precision, event_type, sub_event_type, actors, fatalities, article, place, sentence, "
                "place_start, source_count, cell) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(r["place_id"], r["name"], r["lat"], r["lon"], r["precision"], r["radius_km"], r["country_code"],
                  r["admin1"], r["date"], r["date_end"], r["date_precision"], r["event_type"], r["sub_event_type"],
                  json.dumps(r["actors"]), r["fatalities"], base + k + 1, r["place"], r["sentence"],
                  r["place_start"], 1, cell_of(r["lat"], r["lon"])) for k, r in enumerate(chunk)])
            c.execute("INSERT INTO event_sources (event, article, sentence, date, date_end) "
                      "SELECT id, article, sentence, date, date_end FROM events WHERE article > ?", (base,))
            c.execute("COMMIT")
        done += len(recs)
        print(f"  {done} events, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    c.execute("ANALYZE")
    return time.perf_counter() - t0


def migration_indexes() -> set[str]:
    """Index names the schema migrations create."""
    import re

    return {m for script in MIGRATIONS for m in re.findall(r"CREATE INDEX (\w+)", script)}


SPREAD: list[str] = []  # min-max of each timed case, printed with it (the machine is shared: say how noisy)


def timed(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    SPREAD.append(f"{min(times) * 1000:.1f}-{max(times) * 1000:.1f} ms")
    return statistics.median(times), out


def snapshot_setup(store: Store, db: Path) -> None:
    """Time the map snapshot's first build (no file yet), its load from the file, and a merge of one new event."""
    from geomap.store import snapshot

    snapshot.file_for(db).unlink(missing_ok=True)
    snapshot.forget(db)
    t = time.perf_counter()
    store.map_frame(end=date(2000, 1, 1))
    print(f"map snapshot: built from every event in {time.perf_counter() - t:.1f} s "
          f"({snapshot.file_for(db).stat().st_size / 1e6:.0f} MB file)")
    snapshot.forget(db)
    t = time.perf_counter()
    store.map_frame(end=date(2000, 1, 1))
    print(f"map snapshot: loaded from its file in {time.perf_counter() - t:.2f} s")
    eid = store.conn.execute("SELECT max(id) FROM events").fetchone()[0]
    store.conn.execute("UPDATE events SET fatalities = fatalities WHERE id = ?", (eid,))  # one logged change
    t = time.perf_counter()
    store.map_frame(end=date(2000, 1, 1))
    print(f"map snapshot: one changed event merged in (and the file rewritten) in {time.perf_counter() - t:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/geomap_bench_store.sqlite")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--baseline-runs", type=int, default=3, help="runs of the unfiltered baseline (slow)")
    ap.add_argument("--bulk", action="store_true", help="fast setup: write generated events straight to the tables")
    args = ap.parse_args()
    db = Path(args.db)
    with Store.open(db) as store:
        if args.bulk and store.count_events() < args.events:
            secs = bulk_load(store, args.events - store.count_events())
            print(f"bulk setup: {store.count_events()} events in {secs:.0f} s (not the ingest path)")
        if store.count_events() < args.events:
            n_art, secs = load(store, args.events)
            print(f"load: {n_art} articles in {secs:.1f} s = {n_art / secs:.0f} articles/s "
                  f"({store.count_events()} events, {store.count_articles()} articles stored)")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # only the indexes the schema migrations create: a hand-made one would flatter the numbers
        extra = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                                  "AND sql IS NOT NULL")} - migration_indexes()
        print(f"schema v{store.schema_version}; indexes not made by the migrations: {sorted(extra) or 'none'}")
        n_events = store.count_events()
        size = db.stat().st_size
        print(f"store: {n_events} events, {store.count_articles()} articles, {size / 1e6:.0f} MB "
              f"= {size / n_events * 100_000 / 1e6:.1f} MB per 100,000 events (articles' full text included)")
        store.events_frame(end=date(2022, 1, 1))  # warm the import and the page cache
        snapshot_setup(store, db)
        cases = {
            "1 month, Battles, UA": dict(start=date(2023, 3, 1), end=date(2023, 3, 31), event_types=["Battles"],
                                         countries=["UA"]),
            "3 months, Explosions, UA+RU": dict(start=date(2023, 1, 1), end=date(2023, 3, 31),
                                                event_types=["Explosions/Remote violence"],
                                                countries=["UA", "RU"]),
            "1 week, 2 types, SD": dict(start=date(2024, 5, 1), end=date(2024, 5, 7),
                                        event_types=["Battles", "Violence against civilians"], countries=["SD"]),
            "1 year, all types, UA": dict(start=date(2023, 1, 1), end=date(2023, 12, 31), countries=["UA"]),
        }
        for name, kw in cases.items():
            med, df = timed(lambda kw=kw: store.events_frame(**kw), args.runs)
            where, qargs = store._where(**kw)
            sql = f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article{where}"
            med_sql, _ = timed(lambda sql=sql, qargs=qargs: store.conn.execute(sql, qargs).fetchone(), args.runs)
            plan = "; ".join(r[3] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", qargs))
            print(f"filter {name:32s}: events_frame median {med * 1000:7.1f} ms (range {SPREAD[-2]}, {len(df)} "
                  f"rows); SQL count median {med_sql * 1000:6.1f} ms  [plan: {plan}]")
            med_map, narrow = timed(lambda kw=kw: store.map_frame(**kw), args.runs)
            page = narrow["event_id"].iloc[::-1].head(50).tolist()  # the feed's first page: newest first
            med_txt, _ = timed(lambda page=page: store.event_texts(page), args.runs)
            print(f"       {'':32s}  map_frame    median {med_map * 1000:7.1f} ms (range {SPREAD[-2]}, {len(narrow)} "
                  f"rows, {narrow.shape[1]} columns); event_texts for a 50-row page median {med_txt * 1000:.1f} ms")
        med, df = timed(lambda: store.events_frame(), args.baseline_runs)
        print(f"baseline: every event as a DataFrame ({len(df)} rows): median {med * 1000:.0f} ms")
        med, df = timed(lambda: store.map_frame(), args.baseline_runs)
        print(f"baseline: every event as the map's frame ({len(df)} rows, {df.shape[1]} columns): median "
              f"{med * 1000:.0f} ms")


if __name__ == "__main__":
    main()
