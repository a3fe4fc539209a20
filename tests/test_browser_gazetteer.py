"""The Gazetteer page in real Chromium: a user adds a place the gazetteer lacks, then corrects it, and the stored
event appears and moves on the map at once (DESIGN §7). Own store, overrides file and server: it writes to them."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import AppServer, app_with_articles, chromium_or_skip, screenshot
from playwright.sync_api import expect
from test_browser_map import assert_clean, open_map
from test_browser_pages import goto_page

from geomap import config
from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MADE_UP = "Zorvyanka"  # in no gazetteer: the article's event only exists once the user adds the place
ARTICLES = {
    "zorvyanka.txt": f"date 2022-11-10\n\nRussian shelling hit {MADE_UP} on Tuesday, killing two civilians, the "
                     "governor said.\n",
    "kharkiv.txt": "date 2022-11-12\n\nRussian missiles struck Kharkiv on Thursday, officials said.\n",
}


def small_data_dir(target: Path) -> Path:
    """A data folder (GEOMAP_DATA) whose gazetteer is the real one cut down to Ukraine plus every country,
    continent and sea: the server loads, searches, overrides and re-applies through the same code as with the
    full file, but each (re)build of its private cache takes a fraction of a second instead of ~10 s."""
    target.mkdir(parents=True, exist_ok=True)
    with open(config.GAZETTEER_CSV, encoding="utf-8", newline="") as src, \
            open(target / "gazetteer.csv", "w", encoding="utf-8", newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r for r in reader if r["country_code"] == "UA" or r["kind"] in ("country", "continent",
                                                                                          "sea"))
    countries = config.DATA_DIR / "countries.geojson"
    if countries.is_file():
        (target / "countries.geojson").symlink_to(countries)
    return target


@contextmanager
def app_on_small_data(folder: Path, texts: dict[str, str], **env: str) -> Iterator[AppServer]:
    """A running app on these articles with its own data folder (`small_data_dir`): the overrides, corrections and
    gazetteer cache it writes stay in `folder`. `srv.data` is that folder."""
    data = small_data_dir(folder / "data")
    with app_with_articles(folder, texts, env_extra={
            "GEOMAP_DATA": str(data), "GEOMAP_OVERRIDES": str(data / "user_overrides.csv"),
            "GEOMAP_CACHE": str(data / "cache"), **env}) as srv:
        srv.data = data  # type: ignore[attr-defined]
        yield srv


@pytest.fixture(scope="module")
def gaz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    chromium_or_skip()
    with app_on_small_data(tmp_path_factory.mktemp("gaz"), ARTICLES) as srv:
        srv.overrides = srv.data / "user_overrides.csv"  # type: ignore[attr-defined]
        yield srv


def _events_at(db: Path, place: str) -> list[tuple[float, float]]:
    with Store.open(db) as store:
        df = store.events_frame()
    return [(round(r.lat, 4), round(r.lon, 4)) for r in df.itertuples() if r.place == place]


def _add_place(page, lat: str, lon: str) -> str:
    form = page.locator('[data-testid="stForm"]')
    form.get_by_label("Name as written in articles").fill(MADE_UP)
    for label, value in (("Latitude", lat), ("Longitude", lon)):
        # a number input commits its value on blur: leave it before the next field, or a loaded machine may submit
        # the form with the old value; a rerun of the page's first run can still redraw the field with its stored
        # value, so the value is typed again until the field shows it (at most three times)
        field = form.get_by_label(label)
        for attempt in range(3):
            field.fill(value)
            field.press("Tab")
            try:
                expect(field).to_have_value(re.compile(rf"^{re.escape(value)}0*$"), timeout=5_000)  # "47.10000"
                break
            except AssertionError:
                if attempt == 2:
                    raise
    form.get_by_label("Country (ISO-2)").fill("UA")
    form.get_by_role("button", name="Save place and re-apply").click()
    done = page.get_by_text(re.compile(r"^Saved\. ")).first
    done.wait_for(timeout=90_000)
    return done.inner_text()


def _drawn_at(page, url: str) -> list[list[float]]:
    frame = open_map(page, f"{url}/?q={MADE_UP}")
    return frame.evaluate("p => { const C = window.geomapColumns; "
                          "return window.geomapRows.filter(r => r[C.place] === p).map(r => [r[C.lat], r[C.lon]]); }",
                          MADE_UP)


def test_add_then_correct_a_place_moves_the_stored_event(page, gaz_server):
    assert _events_at(gaz_server.db, MADE_UP) == [], "a made-up place must not resolve before the override"
    goto_page(page, gaz_server.url, "Gazetteer")
    page.get_by_label("Search a place").fill(MADE_UP)
    page.keyboard.press("Enter")
    page.get_by_text(f"0 candidates for “{MADE_UP}”").wait_for(timeout=90_000)

    msg = _add_place(page, "47.1", "35.2")
    assert "1 stored article(s) re-read" in msg and "events 0 → 1" in msg, msg
    assert _events_at(gaz_server.db, MADE_UP) == [(47.1, 35.2)]
    assert f"{MADE_UP}," in gaz_server.overrides.read_text(encoding="utf-8")
    # the search now finds the user's place, shown on the candidates map
    page.get_by_text(f"1 candidate for “{MADE_UP}”").wait_for(timeout=60_000)
    cmap = page.locator('iframe[title="streamlit_folium.st_folium"]').first.content_frame
    cmap.locator("path.geomap-candidate").first.wait_for(timeout=20_000)
    screenshot(page, "gazetteer_page")
    assert_clean(page)

    assert _drawn_at(page, gaz_server.url) == [[47.1, 35.2]]

    # "no, it is over there": the same name saved again moves the stored event
    goto_page(page, gaz_server.url, "Gazetteer")
    msg = _add_place(page, "48.3", "33.4")
    assert "events 1 → 1" in msg, msg
    assert _events_at(gaz_server.db, MADE_UP) == [(48.3, 33.4)]
    assert _drawn_at(page, gaz_server.url) == [[48.3, 33.4]]
    assert_clean(page)
