"""Server memory over repeated visits: does the app's memory stay flat when people keep opening the map?

    .venv/bin/python benchmarks/bench_memory.py [--events 200000] [--visits 8] [--db PATH]

Starts the real app (DESIGN §7) on a store of generated events (written straight to the tables as
`bench_store.py --bulk` does), opens the map page in Chromium `--visits` times, each a fresh page (a new Streamlit
session), waits until every event is drawn, and reads the server process's resident memory (VmRSS) after each
visit. Prints the RSS after visit 1 and after the last, and their ratio (issue 14 asks for <= 1.2 at 200k events).
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from bench_map import IFRAME, RESULTS, drawn, wait  # noqa: E402
from bench_store import bulk_load  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, start_app  # noqa: E402

from geomap.store import Store  # noqa: E402


def rss_mb(pid: int) -> float:
    """Resident memory of one process, from /proc (MB)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def visit(browser, url: str, n: int) -> float:
    """Open the map in a fresh page (a new session), wait until all `n` events are drawn; seconds taken."""
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    t0 = time.perf_counter()
    try:
        pg.goto(url)
        frame = pg.wait_for_selector(IFRAME, timeout=300_000).content_frame()
        wait(lambda: drawn(frame, n), 300, 0.1)
        secs = time.perf_counter() - t0
        # the page's run goes on under the map (per-day bars, timeline, summaries): a tab closed before it ends
        # leaves the next visit to fill those caches, which then looked like memory a visit keeps
        pg.get_by_role("heading", name="Summaries").wait_for(timeout=300_000)
        wait(lambda: pg.locator('[data-testid="stStatusWidget"]').count() == 0, 300, 0.2)
        return secs
    finally:
        pg.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--visits", type=int, default=8)
    ap.add_argument("--pause", type=float, default=2.0,
                    help="seconds between visits (a closed tab's session is kept for disconnectedSessionTTL)")
    ap.add_argument("--db", type=Path, help="store to use (default: benchmarks/results/bench_memory_N.sqlite)")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    RESULTS.mkdir(parents=True, exist_ok=True)
    db = args.db or RESULTS / f"bench_memory_{args.events}.sqlite"
    with Store.open(db) as store:
        if store.count_events() < args.events:
            bulk_load(store, args.events - store.count_events())
        n = store.count_events()
    out: dict = {"date": date.today().isoformat(), "events": n, "load_before": os.getloadavg(), "visits": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        srv = start_app(db, RESULTS / "bench_memory_server.log")
        try:
            out["rss_idle_mb"] = rss_mb(srv.proc.pid)
            for i in range(args.visits):
                secs = visit(browser, srv.url, n)
                time.sleep(args.pause)  # let the session's last reruns finish
                out["visits"].append({"seconds": round(secs, 2), "rss_mb": round(rss_mb(srv.proc.pid), 1)})
                print(f"visit {i + 1}: drawn in {secs:.1f} s, server RSS {out['visits'][-1]['rss_mb']} MB",
                      flush=True)
        finally:
            srv.stop()
            browser.close()
    first, last = out["visits"][0]["rss_mb"], out["visits"][-1]["rss_mb"]
    out["ratio_last_to_first"] = round(last / first, 3)
    out["load_after"] = os.getloadavg()
    (RESULTS / "bench_memory.json").write_text(json.dumps(out, indent=2))
    print(f"{n} events: server RSS idle {out['rss_idle_mb']:.0f} MB, after visit 1 {first:.0f} MB, after visit "
          f"{args.visits} {last:.0f} MB: ratio {out['ratio_last_to_first']:.2f} (load {out['load_before']} -> "
          f"{out['load_after']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
