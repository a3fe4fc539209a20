"""The brushable timeline in real Chromium: dragging across it sets the date window, clicking a bar picks its day,
and both reach the slider, the event count and the URL (issue 14)."""

from __future__ import annotations

import re

import pytest
from conftest import screenshot
from test_browser_map import assert_clean, expected_count, open_map, showing, wait_for_markers

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHART = '[data-testid="stVegaLiteChart"]'


def test_brushing_and_clicking_the_timeline_set_the_dates(page, app_server):
    frame = open_map(page, app_server.url)
    shown0, total, lo, hi = showing(page)
    assert shown0 == total and lo < hi
    chart = page.locator(CHART).filter(has=page.locator("svg"))
    chart.scroll_into_view_if_needed()  # drawn in the run after the map's first draw
    # the slider moves the map but leaves the chart's view alone (the same spec: Vega does not re-embed it)
    chart.locator("svg").first.evaluate("svg => { svg.dataset.probe = 'kept'; }")
    thumbs = page.locator('[data-testid="stSlider"]').filter(has_text="Event dates").locator('input[type="range"]')
    for key, window in (("End", f"from {hi} to {hi}"), ("Home", f"from {lo} to {hi}")):
        thumbs.nth(0).focus()
        page.keyboard.press(key)
        page.wait_for_function("t => document.body.innerText.includes(t)", arg=window, timeout=30_000)
        assert wait_for_markers(frame, showing(page)[0]) == showing(page)[0]
    page.wait_for_timeout(1000)  # a re-embed, if any, has replaced the svg by now
    assert chart.locator("svg").first.evaluate("svg => svg.dataset.probe") == "kept"
    chart.scroll_into_view_if_needed()  # the page's height changed with the window
    plot = chart.locator("svg path.background").first.bounding_box()
    # drag across the right part of the plot: a window that ends at the last day and starts after the first
    y = plot["y"] + plot["height"] / 2
    page.mouse.move(plot["x"] + plot["width"] * 0.6, y)
    page.mouse.down()
    page.mouse.move(plot["x"] + plot["width"] * 0.995, y, steps=8)
    page.mouse.up()
    page.wait_for_function("t => !document.body.innerText.includes(t)", arg=f"from {lo} to {hi}", timeout=30_000)
    shown1, _, s1, e1 = showing(page)
    assert lo < s1 <= e1 and e1 <= hi, (s1, e1)
    assert shown1 == expected_count(app_server.db, s1, e1) and shown1 < shown0
    assert wait_for_markers(frame, shown1) == shown1
    page.wait_for_function("s => location.search.includes('start=' + s)", arg=s1, timeout=20_000)
    slider = page.locator('[data-testid="stSlider"]').filter(has_text="Event dates")
    assert s1 in slider.inner_text() and e1 in slider.inner_text()
    screenshot(page, "timeline_brushed")

    # click one day's bar: that day alone
    bar = chart.locator('svg path[aria-label^="day: "]').first
    day = re.match(r"day: (\d{4}-\d\d-\d\d)", bar.get_attribute("aria-label")).group(1)
    bar.click(force=True)
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=f"from {day} to {day}", timeout=30_000)
    shown2, *_ = showing(page)
    assert shown2 == expected_count(app_server.db, day, day) > 0
    assert wait_for_markers(frame, shown2) == shown2
    screenshot(page, "timeline_day_clicked")
    assert_clean(page)
