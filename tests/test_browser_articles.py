"""The Articles page in real Chromium: paste an article beside a stored one, read it with a hostile title shown as
text, see the table without server paths or midnight times, delete it from the page, and its events leave the map
(DESIGN §7). Own store and server: it writes to them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import AppServer, app_with_articles, chromium_or_skip, screenshot
from test_browser_map import assert_clean, open_map, showing
from test_browser_pages import goto_page

from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STORED = {"kharkiv.txt": "date 2022-11-12\n\nRussian missiles struck Kharkiv on Thursday, officials said.\n"}
PASTED = ("Russian drones attacked Odesa on Saturday night, hitting energy infrastructure, officials said.\n\n"
          "Shelling in Kherson killed one man on Friday, the governor said.")
#: A title whose Markdown, rendered, would load an image and a link from another host.
HOSTILE_TITLE = "Odesa ![pixel](http://evil.example/t.png) [click](http://evil.example/x) http://evil.example/y"


@pytest.fixture(scope="module")
def art_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    chromium_or_skip()
    with app_with_articles(tmp_path_factory.mktemp("articles_page"), STORED) as srv:
        yield srv


def _paste(page) -> None:
    form = page.locator('[data-testid="stForm"]')
    form.get_by_label("Title (optional)").fill(HOSTILE_TITLE)
    # "Published" stays today's date: the events are dated from it
    form.get_by_label("Article text").fill(PASTED)
    form.get_by_role("button", name="Ingest text").click()
    page.get_by_text("2 stored articles").wait_for(state="attached", timeout=90_000)


def test_paste_read_then_delete_an_article_and_its_events_leave_the_map(page, art_server):
    frame = open_map(page, art_server.url)
    n0 = showing(page)[1]
    assert n0 >= 1
    goto_page(page, art_server.url, "Articles")
    _paste(page)
    with Store.open(art_server.db) as store:
        arts = store.articles_frame()
        pasted = arts[arts["title"] == HOSTILE_TITLE]
        assert len(pasted) == 1, arts
        pasted_id, pasted_events = str(pasted["id"].iloc[0]), int(pasted["n_events"].iloc[0])
        assert pasted_events >= 1

    # the table: titles, dates without times, no server folders
    page.get_by_role("tab", name="Stored articles").click()
    table = page.locator('[data-testid="stDataFrame"]:visible').first
    table.wait_for(timeout=20_000)
    page.get_by_text("2 stored articles").wait_for(timeout=20_000)
    table.locator('[data-testid="glide-cell-0-0"]').wait_for(state="attached", timeout=20_000)
    cells = table.text_content() or ""  # the grid's cells are in the DOM for screen readers
    assert "Kharkiv" in cells or "kharkiv" in cells, cells[:300]
    assert "evil.example" in cells and "2022-11-12" in cells
    assert "00:00:00" not in cells and "/tmp/" not in cells and "geomap-upload" not in cells

    # the reader: the title is text, nothing from elsewhere is linked or loaded
    page.get_by_role("tab", name="Reader").click()
    box = page.get_by_role("tabpanel", name="Reader").locator('[data-testid="stSelectbox"]')
    box.click()
    page.get_by_role("option").filter(has_text="Odesa").first.click()
    head = page.locator(".geomap-article-head h3").filter(has_text="evil.example").first
    head.wait_for(timeout=20_000)
    assert "![pixel](http://evil.example/t.png)" in head.inner_text()
    live = page.locator("img[src*='evil.example'], a[href*='evil.example']")
    assert live.count() == 0, [live.nth(i).evaluate("e => e.parentElement.outerHTML") for i in range(live.count())]

    # delete it from the page, with a confirmation
    page.get_by_role("tab", name="Stored articles").click()
    doomed = page.locator('[data-testid="stSelectbox"]').filter(has_text="Article to delete")
    doomed.click()
    page.get_by_role("option").filter(has_text="Odesa").first.click()
    page.get_by_role("button", name="Delete this article…").click()
    page.get_by_text("with its place mentions and events?").wait_for(timeout=20_000)
    screenshot(page, "articles_delete_confirm")
    page.get_by_role("button", name="Yes, delete it").click()
    done = page.get_by_text(re.compile(r"^Article deleted: ")).first
    done.wait_for(timeout=30_000)
    assert f"{pasted_events} event{'s' if pasted_events != 1 else ''} removed" in done.inner_text()
    page.get_by_text("1 stored articles").wait_for(timeout=20_000)
    screenshot(page, "articles_deleted")
    assert live.count() == 0, "no message made a link of the title"
    with Store.open(art_server.db) as store:
        assert store.get_article(pasted_id) is None
        assert store.count_events() == n0

    # the map counts only what is left
    frame = open_map(page, art_server.url)
    assert frame is not None and showing(page)[1] == n0
    assert_clean(page)
