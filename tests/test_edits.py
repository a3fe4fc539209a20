"""Corrections as the Gazetteer page makes them (geomap.edits) on a real store: scope "this article" changes only
that article's events, undo restores what was there, the history keeps who/when/what, and event ids survive."""

from __future__ import annotations

import json
from datetime import date

import pytest
from test_corrections import tiny_gazetteer

from geomap import edits, placeedit
from geomap.articles import from_text
from geomap.exceptions import InputError
from geomap.gazetteer import Gazetteer
from geomap.ingest import ingest_articles
from geomap.pipeline import build_pipeline
from geomap.store import Store

A = "Russian missiles struck Kharkiv on Tuesday, killing two civilians, officials said."
B = "Shelling hit Kharkiv on Friday, the governor said."
KHARKIV = (49.99, 36.23)


@pytest.fixture
def setup(tmp_path):
    db = tmp_path / "s.sqlite"
    ov = tmp_path / "ov" / "user_overrides.csv"
    gaz_csv = tiny_gazetteer(tmp_path)
    with Store.open(db) as store:  # read with the tiny gazetteer, as every correction re-reads them
        ingest_articles(store, [from_text(A, date(2022, 11, 2), title="first"),
                                from_text(B, date(2022, 11, 20), title="second")],
                        process=build_pipeline(Gazetteer.load(gaz_csv, use_cache=False)))
    return db, ov, (lambda: Gazetteer.load(gaz_csv, ov, use_cache=False))


def _events(db):
    """{article title: (lat, lon, uid)} of the Kharkiv events."""
    with Store.open(db) as store:
        df = store.events_frame()
    return {r.title: (round(r.lat, 4), round(r.lon, 4), r.uid) for r in df.itertuples() if r.place == "Kharkiv"}


def _article_id(db, title):
    with Store.open(db) as store:
        arts = store.articles_frame()
    return str(arts.loc[arts["title"] == title, "id"].iloc[0])


def test_this_article_moves_only_its_event_and_undo_restores_it(setup):
    db, ov, load = setup
    before = _events(db)
    assert {k: v[:2] for k, v in before.items()} == {"first": KHARKIV, "second": KHARKIV}
    first = _article_id(db, "first")
    rep = edits.correct(db, "Kharkiv", scope=edits.THIS_ARTICLE, article=first, overrides=ov, load=load,
                        lat=50.1, lon=36.5, kind="city", country="UA")
    assert rep.articles == [first] and rep.events_after == 1, rep.summary()
    after = _events(db)
    assert after["first"] == (50.1, 36.5, before["first"][2]), "moved, same id"
    assert after["second"] == before["second"], "another article is untouched"
    assert not ov.exists(), "a one-article correction does not touch the everywhere overrides"

    # a later correction everywhere re-reads both, and the first article keeps its own correction
    edits.correct(db, "Kharkiv", overrides=ov, load=load, lat=49.0, lon=36.0, kind="city", country="UA")
    assert {k: v[:2] for k, v in _events(db).items()} == {"first": (50.1, 36.5), "second": (49.0, 36.0)}

    last, rep = edits.undo_last(db, overrides=ov, load=load)
    assert last["scope"] == edits.EVERYWHERE and len(rep.articles) == 2
    assert {k: v[:2] for k, v in _events(db).items()} == {"first": (50.1, 36.5), "second": KHARKIV}
    last, rep = edits.undo_last(db, overrides=ov, load=load)
    assert last["scope"] == edits.THIS_ARTICLE and rep.articles == [first]
    assert _events(db) == before, "undo restores the place and keeps the ids"
    assert edits.undo_last(db, overrides=ov, load=load) is None

    hist = edits.history_rows(ov)
    assert [h["#"] for h in hist] == [4, 3, 2, 1]
    assert [h["undone"] for h in hist] == [False, False, True, True]
    assert hist[-1]["scope"] == edits.THIS_ARTICLE and hist[-1]["article"] == "first"
    assert hist[-1]["who"] and hist[-1]["when"][:4].isdigit()
    assert "“Kharkiv” → 50.10000, 36.50000 (city, UA)" == hist[-1]["what"]


def test_everywhere_replaces_the_earlier_correction_of_the_name_and_undo_brings_it_back(setup):
    db, ov, load = setup
    edits.correct(db, "Kharkiv", overrides=ov, load=load, lat=49.5, lon=36.1, kind="city", country="UA")
    edits.correct(db, "Kharkiv", overrides=ov, load=load, lat=49.6, lon=36.2, kind="city")  # no country: new id
    text = ov.read_text(encoding="utf-8")
    assert text.count("Kharkiv") == 1 and "49.60000" in text
    edits.undo_last(db, overrides=ov, load=load)
    text = ov.read_text(encoding="utf-8")
    assert text.count("Kharkiv") == 1 and "49.50000" in text
    assert {v[:2] for v in _events(db).values()} == {(49.5, 36.1)}


def test_bad_corrections_change_nothing(setup):
    db, ov, load = setup
    before = _events(db)
    with pytest.raises(InputError, match="article"):
        edits.correct(db, "Kharkiv", scope=edits.THIS_ARTICLE, article="nope", overrides=ov, load=load,
                      lat=1.0, lon=2.0, kind="city")
    with pytest.raises(InputError, match="name"):
        edits.correct(db, "  ", overrides=ov, load=load, lat=1.0, lon=2.0, kind="city")
    with pytest.raises(InputError):
        edits.correct(db, "Kharkiv", overrides=ov, load=load, lat=1.0, lon=2.0, kind="galaxy")
    assert _events(db) == before and edits.read_history(ov) == []
    # a damaged article-corrections file is reported, never overwritten
    scoped = ov.with_name("user_article_places.json")
    scoped.parent.mkdir(parents=True, exist_ok=True)
    scoped.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="user_article_places.json"):
        edits.correct(db, "Kharkiv", scope=edits.THIS_ARTICLE, article=_article_id(db, "first"), overrides=ov,
                      load=load, lat=1.0, lon=2.0, kind="city")
    assert scoped.read_text(encoding="utf-8") == "{not json"


def test_history_skips_a_damaged_line(setup):
    db, ov, load = setup
    edits.correct(db, "Kharkiv", overrides=ov, load=load, lat=49.5, lon=36.1, kind="city")
    with edits.history_path(ov).open("a", encoding="utf-8") as fh:
        fh.write("{half a line\n")
    edits.correct(db, "Kharkiv", overrides=ov, load=load, lat=49.6, lon=36.1, kind="city")
    assert [h["#"] for h in edits.history_rows(ov)] == [2, 1]
    assert json.loads(edits.history_path(ov).read_text().splitlines()[-1])["seq"] == 2


def test_clicked_point_and_candidate_tips():
    assert placeedit.clicked_point({"last_clicked": {"lat": 48.123456, "lng": 397.5}}) == (48.12346, 37.5)
    for bad in (None, {}, {"last_clicked": None}, {"last_clicked": {"lat": "x", "lng": 1}},
                {"last_clicked": {"lat": 95, "lng": 1}}):
        assert placeedit.clicked_point(bad) is None
    tip = placeedit.candidate_tip({"name": "Donetsk", "kind": "city", "admin1": "", "country_code": "UA",
                                   "population": 929063})
    assert tip == "Donetsk — city · UA · pop. 929,063"


def test_this_article_correction_holds_when_the_article_is_ingested_again(setup, tmp_path, monkeypatch):
    # the same text ingested later (a rebuilt store, another analyst's store) is read over its own corrections
    from geomap import config

    db, ov, load = setup
    edits.correct(db, "Kharkiv", scope=edits.THIS_ARTICLE, article=_article_id(db, "first"), overrides=ov,
                  load=load, lat=50.1, lon=36.5, kind="city", country="UA")
    monkeypatch.setattr(config, "USER_OVERRIDES_CSV", ov)  # where the default pipeline finds the corrections
    again = tmp_path / "again.sqlite"
    with Store.open(again) as store:  # the default ingest processor: the shipped gazetteer
        ingest_articles(store, [from_text(A, date(2022, 11, 2), title="first"),
                                from_text(B, date(2022, 11, 20), title="second")])
    got = {k: v[:2] for k, v in _events(again).items()}
    assert got["first"] == (50.1, 36.5), "the one-article correction is applied on re-ingest"
    assert got["second"] != (50.1, 36.5) and abs(got["second"][0] - KHARKIV[0]) < 0.1, "other articles are not"
