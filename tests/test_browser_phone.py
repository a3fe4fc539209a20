"""The map page on a phone (390×844, touch) in real Chromium: the map comes first, and a tap on a marker opens the
event panel over the map, inside the viewport (DESIGN §7, issue 14)."""

from __future__ import annotations

import pytest
from conftest import ARTIFACTS, Recorder
from test_browser_map import MAP_IFRAME, assert_clean, showing, wait_for_markers

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(chromium):
    ctx = chromium.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    rec = Recorder()
    pg.on("request", lambda r: rec.requests.append(r.url))
    pg.on("pageerror", lambda e: rec.errors.append(f"pageerror: {e}"))
    pg.on("console", lambda m: rec.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    pg.on("dialog", lambda d: (rec.dialogs.append(d.message), d.dismiss()))
    pg.geomap = rec
    try:
        yield pg
    finally:
        ctx.close()


def test_phone_map_first_and_the_panel_opens_over_it(phone, app_server):
    phone.goto(app_server.url)
    iframe = phone.wait_for_selector(MAP_IFRAME, timeout=150_000)
    frame = iframe.content_frame()
    frame.wait_for_function("window.geomapEvents !== undefined", timeout=30_000)
    shown, *_ = showing(phone)
    wait_for_markers(frame, shown)
    phone.evaluate("window.scrollTo(0, 0)")
    phone.screenshot(path=str(ARTIFACTS / "phone_map_first.png"))
    box = iframe.bounding_box()
    assert box is not None and box["y"] <= 200, f"the map starts {box and box['y']} px down"
    assert box["width"] <= PHONE["width"]

    marker = frame.locator("path.geomap-city").first
    marker.tap(force=True)
    frame.wait_for_function("() => !!window.geomapSelected", timeout=10_000)
    card = phone.locator(".geomap-card.geomap-selected")
    card.wait_for(timeout=20_000)
    panel = card.bounding_box()
    assert panel is not None
    assert 0 <= panel["y"] < PHONE["height"] and panel["y"] + 20 <= PHONE["height"], panel
    map_box = iframe.bounding_box()
    assert map_box is not None and panel["y"] < map_box["y"] + map_box["height"], "the panel lies over the map"
    pop = frame.locator(".leaflet-popup").bounding_box()  # the popup fits the phone's map (it was cut off)
    assert pop is not None and map_box["x"] <= pop["x"] and pop["x"] + pop["width"] <= map_box["x"] + map_box["width"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "phone_map_panel.png"))  # the viewport, as the phone shows it
    # the sheet closes with its × (the map under it is whole again); wide screens never show the ×
    close = phone.locator(".geomap-sheet-close")
    assert close.is_visible()
    close.tap()
    card.wait_for(state="hidden", timeout=10_000)
    phone.screenshot(path=str(ARTIFACTS / "phone_map_panel_closed.png"))
    assert_clean(phone)

