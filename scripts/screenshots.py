"""Before/after screenshots of the map page (issue 14's closing note): the Donbas at zoom 9, the feed, the phone.

    cd ROOT && nice -n 19 .venv/bin/python /path/to/scripts/screenshots.py --root ROOT --out FOLDER

Runs ROOT's own code: its tests/conftest.py (ingest_into, start_app, the Chromium settings) fills a fresh store with
one fixed set of articles (the shared seed article plus the short Donbas/Kharkiv/Odesa texts below) through ROOT's
pipeline, then starts ROOT's `streamlit run app.py` on it. Run it with ROOT's venv so the old code runs old code.
Every request that leaves 127.0.0.1 is refused (no internet). Writes, as viewport screenshots (not full page):
* donbas_z9.png  1400×1000, view 48.70,37.75,9 (as tests/test_browser_context.py), after the markers and, where the
  version has them, the offline context layers have loaded;
* feed.png       1400×1000, the default view, scrolled so the map and the panel beside it (event feed) are in view;
* phone.png      390×844 touch, the map page after load, scrolled to the top;
* phone_tap.png  the same after tapping a marker (the viewport as the phone shows it).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_b3394332a4c81e9b.txt"  # ../shared
IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
DONBAS_Z9 = "48.70,37.75,9"
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}

#: The fixed articles besides the seed: every version ingests exactly these (plain seed-format text).
ARTICLES = {
    "donbas_1.txt": "date 2023-01-10\n\nRussian missiles struck Kramatorsk on Monday, killing two civilians, the "
                    "regional governor said.\n\nShelling in Sloviansk damaged a school on Sunday, officials said.\n",
    "donbas_2.txt": "date 2023-01-12\n\nUkrainian troops repelled Russian attacks near Bakhmut on Wednesday, the "
                    "military said.\n\nA drone strike hit Kostiantynivka on Tuesday, local officials said.\n",
    "kharkiv_strike.txt": "date 2022-11-02\n\nRussian missiles struck Kharkiv on Tuesday, killing two civilians and "
                          "damaging a power station, the regional governor said.\n\nUkrainian troops shelled Russian "
                          "positions near Bakhmut on Monday, the military said.\n",
    "odesa_drones.txt": "date 2022-11-20\n\nRussian drones attacked Odesa on Saturday night, hitting energy "
                        "infrastructure, Ukraine's air force said.\n\nShelling in Kherson killed one man on Friday, "
                        "officials said.\n",
}


def load_conftest(root: Path):
    """ROOT's tests/conftest.py (as the benchmarks import it), so its own ingest and server helpers run."""
    sys.path[:0] = [str(root / "tests"), str(root / "src")]
    import conftest

    if Path(conftest.ROOT).resolve() != root.resolve():
        raise SystemExit(f"imported {conftest.__file__}, not {root}'s: run with {root}/.venv/bin/python")
    return conftest


def build_store(conftest, work: Path) -> Path:
    folder = work / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = work / "geomap.sqlite"
    conftest.ingest_into(db, [SEED, folder])
    return db


def offline(ctx) -> None:
    """Refuse every request that would leave 127.0.0.1 (the machine's no-internet case, made certain)."""
    def route(r) -> None:
        host = urlparse(r.request.url).hostname
        if host in ("127.0.0.1", "localhost") or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            r.abort()

    ctx.route("**/*", route)


def open_map(page, url: str, settle_ms: int = 1500):
    """Load the page; wait for the map frame, its event layer, every marker and (if any) the context layers."""
    page.goto(url)
    iframe = page.wait_for_selector(IFRAME, timeout=120_000)
    frame = iframe.content_frame()
    frame.wait_for_function("window.geomapEvents !== undefined", timeout=60_000)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # all the layer's markers drawn
        n = frame.evaluate("window.geomapEvents.count")
        if n and frame.locator(".geomap-event, .marker-cluster").count() > 0:
            break
        time.sleep(0.3)
    if frame.evaluate("!!window.geomapContext"):
        try:
            frame.wait_for_function("['idle', 'loaded'].includes(window.geomapContext.state)", timeout=30_000)
        except Exception as exc:  # noqa: BLE001 - a screenshot of what is there is still wanted
            print(f"  context layers did not finish: {exc}")
    page.wait_for_timeout(settle_ms)
    return iframe, frame


def scroll_to(page, iframe, top_margin: int = 10) -> None:
    box = iframe.bounding_box()
    y = page.evaluate("window.scrollY") + (box["y"] if box else 0) - top_margin
    for sel in ('[data-testid="stMain"]', '[data-testid="stAppViewContainer"]', "section.main"):
        page.evaluate(f"(y) => {{ const e = document.querySelector('{sel}'); if (e) e.scrollTop = y; }}", y)
    page.evaluate("(y) => window.scrollTo(0, y)", y)
    page.wait_for_timeout(500)


def shot(page, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    print(f"  {path} ({path.stat().st_size // 1024} KB)")


def desktop(browser, url: str, out: Path) -> None:
    ctx = browser.new_context(viewport=DESKTOP)
    offline(ctx)
    page = ctx.new_page()
    try:
        iframe, frame = open_map(page, f"{url}/?view={DONBAS_Z9}", settle_ms=2500)
        state = frame.evaluate("window.geomapContext || null")
        print(f"  donbas: {frame.evaluate('window.geomapEvents.count')} events in the layer, context {state}")
        scroll_to(page, iframe, top_margin=120)
        shot(page, out, "donbas_z9")
        iframe, frame = open_map(page, url + "/")
        feed = page.locator('[class*="st-key-feed_box"] button')
        try:
            feed.first.wait_for(timeout=20_000)
        except Exception:  # noqa: BLE001
            print("  no feed rows found")
        scroll_to(page, iframe, top_margin=120)
        shot(page, out, "feed")
    finally:
        ctx.close()


def phone(browser, url: str, out: Path) -> None:
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    offline(ctx)
    page = ctx.new_page()
    try:
        iframe, frame = open_map(page, url + "/")
        page.evaluate("window.scrollTo(0, 0)")
        box = iframe.bounding_box()
        print(f"  phone: the map starts {box and round(box['y'])} px down")
        shot(page, out, "phone")
        marker = frame.locator("path.geomap-city").first  # a town's dot, not a country's outline
        if marker.count() == 0:
            marker = frame.locator("path.geomap-event").first
        if marker.count() == 0:
            print("  phone: no marker to tap")
            return
        marker.scroll_into_view_if_needed()
        marker.tap(force=True)
        try:
            frame.wait_for_function("() => !!window.geomapSelected", timeout=10_000)
            page.locator(".geomap-card.geomap-selected").first.wait_for(timeout=20_000)
        except Exception as exc:  # noqa: BLE001
            print(f"  phone: after the tap: {exc}")
        page.wait_for_timeout(1500)
        cards = page.locator(".geomap-card.geomap-selected")
        card = cards.first.bounding_box() if cards.count() else None
        print(f"  phone: tapped; selected on the map: {frame.evaluate('window.geomapSelected || null')}, popups: "
              f"{frame.locator('.leaflet-popup').count()}, selected card at {card and round(card['y'])} px "
              f"(viewport height {PHONE['height']})")
        shot(page, out, "phone_tap")
    finally:
        ctx.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, required=True, help="the checkout whose app is photographed")
    ap.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    args = ap.parse_args()
    root, out = args.root.resolve(), args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    conftest = load_conftest(root)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="geomap-shots-") as tmp:
        work = Path(tmp)
        db = build_store(conftest, work)
        srv = conftest.start_app(db, work / "streamlit.log", timeout_s=120)
        print(f"{root}: app at {srv.url}")
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=conftest.CHROMIUM, args=conftest.CHROMIUM_ARGS)
                try:
                    desktop(browser, srv.url, out)
                    phone(browser, srv.url, out)
                finally:
                    browser.close()
        finally:
            srv.stop()
            log = (work / "streamlit.log").read_text(errors="replace")
            print(f"  server log: {len(log.splitlines())} lines, {log.count('Traceback')} tracebacks")


if __name__ == "__main__":
    main()
