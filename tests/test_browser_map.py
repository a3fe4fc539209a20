"""The map page in real Chromium against a real `streamlit run app.py` (DESIGN §7).

The expected numbers come from the same store the server reads (queried through geomap.store), never hard-coded.
"""

from __future__ import annotations

import re
import time
from datetime import date
from urllib.parse import quote

import pytest
from conftest import XSS_ARTICLE_ID, screenshot

from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
SHOWING = re.compile(r"Showing (\d+) of (\d+) events from (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)")


def expected_count(db, start: str, end: str, **filters) -> int:
    with Store.open(db) as store:
        return len(store.events_frame(date.fromisoformat(start), date.fromisoformat(end), **filters))


def open_map(page, url: str):
    """Load the page, wait for the map iframe and for the event layer to be drawn; return the map frame."""
    page.goto(url)
    frame = page.wait_for_selector(MAP_IFRAME, timeout=60_000).content_frame()
    frame.wait_for_function("window.geomapEvents !== undefined", timeout=30_000)
    return frame


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
    assert any("/app/static/vendor/leaflet/leaflet.js" in u for u in page.geomap.requests)


def test_date_slider_changes_the_markers(page, app_server):
    frame = open_map(page, app_server.url)
    shown0, total, lo, hi = showing(page)
    assert lo < hi, "the browser store must span several days"
    thumbs = page.locator('[data-testid="stSlider"] input[type="range"]')
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
    event_id = _hover_for_id(frame, marker)
    marker.click(force=True)
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
    popup = frame.locator(".leaflet-popup-content .geomap-popup")
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
    popup = frame.locator(".leaflet-popup-content .geomap-popup")
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
