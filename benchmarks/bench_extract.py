"""Extraction throughput: words/s of one process, end to end (read JSONL -> sentences -> toponyms -> resolve ->
events), on a corpus of at least 1 million words made by repeating the development set and the sample articles.

    .venv/bin/python benchmarks/bench_extract.py [--words 1000000] [--runs 3] [--profile]

Prints the median of the runs and, with --profile, the top entries of a cProfile run. The gazetteer load is done
once before timing (a long-running ingest pays it once); its cost is printed separately.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from geomap.articles import read_paths, read_text_file  # noqa: E402
from geomap.pipeline import default_pipeline  # noqa: E402


def build_corpus(path: Path, min_words: int) -> tuple[int, int]:
    sources = sorted((ROOT / "tests" / "data" / "dev").glob("*.txt"))
    sources += sorted((ROOT / "data" / "articles").glob("*.txt"))
    arts = [read_text_file(p) for p in sources]
    words = n = 0
    with path.open("w", encoding="utf-8") as f:
        while words < min_words:
            for a in arts:
                f.write(json.dumps({"id": f"{a.id}-{n}", "published": a.published.isoformat(), "text": a.text}) + "\n")
                words += len(a.text.split())
                n += 1
    return n, words


def run(path: Path) -> tuple[float, int]:
    pipe = default_pipeline()
    t = time.perf_counter()
    events = 0
    for item in read_paths([path]):
        events += len(pipe(item).events)
    return time.perf_counter() - t, events


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "corpus.jsonl"
        n, words = build_corpus(path, a.words)
        t = time.perf_counter()
        default_pipeline()
        print(f"gazetteer + pipeline load: {time.perf_counter() - t:.2f} s")
        times = []
        for i in range(a.runs):
            secs, events = run(path)
            times.append(secs)
            print(f"run {i + 1}: {n} articles, {words:,} words, {events:,} events in {secs:.2f} s "
                  f"= {words / secs:,.0f} words/s")
        med = statistics.median(times)
        print(f"median: {words / med:,.0f} words/s ({n / med:,.0f} articles/s) over {a.runs} runs")
        if a.profile:
            prof = cProfile.Profile()
            prof.runcall(run, path)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
