"""geomap.follow: the store's counts file an open map page polls, kept current by one thread per store."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from test_app import KHARKIV, _event, make_store

from geomap import follow
from geomap.mapview import KEEP_PAYLOADS, event_payload, write_payload
from geomap.models import Article, Doc
from geomap.store import Store


def add_article(db: Path, n: int) -> None:
    text = f"Shelling hit Kharkiv again, report {n}."
    day = date(2022, 12, 10 + n)  # one report a day: two of one day would be one event with two sources
    art = Article(id=f"new{n}", published=day, text=text, title=f"New {n}")
    with Store.open(db) as store:
        store.add_doc(Doc(article=art, events=[_event(KHARKIV, day, "Battles", text)]))


def wait_for(path: Path, text: str, timeout_s: float = 10.0) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            break
        time.sleep(0.02)
    return path.read_text(encoding="utf-8")


def test_the_counts_file_holds_events_and_articles_and_is_one_per_store(tmp_path):
    db, other = make_store(tmp_path / "a.sqlite"), make_store(tmp_path / "b.sqlite")
    folder = tmp_path / "payloads"
    assert follow.write_counts(db, folder) == "5 3"
    assert (folder / follow.counts_file(db)).read_text(encoding="utf-8") == "5 3"
    assert follow.counts_file(db) != follow.counts_file(other)
    assert follow.counts_file(db) == follow.counts_file(tmp_path / "." / "a.sqlite")  # one store, one file


def test_the_payload_folders_rotation_leaves_the_counts_file_alone(tmp_path):
    db, folder = make_store(tmp_path / "a.sqlite"), tmp_path / "payloads"
    follow.write_counts(db, folder)
    with Store.open(db) as store:
        row = event_payload(store.events_frame().head(1))[0]
    for i in range(KEEP_PAYLOADS + 3):  # payloads of distinct content: one file each
        write_payload([[f"{i}", *row[1:]]], folder)
    assert len(list(folder.glob("*.json"))) == KEEP_PAYLOADS
    assert (folder / follow.counts_file(db)).is_file()


def test_the_watch_thread_writes_new_counts_and_ends_with_its_store(tmp_path):
    db, folder = make_store(tmp_path / "a.sqlite"), tmp_path / "payloads"
    assert follow.follow(db, folder, every=0.05) == "5 3"
    watch = follow._WATCHES[(str(db.resolve()), str(folder.resolve()))]
    assert watch.is_alive()
    assert follow.follow(db, folder, every=0.05) == "5 3"  # a second page run: the same thread
    assert follow._WATCHES[(str(db.resolve()), str(folder.resolve()))] is watch
    add_article(db, 1)  # another process's ingest, as far as the thread can tell
    assert wait_for(folder / follow.counts_file(db), "6 4") == "6 4"
    add_article(db, 2)
    assert wait_for(folder / follow.counts_file(db), "7 5") == "7 5"
    for p in tmp_path.glob("a.sqlite*"):
        p.unlink()
    watch.join(timeout=5)
    assert not watch.is_alive()


def test_a_stopped_watch_is_started_again_by_the_next_page_run(tmp_path):
    db, folder = make_store(tmp_path / "a.sqlite"), tmp_path / "payloads"
    follow.follow(db, folder, every=0.05)
    key = (str(db.resolve()), str(folder.resolve()))
    first = follow._WATCHES[key]
    first.stop()
    first.join(timeout=5)
    follow.follow(db, folder, every=0.05)
    assert follow._WATCHES[key] is not first and follow._WATCHES[key].is_alive()
    follow._WATCHES[key].stop()


def test_a_folder_that_cannot_be_written_leaves_the_page_its_counts(tmp_path):
    db, folder = make_store(tmp_path / "a.sqlite"), tmp_path / "not-a-folder"
    folder.write_text("a file where the payload folder should be", encoding="utf-8")
    assert follow.follow(db, folder) == "5 3"


def test_new_events_counts_only_what_was_added_since_a_look():
    assert follow.new_events(None, "7 5") == 0  # a first look: nothing is news
    assert follow.new_events("5 3", "7 5") == 2
    assert follow.new_events("7 5", "6 5") == -1  # an article deleted: not news either (the page shows no toast)
