"""Ingest throughput: generated articles through the real pipeline into a fresh store, local vs Dask.

    .venv/bin/python benchmarks/bench_ingest.py [--articles 100000] [--engines local,dask] [--runs 1]

Each engine ingests the same JSONL file into its own new store with the real command, `python -m geomap ingest FEED
--db NEW --engine E --quiet` (Dask: the default local cluster of 2 worker processes), in a fresh process, so each run
loads the pipeline as it is on disk then, like a user's run; wall time includes start-up, gazetteer load and, for
Dask, the cluster's start. Runs alternate engines so
load from other work on the machine hits both alike. Prints articles/s per run and the median, the store size per
100,000 events, and whether the engines' stores hold the same events (compared event by event, every field and
source). The engines run a snapshot of src/geomap and the gazetteer taken at the start (`--live` runs the working
tree instead): other people editing the pipeline mid-benchmark is what once made the engines "differ". The
pipeline's fingerprint is checked around every run; a comparison across a change is marked void. Nothing is
asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

from geomap.store import Store  # noqa: E402


def first_difference(db_a: Path, db_b: Path) -> str | None:
    """None when both stores hold the same events (every field and every source), else the first difference."""
    with Store.open(db_a) as a, Store.open(db_b) as b:
        n = 0
        for n, (x, y) in enumerate(zip(a.event_records(), b.event_records(), strict=False), 1):
            if x != y:
                keys = [k for k in x if x[k] != y.get(k)]
                return f"event #{n} differs in {keys}: {[(x[k], y.get(k)) for k in keys[:3]]}"
        if a.count_events() != b.count_events():
            return f"{a.count_events()} vs {b.count_events()} events"
    return None


def snapshot(where: Path, env: dict[str, str]) -> dict[str, str]:
    """Copy src/geomap and the gazetteer files (with their index cache) to `where` and return an environment whose
    engines run that copy: other work editing the tree mid-benchmark then cannot make the two engines' runs use
    different pipelines (which is what once made them "differ")."""
    import geomap
    from geomap import config

    src = Path(geomap.__file__).resolve().parent
    shutil.copytree(src, where / "src" / "geomap", ignore=shutil.ignore_patterns("__pycache__"))
    data = where / "data"
    data.mkdir(parents=True)
    for f in (config.GAZETTEER_CSV, config.CURATED_CSV):
        if f.exists():
            shutil.copy2(f, data / f.name)
    if config.CACHE_DIR.is_dir():
        shutil.copytree(config.CACHE_DIR, data / "cache")
    return {**env, "PYTHONPATH": str(where / "src"), "GEOMAP_DATA": str(data), "GEOMAP_CACHE": str(data / "cache"),
            "GEOMAP_OVERRIDES": str(data / "user_overrides.csv")}


def fingerprint_in(env: dict[str, str]) -> str:
    """`pipeline_fingerprint()` of the tree the engines run (a fresh process with their environment)."""
    return subprocess.run([sys.executable, "-c", "from geomap.ingest import pipeline_fingerprint as f; print(f())"],
                          capture_output=True, text=True, env=env, check=True).stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--engines", default="local,dask")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--live", action="store_true",
                    help="run the working tree as it is on disk during the runs instead of a snapshot")
    args = ap.parse_args()
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        if not args.live:
            env = snapshot(Path(tmp) / "snapshot", env)
            print(f"engines run a snapshot of src/geomap and the gazetteer taken now ({env['PYTHONPATH']})")
        t = time.perf_counter()
        feed = generate.write_jsonl(generate.generate_articles(args.articles, seed=42), Path(tmp) / "feed.jsonl")
        print(f"{args.articles} articles, {feed.stat().st_size / 1e6:.1f} MB of JSONL "
              f"(generated in {time.perf_counter() - t:.0f} s); pipeline fingerprint {fingerprint_in(env)}")
        rates: dict[str, list[float]] = {e: [] for e in engines}
        for run in range(args.runs):
            fps: dict[str, set[str]] = {}
            for engine in engines:
                db = Path(tmp) / f"{engine}-{run}.sqlite"
                fp_before = fingerprint_in(env)
                t = time.perf_counter()
                r = subprocess.run([sys.executable, "-m", "geomap", "ingest", str(feed), "--db", str(db), "--quiet",
                                    "--engine", engine], capture_output=True, text=True, env=env)
                secs = time.perf_counter() - t
                if r.returncode != 0:
                    print(f"run {run + 1} {engine}: FAILED ({r.returncode}): {r.stderr.strip()[-500:]}", flush=True)
                    continue
                fps[engine] = {fp_before, fingerprint_in(env)}
                summary = r.stdout.splitlines()[0]
                rates[engine].append(args.articles / secs)
                with Store.open(db) as s:
                    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    n_events = s.count_events()
                size = db.stat().st_size
                print(f"run {run + 1} {engine:5s}: {secs:7.1f} s  {args.articles / secs:7.1f} articles/s wall  "
                      f"[{summary}]; store {size / 1e6:.0f} MB = "
                      f"{size / max(n_events, 1) * 100_000 / 1e6:.0f} MB per 100,000 events", flush=True)
            if len(engines) > 1:
                base = Path(tmp) / f"{engines[0]}-{run}.sqlite"
                for other in engines[1:]:
                    seen = fps.get(engines[0], set()) | fps.get(other, set())
                    diff = first_difference(base, Path(tmp) / f"{other}-{run}.sqlite")
                    void = (f" (void: the pipeline's files changed on disk during the runs, fingerprints "
                            f"{sorted(seen)})") if len(seen) != 1 else ""
                    print(f"run {run + 1} {other} vs {engines[0]}: "
                          f"{'identical events' if diff is None else 'DIFFERENT: ' + diff}{void}", flush=True)
        for engine, rs in rates.items():
            if rs:
                print(f"{engine:5s}: median {statistics.median(rs):.1f} articles/s over {len(rs)} run(s) "
                      f"(min {min(rs):.1f}, max {max(rs):.1f})")


if __name__ == "__main__":
    main()
