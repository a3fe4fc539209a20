"""Following a feed from the Sources page, in real Chromium: its events reach an open map page by themselves."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import feedsite as fs
import pytest
from conftest import BROWSER_ARTICLES, AppServer, app_with_articles, screenshot
from test_browser_map import assert_clean, open_map, showing, wait_for_markers
from test_browser_pages import goto_page

from geomap.sources import SourceBook
from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh_app(tmp_path: Path, chromium: object) -> Iterator[AppServer]:
    """An app on its own small store (one article), so the shared browser store's counts stay as they are."""
    texts = {"kharkiv_strike.txt": BROWSER_ARTICLES["kharkiv_strike.txt"]}
    with app_with_articles(tmp_path, texts, "sources.sqlite") as srv:
        yield srv


@pytest.fixture
def site(tmp_path: Path) -> Iterator[fs.Site]:
    (tmp_path / "site").mkdir()
    s = fs.start_site(tmp_path / "site")
    try:
        yield s
    finally:
        s.stop()


def test_a_source_added_on_the_sources_page_shows_its_events_on_the_open_map(page, fresh_app, site):
    stories = fs.stories_from([ROOT / "tests" / "data" / "dev"])[:2]
    fs.write(site.root, "feed.xml", fs.rss20([fs.item_for(s, site.url, full_text=True) for s in stories]))
    frame = open_map(page, fresh_app.url)
    shown0, total0, _, _ = showing(page)
    assert shown0 == total0 > 0
    # a filter the user set must survive the refresh
    page.locator('[data-testid="stSidebar"]').get_by_label("Text in sentence, place or title").fill("Kyiv")
    page.keyboard.press("Enter")
    page.get_by_text(re.compile(rf"Showing \d+ of {total0} events")).wait_for(timeout=20_000)

    other = page.context.new_page()  # the map stays open in the first tab
    goto_page(other, fresh_app.url, "Sources")  # after the map's after-draw run: a click during it is lost
    other.get_by_label("Feed or article URL").fill(f"{site.url}/feed.xml")
    other.get_by_label("Name (optional)").fill("Local wire <b>bold</b>")
    other.get_by_role("button", name="Add source").click()
    other.get_by_text("Following Local wire <b>bold</b>").wait_for(timeout=20_000)

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with Store.open(fresh_app.db) as store:
            src = SourceBook(store.conn).all()[0]
            n_events = store.count_events()
        if src.last_run:
            break
        time.sleep(0.5)
    assert src.last_success and not src.last_error and n_events > total0, (src, n_events)
    # the status table refreshed itself (the grid is a canvas: its cells are in the DOM but hidden)
    other.locator("[role=gridcell]").filter(has_text=re.compile(r"^ok$")).first.wait_for(state="attached",
                                                                                          timeout=20_000)
    screenshot(other, "sources_page")

    # the open map page notices the new events without a reload and draws them, its filter kept
    with Store.open(fresh_app.db) as store:
        n_kyiv = len(store.events_frame(text="Kyiv"))
    assert n_kyiv > 0
    page.get_by_text(re.compile(rf"Showing {n_kyiv} of {n_events} events")).wait_for(timeout=30_000)
    frame = page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]').content_frame()
    frame.wait_for_function("window.geomapEvents !== undefined", timeout=30_000)
    assert wait_for_markers(frame, n_kyiv, timeout_s=20) == n_kyiv
    assert showing(page)[:2] == (n_kyiv, n_events)
    assert page.get_by_label("Text in sentence, place or title").input_value() == "Kyiv"
    screenshot(page, "map_after_sources")
    assert_clean(page)
