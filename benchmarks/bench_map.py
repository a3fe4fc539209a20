"""Map speed in real Chromium at 50,000 events: geomap's map page vs a naive folium baseline, in the same run.

    .venv/bin/python benchmarks/bench_map.py [--events 50000] [--runs 3] [--naive-timeout 240] [--context-view V]

Measured from the request to markers on screen (DESIGN §7 server + Chromium, as in the browser tests):
* first draw: `page.goto(app)` until the event layer reports all events drawn and a marker/cluster is visible;
* feed: wheel-scrolling the event feed, from a settled page as for the slider (its longest main-thread task, from
  the browser's long-task timing: a stall is a task the user waits on; before 2026-12-02 07:30 UTC the scroll began
  2 s after the feed's first row, which could catch the end of the page's own rendering) and turning its page
  ("Older") until the next page's first row shows;
* slider redraw: a key press on the date slider until the redrawn layer reports the new count, from a settled
  page (the timeline drawn, then 1 s; before 2026-12-02 the keys were pressed at once after the first draw);
* naive baseline: benchmarks/naive_app.py (one `folium.Marker` with a popup per event, same offline assets), first
  draw until that many marker icons exist (given up after --naive-timeout seconds).
* offline context (--context-view lat,lon,zoom, zoomed in so the context layers load): the same two timings with
  the layers and without them (their requests refused), runs interleaved on one server, and the ratios.
Medians of --runs runs. The store is generated once (benchmarks/generate.py) and kept in benchmarks/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from conftest import CHROMIUM, CHROMIUM_ARGS, start_app  # noqa: E402

from geomap.store import Store  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def build_store(path: Path, n_events: int) -> int:
    """A store with at least `n_events` generated events (reused when it already has them)."""
    from generate import generate_docs

    with Store.open(path) as store:
        have = store.count_events()
        seed = 0
        while have < n_events:
            need_articles = max(1000, int((n_events - have) / 1.35))
            for doc in generate_docs(need_articles, seed=1000 + seed):
                store.add_doc(doc)
            seed += 1
            have = store.count_events()
        return have


def drawn(frame, n: int) -> bool:
    return frame.evaluate(
        "n => !!(window.geomapEvents && window.geomapEvents.count === n && "
        "document.querySelector('.marker-cluster, .geomap-event'))", n)


def wait(pred, timeout_s: float, step: float = 0.02) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout_s:
        if pred():
            return time.perf_counter() - t0
        time.sleep(step)
    raise TimeoutError


def settle(pg, timeout_s: float = 60.0) -> None:
    """Wait until the page around the map has rendered (the timeline, drawn after the markers) and one more second:
    the slider is timed from a settled page, as a reader moves it, not while the first load still renders."""
    try:
        pg.locator('[data-testid="stVegaLiteChart"] svg').first.wait_for(timeout=timeout_s * 1000)
    except Exception:  # noqa: BLE001 - a store of one day has no timeline; the second below still applies
        pass
    time.sleep(1.0)


def bench_geomap(browser, url: str, db: Path, runs: int, block: str | None = None) -> dict:
    """First draw and slider redraw of the map page at `url`; `block`: a URL pattern whose requests are refused."""
    with Store.open(db) as store:
        span = store.date_span()
        n_all = store.count_events()
        n_last = len(store.events_frame(span[1], span[1]))
    first, slider = [], []
    for _ in range(runs):
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        if block:
            pg.route(block, lambda route: route.abort())
        t0 = time.perf_counter()
        pg.goto(url)
        frame = pg.wait_for_selector(IFRAME, timeout=120_000).content_frame()
        wait(lambda frame=frame: drawn(frame, n_all), 120)
        first.append(time.perf_counter() - t0)
        settle(pg)
        thumbs = pg.locator('[data-testid="stSlider"]').filter(has_text="Event dates").locator('input[type="range"]')
        for key, n in (("End", n_last), ("Home", n_all)):
            before = frame.evaluate("window.geomapEvents.drawn")
            thumbs.nth(0).focus()
            t1 = time.perf_counter()
            pg.keyboard.press(key)
            wait(lambda frame=frame, n=n, before=before: frame.evaluate(
                "([n, b]) => !!(window.geomapEvents && window.geomapEvents.drawn !== b && "
                "window.geomapEvents.count === n)", [n, before]), 120)
            slider.append(time.perf_counter() - t1)
        context = frame.evaluate("window.geomapContext || null")  # after the redraws: loaded by then, if ever
        pg.close()
    return {"events": n_all, "first_draw_s": statistics.median(first), "first_draw_runs": first,
            "slider_redraw_s": statistics.median(slider), "slider_runs": slider, "context": context}


FEED_ROWS = '[class*="st-key-feed_box"] [data-testid="stButton"] button'
LONG_TASKS = """() => { window.__longTasks = []; new PerformanceObserver(l => window.__longTasks.push(
    ...l.getEntries().map(e => e.duration))).observe({type: 'longtask', buffered: false}); }"""


SCROLLED = """() => Math.max(0, ...[...document.querySelectorAll(
    '[class*="st-key-feed_box"], [class*="st-key-feed_box"] *')].map(e => e.scrollTop))"""


def bench_feed(browser, url: str, runs: int) -> dict:
    """The feed at full scale: the longest main-thread task while the wheel scrolls it down and up, and the time
    from a click on "Older" to the next page's first row."""
    stalls, turns, scrolled = [], [], []
    for _ in range(runs):
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.goto(url)
        pg.wait_for_selector(IFRAME, timeout=120_000)
        rows = pg.locator(FEED_ROWS)
        rows.first.wait_for(timeout=120_000)
        settle(pg)  # the rest of the page rendered (its after-draw run): this measures the scroll, not the load
        pg.evaluate(LONG_TASKS)
        moved = 0
        rows.first.hover()
        for dy in [120] * 12 + [-120] * 12:
            pg.mouse.wheel(0, dy)
            time.sleep(0.03)
            if dy > 0:  # how far the feed's box has scrolled: a scroll that moved nothing measured nothing
                moved = max(moved, pg.evaluate(SCROLLED))
        time.sleep(0.5)
        stalls.append(max(pg.evaluate("window.__longTasks"), default=0.0) / 1000)
        first = rows.first.inner_text()
        t0 = time.perf_counter()
        pg.get_by_role("button", name="Older").click()
        wait(lambda pg=pg, first=first: pg.locator(FEED_ROWS).first.inner_text() != first, 60)
        turns.append(time.perf_counter() - t0)
        scrolled.append(moved)
        pg.close()
    return {"scroll_longest_task_s": max(stalls), "scroll_runs": stalls, "scrolled_px": scrolled,
            "page_turn_s": statistics.median(turns), "page_turn_runs": turns}


def bench_context(browser, url: str, db: Path, runs: int, view: str) -> dict:
    """The map zoomed in at `view` with the offline context layers and without them, runs interleaved."""
    with_, without = [], []
    for _ in range(runs):
        with_.append(bench_geomap(browser, f"{url}/?view={view}", db, 1))
        without.append(bench_geomap(browser, f"{url}/?view={view}", db, 1, block="**/vendor/layers/**"))
    out: dict = {"view": view}
    for name, rs in (("with_layers", with_), ("without_layers", without)):
        out[name] = {"first_draw_s": statistics.median(r["first_draw_s"] for r in rs),
                     "slider_redraw_s": statistics.median(s for r in rs for s in r["slider_runs"]),
                     "context_load_ms": [(r["context"] or {}).get("loadMs") for r in rs]}
    for k in ("first_draw_s", "slider_redraw_s"):
        out[f"ratio_{k}"] = out["with_layers"][k] / out["without_layers"][k]
    return out


def bench_naive(browser, url: str, n: int, runs: int, timeout_s: float) -> dict:
    times = []
    for _ in range(runs):
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        t0 = time.perf_counter()
        try:
            pg.goto(url, timeout=timeout_s * 1000)
            frame = pg.wait_for_selector(IFRAME, timeout=timeout_s * 1000).content_frame()
            left = timeout_s - (time.perf_counter() - t0)
            wait(lambda frame=frame: frame.evaluate(
                "n => document.querySelectorAll('.leaflet-marker-icon').length >= n", n), max(left, 1), 0.2)
            times.append(time.perf_counter() - t0)
        except Exception:  # noqa: BLE001 - a baseline that never finishes is reported as such
            times.append(float("inf"))
            pg.close()
            break
        pg.close()
    return {"first_draw_s": statistics.median(times), "runs": times}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--naive-timeout", type=float, default=240.0)
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument("--context-view", default="48.70,37.75,6",
                    help="lat,lon,zoom where the context layers load ('' to skip that comparison)")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    RESULTS.mkdir(parents=True, exist_ok=True)
    db = RESULTS / f"bench_map_{args.events}.sqlite"
    t0 = time.perf_counter()
    n = build_store(db, args.events)
    print(f"store: {n} events ({time.perf_counter() - t0:.1f} s to prepare)", flush=True)
    # the machine is shared: the load around the run says how far these numbers can be trusted
    out: dict = {"date": date.today().isoformat(), "events": n, "load_before": os.getloadavg()}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        srv = start_app(db, RESULTS / "bench_map_server.log")
        try:
            out["geomap"] = bench_geomap(browser, srv.url, db, args.runs)
            print(json.dumps(out["geomap"]), flush=True)
            out["feed"] = bench_feed(browser, srv.url, args.runs)
            print(json.dumps(out["feed"]), flush=True)
            if args.context_view:
                out["context"] = bench_context(browser, srv.url, db, args.runs, args.context_view)
                print(json.dumps(out["context"]), flush=True)
        finally:
            srv.stop()
        if not args.skip_naive:
            srv = start_app(db, RESULTS / "bench_map_naive.log", app=ROOT / "benchmarks" / "naive_app.py")
            try:
                out["naive"] = bench_naive(browser, srv.url, n, max(1, args.runs - 2), args.naive_timeout)
                print(json.dumps(out["naive"]), flush=True)
            finally:
                srv.stop()
            out["ratio_first_draw"] = out["naive"]["first_draw_s"] / out["geomap"]["first_draw_s"]
        browser.close()
    out["load_after"] = os.getloadavg()
    (RESULTS / "bench_map.json").write_text(json.dumps(out, indent=2))
    print(f"load average (1/5/15 min) before {out['load_before']}, after {out['load_after']}")
    g = out["geomap"]
    print(f"geomap, {n} events: first draw {g['first_draw_s']:.2f} s (median of {len(g['first_draw_runs'])}), "
          f"slider redraw {g['slider_redraw_s']:.2f} s (median of {len(g['slider_runs'])})")
    f = out["feed"]
    print(f"feed: longest main-thread task while wheel-scrolling {f['scroll_longest_task_s'] * 1000:.0f} ms (worst of "
          f"{len(f['scroll_runs'])}; scrolled {f['scrolled_px']} px; 0 ms: no task over 50 ms), page turn "
          f"{f['page_turn_s']:.2f} s (median of {len(f['page_turn_runs'])})")
    if "context" in out:
        c = out["context"]
        print(f"zoomed in at {c['view']}: with the context layers / without: first draw "
              f"{c['with_layers']['first_draw_s']:.2f} / {c['without_layers']['first_draw_s']:.2f} s "
              f"(ratio {c['ratio_first_draw_s']:.2f}), slider redraw {c['with_layers']['slider_redraw_s']:.2f} / "
              f"{c['without_layers']['slider_redraw_s']:.2f} s (ratio {c['ratio_slider_redraw_s']:.2f}); "
              f"layers loaded in {c['with_layers']['context_load_ms']} ms")
    if "naive" in out:
        nv = out["naive"]["first_draw_s"]
        print(f"naive folium.Marker baseline: first draw {nv:.2f} s -> geomap is {out['ratio_first_draw']:.1f}x "
              f"faster" if nv != float("inf") else f"naive baseline did not draw within {args.naive_timeout} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
