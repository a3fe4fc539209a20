"""Where the map draws its markers, in real Chromium against a real `streamlit run app.py` (issue 11).

The other browser tests count markers; these check what a user sees: each event drawn at its own Web-Mercator
position (a lat/lon swap anywhere between the store and the screen fails), the large-payload path (more than
INLINE_MAX_ROWS events: the columnar file and its decoder in map.js), and the clustered mode's counts adding up.
Expected values come from the store the server reads and from the Mercator formula, never from the page's payload.
The large-payload server also shows issue 12's rule: the payload file is served from the user's cache folder and
nothing is written into the checkout.
"""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import app_with_articles, screenshot, start_app
from test_browser_map import assert_clean, open_map, showing, wait_for_markers

from geomap import config, mapview
from geomap.models import Article, Doc, Event, Place
from geomap.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
#: Folders of the checkout a running app may legitimately touch: the venv, Python's bytecode caches, git, and what
#: the tests themselves write (screenshots, pytest's and Hypothesis' caches).
NOT_CHECKOUT = {".git", ".venv", "__pycache__", "artifacts", ".pytest_cache", ".hypothesis", ".ruff_cache"}

#: One event each in the west (Lviv), the east (Kharkiv) and the south (Odesa), through the real pipeline.
THREE_CITIES = {
    "lviv.txt": "date 2022-11-02\n\nRussian missiles struck Lviv on Tuesday, damaging a power station, the regional "
                "governor said.\n",
    "kharkiv.txt": "date 2022-11-03\n\nRussian missiles struck Kharkiv on Wednesday, killing two civilians, the "
                   "governor said.\n",
    "odesa.txt": "date 2022-11-04\n\nRussian drones attacked Odesa on Thursday, hitting energy infrastructure, "
                 "officials said.\n",
}

#: More events than the page inlines: the map fetches them as a columnar file.
N_LARGE = mapview.INLINE_MAX_ROWS + 100
#: The one event of the large store the tests click: alone in the far west, every other event is in the east.
LVIV = Place("t:lviv", "Lviv", 49.83826, 24.02324, "city", "UA")
LVIV_SENTENCE = "A drone <b>struck</b> an airfield near Lviv on Monday, the air force said."
LVIV_TITLE = "Lviv airfield & the <i>west</i>"

_MAP = "() => { const k = Object.keys(window).find(k => k.startsWith('map_') && window[k] && window[k].getCenter);"


def _large_store(path: Path) -> Path:
    """A real store with N_LARGE events: LVIV once, the rest on a grid of distinct points in the east."""
    start = date(2022, 10, 1)
    with Store.open(path) as store:
        art = Article(id="lviv", published=start, text=LVIV_SENTENCE, title=LVIV_TITLE)
        store.add_doc(Doc(article=art, events=[_event(LVIV, start, LVIV_SENTENCE)]))
        for a in range(math.ceil((N_LARGE - 1) / 100)):
            day = start + timedelta(days=a + 1)
            events = []
            for i in range(a * 100, min((a + 1) * 100, N_LARGE - 1)):
                place = Place(f"t:g{i}", f"Village {i}", 46.5 + (i // 60) * 0.11, 33.0 + (i % 60) * 0.1, "city", "UA")
                events.append(_event(place, day, f"Shelling hit {place.name} overnight, officials said."))
            text = " ".join(e.sentence for e in events)
            store.add_doc(Doc(article=Article(id=f"grid{a}", published=day, text=text), events=events))
        assert store.count_events() == N_LARGE
    return path


def _event(place: Place, day: date, sentence: str) -> Event:
    return Event(place=place, place_text=place.name, date=day, date_end=day, date_precision="day",
                 event_type="Battles", sub_event_type="Armed clash", sentence=sentence,
                 place_start=sentence.find(place.name), actors=["Russia"])


@pytest.fixture(scope="module")
def three_cities(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with app_with_articles(tmp_path_factory.mktemp("three_cities"), THREE_CITIES) as srv:
        yield srv


def checkout_files() -> dict[str, tuple[int, int]]:
    """Every file of the checkout (outside NOT_CHECKOUT) with its size and modification time."""
    out = {}
    for d, dirs, files in os.walk(ROOT):
        dirs[:] = [x for x in dirs if x not in NOT_CHECKOUT]
        for f in files:
            st = os.stat(os.path.join(d, f))
            out[os.path.relpath(os.path.join(d, f), ROOT)] = (st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture(scope="module")
def large_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The app on a store of N_LARGE events; `.checkout` is the checkout's files as they were before it started."""
    d = tmp_path_factory.mktemp("large")
    db = _large_store(d / "large.sqlite")
    before = checkout_files()
    srv = start_app(db, d / "streamlit.log")
    srv.checkout = before
    try:
        yield srv
    finally:
        srv.stop()


def _world_px(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """Web-Mercator pixel coordinates of a point at a zoom level (256-pixel tiles), as every slippy map uses."""
    scale = 256 * 2 ** zoom
    s = math.sin(math.radians(lat))
    return (lon + 180) / 360 * scale, (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale


def _drawn(frame, selector: str) -> dict:
    """The map's view (centre, zoom, size) and the centres of the drawn elements, in map-container pixels."""
    return frame.evaluate(_MAP.replace("() => {", "sel => {", 1) + """
      const map = window[k], box = map.getContainer().getBoundingClientRect(), c = map.getCenter(), s = map.getSize();
      const at = Array.from(document.querySelectorAll(sel)).map(e => e.getBoundingClientRect())
        .map(r => [r.left + r.width / 2 - box.left, r.top + r.height / 2 - box.top]);
      return {lat: c.lat, lon: c.lng, zoom: map.getZoom(), w: s.x, h: s.y, at: at}; }
    """, selector)


def _expected_px(view: dict, lat: float, lon: float) -> tuple[float, float]:
    cx, cy = _world_px(view["lat"], view["lon"], view["zoom"])
    x, y = _world_px(lat, lon, view["zoom"])
    return x - cx + view["w"] / 2, y - cy + view["h"] / 2


def _nearest(points: list[list[float]], x: float, y: float) -> float:
    return min(math.dist(p, (x, y)) for p in points)


def test_markers_are_drawn_at_their_mercator_positions(page, three_cities):
    frame = open_map(page, three_cities.url)
    with Store.open(three_cities.db) as store:
        df = store.events_frame().set_index("name")
    assert sorted(df.index) == ["Kharkiv", "Lviv", "Odesa"], "the pipeline must give one event per city"
    # the store itself is right: Lviv west of Odesa west of Kharkiv, Odesa the southernmost
    assert df.loc["Lviv", "lon"] < df.loc["Odesa", "lon"] < df.loc["Kharkiv", "lon"]
    assert df.loc["Odesa", "lat"] < min(df.loc["Lviv", "lat"], df.loc["Kharkiv", "lat"])
    assert wait_for_markers(frame, 3) == 3
    page.wait_for_timeout(500)  # the start view is set without animation; let the last redraw land
    view = _drawn(frame, "path.geomap-event")
    assert len(view["at"]) == 3
    expected = {name: _expected_px(view, r["lat"], r["lon"]) for name, r in df.iterrows()}
    for name, (x, y) in expected.items():
        assert 0 < x < view["w"] and 0 < y < view["h"], f"{name} must lie inside the map's start view"
        assert _nearest(view["at"], x, y) < 2.0, (name, (x, y), view["at"])
    # the same, as a reader checks it: west to east Lviv, Odesa, Kharkiv; Odesa lowest on the screen
    by_x = sorted(view["at"])
    assert by_x[0][0] < by_x[1][0] < by_x[2][0] and by_x[1][1] > max(by_x[0][1], by_x[2][1])
    screenshot(page, "map_drawn_three_cities")
    assert_clean(page)


def _cluster_total(frame) -> tuple[int, int, int]:
    """(events counted by the drawn cluster icons, lone event dots, cluster icons)."""
    return tuple(frame.evaluate("""() => {
      const counts = Array.from(document.querySelectorAll('.marker-cluster span')).map(s => parseInt(s.textContent));
      return [counts.reduce((a, b) => a + b, 0), document.querySelectorAll('.geomap-dot').length, counts.length]; }
    """))


def test_clustered_markers_add_up_to_every_event(page, large_server):
    """Above CLUSTER_THRESHOLD point events the map clusters by itself; the clusters drawn count every event."""
    frame = open_map(page, large_server.url)
    shown, total, *_ = showing(page)
    assert shown == total == N_LARGE
    frame.wait_for_function("n => window.geomapEvents.count === n", arg=N_LARGE, timeout=60_000)
    assert frame.evaluate("window.geomapEvents.clustered") is True
    deadline, counted = time.monotonic() + 30, (0, 0, 0)
    while time.monotonic() < deadline:  # drawn once the payload is in
        counted = _cluster_total(frame)
        if counted[0] + counted[1] == N_LARGE:
            break
        page.wait_for_timeout(300)
    in_clusters, dots, clusters = counted
    assert in_clusters + dots == N_LARGE, counted
    assert clusters > 1 and in_clusters > dots, counted  # really clustered, not N lone markers
    # the far-west event is alone: a lone dot at its Mercator position, left of every cluster
    view = _drawn(frame, ".geomap-dot")
    assert _nearest(view["at"], *_expected_px(view, LVIV.lat, LVIV.lon)) < 2.0, view["at"]
    screenshot(page, "map_large_clustered")
    assert_clean(page)


def _zoom(frame) -> int:
    return frame.evaluate(_MAP + " return window[k].getZoom(); }")


def test_clustered_map_lone_event_reads_its_sentence_and_a_cluster_zooms_in(page, large_server):
    """The clustered layer (static/cluster.js) draws only groups and lone events: the lone Lviv dot is clicked like
    any event (popup, selection and the panel's card), and clicking a group zooms in to split it."""
    frame = open_map(page, large_server.url)
    frame.wait_for_function("n => window.geomapEvents.count === n && window.geomapEvents.clustered", arg=N_LARGE,
                            timeout=60_000)
    with Store.open(large_server.db) as store:
        df = store.events_frame()
    lviv = df[df["name"] == "Lviv"].iloc[0]
    view = _drawn(frame, ".geomap-dot")
    x, y = _expected_px(view, lviv["lat"], lviv["lon"])
    assert _nearest(view["at"], x, y) < 2.0, view["at"]
    box = frame.locator(".leaflet-container").first.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    frame.wait_for_function("id => window.geomapSelected === id", arg=str(lviv["event_id"]), timeout=20_000)
    popup = frame.locator(".leaflet-popup-content .geomap-popup").first
    popup.wait_for(timeout=10_000)
    assert popup.locator(".geomap-sentence").inner_text() == LVIV_SENTENCE
    card = page.locator(f'.geomap-card.geomap-selected[data-event-id="{lviv["event_id"]}"]')
    card.wait_for(timeout=20_000)
    assert " ".join(card.locator(".geomap-sentence").inner_text().split()) == LVIV_SENTENCE
    frame.locator(".leaflet-popup-close-button").click()
    # the biggest group, clicked: the map zooms in and that group's events split over several markers
    counts = frame.evaluate("""() => Array.from(document.querySelectorAll('.marker-cluster:not(.geomap-stack)'))
      .map((e, i) => [parseInt(e.textContent), i])""")
    biggest, at = max(counts)
    zoom = _zoom(frame)
    frame.locator(".marker-cluster:not(.geomap-stack)").nth(at).click()
    deadline = time.monotonic() + 10
    while _zoom(frame) <= zoom and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert _zoom(frame) > zoom
    page.wait_for_timeout(600)  # the zoom animation, then the layer's redraw at the new zoom
    _, dots, clusters = _cluster_total(frame)
    sizes = frame.evaluate("() => Array.from(document.querySelectorAll('.marker-cluster span'), s => +s.textContent)")
    assert clusters + dots > 1 and max(sizes, default=1) < biggest, (sizes, dots, biggest)
    screenshot(page, "map_large_cluster_zoomed")
    assert_clean(page)


def test_large_payload_is_fetched_decoded_and_drawn(page, large_server):
    """More than INLINE_MAX_ROWS events: the page sends a URL, the browser fetches the columnar file and map.js
    decodes it; with clustering off every event is drawn, and the known event's popup and card are right."""
    frame = open_map(page, f"{large_server.url}/?cluster=off")
    frame.wait_for_function("n => window.geomapEvents.count === n", arg=N_LARGE, timeout=60_000)
    assert frame.evaluate("window.geomapEvents.clustered") is False
    # fetched from the route Streamlit serves a component's folder on: the user's cache folder, not ./static
    fetched = [u for u in page.geomap.requests if re.search(r"/[0-9a-f]{20}\.json$", u)]  # write_payload's names
    assert fetched and all(u.startswith(f"{large_server.url}/component/geomap.mapview.serving.events/")
                           for u in fetched), page.geomap.requests
    assert all((config.MAP_PAYLOAD_DIR / u.rsplit("/", 1)[1]).is_file() for u in fetched)
    assert wait_for_markers(frame, N_LARGE, timeout_s=30) == N_LARGE
    with Store.open(large_server.db) as store:
        df = store.events_frame()
    lviv = df[df["name"] == "Lviv"].iloc[0]
    view = _drawn(frame, "path.geomap-event")
    x, y = _expected_px(view, lviv["lat"], lviv["lon"])
    assert _nearest(view["at"], x, y) < 2.0
    box = frame.locator(".leaflet-container").first.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    frame.wait_for_function("id => window.geomapSelected === id", arg=str(lviv["event_id"]), timeout=20_000)
    popup = frame.locator(".leaflet-popup-content .geomap-popup").first
    popup.wait_for(timeout=10_000)
    assert popup.locator(".geomap-sentence").inner_text() == LVIV_SENTENCE  # markup shown as text
    assert popup.locator("mark").inner_text() == "Lviv"
    assert LVIV_TITLE in popup.inner_text() and lviv["date"].date().isoformat() in popup.inner_text()
    card = page.locator(f'.geomap-card.geomap-selected[data-event-id="{lviv["event_id"]}"]')
    card.wait_for(timeout=20_000)
    assert " ".join(card.locator(".geomap-sentence").inner_text().split()) == LVIV_SENTENCE
    assert card.locator(".geomap-sentence b, .geomap-article i").count() == 0 and LVIV_TITLE in card.inner_text()
    screenshot(page, "map_large_payload_clicked")
    assert_clean(page)
    # issue 12: the app wrote nothing into the checkout (payloads, caches, copied assets) while serving all this
    after = checkout_files()
    assert {f for f in after.keys() | large_server.checkout.keys()
            if after.get(f) != large_server.checkout.get(f)} == set()
