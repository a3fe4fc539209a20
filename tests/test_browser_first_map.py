"""A new user's first map in real Chromium: one pasted article about one city, events sharing a place and a day.

Clicking the marker must show the popup and the side panel's sentences for every event at that place, and a
second click (the popup now open) must still work. Expected values are read from the store the server reads.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import app_with_articles, screenshot
from playwright.sync_api import expect
from test_browser_map import MAP_IFRAME, assert_clean

from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ONE_DAY_ARTICLE = (
    "date 2024-03-01\n\nRussian missiles struck Kyiv on Friday, killing two civilians, the mayor said.\n\n"
    "Protesters rallied in Kyiv on Friday against corruption, organisers said.\n"
)


@pytest.fixture(scope="module")
def one_day_server(tmp_path_factory):
    from conftest import chromium_or_skip

    chromium_or_skip()
    with app_with_articles(tmp_path_factory.mktemp("one_day"), {"kyiv_one_day.txt": ONE_DAY_ARTICLE}) as srv:
        yield srv


def _click_center(page, locator) -> None:
    """A real mouse click at the marker's centre (what a user does; no forced dispatch)."""
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_one_day_store_with_colocated_events_shows_popup_and_sentences(page, one_day_server):
    with Store.open(one_day_server.db) as store:
        df = store.events_frame()
    assert len(df) >= 2 and df["date"].nunique() == 1, "the store must hold co-located events of one day"
    assert df[["lat", "lon"]].round(5).drop_duplicates().shape[0] == 1
    assert store_day(df) == date(2024, 3, 1)
    page.goto(one_day_server.url)
    frame = page.wait_for_selector(MAP_IFRAME, timeout=60_000).content_frame()
    frame.wait_for_function("window.geomapEvents !== undefined", timeout=30_000)
    page.get_by_text("All events are dated 2024-03-01.").wait_for(timeout=20_000)
    markers = frame.locator("path.geomap-event")
    assert markers.count() == len(df)
    for attempt in range(2):  # the second click lands while the first click's popup is open
        _click_center(page, markers.last)
        # one popup (a replaced one fades out for 200 ms first)
        frame.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1", timeout=8_000)
        popup = frame.locator(".leaflet-popup-content")
        for sentence in df["sentence"]:
            popup.get_by_text(" ".join(sentence.split())[:40]).first.wait_for(timeout=8_000)
        cards = page.locator(".geomap-card")
        page.locator(".geomap-card.geomap-selected").wait_for(timeout=8_000)
        assert cards.count() == len(df)
        panel = " ".join(page.locator(".geomap-panel").inner_text().split())
        for sentence in df["sentence"]:
            assert " ".join(sentence.split()) in panel
        page.get_by_text(f"Kyiv — {len(df)} events here").wait_for(timeout=8_000)
        if attempt == 0:
            screenshot(page, "first_map_one_day_colocated")
    assert_clean(page)


def test_clustered_colocated_events_are_one_count_that_opens_them_all(page, one_day_server):
    """Clustering on: events at one exact point, which no zoom splits, are one marker with their count; clicking it
    opens every event there, in the popup and the panel, as the unclustered marker does."""
    with Store.open(one_day_server.db) as store:
        df = store.events_frame()
    page.goto(f"{one_day_server.url}/?cluster=on")
    frame = page.wait_for_selector(MAP_IFRAME, timeout=60_000).content_frame()
    frame.wait_for_function("window.geomapEvents && window.geomapEvents.clustered === true", timeout=30_000)
    stack = frame.locator(".marker-cluster.geomap-stack")
    stack.wait_for(timeout=10_000)
    assert stack.count() == 1 and stack.inner_text() == str(len(df))
    assert frame.locator(".geomap-dot").count() == 0
    _click_center(page, stack)
    frame.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1", timeout=8_000)
    popup = frame.locator(".leaflet-popup-content")
    for sentence in df["sentence"]:
        popup.get_by_text(" ".join(sentence.split())[:40]).first.wait_for(timeout=8_000)
    page.get_by_text(f"Kyiv — {len(df)} events here").wait_for(timeout=8_000)
    screenshot(page, "first_map_clustered_stack")
    assert_clean(page)


def store_day(df) -> date:
    return df["date"].iloc[0].date()


def test_country_filter_reads_names_not_codes(page, one_day_server):
    page.goto(one_day_server.url)
    page.wait_for_selector(MAP_IFRAME, timeout=60_000)
    side = page.locator('[data-testid="stSidebar"]')
    side.locator('[data-testid="stMultiSelect"]').filter(has_text="Country").click()
    page.get_by_role("option", name="Ukraine (UA)").wait_for(timeout=10_000)
    page.get_by_role("option", name="Ukraine (UA)").click()
    page.wait_for_url(re.compile(r"countries=UA"), timeout=20_000)  # the URL keeps the code
    assert_clean(page)


def test_a_fresh_servers_first_visit_to_a_sub_page_names_the_map(page, tmp_path):
    """Straight to /Data on a server nobody has opened yet: the Data page, and the navigation says "Map", not the
    "app" of Streamlit's pages-folder mode (which stayed until the server restarted)."""
    with app_with_articles(tmp_path, {"kyiv_one_day.txt": ONE_DAY_ARTICLE}) as srv:
        page.goto(f"{srv.url}/Data")
        page.get_by_role("heading", name="Data").wait_for(timeout=60_000)
        nav = page.locator('[data-testid="stSidebarNav"] a')
        expect(nav.first).to_contain_text("Map", timeout=30_000)
        names = [" ".join(t.split()).split()[-1] for t in nav.all_inner_texts()]
        assert names == ["Map", "Articles", "Data", "Gazetteer", "Sources"], names
        expect(page.get_by_text("2 events", exact=True)).to_be_visible(timeout=30_000)
        assert re.search(r"/Data(\?.*)?$", page.url), page.url
