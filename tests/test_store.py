"""The SQLite event store: idempotency, duplicate-event merge, filters, migrations, WAL readers, threads."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from conftest import old_store

from geomap.exceptions import InputError, StoreError
from geomap.export import EXPORT_COLUMNS, write_records
from geomap.ingest import IngestReport, ingest_articles, store_doc
from geomap.models import Article, Doc, Event, Mention, Place
from geomap.store import MIGRATIONS, SCHEMA_VERSION, Store, cell_of

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py: realistic generated articles)

KYIV = Place("t:kyiv", "Kyiv", 50.4501, 30.5234, "city", "UA", "Kyiv City", 2_800_000, 15.0)
KYIV_DUP = Place("t:kiev", "Kiev", 50.4547, 30.5238, "city", "UA", "Kyiv City", 2_800_000, 15.0)  # 0.5 km away
IRPIN = Place("t:irpin", "Irpin", 50.5218, 30.2506, "city", "UA", "Kyiv", 60_000, 3.0)  # ~21 km away
DONETSK_OBL = Place("t:donobl", "Donetsk Oblast", 48.0, 37.8, "region", "UA", "Donetsk", 4_000_000, 120.0)
LUHANSK_OBL = Place("t:luhobl", "Luhansk Oblast", 48.6, 39.0, "region", "UA", "Luhansk", 2_100_000, 110.0)
GAZA = Place("t:gaza", "Gaza City", 31.5017, 34.4668, "city", "PS", "Gaza", 410_000, 6.0)
D = date(2022, 12, 19)


def event(place: Place, d0: date = D, d1: date | None = None, etype: str = "Explosions/Remote violence",
          sentence: str = "", actors: tuple[str, ...] = ("Russian forces",), fatalities: int | None = None,
          precision: str = "day") -> Event:
    sentence = sentence or f"Drones hit {place.name} on Monday."
    return Event(place=place, place_text=place.name, date=d0, date_end=d1 or d0, date_precision=precision,
                 event_type=etype, sub_event_type="Air/drone strike", sentence=sentence, sentence_start=0,
                 place_start=sentence.index(place.name) if place.name in sentence else 0, actors=list(actors),
                 fatalities=fatalities, sentences=[sentence])


def doc(aid: str, *events: Event, text: str | None = None, published: date = D, title: str = "") -> Doc:
    text = text or " ".join(e.sentence for e in events) or f"Nothing happened ({aid})."
    art = Article(id=aid, published=published, text=text, title=title or f"Title {aid}",
                  url=f"https://example.org/{aid}", source="Test Wire", origin=f"{aid}.txt")
    mentions = []
    for e in events:
        j = text.find(e.place.name)
        if j >= 0:
            mentions.append(Mention(j, j + len(e.place.name), e.place.name, 0, e.place, "event"))
    mentions.append(Mention(0, 0, "", 0, None, "mention"))  # an unresolved mention is stored too
    return Doc(article=art, mentions=mentions, events=list(events))


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "sub" / "geomap.sqlite") as s:
        yield s


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, minus timestamps: to compare stores exactly."""
    c = sqlite3.connect(path)
    out = {}
    for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
        cols = [r[1] for r in c.execute(f"PRAGMA table_info({t})") if r[1] != "ingested_at"]
        out[t] = c.execute(f"SELECT {','.join(repr(x).replace(chr(39), chr(34)) for x in cols)} FROM {t} "
                           "ORDER BY 1, 2").fetchall()
    c.close()
    return out


def test_open_creates_folder_schema_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "g.sqlite"
    with Store.open(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.count_events() == 0 and s.count_articles() == 0 and s.date_span() is None
        assert s.events_frame().empty and list(s.events_frame().columns)[:3] == ["event_id", "place_id", "name"]


def test_add_doc_is_idempotent(store: Store) -> None:
    docs = generate.generate_docs(60, seed=3, gazetteer=False)
    first = IngestReport()
    for d in docs:
        store_doc(store, d, first)
    before = dump(store.path)
    again = IngestReport()
    for d in docs:
        store_doc(store, d, again)
    assert first.new > 50 and first.new + first.skipped == 60
    assert again.new == 0 and again.skipped == 60 and again.events == 0
    assert dump(store.path) == before
    # every article has exactly its mentions and events
    for d in docs[:10]:
        assert len(store.mentions_for(d.article.id)) == len(d.mentions)


def test_same_id_new_text_is_kept_under_a_distinct_id(store: Store) -> None:
    a, _, _ = store.add_doc(doc("x", event(KYIV)))
    b, _, _ = store.add_doc(doc("x", event(GAZA)))
    assert a == "x" and b is not None and b.startswith("x~")
    assert store.get_article(b).text != store.get_article(a).text
    assert store.count_articles() == 2


def test_merge_same_place_type_and_overlapping_dates(store: Store) -> None:
    store.add_doc(doc("a1", event(KYIV, fatalities=1, sentence="Drones hit Kyiv on Monday.")))
    _, new, merged = store.add_doc(doc("a2", event(KYIV, fatalities=3, actors=("Russian army",),
                                                   sentence="Kyiv was attacked by drones on Monday.")))
    assert (new, merged) == (0, 1)
    df = store.events_frame()
    assert len(df) == 1
    row = df.iloc[0]
    assert row.source_count == 2 and row.fatalities == 3 and row.actors == ["Russian forces", "Russian army"]
    assert row.article == "a1" and row.sentence == "Drones hit Kyiv on Monday."
    srcs = store.event_sources(int(row.event_id))
    assert [s["article"] for s in srcs] == ["a1", "a2"]
    assert srcs[1]["sentence"] == "Kyiv was attacked by drones on Monday."
    rec = next(store.event_records())
    assert rec["sentences"] == ["Drones hit Kyiv on Monday.", "Kyiv was attacked by drones on Monday."]
    assert rec["articles"] == ["a1", "a2"] and rec["source_count"] == 2


def test_merge_nearby_city_entry_but_not_a_neighbouring_town(store: Store) -> None:
    store.add_doc(doc("a1", event(KYIV)))
    store.add_doc(doc("a2", event(KYIV_DUP)))  # another gazetteer entry 0.5 km away: the same place
    store.add_doc(doc("a3", event(IRPIN)))  # 21 km away: a different town
    df = store.events_frame()
    assert sorted(df.source_count) == [1, 2]
    assert set(df.name) == {"Kyiv", "Irpin"}


def test_no_merge_across_types_dates_regions_or_within_one_article(store: Store) -> None:
    store.add_doc(doc("a1", event(KYIV)))
    store.add_doc(doc("a2", event(KYIV, etype="Battles", sentence="Fighting near Kyiv.")))
    store.add_doc(doc("a3", event(KYIV, d0=date(2022, 12, 25), sentence="Drones hit Kyiv on Sunday.")))
    store.add_doc(doc("a4", event(DONETSK_OBL, sentence="Shelling across Donetsk Oblast.")))
    store.add_doc(doc("a5", event(LUHANSK_OBL, sentence="Shelling across Luhansk Oblast.")))
    store.add_doc(doc("a6", event(DONETSK_OBL, sentence="Donetsk Oblast shelled again.")))
    # one article reporting two separate strikes on Kyiv the same day: the pipeline kept them apart
    store.add_doc(doc("a7", event(KYIV, sentence="Drones hit Kyiv at dawn."),
                      event(KYIV, sentence="Later, missiles hit Kyiv again.")))
    df = store.events_frame()
    counts = {(r.name, r.event_type, str(r.date.date())): r.source_count for r in df.itertuples()}
    assert counts[("Donetsk Oblast", "Explosions/Remote violence", "2022-12-19")] == 2
    assert counts[("Luhansk Oblast", "Explosions/Remote violence", "2022-12-19")] == 1
    assert counts[("Kyiv", "Battles", "2022-12-19")] == 1
    assert counts[("Kyiv", "Explosions/Remote violence", "2022-12-25")] == 1
    kyiv_strikes = df[(df.name == "Kyiv") & (df.event_type == "Explosions/Remote violence")
                      & (df.date == "2022-12-19")]
    # a1's event absorbed one of a7's two reports; the other stays its own event
    assert sorted(kyiv_strikes.source_count) == [1, 2]


def test_merge_narrows_a_month_report_to_the_day(store: Store) -> None:
    store.add_doc(doc("m", event(KYIV, date(2022, 12, 1), date(2022, 12, 31), precision="month",
                                 sentence="Kyiv was hit in December.")))
    store.add_doc(doc("d", event(KYIV, sentence="Drones hit Kyiv on Monday.")))
    (rec,) = list(store.event_records())
    assert (rec["date"], rec["date_end"], rec["date_precision"]) == ("2022-12-19", "2022-12-19", "day")


def test_events_frame_filters(store: Store) -> None:
    store.add_doc(doc("k", event(KYIV, sentence="Drones hit Kyiv, 100% of power out."), published=D))
    store.add_doc(doc("g", event(GAZA, date(2023, 10, 7), etype="Battles", actors=("Hamas", "Israeli forces"),
                                 sentence="Fighting in Gaza City."), published=date(2023, 10, 7)))
    store.add_doc(doc("r", event(DONETSK_OBL, date(2023, 1, 1), date(2023, 1, 31), precision="month",
                                 sentence="Shelling across Donetsk Oblast in January."), published=date(2023, 2, 1)))

    def names(**kw: object) -> list[str]:
        return list(store.events_frame(**kw)["name"])

    assert names() == ["Kyiv", "Donetsk Oblast", "Gaza City"]
    assert names(start=date(2023, 1, 15), end=date(2023, 1, 20)) == ["Donetsk Oblast"]  # range overlap
    assert names(start=date(2023, 2, 1)) == ["Gaza City"]
    assert names(end=date(2022, 12, 31)) == ["Kyiv"]
    assert names(event_types=["Battles"]) == ["Gaza City"]
    assert names(countries=["PS"]) == ["Gaza City"]
    assert names(actors=["Hamas"]) == ["Gaza City"]
    assert names(articles=["r"]) == ["Donetsk Oblast"]
    assert names(precisions=["region"]) == ["Donetsk Oblast"]
    assert names(text="100%") == ["Kyiv"]  # LIKE wildcards are literal
    assert names(text="gaza") == ["Gaza City"]
    assert names(event_types=[]) == []
    assert names(start=date(2022, 1, 1), end=date(2023, 12, 31), event_types=["Explosions/Remote violence"],
                 countries=["UA"]) == ["Kyiv", "Donetsk Oblast"]
    df = store.events_frame()
    assert str(df["date"].dtype).startswith("datetime64") and df["actors"].iloc[1] == ["Russian forces"]
    assert store.date_span() == (D, date(2023, 10, 7))
    arts = store.articles_frame()
    assert list(arts["id"]) == ["k", "r", "g"] and list(arts["n_events"]) == [1, 1, 1]


def test_export_formats_and_date_filters(store: Store) -> None:
    for d in generate.generate_docs(40, seed=5, gazetteer=False):
        store.add_doc(d)
    start, end = date(2023, 1, 1), date(2023, 12, 31)
    recs = list(store.event_records(start=start, end=end))
    assert recs and all(r["date"] <= "2023-12-31" and r["date_end"] >= "2023-01-01" for r in recs)
    assert len(recs) < store.count_events()
    out = io.StringIO()
    assert write_records(iter(recs), "csv", out) == len(recs)
    lines = out.getvalue().splitlines()
    assert lines[0].split(",") == EXPORT_COLUMNS and len(lines) == len(recs) + 1
    out = io.StringIO()
    write_records(iter(recs), "geojson", out)
    fc = json.loads(out.getvalue())
    assert len(fc["features"]) == len(recs)
    f0 = fc["features"][0]
    assert f0["geometry"]["coordinates"] == [recs[0]["lon"], recs[0]["lat"]]
    assert f0["properties"]["event_id"] == recs[0]["event_id"]


def test_ingest_articles_counts_errors_and_goes_on(store: Store) -> None:
    arts = generate.generate_articles(12, seed=7, gazetteer=False)
    bad = Article(id="bad", published=D, text="Shelling in Kyiv \x00 broken", origin="feed.csv:9")
    items = [arts[0], InputError("feed.csv", "missing 'published' date", 4, "published"), bad, *arts[1:]]
    seen: list[tuple[int, int]] = []
    report = ingest_articles(store, items, progress=lambda d, t, label: seen.append((d, t)),
                                   process=generate.keyword_process)
    assert report.new + report.skipped == 12 and report.new == store.count_articles()
    assert report.failed[0] == "feed.csv:4 [published]: missing 'published' date"
    assert report.failed[1].startswith("feed.csv:9: ValueError: NUL character")
    assert seen[-1] == (14, 14)
    again = ingest_articles(store, arts, process=generate.keyword_process)
    assert again.new == 0 and again.skipped == 12
    assert "0 new, 12 already stored, 0 failed" in again.summary()


#: The schema a version-1 geomap wrote, frozen here by hand: if someone edits MIGRATIONS[0] instead of appending a
#: migration, stores in the field no longer match it, and this copy keeps testing the real old layout.
V1_SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    ext_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL,
    text TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '',
    ingested_at TEXT NOT NULL,
    n_events INTEGER NOT NULL DEFAULT 0,
    n_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT,
    lat REAL,
    lon REAL,
    precision TEXT,
    country_code TEXT,
    place_id TEXT,
    role TEXT NOT NULL DEFAULT 'mention'
);
CREATE INDEX mentions_article ON mentions(article, start);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    precision TEXT NOT NULL,
    radius_km REAL NOT NULL DEFAULT 0,
    country_code TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL,
    date_end TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL DEFAULT '',
    actors TEXT NOT NULL DEFAULT '[]',
    fatalities INTEGER,
    article INTEGER NOT NULL REFERENCES articles(id),
    place TEXT NOT NULL DEFAULT '',
    sentence TEXT NOT NULL DEFAULT '',
    place_start INTEGER NOT NULL DEFAULT 0,
    source_count INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX events_date ON events(date, date_end);
CREATE INDEX events_type_date ON events(event_type, date);
CREATE INDEX events_country_date ON events(country_code, date);
CREATE INDEX events_place ON events(place_id, event_type, date);
CREATE INDEX events_article ON events(article);
CREATE TABLE event_sources (
    event INTEGER NOT NULL REFERENCES events(id),
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence TEXT NOT NULL,
    sentences TEXT NOT NULL DEFAULT '[]',
    place TEXT NOT NULL DEFAULT '',
    place_start INTEGER NOT NULL DEFAULT 0,
    date TEXT NOT NULL,
    date_end TEXT NOT NULL,
    sub_event_type TEXT NOT NULL DEFAULT '',
    actors TEXT NOT NULL DEFAULT '[]',
    fatalities INTEGER,
    PRIMARY KEY (event, article)
) WITHOUT ROWID;
CREATE INDEX event_sources_article ON event_sources(article);
"""


def _schema(c: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return sorted((t, n, " ".join(sql.split())) for t, n, sql in c.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"))


def test_migration_from_v1_keeps_data_and_backfills(tmp_path: Path) -> None:
    assert " ".join(MIGRATIONS[0].split()) == " ".join(V1_SCHEMA.split()), "MIGRATIONS[0] must never change"
    path = tmp_path / "old.sqlite"
    c = sqlite3.connect(path)
    c.executescript(V1_SCHEMA)  # exactly what a version-1 geomap created
    c.execute("INSERT INTO articles (hash, ext_id, published, text, ingested_at) VALUES ('h', 'old', "
              "'2022-12-19', 'Drones hit Kyiv on Monday.', '2022-12-20')")
    c.execute("INSERT INTO events (place_id, name, lat, lon, precision, date, date_end, date_precision, "
              "event_type, article, sentence) VALUES ('t:kyiv', 'Kyiv', 50.4501, 30.5234, 'city', '2022-12-19', "
              "'2022-12-19', 'day', 'Explosions/Remote violence', 1, 'Drones hit Kyiv on Monday.')")
    c.execute("INSERT INTO event_sources (event, article, sentence, date, date_end) VALUES "
              "(1, 1, 'Drones hit Kyiv on Monday.', '2022-12-19', '2022-12-19')")
    c.execute("PRAGMA user_version = 1")
    c.commit()
    c.close()
    with Store.open(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.conn.execute("SELECT cell FROM events").fetchone()[0] == cell_of(50.4501, 30.5234)
        assert list(s.events_frame()["article"]) == ["old"]
        # v3 backfill: a report whose dates are its event's takes the event's precision
        assert s.conn.execute("SELECT date_precision FROM event_sources").fetchall() == [("day",)]
        s.add_doc(doc("new", event(KYIV_DUP)))  # the migrated cell index finds the old event
        assert list(s.events_frame()["source_count"]) == [2]
        migrated = _schema(s.conn)
    with Store.open(tmp_path / "fresh.sqlite") as fresh:  # a migrated store has exactly a new store's schema
        assert migrated == _schema(fresh.conn)


def test_newer_or_foreign_files_are_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite"
    c = sqlite3.connect(newer)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    c.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(newer)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="junk.sqlite"):
        Store.open(junk)


def test_wal_reader_is_not_blocked_by_an_open_write(store: Store, tmp_path: Path) -> None:
    store.add_doc(doc("a1", event(KYIV)))
    writer = sqlite3.connect(store.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE events SET source_count = 99")
    writer.execute("INSERT INTO articles (hash, ext_id, published, text, ingested_at) "
                   "VALUES ('h2', 'pending', '2022-12-19', 't', 'now')")
    got: dict[str, object] = {}

    def read() -> None:
        # a reader with no patience: it would raise "database is locked" if WAL did not let it read
        with Store(store.path, busy_timeout_s=0) as r:
            got["n"] = r.count_articles()
            got["sc"] = list(r.events_frame()["source_count"])

    t = threading.Thread(target=read)
    t.start()
    t.join()
    writer.execute("COMMIT")
    writer.close()
    assert got == {"n": 1, "sc": [1]}  # the committed state, not the pending write
    assert store.count_articles() == 2


def test_store_shared_by_threads(store: Store) -> None:
    docs = generate.generate_docs(80, seed=11, gazetteer=False)
    errors: list[BaseException] = []
    reports = [IngestReport() for _ in range(4)]

    def work(k: int) -> None:
        try:
            for d in docs[k::4]:
                store_doc(store, d, reports[k])
                store.events_frame(countries=["UA"])
        except BaseException as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sum(r.new for r in reports) == store.count_articles()
    assert store.integrity_check() == "ok"
    total_sources = store.conn.execute("SELECT count(*) FROM event_sources").fetchone()[0]
    assert total_sources == sum(len(d.events) for d in docs if store.get_article(d.article.id))
    assert total_sources == store.conn.execute("SELECT sum(source_count) FROM events").fetchone()[0]


def test_connections_of_ended_threads_are_closed(store: Store) -> None:
    store.add_doc(doc("a1", event(KYIV)))
    for _ in range(5):  # like Streamlit reruns: each in a new thread
        t = threading.Thread(target=store.count_events)
        t.start()
        t.join()
    store.count_articles()  # a new thread's first use sweeps the dead ones
    t = threading.Thread(target=store.count_events)
    t.start()
    t.join()
    assert len(store._conns) <= 2


def test_a_bad_article_rolls_back_whole_and_the_rest_goes_on(store: Store) -> None:
    store.add_doc(doc("good1", event(KYIV)))
    before = dump(store.path)
    broken = doc("broken", event(GAZA), event(KYIV, sentence="Drones hit Kyiv again on Monday."))
    broken.events[1].place = None  # type: ignore[assignment]  # fails after the article, mentions, 1st event
    report = IngestReport()
    store_doc(store, broken, report)
    assert report.new == 0 and len(report.failed) == 1 and report.failed[0].startswith("broken.txt: AttributeError")
    assert dump(store.path) == before  # nothing of the broken article, nothing stored before it lost
    store_doc(store, doc("good2", event(KYIV_DUP)), report)
    assert report.new == 1 and report.merged == 1
    assert store.count_articles() == 2 and list(store.events_frame()["source_count"]) == [2]


def test_a_store_that_cannot_be_written_stops_with_a_clear_error(store: Store) -> None:
    store.add_doc(doc("good1", event(KYIV)))
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock past our patience
    try:
        with Store(store.path, busy_timeout_s=0.05) as impatient:
            with pytest.raises(StoreError, match="cannot write .*locked"):
                store_doc(impatient, doc("good2", event(GAZA)), IngestReport())
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.count_articles() == 1 and store.integrity_check() == "ok"


def _event_row(store: Store) -> tuple:
    return store.conn.execute("SELECT article, sentence, date, date_end, date_precision, actors, fatalities, "
                              "source_count FROM events").fetchone()


def test_replace_docs_withdraws_a_report_and_refolds_the_rest(store: Store) -> None:
    week = event(KYIV, D, date(2022, 12, 24), precision="week", actors=("Russian forces",), fatalities=1,
                 sentence="Drones hit Kyiv this week.")
    day = event(KYIV_DUP, D, actors=("Wagner Group",), fatalities=4, sentence="Drones hit Kiev on Monday.")
    store.add_doc(doc("a", week))
    store.add_doc(doc("b", day))
    merged = _event_row(store)
    assert merged[2:] == ("2022-12-19", "2022-12-19", "day", '["Russian forces", "Wagner Group"]', 4, 2)
    # b is corrected to no event at all: the event is a's alone again, as if b had never come
    b = store.get_article("b")
    assert store.replace_docs([Doc(article=b, mentions=[], events=[])]) == ["b"]
    assert _event_row(store)[1:] == ("Drones hit Kyiv this week.", "2022-12-19", "2022-12-24", "week",
                                     '["Russian forces"]', 1, 1)
    assert store.mentions_for("b") == [] and store.result_counts(["a", "b"]) == (1, 1)
    # b comes back and merges again; then a (the primary source) is withdrawn: b becomes primary
    assert store.replace_docs([doc("b", day)]) == ["b"]
    assert _event_row(store)[2:] == merged[2:]
    store.replace_docs([Doc(article=store.get_article("a"), mentions=[], events=[])])
    a_id, b_id = (store.conn.execute("SELECT id FROM articles WHERE ext_id = ?", (x,)).fetchone()[0] for x in "ab")
    assert _event_row(store) == (b_id, "Drones hit Kiev on Monday.", "2022-12-19", "2022-12-19", "day",
                                 '["Wagner Group"]', 4, 1)
    # the last report withdrawn: the event goes; an unknown article is passed over
    assert store.replace_docs([Doc(article=store.get_article("b"), mentions=[], events=[]), doc("zz")]) == ["b"]
    assert store.count_events() == 0 and store.count_articles() == 2
    assert store.integrity_check() == "ok"


def test_replace_docs_is_one_transaction(store: Store) -> None:
    store.add_doc(doc("a", event(KYIV)))
    store.add_doc(doc("b", event(GAZA)))
    before = dump(store.path)
    broken = doc("b", event(IRPIN), event(KYIV_DUP))
    broken.events[1].place = None  # type: ignore[assignment]  # fails after b's mentions and first event
    with pytest.raises(AttributeError):
        store.replace_docs([doc("a", event(IRPIN)), broken])
    assert dump(store.path) == before  # neither article changed, not even the one before the failure


def test_articles_and_mentions_containing_take_wildcards_literally(store: Store) -> None:
    store.add_doc(doc("a", event(KYIV), text="Drones hit Kyiv on Monday; 100% of lights_out."))
    store.add_doc(doc("b", event(GAZA)))
    assert store.articles_containing("  kyiv ") == ["a"]
    assert store.articles_containing("100%") == ["a"] and store.articles_containing("Kyiv_on") == []
    assert store.articles_containing(" ") == [] and store.mentions_containing("") == []
    assert [(m["text"], m["place_id"], m["role"]) for m in store.mentions_containing("kyi")] == [
        ("Kyiv", "t:kyiv", "event")]


def test_event_score_is_kept_folded_and_filtered(store: Store) -> None:
    sure, unsure = event(KYIV), event(GAZA, sentence="Drones hit Gaza City on Monday.")
    sure.event_score, unsure.event_score = 0.9, 0.5
    store.add_doc(doc("s1", sure, unsure))
    df = store.events_frame()
    assert dict(zip(df["name"], df["event_score"], strict=True)) == {"Kyiv": 0.9, "Gaza City": 0.5}
    assert list(store.events_frame(min_score=0.6)["name"]) == ["Kyiv"]
    better = event(GAZA, sentence="Gaza City was hit by drones on Monday.")
    better.event_score = 0.8
    store.add_doc(doc("s2", better))  # a second report of the Gaza event: the event keeps its best score
    assert set(store.events_frame(min_score=0.6)["name"]) == {"Kyiv", "Gaza City"}
    assert {r["name"]: r["event_score"] for r in store.event_records()}["Gaza City"] == 0.8


def test_migration_to_v4_scores_old_events_as_kept(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite"
    old_store(path, 3, {"place_id": "t:kyiv", "name": "Kyiv", "lat": 50.4501, "lon": 30.5234, "precision": "city",
                        "date": "2022-12-19", "date_end": "2022-12-19", "date_precision": "day",
                        "event_type": "Explosions/Remote violence", "article": 1,
                        "sentence": "Drones hit Kyiv on Monday."})
    with Store.open(path) as s:
        assert s.schema_version == SCHEMA_VERSION >= 4
        assert list(s.events_frame(min_score=0.99)["event_score"]) == [1.0]
