"""Page logic of app.py with streamlit.testing.v1.AppTest (no browser): counts, slider, filters, URL state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geomap import config, filters, pagedata, timeline, ui
from geomap.models import Article, Doc, Event, Place
from geomap.store import Store

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")

KYIV = Place("t:kyiv", "Kyiv", 50.45, 30.52, "city", "UA")
KHARKIV = Place("t:kharkiv", "Kharkiv", 49.99, 36.23, "city", "UA")
BELARUS = Place("t:by", "Belarus", 53.7, 27.95, "country", "BY", radius_km=300)


def _event(place: Place, day: date, etype: str, sentence: str) -> Event:
    return Event(place=place, place_text=place.name, date=day, date_end=day, date_precision="day",
                 event_type=etype, sub_event_type="", sentence=sentence, place_start=max(sentence.find(place.name), 0),
                 actors=["Russia"])


def make_store(path: Path) -> Path:
    """A real store with hand-made events on three days (no pipeline needed for page-logic tests)."""
    with Store.open(path) as store:
        for i, (day, places) in enumerate([(date(2022, 12, 1), [KYIV]), (date(2022, 12, 5), [KYIV, KHARKIV]),
                                           (date(2022, 12, 9), [KHARKIV, BELARUS])]):
            text = f"Report {i}: strikes on " + " and ".join(p.name for p in places) + "."
            art = Article(id=f"art{i}", published=day, text=text, title=f"Title {i}")
            types = ["Battles", "Strategic developments"]
            store.add_doc(Doc(article=art, events=[_event(p, day, types[j % 2], text) for j, p in enumerate(places)]))
    return path


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = make_store(tmp_path / "s.sqlite")
    monkeypatch.setenv("GEOMAP_DB", str(path))
    return path


def run(at: AppTest) -> AppTest:
    """Run the page; on the map page's first run, press its after-map button as the drawn map does in a browser
    (map.js afterDraw), so the sidebar, feed and summaries are there."""
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    if any(b.key == ui.AFTER_MAP for b in at.button):
        at.button(key=ui.AFTER_MAP).click().run(timeout=60)
        assert not at.exception, [e.value for e in at.exception]
    return at


def showing(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**Showing"))


def test_all_events_shown_by_default(db):
    at = run(AppTest.from_file(APP))
    assert showing(at).startswith("**Showing 5 of 5 events**")
    slider = at.slider(key="dates")
    assert slider.value == (date(2022, 12, 1), date(2022, 12, 9))


def test_slider_filters_events(db):
    at = run(AppTest.from_file(APP))
    at.slider(key="dates").set_value((date(2022, 12, 5), date(2022, 12, 9)))
    run(at)
    with Store.open(db) as store:
        n = len(store.events_frame(date(2022, 12, 5), date(2022, 12, 9)))
    assert n == 4
    assert showing(at).startswith(f"**Showing {n} of 5 events** from 2022-12-05 to 2022-12-09")
    assert at.query_params["start"] == ["2022-12-05"] or at.query_params["start"] == "2022-12-05"


def test_type_filter_and_text_filter(db):
    at = run(AppTest.from_file(APP))
    at.multiselect(key="f_event_types").set_value(["Strategic developments"])
    run(at)
    assert showing(at).startswith("**Showing 2 of 5 events**")
    at.multiselect(key="f_event_types").set_value([])
    at.text_input(key="f_text").set_value("Kyiv")
    run(at)
    with Store.open(db) as store:
        n = len(store.events_frame(text="Kyiv"))
    assert n == 3  # both of art1's events (its sentence names Kyiv) and art0's
    assert showing(at).startswith(f"**Showing {n} of 5 events**")


def test_url_state_restores_filters(db):
    at = AppTest.from_file(APP)
    at.query_params["start"] = "2022-12-05"
    at.query_params["end"] = "2022-12-05"
    at.query_params["event_types"] = "Battles"
    run(at)
    assert at.slider(key="dates").value == (date(2022, 12, 5), date(2022, 12, 5))
    assert at.multiselect(key="f_event_types").value == ["Battles"]
    assert showing(at).startswith("**Showing 1 of 5 events**")


def test_first_run_draws_the_urls_window_before_the_sidebar(db):
    """A visit's first run (before the map is drawn) has no sidebar widgets, yet the map and its count already
    follow the URL's filters; the run the drawn map asks for adds the widgets, set to the same filters."""
    at = AppTest.from_file(APP)
    at.query_params["event_types"] = "Battles"
    at.query_params["conf"] = "0.5"
    at.run(timeout=60)
    assert not at.exception
    assert not at.sidebar.multiselect and not at.sidebar.button
    first = showing(at)
    with Store.open(db) as store:
        n = len(store.events_frame(event_types=("Battles",), min_score=0.5))
    assert first.startswith(f"**Showing {n} of 5 events**") and n < 5
    at.button(key=ui.AFTER_MAP).click().run(timeout=60)
    assert at.multiselect(key="f_event_types").value == ["Battles"] and at.slider(key="f_conf").value == 0.5
    assert showing(at) == first and at.button(key="play_btn").label == "Play"


def test_new_events_reach_the_open_page_through_its_hidden_button_with_filters_and_view_kept(db):
    """What the map's JS does when the store's counts file changes (geomap.follow): press the hidden button. The page
    then shows the new events, its filter and its map view as the user left them."""
    from test_follow import add_article

    from geomap import follow

    at = run(AppTest.from_file(APP))
    assert (config.MAP_PAYLOAD_DIR / follow.counts_file(db)).read_text(encoding="utf-8") == "5 3"
    assert not at.toast  # nothing new on a first visit
    at.text_input(key="f_text").set_value("Kharkiv")
    run(at)
    assert showing(at).startswith("**Showing 4 of 5 events**")
    at.session_state["view"] = "49.9,36.2,9"  # where the user had panned the map
    add_article(db, 1)
    at.button(key=ui.STORE_CHANGED).click().run(timeout=60)
    assert not at.exception
    assert showing(at).startswith("**Showing 5 of 6 events**"), showing(at)
    assert [t.value for t in at.toast] == ["1 new event on the map"]
    assert at.text_input(key="f_text").value == "Kharkiv"
    assert at.session_state["view0"] == ((49.9, 36.2), 9)


def test_bad_url_state_is_ignored(db):
    at = AppTest.from_file(APP)
    at.query_params["start"] = "not-a-date"
    at.query_params["end"] = "2031-01-01"
    at.query_params["event_types"] = "No such type"
    run(at)
    assert at.slider(key="dates").value == (date(2022, 12, 1), date(2022, 12, 9))
    assert showing(at).startswith("**Showing 5 of 5 events**")


def test_empty_store_without_samples_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_DB", str(tmp_path / "empty.sqlite"))
    monkeypatch.setattr(config, "SAMPLE_ARTICLES", tmp_path / "no_articles")
    at = run(AppTest.from_file(APP))
    assert any("No events stored yet" in i.value for i in at.info)


def test_first_start_ingests_the_samples(tmp_path, monkeypatch):
    """An empty store is filled from data/articles/ on the first start (real reader + pipeline)."""
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "one.txt").write_text("date 2022-11-02\n\nRussian missiles struck Kharkiv on Tuesday, officials said.\n")
    db = tmp_path / "first.sqlite"
    monkeypatch.setenv("GEOMAP_DB", str(db))
    monkeypatch.setattr(config, "SAMPLE_ARTICLES", arts)
    assert pagedata.needs_first_ingest(db)
    at = run(AppTest.from_file(APP))
    with Store.open(db) as store:
        assert store.count_articles() == 1
        n = store.count_events()
    assert not pagedata.needs_first_ingest(db)
    assert n > 0, "the sample article reports a strike on Kharkiv: the first start must store its event"
    assert any(m.value.startswith(f"**Showing {n} of {n} events**") for m in at.markdown)


def test_filters_round_trip_through_the_url():
    span = (date(2022, 1, 1), date(2022, 12, 31))
    f = filters.Filters(start=date(2022, 3, 1), end=span[1], event_types=("Battles", "Riots"),
                         countries=("UA",), text="drone")
    q = filters.filters_to_query(f, span)
    assert q == {"start": "2022-03-01", "event_types": "Battles|Riots", "countries": "UA", "q": "drone"}
    back = filters.filters_from_query(q, span)
    assert back == filters.Filters(start=date(2022, 3, 1), end=None, event_types=("Battles", "Riots"),
                                    countries=("UA",), text="drone")
    clamped = filters.filters_from_query({"start": "2021-01-01", "end": "2021-06-01"}, span)
    assert (clamped.start, clamped.end) == (span[0], span[0])


def test_minimum_confidence_rides_in_the_url_only_above_the_models_threshold():
    span = (date(2022, 1, 1), date(2022, 12, 31))
    low = filters.default_min_score()
    assert 0 < low < 1
    f = filters.Filters(min_score=0.9)
    assert filters.filters_to_query(f, span) == {"conf": "0.90"}
    assert filters.filters_from_query({"conf": "0.9"}, span).min_score == 0.9
    for junk in ("abc", "-1", "7", f"{low:.2f}", ""):  # invalid, out of range, or no stricter than every event
        assert filters.filters_from_query({"conf": junk}, span).min_score is None


def test_timeline_counts_per_day_and_type(db):
    with Store.open(db) as store:
        df = store.events_frame()
    tl = timeline.per_day(df)
    assert list(tl.columns) == ["Battles", "Strategic developments"]
    assert int(tl.to_numpy().sum()) == len(df)
    assert tl.loc["2022-12-05"].tolist() == [1, 1]
