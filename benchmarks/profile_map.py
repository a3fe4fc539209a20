"""Where the map page's time goes at 50,000 events: the server's run step by step, then the browser's main thread.

    .venv/bin/python benchmarks/profile_map.py [--events 50000] [--skip-server] [--skip-browser]

Why: bench_map.py times the whole path (request to markers on screen); this splits it, so a slow first draw or
slider redraw can be pinned on the Python run or on the browser's rendering.
* server: the map page in Streamlit's AppTest (in-process), its steps (geomap.ui & co.) timed by wrapping them;
  a cold run, the run the map asks for once drawn (feed, timeline, summaries), a warm rerun and slider moves;
* browser: a real server and Chromium; the CPU profile (DevTools protocol) of a warm first load and of two slider
  moves, self time summed per script: Streamlit's own page (react-dom, emotion, markdown, Vega...) against
  geomap-vendor.js (Leaflet, cluster.js and map.js), which share the page's one main thread.
The store is bench_map.py's (benchmarks/results/bench_map_<events>.sqlite).
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from bench_map import IFRAME, RESULTS, build_store, drawn, wait  # noqa: E402

#: The map page's steps timed on the server: (module, function names).
STEPS = {
    "geomap.ui": ("choices_for", "seed_map", "filter_widgets", "date_window", "map_events", "event_layer_for",
                  "overlay_layer_for", "map_widget", "event_panel"),
    "geomap.ui_summaries": ("per_day_chart", "timeline_widget", "summary_widget"),
}


def _timed(times: list, name: str, fn):
    @functools.wraps(fn)
    def call(*a, **k):
        t0 = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            times.append((name, time.perf_counter() - t0))
    return call


def profile_server(db: Path) -> None:
    """The page's steps in a cold run, a warm rerun and a slider move (AppTest runs the script in this process)."""
    import importlib

    from streamlit.testing.v1 import AppTest

    os.environ["GEOMAP_DB"] = str(db)
    times: list = []
    for mod_name, names in STEPS.items():
        mod = importlib.import_module(mod_name)
        for n in names:
            setattr(mod, n, _timed(times, n, getattr(mod, n)))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)

    def show(label: str, act) -> None:
        times.clear()
        t0 = time.perf_counter()
        act()
        total = time.perf_counter() - t0
        steps = ", ".join(f"{n} {s * 1000:.0f}" for n, s in times if s >= 0.005)
        print(f"server {label}: {total * 1000:.0f} ms ({steps} ms)", flush=True)

    show("cold run", at.run)
    # in the browser the map presses this once drawn: the feed and the sections below the map come in this run
    show("after the map's draw", lambda: at.button(key="after_map").click().run())
    show("warm rerun", at.run)
    lo, hi = at.slider(key="dates").value
    show("slider to the last day", lambda: at.slider(key="dates").set_value((hi, hi)).run())
    show("slider back", lambda: at.slider(key="dates").set_value((lo, hi)).run())


def _by_script(prof: dict) -> tuple[float, collections.Counter]:
    """Self time (ms) per script of a DevTools CPU profile."""
    nodes = {n["id"]: n for n in prof["nodes"]}
    out: collections.Counter = collections.Counter()
    for sid, dt in zip(prof["samples"], prof["timeDeltas"], strict=True):
        cf = nodes[sid]["callFrame"]
        out[cf["url"].split("/")[-1].split("?")[0][:40] or f"({cf['functionName']})"] += dt / 1000.0
    return sum(out.values()), out


def _show_profile(label: str, wall_s: float, prof: dict) -> None:
    total, by = _by_script(prof)
    print(f"browser {label}: {wall_s:.2f} s wall, main thread profiled {total:.0f} ms; self time by script:")
    for name, ms in by.most_common(14):
        print(f"    {ms:7.0f} ms  {name}")


def profile_browser(db: Path, n_all: int, n_last: int) -> None:
    """CPU profiles of a warm first load and two slider moves in Chromium (the server's caches warmed first)."""
    from conftest import CHROMIUM, CHROMIUM_ARGS, start_app
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        srv = start_app(db, RESULTS / "profile_map_server.log")
        try:
            for warm in (False, True):
                pg = browser.new_page(viewport={"width": 1400, "height": 1000})
                cdp = pg.context.new_cdp_session(pg)
                cdp.send("Profiler.enable")
                cdp.send("Profiler.start")
                t0 = time.perf_counter()
                pg.goto(srv.url)
                frame = pg.wait_for_selector(IFRAME, timeout=120_000).content_frame()
                wait(lambda frame=frame: drawn(frame, n_all), 120)
                prof = cdp.send("Profiler.stop")["profile"]
                if warm:
                    _show_profile("first load (server warm)", time.perf_counter() - t0, prof)
                    _profile_slider(pg, cdp, frame, n_all, n_last)
                pg.close()
        finally:
            srv.stop()
        browser.close()


def _profile_slider(pg, cdp, frame, n_all: int, n_last: int) -> None:
    thumbs = pg.locator('[data-testid="stSlider"]').filter(has_text="Event dates").locator('input[type="range"]')
    for key, n in (("End", n_last), ("Home", n_all)):
        time.sleep(2)  # the page settled (the rest of it renders after the markers)
        before = frame.evaluate("window.geomapEvents.drawn")
        thumbs.nth(0).focus()
        cdp.send("Profiler.start")
        t0 = time.perf_counter()
        pg.keyboard.press(key)
        wait(lambda n=n, before=before: frame.evaluate(
            "([n, b]) => !!(window.geomapEvents && window.geomapEvents.drawn !== b && "
            "window.geomapEvents.count === n)", [n, before]), 120)
        _show_profile(f"slider {key} ({n} events)", time.perf_counter() - t0, cdp.send("Profiler.stop")["profile"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=50_000)
    ap.add_argument("--skip-server", action="store_true")
    ap.add_argument("--skip-browser", action="store_true")
    args = ap.parse_args(argv)
    from geomap.store import Store

    RESULTS.mkdir(parents=True, exist_ok=True)
    db = RESULTS / f"bench_map_{args.events}.sqlite"
    n = build_store(db, args.events)
    with Store.open(db) as store:
        span = store.date_span()
        n_last = len(store.events_frame(span[1], span[1]))
    print(f"store: {n} events; load average {os.getloadavg()}", flush=True)
    if not args.skip_server:
        profile_server(db)
    if not args.skip_browser:
        profile_browser(db, n, n_last)
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
