"""Stable event ids: made from the article and the span, they survive a gazetteer correction, a re-ingest into
another store and the v5 -> v6 migration; the export's event_id_cnty is that id."""

from __future__ import annotations

import sqlite3
from datetime import date

from test_corrections import tiny_gazetteer

from geomap.articles import from_text
from geomap.corrections import reapply
from geomap.export import acled_row
from geomap.gazetteer import Gazetteer, add_override
from geomap.ingest import ingest_articles
from geomap.store import SCHEMA_VERSION, Store, event_uid

TEXT = "Russian shelling hit Zorvyanka on Tuesday, killing two civilians, the governor said."


def _moved_store(tmp_path):
    db = tmp_path / "s.sqlite"
    with Store.open(db) as store:
        ingest_articles(store, [from_text(TEXT, date(2022, 11, 10), title="t")])
    return db


def test_a_correction_moves_the_event_but_keeps_its_id(tmp_path):
    db = _moved_store(tmp_path)
    ov, gaz_csv = tmp_path / "ov.csv", tiny_gazetteer(tmp_path)
    uids, rows = [], []
    for lat, lon in ((47.1, 35.2), (48.3, 33.4)):
        add_override("Zorvyanka", lat, lon, kind="city", country="UA", path=ov)
        reapply(db, "Zorvyanka", gazetteer=Gazetteer.load(gaz_csv, ov, use_cache=False))
        with Store.open(db) as store:
            df = store.events_frame(text="Zorvyanka")
            rows.append(int(df["event_id"].iloc[0]))
            uids.append(df["uid"].iloc[0])
            assert (df["lat"].iloc[0], df["lon"].iloc[0]) == (lat, lon)
            art_hash = store.conn.execute("SELECT hash FROM articles WHERE title = 't'").fetchone()[0]
            rec = next(store.event_records(text="Zorvyanka"))
            # a later event: the corrected one comes back under a new row number
            ingest_articles(store, [from_text("Missiles struck Kharkiv on Monday.", date(2022, 11, 10))])
    assert rows[0] != rows[1], "the correction re-creates the row (a new row number)"
    assert uids[0] == uids[1] == event_uid(art_hash, TEXT, TEXT.index("Zorvyanka"), "Zorvyanka")
    assert acled_row(rec)["event_id_cnty"] == uids[1]


def test_the_same_article_in_another_store_gets_the_same_ids(tmp_path):
    arts = [from_text("Missiles struck Kharkiv on Monday.\n\nDrones hit Odesa on Sunday.", date(2022, 11, 10))]
    ids = []
    for name in ("a", "b"):
        with Store.open(tmp_path / f"{name}.sqlite") as store:
            if name == "b":  # another article first: different row numbers
                ingest_articles(store, [from_text("Shelling hit Kherson on Friday.", date(2022, 11, 1))])
            ingest_articles(store, arts)
            df = store.events_frame(articles=[arts[0].id])
            ids.append(sorted(df["uid"]))
    assert len(ids[0]) == 2 and ids[0] == ids[1]


def test_a_v5_store_migrates_to_stable_ids(tmp_path):
    db = _moved_store(tmp_path)
    with Store.open(db) as store:
        ingest_articles(store, [from_text("Missiles struck Kharkiv on Monday.", date(2022, 11, 10))])
        before = store.events_frame()[["event_id", "uid"]]
    assert len(before) >= 1 and before["uid"].str.startswith("e").all()
    c = sqlite3.connect(db)  # what a v5 geomap left: no uid column
    c.execute("DROP INDEX events_uid")
    c.execute("ALTER TABLE events DROP COLUMN uid")
    c.execute("DROP TABLE overlays")  # v7's, made after v6
    for t in ("insert", "update", "delete"):  # v8's change log
        c.execute(f"DROP TRIGGER events_changed_{t}")
    c.execute("DROP TABLE event_changes")
    c.execute("PRAGMA user_version = 5")
    c.commit()
    c.close()
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION >= 6
        after = store.events_frame()[["event_id", "uid"]]
    assert after.equals(before)
