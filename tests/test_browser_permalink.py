"""Permalinks in real Chromium: the URL carries the selected event (its stable id) and the map options; opening it
in a fresh browser shows the same event selected, on the same map."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import screenshot
from test_browser_map import MAP_IFRAME, _hover_for_id, assert_clean, open_map, showing, wait_for_markers

from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_permalink_opens_the_same_event_in_a_fresh_browser(page, chromium, app_server):
    frame = open_map(page, app_server.url)
    shown, *_ = showing(page)
    wait_for_markers(frame, shown)
    page.locator('[data-testid="stSidebar"]').get_by_text("Heat map layer").click()
    frame = page.wait_for_selector(MAP_IFRAME).content_frame()
    frame.wait_for_function("window.geomapEvents && window.geomapEvents.heat === true", timeout=20_000)
    marker = frame.locator("path.geomap-city").nth(2)
    _hover_for_id(frame, marker)
    marker.click(force=True)
    # at this zoom neighbouring towns share a pixel: the map selects the one whose centre is nearest the click
    frame.wait_for_function("() => !!window.geomapSelected", timeout=10_000)
    row_id = frame.evaluate("window.geomapSelected")
    page.locator(f'.geomap-card.geomap-selected[data-event-id="{row_id}"]').wait_for(timeout=20_000)
    page.wait_for_url(re.compile(r"[?&]event=e[0-9a-f]+"), timeout=20_000)
    link = page.url
    q = parse_qs(urlparse(link).query)
    with Store.open(app_server.db) as store:
        df = store.events_frame()
    rec = df[df["event_id"].astype(str) == row_id].iloc[0]
    assert q["event"] == [rec["uid"]] and q["heat"] == ["1"], link
    # a fresh browser (no cookies, no session): the same event selected, the popup open, the heat layer on
    ctx = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        other = ctx.new_page()
        frame2 = open_map(other, link)
        card = other.locator(".geomap-card.geomap-selected")
        card.wait_for(timeout=30_000)
        assert card.get_attribute("data-event-id") == row_id
        assert " ".join(rec["sentence"].split())[:50] in " ".join(card.inner_text().split())
        frame2.wait_for_function("id => window.geomapSelected === id", arg=row_id, timeout=20_000)
        popup = frame2.locator(".leaflet-popup-content .geomap-popup").first
        popup.wait_for(timeout=10_000)
        assert popup.locator("mark").first.inner_text() == rec["place"]
        assert frame2.evaluate("window.geomapEvents.heat") is True
        assert other.locator('[data-testid="stSidebar"]').get_by_label("Heat map layer").is_checked()
        screenshot(other, "permalink_fresh_browser")
    finally:
        ctx.close()
    assert_clean(page)
