"""corrections.reapply on a real store, and the play (geomap.playback) and map-view URL (geomap.permalink) helpers."""

from __future__ import annotations

from datetime import date

from geomap import filters, permalink, playback
from geomap.articles import from_text
from geomap.corrections import reapply, resolutions_of
from geomap.gazetteer import COLUMNS, Gazetteer, add_override
from geomap.ingest import ingest_articles
from geomap.store import Store


def tiny_gazetteer(tmp_path):
    """A two-place gazetteer file: loads in milliseconds, unlike the world one."""
    path = tmp_path / "gaz.csv"
    rows = [",".join(COLUMNS)]
    for pid, name, kind, lat, lon, cc in (("t:ua", "Ukraine", "country", 49.0, 31.0, "UA"),
                                          ("t:kh", "Kharkiv", "city", 49.99, 36.23, "UA")):
        rec = dict.fromkeys(COLUMNS, "") | {"id": pid, "name": name, "kind": kind, "lat": str(lat),
                                            "lon": str(lon), "country_code": cc}
        rows.append(",".join(rec[c] for c in COLUMNS))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_reapply_adds_then_moves_an_event_for_an_overridden_name(tmp_path):
    db = tmp_path / "s.sqlite"
    text = "Russian shelling hit Zorvyanka on Tuesday, killing two civilians, the governor said."
    with Store.open(db) as store:
        ingest_articles(store, [from_text(text, date(2022, 11, 10), title="t")])
        assert store.count_events() == 0
    ov = tmp_path / "ov.csv"
    gaz_csv = tiny_gazetteer(tmp_path)
    for lat, lon, n_before in ((47.1, 35.2, 0), (48.3, 33.4, 1)):
        add_override("Zorvyanka", lat, lon, kind="city", country="UA", path=ov)
        gaz = Gazetteer.load(gaz_csv, ov, use_cache=False)
        rep = reapply(db, "Zorvyanka", gazetteer=gaz)
        assert (rep.events_before, rep.events_after, len(rep.articles)) == (n_before, 1, 1), rep.summary()
        with Store.open(db) as store:
            df = store.events_frame()
            assert [(r.lat, r.lon) for r in df.itertuples()] == [(lat, lon)]
            assert store.integrity_check() == "ok"
            res = resolutions_of(store, "zorvyanka")
            assert [(r["lat"], r["lon"], r["event_mentions"]) for r in res] == [(lat, lon, 1)]


def test_reapply_without_matching_article_changes_nothing(tmp_path):
    db = tmp_path / "s.sqlite"
    with Store.open(db) as store:
        ingest_articles(store, [from_text("Missiles struck Kharkiv on Monday.", date(2022, 11, 10))])
        before = store.events_frame()
    rep = reapply(db, "Nowhereville", gazetteer=Gazetteer.load(tiny_gazetteer(tmp_path), use_cache=False))
    assert rep.articles == []
    with Store.open(db) as store:
        assert store.events_frame().equals(before)


def test_play_windows_step_through_the_span():
    span = (date(2022, 1, 30), date(2022, 3, 3))
    w = playback.next_window(span, "month", span)  # whole span selected -> first window
    assert w == (date(2022, 1, 30), date(2022, 2, 27))
    w = playback.next_window(w, "month", span)
    assert w == (date(2022, 2, 28), date(2022, 3, 3))  # clipped to the span
    assert playback.next_window(w, "month", span) is None
    w = playback.next_window(span, "week", span)
    assert w == (date(2022, 1, 30), date(2022, 2, 5))
    assert playback.next_window(w, "week", span) == (date(2022, 2, 6), date(2022, 2, 12))
    assert playback.next_window((date(2022, 3, 3), date(2022, 3, 3)), "day", span) is None


def test_view_in_url_round_trip():
    assert permalink.parse_view("48.5,35.25,7") == ((48.5, 35.25), 7)
    for bad in (None, "", "x,y,z", "91,0,3", "1,2", "1,2,40"):
        assert permalink.parse_view(bad) is None
    out = {"center": {"lat": 48.51234, "lng": 35.2}, "zoom": 7}
    assert permalink.view_from_map(out) == "48.5123,35.2000,7"
    assert permalink.parse_view(permalink.view_from_map(out)) == ((48.5123, 35.2), 7)
    assert permalink.view_from_map({"center": None, "zoom": None}) is None


def test_article_options_keep_the_selection_and_stay_short():
    arts = [f"a{i}" for i in range(1000)]
    opts = filters.article_options(arts, ["a3", "zz"])
    assert opts[:2] == ["a3", "zz"] and len(opts) == filters.ARTICLE_OPTIONS + 2
