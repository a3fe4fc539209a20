"""The map page in real Chromium against a real `streamlit run app.py` (DESIGN §7).

The expected numbers come from the same store the server reads (queried through geomap.store), never hard-coded.
"""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from conftest import XSS_ARTICLE_ID, screenshot
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
SHOWING = re.compile(r"Showing (\d+) of (\d+) events from (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)")


def expected_count(db, start: str, end: str, **filters) -> int:
    with Store.open(db) as store:
        return len(store.events_frame(date.fromisoformat(start), date.fromisoformat(end), **filters))


def open_map(page, url: str):
    """Load the page, wait for the map iframe and for the event layer to be drawn, then for the run the drawn map
    asks for (feed, timeline, summaries); return the map frame."""
    page.goto(url)
    frame = page.wait_for_selector(MAP_IFRAME, timeout=60_000).content_frame()
    frame.wait_for_function("window.geomapEvents !== undefined", timeout=30_000)
    settle_map(page, frame)
    return frame


def settle_map(page, frame, timeout_ms: int = 30_000) -> None:
    """Wait until the drawn map has pressed the page's after-map button and that run has ended: a click made while
    that rerun starts is lost (Streamlit drops a button's click when a newer rerun replaces its run). A map that
    never draws (no events) leaves the button, and the wait simply ends."""
    try:
        frame.wait_for_function("window.geomapAfterDraw === true", timeout=timeout_ms)
        page.wait_for_function("() => !document.querySelector('.st-key-after_map') && "
                               "!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms)
    except PlaywrightTimeout:
        return


def showing(page) -> tuple[int, int, str, str]:
    text = page.get_by_text(SHOWING).first.inner_text(timeout=20_000)
    m = SHOWING.search(text)
    assert m, text
    return int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)


def wait_for_markers(frame, n: int, timeout_s: float = 15.0) -> int:
    """Poll until the map shows `n` event shapes (or time out); return the last count."""
    deadline = time.monotonic() + timeout_s
    count = -1
    while time.monotonic() < deadline:
        count = frame.locator(".geomap-event").count()
        if count == n and frame.evaluate("window.geomapEvents.count") == n:
            return count
        time.sleep(0.2)
    return count


def assert_clean(page) -> None:
    rec = page.geomap
    assert rec.external_requests() == [], f"requests left 127.0.0.1: {rec.external_requests()}"
    assert rec.errors == [], f"JavaScript errors: {rec.errors}"
    assert rec.dialogs == [], f"dialogs opened (script ran?): {rec.dialogs}"


def test_map_draws_every_event_in_range_offline(page, app_server):
    frame = open_map(page, app_server.url)
    shown, total, start, end = showing(page)
    assert total > 0
    assert shown == expected_count(app_server.db, start, end)
    assert wait_for_markers(frame, shown) == shown
    assert frame.evaluate("window.geomapEvents.clustered") is False
    # the offline basemap: Natural Earth borders from the app's own static folder
    frame.wait_for_function("window.geomapBorders > 100", timeout=15_000)
    screenshot(page, "map_page")
    assert_clean(page)
    assert any("/app/static/vendor/geomap-vendor.js" in u for u in page.geomap.requests)
    # the per-day bars below the map, drawn in the run the map asks for once drawn: one stacked bar per day
    with Store.open(app_server.db) as store:
        days = store.events_frame(date.fromisoformat(start), date.fromisoformat(end))["date"].dt.normalize()
    page.locator(".geomap-tl b").first.wait_for(timeout=30_000)
    assert page.locator(".geomap-tl b").count() == days.nunique()
    page.locator('[class*="st-key-after_map"]').wait_for(state="detached", timeout=30_000)  # the map pressed it
    # that run changed nothing else: the URL was not rewritten (no view of its own)
    page.wait_for_timeout(1000)
    assert "view=" not in page.url, page.url


def test_date_slider_changes_the_markers(page, app_server):
    frame = open_map(page, app_server.url)
    shown0, total, lo, hi = showing(page)
    assert lo < hi, "the browser store must span several days"
    thumbs = page.locator('[data-testid="stSlider"]').filter(has_text="Event dates").locator('input[type="range"]')
    assert thumbs.count() == 2
    # lower thumb to the end: only events overlapping the last day remain
    thumbs.nth(0).focus()
    page.keyboard.press("End")
    page.wait_for_function(
        "t => !document.body.innerText.includes(t)", arg=f"from {lo} to {hi}", timeout=20_000)
    shown1, _, s1, e1 = showing(page)
    assert (s1, e1) == (hi, hi)
    assert shown1 == expected_count(app_server.db, s1, e1)
    assert shown1 != shown0
    assert wait_for_markers(frame, shown1) == shown1
    # both thumbs to the start: only the first day
    thumbs.nth(0).focus()
    page.keyboard.press("Home")
    thumbs.nth(1).focus()
    page.keyboard.press("Home")
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=f"from {lo} to {lo}", timeout=20_000)
    shown2, _, s2, e2 = showing(page)
    assert (s2, e2) == (lo, lo)
    assert shown2 == expected_count(app_server.db, s2, e2)
    assert wait_for_markers(frame, shown2) == shown2
    screenshot(page, "map_slider_first_day")
    assert_clean(page)


def _hover_for_id(frame, marker) -> str:
    marker.hover(force=True)
    tip = frame.locator(".leaflet-tooltip").last
    tip.wait_for(timeout=10_000)
    m = re.search(r"#(\S+)\s*$", tip.inner_text())
    assert m, tip.inner_text()
    return m.group(1)


def test_click_marker_shows_sentence_beside_map(page, app_server):
    frame = open_map(page, app_server.url)
    shown, *_ = showing(page)
    wait_for_markers(frame, shown)
    marker = frame.locator("path.geomap-city").first
    _hover_for_id(frame, marker)
    marker.click(force=True)
    # towns that share a pixel at this zoom: the click selects the one whose centre is nearest
    frame.wait_for_function("() => !!window.geomapSelected", timeout=10_000)
    event_id = frame.evaluate("window.geomapSelected")
    card = page.locator(".geomap-card.geomap-selected")
    card.wait_for(timeout=20_000)
    with Store.open(app_server.db) as store:
        df = store.events_frame()
    rec = df[df["event_id"].astype(str) == event_id].iloc[0]
    text = card.inner_text()
    assert " ".join(rec["sentence"].split())[:60] in " ".join(text.split())
    assert card.locator("mark").first.inner_text() == rec["place"]
    assert rec["date"].date().isoformat() in text
    assert rec["title"] in text or rec["article"] in text
    # the popup on the map shows the same sentence, place highlighted
    popup = frame.locator(".leaflet-popup-content .geomap-popup").first
    popup.wait_for(timeout=10_000)
    assert popup.locator("mark").inner_text() == rec["place"]
    screenshot(page, "map_clicked")
    assert_clean(page)


@pytest.mark.parametrize("needle", ["<script>", "<img src=x", "<b>bold</b>"])
def test_hostile_article_text_never_runs(page, app_server, needle):
    """Markup in an article shows as text in the popup and the side panel, and nothing in it runs."""
    frame = open_map(page, f"{app_server.url}/?articles={quote(XSS_ARTICLE_ID)}&q={quote(needle)}")
    shown, *_ = showing(page)
    with Store.open(app_server.db) as store:
        n = len(store.events_frame(articles=[XSS_ARTICLE_ID], text=needle))
    assert n > 0, "the hostile article must yield an event with this markup for the test to mean anything"
    assert shown == n
    wait_for_markers(frame, n)
    marker = frame.locator(".geomap-event").first
    _hover_for_id(frame, marker)
    marker.click(force=True)
    card = page.locator(".geomap-card.geomap-selected")
    card.wait_for(timeout=20_000)
    popup = frame.locator(".leaflet-popup-content .geomap-popup").first
    popup.wait_for(timeout=10_000)
    page.wait_for_timeout(500)  # give an injected onerror handler the chance to fire, were there one
    for where, loc in (("side panel", card), ("popup", popup)):
        sentence = loc.locator(".geomap-sentence")
        assert needle in sentence.inner_text(), f"{where} must show the markup as text"
        assert sentence.locator("script, img, b").count() == 0, where
    assert page.evaluate("window.__geomapXss") is None
    assert frame.evaluate("window.__geomapXss") is None
    screenshot(page, f"map_xss_{re.sub(r'[^a-z]+', '_', needle).strip('_')}")
    assert_clean(page)


def test_clustered_layer_draws_without_errors(page, app_server):
    """Clustering (automatic above CLUSTER_THRESHOLD events) switched on by hand: clusters draw, no JS error."""
    frame = open_map(page, app_server.url)
    shown, *_ = showing(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("On", exact=True).click()
    frame.wait_for_function("window.geomapEvents && window.geomapEvents.clustered === true", timeout=20_000)
    assert frame.evaluate("window.geomapEvents.count") == shown
    frame.locator(".marker-cluster, .geomap-dot").first.wait_for(timeout=10_000)
    screenshot(page, "map_clustered")
    assert_clean(page)


def test_heat_map_switch_adds_the_heat_layer(page, app_server):
    frame = open_map(page, app_server.url)
    shown, *_ = showing(page)
    assert frame.evaluate("window.geomapEvents.heat") is False
    assert frame.locator("canvas.leaflet-heatmap-layer").count() == 0
    page.locator('[data-testid="stSidebar"]').get_by_text("Heat map layer").click()
    frame.wait_for_function("window.geomapEvents && window.geomapEvents.heat === true", timeout=20_000)
    frame.locator("canvas.leaflet-heatmap-layer").wait_for(state="attached", timeout=10_000)
    assert frame.evaluate("window.geomapEvents.count") == shown
    assert_clean(page)


def _map_view(frame) -> tuple[float, float, int]:
    lat, lon, zoom = frame.evaluate(
        "() => { const k = Object.keys(window).find(k => k.startsWith('map_') && window[k] && window[k].getCenter);"
        " const m = window[k], c = m.getCenter(); return [c.lat, c.lng, m.getZoom()]; }")
    return lat, lon, zoom


def test_map_view_lives_in_the_url_and_a_copied_url_restores_it(page, chromium, app_server):
    frame = open_map(page, f"{app_server.url}/?view=48.5,35.25,7")
    frame.wait_for_function("() => Object.keys(window).some(k => k.startsWith('map_'))", timeout=10_000)
    page.wait_for_timeout(500)
    lat, lon, zoom = _map_view(frame)
    assert zoom == 7 and abs(lat - 48.5) < 0.05 and abs(lon - 35.25) < 0.05, (lat, lon, zoom)
    # the user moves the map: the URL follows
    frame.evaluate("() => { const k = Object.keys(window).find(k => k.startsWith('map_') && window[k].getCenter);"
                   " window[k].setView([47.0, 33.0], 9); }")
    page.wait_for_url(re.compile(r"view=47\.0+%2C33\.0+%2C9|view=47\.0+,33\.0+,9"), timeout=20_000)
    copied = page.url
    other = chromium.new_page(viewport={"width": 1400, "height": 1000})
    try:
        frame2 = open_map(other, copied)
        other.wait_for_timeout(500)
        lat, lon, zoom = _map_view(frame2)
        assert zoom == 9 and abs(lat - 47.0) < 0.05 and abs(lon - 33.0) < 0.05, (lat, lon, zoom)
    finally:
        other.close()
    assert_clean(page)


def test_country_event_is_drawn_as_its_polygon(page, app_server):
    frame = open_map(page, f"{app_server.url}/?precisions=country")
    shown, *_ = showing(page)
    with Store.open(app_server.db) as store:
        n = len(store.events_frame(precisions=["country"]))
    assert n > 0 and shown == n, "the browser store must hold a country-level event (belarus_protest.txt)"
    frame.wait_for_function("n => window.geomapEvents.polygons === n", arg=n, timeout=20_000)
    areas = frame.locator("path.geomap-country.geomap-polygon")
    assert areas.count() == n
    d = areas.first.get_attribute("d")
    # a country outline: many straight segments; a circle or circle marker is drawn with arcs ("a" commands)
    # (Leaflet simplifies outlines to the pixel at low zoom, so a small country may keep only a dozen segments.)
    assert d.count("L") > 8 and "a" not in d, d[:200]
    assert frame.locator("path.geomap-country:not(.geomap-polygon)").count() == 0
    screenshot(page, "map_country_polygon")
    assert_clean(page)


def test_play_steps_a_window_through_time(page, app_server):
    frame = open_map(page, app_server.url)
    _, _, lo, hi = showing(page)
    page.get_by_role("button", name="Play").click()
    seen: dict[tuple[str, str], int] = {}
    map_counts: set[int] = set()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (len(seen) < 3 or len(set(seen.values())) < 2):
        shown, _, s, e = showing(page)
        if (s, e) != (lo, hi):  # before the first tick the whole span shows
            seen[(s, e)] = shown
        n = frame.evaluate("window.geomapEvents ? window.geomapEvents.count : -1")
        map_counts.add(n)
        time.sleep(0.25)
    page.get_by_role("button", name="Pause").click()
    assert len(seen) >= 3, f"the window did not advance: {seen}"
    for (s, e), shown in seen.items():
        assert (date.fromisoformat(e) - date.fromisoformat(s)).days <= 6, (s, e)  # one week (Step default)
        assert s >= lo and e <= hi
        assert shown == expected_count(app_server.db, s, e), (s, e)
    assert len(set(seen.values())) >= 2 and len(map_counts - {-1}) >= 2, (seen, map_counts)
    # paused: the map settles on the window the text shows
    page.wait_for_timeout(1500)
    shown, _, s, e = showing(page)
    assert wait_for_markers(frame, shown) == shown
    assert_clean(page)


def test_online_tiles_are_an_opt_in_switch(page, app_server):
    """Offline by default; choosing OpenStreetMap asks its tile server for tiles. There is no internet here, so
    those requests are intercepted and refused: the test proves they are made only after the switch."""
    tile_requests: list[str] = []

    def refuse(route):
        tile_requests.append(route.request.url)
        route.abort()

    page.route("**/*tile.openstreetmap.org/**", refuse)
    frame = open_map(page, app_server.url)
    frame.locator(".geomap-event").first.wait_for(timeout=20_000)
    assert tile_requests == [] and frame.locator("img.leaflet-tile").count() == 0
    page.locator('[data-testid="stSidebar"]').get_by_text("OpenStreetMap (online)").click()
    deadline = time.monotonic() + 30
    while not tile_requests and time.monotonic() < deadline:
        page.wait_for_timeout(200)  # lets playwright deliver the route callbacks (time.sleep would not)
    assert tile_requests, "the OpenStreetMap switch made no tile request"
    assert all("tile.openstreetmap.org" in u for u in tile_requests)
    rec = page.geomap
    assert [u for u in rec.external_requests() if "tile.openstreetmap.org" not in u] == []
    assert rec.dialogs == []


_OVERLAP_JS = """
() => {
  const k = Object.keys(window).find(k => k.startsWith('map_') && window[k] && window[k].getCenter);
  const map = window[k], dots = [];
  map.eachLayer(l => {
    if (l.options && l.options.ev && l instanceof L.CircleMarker && !(l instanceof L.Circle) && l._path) dots.push(l);
  });
  const order = l => Array.prototype.indexOf.call(l._path.parentNode.childNodes, l._path);
  for (let i = 0; i < dots.length; i++) for (let j = i + 1; j < dots.length; j++) {
    const a = dots[i], b = dots[j];
    if (a.getLatLng().equals(b.getLatLng())) continue;
    const mid = L.latLng((a.getLatLng().lat + b.getLatLng().lat) / 2, (a.getLatLng().lng + b.getLatLng().lng) / 2);
    for (let z = 18; z >= 1; z--) {
      map.setView(mid, z, {animate: false});
      const pa = map.latLngToContainerPoint(a.getLatLng()), pb = map.latLngToContainerPoint(b.getLatLng());
      const d = pa.distanceTo(pb);
      const alone = dots.every(c => c.getLatLng().equals(a.getLatLng()) || c.getLatLng().equals(b.getLatLng())
        || (map.latLngToContainerPoint(c.getLatLng()).distanceTo(pa) > 14
            && map.latLngToContainerPoint(c.getLatLng()).distanceTo(pb) > 14));
      if (d >= 4 && d <= 8 && alone) {
        const [under, over] = order(a) < order(b) ? [a, b] : [b, a];
        const p = map.latLngToContainerPoint(under.getLatLng());
        return {under: under.options.ev[0], over: over.options.ev[0], x: p.x, y: p.y, d: d};
      }
      if (d < 4) break;
    }
  }
  return null;
}
"""


def _chosen_place(frame, latlon) -> str:
    """Wait until the map has selected an event at `latlon`; return its id."""
    frame.wait_for_function(
        "([lat, lon]) => window.geomapSelected && window.geomapChosen && "
        "Math.abs(window.geomapChosen.getLatLng().lat - lat) < 1e-4 && "
        "Math.abs(window.geomapChosen.getLatLng().lng - lon) < 1e-4", arg=[float(latlon[0]), float(latlon[1])],
        timeout=10_000)
    return frame.evaluate("window.geomapSelected")


def test_overlapping_markers_select_the_one_aimed_at(page, app_server):
    """Two markers overlapping on screen: a click at the centre of the one drawn underneath selects it, not the
    one on top (clicking Bakhmut must not select Novohrodivka), and the popup leaves the markers clickable."""
    frame = open_map(page, app_server.url)
    shown, *_ = showing(page)
    wait_for_markers(frame, shown)
    found = frame.evaluate(_OVERLAP_JS)
    assert found is not None, "the browser store must hold two point events at different places"
    page.wait_for_timeout(1500)  # the page's rerun for the new view settles
    box = frame.locator(".leaflet-container").first.bounding_box()  # page coordinates of the map's container
    x, y = box["x"] + found["x"], box["y"] + found["y"]
    with Store.open(app_server.db) as store:
        df = store.events_frame().set_index(store.events_frame()["event_id"].astype(str))
    under, over = df.loc[found["under"]], df.loc[found["over"]]
    page.mouse.click(x, y)
    chosen = _chosen_place(frame, (under["lat"], under["lon"]))
    assert (round(df.loc[chosen, "lat"], 5), round(df.loc[chosen, "lon"], 5)) != (round(over["lat"], 5),
                                                                                   round(over["lon"], 5))
    page.locator(f'.geomap-card.geomap-selected[data-event-id="{chosen}"]').wait_for(timeout=20_000)
    # the popup opens above the point: a second click at the same point, popup open, selects the same place
    frame.evaluate("window.geomapSelected = null")
    page.wait_for_timeout(500)  # the popup's auto-pan may have moved the map: aim at where the marker is now
    p = frame.evaluate("([lat, lon]) => { const k = Object.keys(window).find(k => k.startsWith('map_') && "
                       "window[k] && window[k].getCenter); return window[k].latLngToContainerPoint([lat, lon]); }",
                       [float(under["lat"]), float(under["lon"])])
    page.mouse.click(box["x"] + p["x"], box["y"] + p["y"])
    _chosen_place(frame, (under["lat"], under["lon"]))
    screenshot(page, "map_overlapping_markers")
    assert_clean(page)


def test_play_starts_at_the_chosen_window_and_skips_empty_stretches(page, app_server):
    """Play over a chosen range: it starts at that range (not the store's first date), every window it shows
    holds events, and it never leaves the chosen range."""
    with Store.open(app_server.db) as store:
        df = store.events_frame()
    days = sorted({d.date() for d in df["date"]})
    assert len(days) >= 4, "the browser store must hold events on several days"
    chosen = (days[1], days[-2])
    open_map(page, f"{app_server.url}/?start={chosen[0]}&end={chosen[1]}")
    _, _, s0, e0 = showing(page)
    assert (s0, e0) == (chosen[0].isoformat(), chosen[1].isoformat())
    page.get_by_role("button", name="Play").click()
    seen: dict[tuple[str, str], int] = {}
    deadline, was_playing = time.monotonic() + 40, False
    while time.monotonic() < deadline:
        shown, _, s, e = showing(page)
        if (s, e) != (s0, e0):
            seen[(s, e)] = shown
        playing = page.get_by_role("button", name="Pause").count() > 0
        if was_playing and not playing:
            break  # the play reached the chosen end
        was_playing = was_playing or playing
        time.sleep(0.25)
    assert seen, "Play showed no window"
    # the first window starts at the chosen start (an event day), not at the store's first date
    assert min(seen) == (chosen[0].isoformat(), (chosen[0] + timedelta(days=6)).isoformat()), sorted(seen)
    for (s, e), shown in seen.items():
        assert chosen[0].isoformat() <= s <= e <= chosen[1].isoformat(), (s, e)
        assert shown > 0 and shown == expected_count(app_server.db, s, e), (s, e, shown)
    screenshot(page, "map_play_chosen_window")
    assert_clean(page)
