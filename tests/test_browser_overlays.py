"""Overlays in real Chromium (issue 14): a GeoJSON front line imported through the page's uploader is drawn under
the events in its colour, survives a reload and a fresh browser opening the URL, and hiding it removes it from the
map and the URL. Its untrusted name shows as text, and event markers on the line stay clickable."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import app_with_articles, screenshot
from test_browser_map import MAP_IFRAME, assert_clean, open_map, showing, wait_for_markers

from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLES = {
    "bakhmut.txt": "date 2023-05-20\n\nRussian forces shelled Bakhmut on Saturday, the military said.\n",
    "kharkiv.txt": "date 2023-05-21\n\nMissiles struck Kharkiv on Sunday, the governor said.\n",
}
NAME = "Front <b>line</b>"
#: A line through Bakhmut (48.5956 N, 37.9999 E): the event marker sits on it.
FRONT = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {
    "name": "Contact line <img src=x onerror=\"window.__ovXss = 1\">", "description": "as of May"},
    "geometry": {"type": "LineString", "coordinates": [[37.80, 48.40], [37.9999, 48.5956], [38.20, 48.80]]}}]}
OVERLAY_PATH = "path.geomap-overlay"


def _overlay_drawn(frame, n: int = 1) -> None:
    frame.wait_for_function("n => window.geomapOverlays && Object.keys(window.geomapOverlays.drawn).length === n",
                            arg=n, timeout=20_000)


def _sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def _upload(page, path, name: str) -> None:
    side = _sidebar(page)
    side.locator('input[type="file"]').set_input_files(str(path))
    side.get_by_text(path.name, exact=True).wait_for(timeout=20_000)  # uploaded before the form is sent
    side.get_by_label("Overlay name").fill(name)
    side.get_by_role("button", name="Add overlay").click()


def test_an_imported_geojson_line_is_drawn_survives_a_reload_and_hides(page, chromium, tmp_path):
    with app_with_articles(tmp_path, ARTICLES) as srv:
        frame = open_map(page, srv.url)
        shown, *_ = showing(page)
        assert wait_for_markers(frame, shown) == shown
        bad = tmp_path / "broken.geojson"
        bad.write_text('{"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 130]}}')
        _upload(page, bad, "")
        _sidebar(page).get_by_text(re.compile(r"Not added: .*broken\.geojson: feature 1: Point coordinates")
                                   ).wait_for(timeout=20_000)
        front = tmp_path / "front.geojson"
        front.write_text(json.dumps(FRONT), encoding="utf-8")
        _upload(page, front, NAME)
        _sidebar(page).get_by_text("Added overlay").wait_for(timeout=20_000)
        with Store.open(srv.db) as store:
            (info,) = store.overlays()
        assert info.name == NAME and info.source_file == "front.geojson"
        page.wait_for_url(re.compile(rf"[?&]ov={info.id}(&|$)"), timeout=20_000)
        frame = page.wait_for_selector(MAP_IFRAME).content_frame()
        _overlay_drawn(frame)
        _check_drawn(frame, info.color)
        _check_tip_and_marker_click(frame, page)
        link = page.url

        page.reload()  # the same browser: the store keeps it, the URL lists it
        frame = open_map(page, page.url)
        _overlay_drawn(frame)
        _check_drawn(frame, info.color)
        ctx = chromium.new_context(viewport={"width": 1400, "height": 1000})
        try:  # a fresh browser with the link: the same overlay
            other = ctx.new_page()
            frame2 = open_map(other, link)
            _overlay_drawn(frame2)
            _check_drawn(frame2, info.color)
            screenshot(other, "overlay_fresh_browser")
        finally:
            ctx.close()

        _sidebar(page).get_by_text(NAME, exact=True).click()  # the checkbox: hide it
        page.wait_for_url(re.compile(r"[?&]ov=none(&|$)"), timeout=20_000)
        frame = page.wait_for_selector(MAP_IFRAME).content_frame()
        frame.wait_for_function("document.querySelectorAll('path.geomap-overlay').length === 0", timeout=20_000)
        assert frame.evaluate("window.geomapOverlays.count") == 0
        assert parse_qs(urlparse(page.url).query)["ov"] == ["none"]
        with Store.open(srv.db) as store:
            assert store.overlays()[0].visible is False  # kept for the next visit
        screenshot(page, "overlay_hidden")
        assert frame.evaluate("window.__ovXss") is None
        assert_clean(page)


def _check_drawn(frame, color: str) -> None:
    """One SVG path in the overlay pane, in the overlay's colour, in a pane under the events'."""
    path = frame.locator(OVERLAY_PATH)
    assert path.count() == 1
    assert path.first.get_attribute("stroke") == color
    panes = frame.evaluate("""() => {
        const p = document.querySelector('path.geomap-overlay').closest('.leaflet-pane');
        const ev = document.querySelector('.geomap-event').closest('.leaflet-pane');
        return [p.className, +getComputedStyle(p).zIndex, +getComputedStyle(ev).zIndex];
    }""")
    assert "geomapOverlays" in panes[0] and panes[1] < panes[2], panes


def _check_tip_and_marker_click(frame, page) -> None:
    """Hovering the line shows its names as text; the Bakhmut marker on the line still takes the click."""
    box = frame.locator(OVERLAY_PATH).first.bounding_box()
    frame.page.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.8)
    tip = frame.locator(".geomap-overlay-tip")
    tip.wait_for(timeout=10_000)
    assert NAME in tip.inner_text() and "Contact line <img" in tip.inner_text()
    assert tip.locator("img, b b").count() == 0 and tip.locator("b").inner_text() == NAME
    screenshot(page, "overlay_front_line")
    _sidebar(page).screenshot(path=str(screenshot.__globals__["ARTIFACTS"] / "overlay_sidebar.png"))
    # the line's middle point is Bakhmut: a click there is the Bakhmut marker's, not the line's
    frame.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    frame.wait_for_function("() => !!window.geomapSelected", timeout=10_000)
    name = frame.evaluate("""() => {
        const C = window.geomapColumns, row = window.geomapRows.find(r => r[C.id] === window.geomapSelected);
        return row[C.name];
    }""")
    assert name == "Bakhmut"
