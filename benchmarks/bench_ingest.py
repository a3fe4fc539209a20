"""Ingest throughput: generated articles through the real pipeline into a fresh store, local vs Dask.

    .venv/bin/python benchmarks/bench_ingest.py [--articles 100000] [--engines local,dask] [--workers 2]

Each engine ingests the same JSONL file into its own new store (`run_ingest`, exactly what `geomap ingest` runs,
without the progress bar). Prints articles/s; nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

from geomap.ingest import run_ingest  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--engines", default="local,dask")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed = generate.write_jsonl(generate.generate_articles(args.articles, seed=42), Path(tmp) / "feed.jsonl")
        print(f"{args.articles} articles, {feed.stat().st_size / 1e6:.1f} MB of JSONL")
        for engine in args.engines.split(","):
            db = Path(tmp) / f"{engine}.sqlite"
            t = time.perf_counter()
            report = run_ingest([str(feed)], db, engine=engine, progress=False, workers=args.workers)
            secs = time.perf_counter() - t
            print(f"{engine:5s}: {secs:7.1f} s  {args.articles / secs:7.1f} articles/s  "
                  f"({report.new} new, {report.skipped} duplicates, {len(report.failed)} failed, "
                  f"{report.events} events + {report.merged} merged; store {db.stat().st_size / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
