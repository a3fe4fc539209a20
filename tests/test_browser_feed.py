"""The event feed beside the map, in real Chromium: newest first, filtered like the map, paged; clicking a row
selects that event on the map and in the panel."""

from __future__ import annotations

import pytest
from conftest import screenshot
from test_browser_map import assert_clean, open_map, showing, wait_for_markers

from geomap import feed
from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _feed_buttons(page):
    return page.locator('[class*="st-key-feed_box"] [data-testid="stButton"] button')


def test_feed_lists_newest_first_and_a_click_opens_the_event(page, app_server):
    frame = open_map(page, app_server.url)
    shown, *_ = showing(page)
    wait_for_markers(frame, shown)
    with Store.open(app_server.db) as store:
        df = store.events_frame()
        n_city = len(store.events_frame(precisions=["city"]))
    assert shown == len(df) > feed.PER_PAGE, "the browser store must fill more than one feed page"
    expected = feed.newest_first(df).head(feed.PER_PAGE)
    buttons = _feed_buttons(page)
    buttons.first.wait_for(timeout=20_000)
    assert buttons.count() == feed.PER_PAGE
    first_day = expected["date"].iloc[0].date().isoformat()
    assert first_day in buttons.first.inner_text()
    assert first_day == max(d.date().isoformat() for d in df["date"])
    # the place is highlighted in the row
    row = expected.iloc[3]
    target = buttons.nth(3)
    assert target.locator("strong").filter(has_text=row["place"]).count() >= 1
    target.click()
    card = page.locator(f'.geomap-card.geomap-selected[data-event-id="{row["event_id"]}"]')
    card.wait_for(timeout=20_000)
    assert " ".join(row["sentence"].split())[:50] in " ".join(card.inner_text().split())
    frame.wait_for_function("id => window.geomapSelected === id", arg=str(row["event_id"]), timeout=20_000)
    frame.locator(".leaflet-popup-content .geomap-popup").first.wait_for(timeout=10_000)
    screenshot(page, "feed_row_clicked")
    # paged: the next page holds the next events, oldest last
    page.get_by_role("button", name="Older").click()
    page.get_by_text(f"Page 2 of {feed.n_pages(len(df))}").wait_for(timeout=20_000)
    second = feed.newest_first(df).iloc[feed.PER_PAGE]
    day2 = second["date"].date().isoformat()
    assert day2 in _feed_buttons(page).first.inner_text()
    assert_clean(page)
    # filtered like the map
    open_map(page, f"{app_server.url}/?precisions=city")
    page.get_by_text(f"{n_city} events, newest first").wait_for(timeout=20_000)
    assert 0 < n_city < len(df)
    assert _feed_buttons(page).count() == min(n_city, feed.PER_PAGE)


def test_map_page_summaries_follow_the_filters(page, app_server):
    from geomap import summary

    open_map(page, f"{app_server.url}/?precisions=city")
    shown, *_ = showing(page)
    with Store.open(app_server.db) as store:
        df = store.events_frame(precisions=["city"])
    assert shown == len(df)
    top = summary.summary(df, "Event type").iloc[0]
    table = page.locator("table.geomap-summary").filter(has_text=top["Event type"]).first  # after the map
    table.wait_for(timeout=30_000)
    cells = [c.strip() for c in table.locator("tr").filter(has_text=top["Event type"]).first.inner_text().split("\t")]
    assert cells[:3] == [top["Event type"], str(top["events"]), str(top["fatalities"])], cells
    assert_clean(page)
