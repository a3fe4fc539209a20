"""Deleting an article (issue 14): its mentions and events go, and merges with other articles are undone, so the
store ends as if the article had never been ingested. Real SQLite stores; the CLI runs the real pipeline."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from test_store import GAZA, IRPIN, KYIV, KYIV_DUP, D, doc, dump, event

from geomap.store import DeletedArticle, Store

ROOT = Path(__file__).resolve().parents[1]
#: An event row as a reader sees it, without the row ids (they differ between two stores).
EVENT_FIELDS = ("place_id", "name", "lat", "lon", "precision", "date", "date_end", "date_precision", "event_type",
                "sub_event_type", "actors", "fatalities", "place", "sentence", "place_start", "source_count",
                "event_score", "cell")

WEEK = event(KYIV, D, date(2022, 12, 24), precision="week", actors=("Russian forces",), fatalities=1,
             sentence="Drones hit Kyiv this week.")
DAY = event(KYIV_DUP, D, actors=("Wagner Group",), fatalities=4, sentence="Drones hit Kiev on Monday.")
OTHER = event(GAZA, sentence="Drones hit Gaza City on Monday.")


def events(store: Store) -> list[tuple]:
    """Every event's reader-visible fields and its reporting articles, in date order."""
    rows = store.conn.execute(f"SELECT id, {', '.join(EVENT_FIELDS)} FROM events ORDER BY date, name").fetchall()
    return [(*r[1:], tuple(s["article"] for s in store.event_sources(r[0]))) for r in rows]


def uids(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT uid FROM events ORDER BY date, name")]


def consistent(store: Store) -> None:
    """No orphan: foreign keys hold, every event has exactly source_count reports, the store is intact."""
    c = store.conn
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    assert c.execute("SELECT count(*) FROM events e WHERE e.source_count != "
                     "(SELECT count(*) FROM event_sources s WHERE s.event = e.id)").fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s "
                     "WHERE s.event = e.id AND s.article = e.article)").fetchone()[0] == 0
    assert store.integrity_check() == "ok"


def test_deleting_the_first_of_two_reports_leaves_the_event_as_the_second_alone(tmp_path: Path) -> None:
    with Store.open(tmp_path / "both.sqlite") as both, Store.open(tmp_path / "only_b.sqlite") as only_b:
        both.add_doc(doc("a", WEEK, OTHER))
        both.add_doc(doc("b", DAY))
        only_b.add_doc(doc("b", DAY))
        merged = events(both)
        assert [e[-1] for e in merged] == [("a",), ("a", "b")]  # Gaza is a's alone; the Kyiv event merged both
        kyiv_uid = uids(both)[1]

        assert both.delete_article("a") == DeletedArticle(events_removed=1, events_kept=1)

        (kyiv,) = events(both)
        (expected,) = events(only_b)
        # dates, actors, fatalities, count and sources as b reported them, not narrowed or united by a's report
        assert kyiv[5:] == expected[5:]
        assert kyiv[5:8] == ("2022-12-19", "2022-12-19", "day") and kyiv[10:12] == ('["Wagner Group"]', 4)
        # the event keeps its place (within the merge tolerance of b's) and its uid: links to it survive
        assert kyiv[:5] == merged[1][:5] and uids(both) == [kyiv_uid]
        rec = next(both.event_records())
        assert rec["articles"] == ["b"] and rec["sentences"] == ["Drones hit Kiev on Monday."]
        assert both.get_article("a") is None and both.mentions_for("a") == [] and both.count_articles() == 1
        assert both.result_counts(["a"]) == (0, 0) and both.result_counts(["b"]) == (1, 1)
        consistent(both)


def test_deleting_the_later_report_restores_the_first_exactly(tmp_path: Path) -> None:
    with Store.open(tmp_path / "both.sqlite") as both, Store.open(tmp_path / "only_a.sqlite") as only_a:
        both.add_doc(doc("a", WEEK))
        both.add_doc(doc("b", DAY))
        both.add_doc(doc("c", event(IRPIN, sentence="Drones hit Irpin on Monday.")))  # not merged: stays as it is
        only_a.add_doc(doc("a", WEEK))
        only_a.add_doc(doc("c", event(IRPIN, sentence="Drones hit Irpin on Monday.")))
        assert both.delete_article("b") == DeletedArticle(events_removed=0, events_kept=1)
        assert events(both) == events(only_a) and uids(both) == uids(only_a)
        consistent(both)


def test_deleting_every_reporter_removes_the_event_and_an_unknown_id_changes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "g.sqlite") as store:
        store.add_doc(doc("a", WEEK))
        store.add_doc(doc("b", DAY))
        # a followed source's item that led to article b: the item stays known (not fetched again), unlinked
        store.conn.execute("INSERT INTO sources (url, name, added_at) VALUES ('https://x.test/feed', 'x', 'now')")
        store.conn.execute("INSERT INTO source_items (source, item_key, article, fetched_at) VALUES "
                           "(1, 'item-b', (SELECT id FROM articles WHERE ext_id = 'b'), 'now')")
        before = dump(store.path)
        assert store.delete_article("nope") is None
        assert dump(store.path) == before
        assert store.delete_article("b") == DeletedArticle(0, 1)
        assert store.delete_article("a") == DeletedArticle(1, 0)
        assert store.count_events() == store.count_articles() == 0
        assert store.conn.execute("SELECT count(*) FROM event_sources").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0
        assert store.conn.execute("SELECT item_key, article FROM source_items").fetchall() == [("item-b", None)]
        consistent(store)


def test_a_failed_delete_changes_nothing(tmp_path: Path) -> None:
    """The delete is one transaction: a failure midway (here an event refusing to go) leaves the store whole."""
    with Store.open(tmp_path / "g.sqlite") as store:
        store.add_doc(doc("a", WEEK, OTHER))
        store.add_doc(doc("b", DAY))
        before = dump(store.path)
        store.conn.execute("CREATE TEMP TRIGGER keep BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'kept'); END")
        try:
            store.delete_article("a")
        except sqlite3.IntegrityError as exc:
            assert "kept" in str(exc)
        else:
            raise AssertionError("the trigger should have stopped the delete")
        store.conn.execute("DROP TRIGGER keep")
        assert dump(store.path) == before


def _geomap(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geomap", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_cli_articles_list_and_delete_undo_a_merge(tmp_path: Path) -> None:
    """Two wires report the same drone strike on Kharkiv (merged by the real pipeline and store); deleting one
    leaves the strike with the other's report only, and its own other event goes."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire_a.txt").write_text("date 2024-03-04\nRussian drones struck Kharkiv on Monday, killing two "
                                       "people, the regional governor said.\n", encoding="utf-8")
    (folder / "wire_b.txt").write_text("date 2024-03-04\nTwo people were killed when Russian drones hit Kharkiv "
                                       "on Monday, officials said. Separately, shelling hit Kherson on Sunday.\n",
                                       encoding="utf-8")
    db = str(tmp_path / "g.sqlite")
    r = _geomap("ingest", str(folder), "--db", db, "--quiet")
    assert r.returncode == 0 and "1 merged" in r.stdout, r.stdout + r.stderr
    listed = [json.loads(x) for x in _geomap("articles", "list", "--db", db, "--format", "json").stdout.splitlines()]
    assert [(a["id"], a["published"], a["n_events"]) for a in listed] == [("wire_a", "2024-03-04", 1),
                                                                          ("wire_b", "2024-03-04", 2)]
    with Store.open(db) as store:
        kharkiv = {r["name"]: r for r in store.event_records()}["Kharkiv"]
        assert kharkiv["articles"] == ["wire_a", "wire_b"] and kharkiv["source_count"] == 2

    r = _geomap("articles", "delete", "wire_b", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "deleted article wire_b: 1 events removed, 1 kept" in r.stderr
    with Store.open(db) as store:
        recs = list(store.event_records())
        assert [(x["name"], x["articles"], x["source_count"]) for x in recs] == [("Kharkiv", ["wire_a"], 1)]
        assert recs[0]["uid"] == kharkiv["uid"] and store.count_articles() == 1
        consistent(store)

    r = _geomap("articles", "delete", "wire_b", "--db", db)
    assert r.returncode == 1 and "no stored article 'wire_b'" in r.stderr
    assert _geomap("articles", "list", "--db", db).stdout.split("\t")[:3] == ["wire_a", "2024-03-04", "1"]
