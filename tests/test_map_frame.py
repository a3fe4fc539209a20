"""The map's narrow, columnar read path (issue 14): `Store.map_frame` equals `events_frame`'s columns for the same
filters, text comes by id, and the snapshot is never stale (ingest, correction, deletion, another copy, bad files)."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import old_store
from test_store import GAZA, IRPIN, KYIV, D, doc, event

from geomap.ingest import IngestReport, store_doc
from geomap.models import Place
from geomap.store import Store, snapshot
from geomap.store.queries import TEXT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402

SEA = Place("t:sea", "Black Sea", 43.0, 34.0, "sea", "", "", 0, 250.0)
TEXT_ONLY = [c for c in TEXT_COLUMNS if c != "event_id"]

FILTERS = [
    {},
    {"start": date(2023, 1, 1), "end": date(2023, 6, 30)},
    {"start": date(2023, 3, 1), "end": date(2023, 3, 31), "event_types": ["Battles"], "countries": ["UA"]},
    {"countries": ["UA", "RU"], "event_types": ["Explosions/Remote violence", "Battles"]},
    {"countries": [""]},
    {"countries": ["UA", ""], "sub_event_types": ["Air/drone strike", ""]},
    {"actors": [""]},
    {"actors": ["Russian forces"]},
    {"countries": []},
    {"start": date(1990, 1, 1), "end": date(1990, 12, 31)},
    {"precisions": ["sea", "region"]},
    {"min_score": 0.5},
    {"text": "drone"},
    {"text": "100%_"},
    {"articles": ["a-kyiv", "nope"]},
    {"start": date(2022, 12, 20), "end": date(2022, 12, 20)},  # inside the multi-day event's range only
]


def fill(store: Store) -> None:
    """Generated articles (several countries, types, actors, dates) plus hand-made odd events."""
    report = IngestReport()
    for d in generate.generate_docs(120, seed=3):
        store_doc(store, d, report)
    store.add_doc(doc("a-kyiv", event(KYIV), event(IRPIN, d1=date(2022, 12, 24), etype="Battles", actors=())))
    store.add_doc(doc("a-sea", event(SEA, etype="Battles", actors=(), fatalities=3),
                      text="Drones hit Black Sea on Monday. 100%_ sure."))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("narrow") / "s.sqlite"
    with Store.open(path) as store:
        fill(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def db(base: Path, tmp_path: Path) -> Path:
    """A fresh copy of the filled store (with no snapshot yet)."""
    path = tmp_path / "s.sqlite"
    shutil.copy(base, path)
    snapshot.forget(path)
    return path


def expected(store: Store, **kw) -> pd.DataFrame:
    full = store.events_frame(**kw)
    return full.drop(columns=TEXT_ONLY)[list(snapshot.NAMES)]


def same(store: Store, **kw) -> None:
    want, got = expected(store, **kw), store.map_frame(**kw)
    # an empty events_frame has untyped (object) columns; the map's frame keeps its dtypes
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True), check_exact=True,
                                  check_dtype=not want.empty, check_index_type=not want.empty)
    assert got.attrs["total"] == want.attrs["total"]


@pytest.mark.parametrize("kw", FILTERS, ids=[str(sorted(f)) or "none" for f in FILTERS])
def test_map_frame_equals_events_frame_columns(base: Path, kw: dict) -> None:
    with Store.open(base) as store:
        assert len(store.events_frame()) > 100
        same(store, **kw)


def test_filters_select_something(base: Path) -> None:
    """The combos above are not all empty: the equality means something."""
    with Store.open(base) as store:
        sizes = [len(store.map_frame(**kw)) for kw in FILTERS]
    assert sum(1 for n in sizes if n) >= 10 and 0 in sizes


def test_event_texts_by_id(base: Path) -> None:
    with Store.open(base) as store:
        full = store.events_frame(countries=["UA"]).head(7)
        texts = store.event_texts([*full["event_id"].tolist(), 10**9])  # an unknown id is skipped
    assert list(texts.columns) == list(TEXT_COLUMNS)
    want = full[list(TEXT_COLUMNS)].sort_values("event_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(texts, want)


def test_never_stale_after_ingest_correction_and_deletion(db: Path) -> None:
    with Store.open(db) as store:
        same(store)
        store.add_doc(doc("a-gaza", event(GAZA, etype="Battles")))  # ingest
        same(store)
        assert "t:gaza" in set(store.map_frame()["place_id"])
        fixed = doc("a-kyiv", event(replace(KYIV, lat=50.0, lon=30.0)))  # a correction re-reads the article
        store.replace_docs([fixed])
        same(store)
        store.delete_article("a-gaza")
        same(store)
        assert "t:gaza" not in set(store.map_frame()["place_id"])


def test_a_change_from_another_connection_is_seen(db: Path) -> None:
    """Triggers log writes made outside geomap's write path too (an old script, the sqlite3 shell)."""
    with Store.open(db) as store:
        before = store.map_frame()
        raw = sqlite3.connect(db)
        raw.execute("UPDATE events SET fatalities = 99 WHERE id = ?", (int(before["event_id"].iloc[0]),))
        raw.commit()
        raw.close()
        after = store.map_frame()
        assert after["fatalities"].iloc[0] == 99
        same(store)


def test_snapshot_file_is_reused_and_damage_is_rebuilt(db: Path) -> None:
    with Store.open(db) as store:
        store.map_frame()
    f = snapshot.file_for(db)
    assert f.is_file()
    snapshot.forget(db)
    assert snapshot.load(f) is not None
    f.write_bytes(b"not arrow at all")
    assert snapshot.load(f) is None
    with Store.open(db) as store:
        same(store)  # rebuilt, not crashed
    assert snapshot.load(f) is not None


def test_a_copied_store_that_changed_apart_is_not_confused(db: Path, tmp_path: Path) -> None:
    """Two copies with the same number of changes since the copy: their stamps differ (random tag)."""
    other = tmp_path / "other.sqlite"
    shutil.copy(db, other)
    with Store.open(db) as a, Store.open(other) as b:
        a.map_frame()
        a.add_doc(doc("x1", event(GAZA)))
        b.add_doc(doc("x2", event(KYIV, etype="Protests")))
        a.map_frame()
        shutil.copy(snapshot.file_for(db), snapshot.file_for(other))  # a's snapshot beside b
        snapshot.forget(other)
        same(b)


def test_empty_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "e.sqlite") as store:
        df = store.map_frame(start=D, end=D, countries=["UA"])
        assert df.empty and list(df.columns) == list(snapshot.NAMES) and df.attrs["total"] == 0
        same(store)


def test_an_odd_store_does_not_crash_the_map_frame(db: Path) -> None:
    """Values no geomap writes (an unreadable date, text in a number column): the frame is still made."""
    raw = sqlite3.connect(db)
    raw.execute("UPDATE events SET date = 'someday', lat = 'north' WHERE id = (SELECT min(id) FROM events)")
    raw.execute("UPDATE events SET date_end = '9999-12-31', fatalities = 'many' "
                "WHERE id = (SELECT max(id) FROM events)")
    raw.commit()
    raw.close()
    with Store.open(db) as store:
        df = store.map_frame()
        assert len(df) == store.count_events() and df["date"].isna().sum() == 1 and df["lat"].isna().sum() == 1
        assert len(store.map_frame(start=date(2023, 1, 1), end=date(2023, 12, 31), countries=["UA"])) > 0


def test_a_v7_store_upgrades_and_its_old_events_are_in_the_frame(tmp_path: Path) -> None:
    """Events stored before the change log existed are in the first snapshot; later changes are logged."""
    path = tmp_path / "v7.sqlite"
    old_store(path, 7, {"place_id": "t:kyiv", "name": "Kyiv", "lat": 50.45, "lon": 30.52, "precision": "city",
                        "date": "2022-12-19", "date_end": "2022-12-19", "date_precision": "day",
                        "event_type": "Explosions/Remote violence", "article": 1,
                        "sentence": "Drones hit Kyiv on Monday.", "uid": "e123"})
    with Store.open(path) as store:
        assert list(store.map_frame()["uid"]) == ["e123"]
        same(store)
        store.add_doc(doc("new", event(GAZA)))
        assert len(store.map_frame()) == 2
        same(store)


def test_pages_text_by_id_equals_the_full_frame(base: Path) -> None:
    """What the app builds from the narrow frame (a table page, the panel's records, the filter options) is what it
    built from the full frame."""
    from geomap import filters, pagedata
    from geomap.store import FRAME_COLUMNS

    f = filters.Filters(countries=("UA", filters.NONE))
    with Store.open(base) as store:
        full = store.events_frame(**f.query_kwargs())
        every = store.events_frame()
    narrow = pagedata.map_events(base, f)
    page2 = pagedata.table_page(base, narrow, 2, per_page=10)
    pd.testing.assert_frame_equal(page2.reset_index(drop=True), full.iloc[10:20].reset_index(drop=True))
    assert list(pagedata.table_page(base, narrow, 99, per_page=10).columns) == FRAME_COLUMNS  # clamped: last page
    whole = pagedata.with_texts(base, narrow)[FRAME_COLUMNS]
    pd.testing.assert_frame_equal(whole, full)
    recs = pagedata.records_with_texts(base, narrow.head(3).to_dict("records"))
    assert [r["sentence"] for r in recs] == full["sentence"].head(3).tolist()
    assert pagedata.choices(base) == filters.choices(every)


def test_a_snapshot_older_than_the_log_is_rebuilt(db: Path) -> None:
    """The log is pruned (only the last million changes are kept): a snapshot whose entry is gone is rebuilt."""
    with Store.open(db) as store:
        store.map_frame()
        store.add_doc(doc("g1", event(GAZA)))
        store.conn.execute("DELETE FROM event_changes WHERE seq < (SELECT max(seq) FROM event_changes)")
        snapshot.forget(db)  # the file's snapshot now predates the log
        same(store)
        assert "t:gaza" in set(store.map_frame()["place_id"])


def test_option_frame_offers_the_full_frames_filter_options(db: Path) -> None:
    """The filter options from one row per distinct value equal those from every row, also after a merge left a
    value no event uses any more in the snapshot's dictionary."""
    from geomap import filters

    with Store.open(db) as store:
        def choices(df: pd.DataFrame) -> filters.Choices:
            return filters.choices(df, titles=store.event_article_titles())

        assert choices(store.option_frame()) == choices(store.map_frame())
        assert len(store.option_frame()) < len(store.map_frame())
        store.add_doc(doc("a-gaza", event(GAZA, etype="Protests", actors=("Gaza crowd",))))
        with_gaza = choices(store.option_frame())
        assert with_gaza == choices(store.map_frame()) and "Gaza crowd" in with_gaza.actors
        store.delete_article("a-gaza")
        assert choices(store.option_frame()) == choices(store.map_frame())
        assert "Gaza crowd" not in choices(store.option_frame()).actors
