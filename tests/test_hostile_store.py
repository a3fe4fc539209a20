"""Issue 12, rows 2, 3, 4, 7 and 12: damaged and foreign stores, hostile uploads and inputs never end in a traceback,
and never modify what is not geomap's."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import make_store

from geomap import appstate, cli
from geomap.exceptions import InputError, StoreError
from geomap.store import Store

ROOT = Path(__file__).resolve().parents[1]
GOOD = b"date 2022-11-02\n\nRussian missiles struck Kharkiv on Tuesday, killing two civilians, officials said.\n"


def geomap(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geomap", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def _no_traceback(res: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout, res.stderr[-2000:]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_store(path: Path) -> Path:
    """A real store whose pages after the schema page are overwritten: it opens, then fails mid-query."""
    make_store(path)
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        c.execute("PRAGMA journal_mode=DELETE")
        page = c.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[page:] = bytes([0x5A]) * (len(data) - page)
    path.write_bytes(bytes(data))
    return path


def foreign_store(path: Path, tables: str = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)") -> Path:
    with sqlite3.connect(path) as c:
        c.executescript(tables + "; INSERT INTO " + tables.split()[2] + " (id) VALUES (1);")
    return path


# ---- row 2: a damaged store ----

def test_export_and_ingest_of_a_damaged_store_give_one_line_and_a_failure_status(tmp_path):
    db = damaged_store(tmp_path / "bad.sqlite")
    out = tmp_path / "out.csv"
    out.write_text("previous export\n")
    for args in (["export", "--db", str(db), "-o", str(out)], ["ingest", "--db", str(db), "--quiet",
                                                                str(ROOT / "data" / "articles")]):
        res = geomap(*args)
        _no_traceback(res)
        assert res.returncode != 0 and str(db) in res.stderr and "damaged" in res.stderr
    assert out.read_text() == "previous export\n"  # the old export survives a failed one
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("page", ["app.py", "pages/1_Articles.py", "pages/2_Data.py"])
@pytest.mark.parametrize("damage", ["mid-file", "header", "schema v99"])
def test_pages_show_a_message_for_a_damaged_store(tmp_path, monkeypatch, page, damage):
    db = tmp_path / "bad.sqlite"
    if damage == "mid-file":
        damaged_store(db)
    elif damage == "header":
        db.write_bytes(b"this is not SQLite" * 100)
    else:
        make_store(db)
        with sqlite3.connect(db) as c:
            c.execute("PRAGMA user_version = 99")
    monkeypatch.setenv("GEOMAP_DB", str(db))
    at = AppTest.from_file(str(ROOT / page))
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    assert any(str(db) in e.value for e in at.error), [e.value for e in at.error]


# ---- row 3: another application's SQLite file, a typo ----

@pytest.mark.parametrize("tables", ["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                                    "CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)"])
def test_a_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path, tables):
    db = foreign_store(tmp_path / "other.sqlite", tables)
    before = _digest(db)
    for args in (["export", "--db", str(db)], ["ingest", "--db", str(db), "--quiet", str(ROOT / "data" / "articles")]):
        res = geomap(*args)
        _no_traceback(res)
        assert res.returncode == 2 and "another application" in res.stderr
    assert _digest(db) == before
    assert not Path(str(db) + "-wal").exists()


def test_export_from_a_missing_store_says_so_and_creates_nothing(tmp_path):
    typo = tmp_path / "geomap.sqlitee"
    res = geomap("export", "--db", str(typo))
    _no_traceback(res)
    assert res.returncode == 2 and f"no store at {typo}" in res.stderr
    assert not typo.exists()


def test_a_geomap_store_is_marked_and_still_opens(tmp_path):
    db = make_store(tmp_path / "s.sqlite")
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA application_id").fetchone()[0] != 0
    with Store.open(db, create=False) as store:
        assert store.count_articles() == 3
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "missing.sqlite", create=False)


# ---- row 4: an upload name longer than the file system takes ----

def test_an_upload_with_a_very_long_name_is_ingested_with_the_rest(tmp_path):
    long_name = "Російські ракети вдарили по Харкову " * 5 + ".txt"  # 185 characters, over 300 bytes
    assert len(long_name.encode()) > 255
    other = GOOD.replace(b"Kharkiv", b"Kherson")
    res = appstate.ingest_uploads(tmp_path / "u.sqlite", [(long_name, GOOD), ("next.txt", other)])
    assert [r.status for r in res] == ["new", "new"]
    assert len(res[0].name.encode()) <= 255 and res[0].name.endswith(".txt")


# ---- row 7: hostile values in articles, an unreachable scheduler, a full disk ----

@pytest.mark.parametrize("body", ["A strike killing " + "9" * 5000 + " people hit Kharkiv on Monday.",
                                  "Missiles hit Kharkiv on " + "2022-12-01 " * 3000 + "officials said."])
def test_extract_survives_huge_numbers_and_date_runs(tmp_path, body):
    f = tmp_path / "hostile.txt"
    f.write_text(f"date 2022-12-19\n\n{body}\n", encoding="utf-8")
    res = geomap("extract", str(f))
    _no_traceback(res)
    assert res.returncode == 0


@pytest.mark.parametrize("when", ["0001-01-01", "9999-12-31"])
def test_extreme_publication_dates_are_refused_with_a_message(tmp_path, when):
    f = tmp_path / "edge.txt"
    f.write_text(f"date {when}\n\nRussian missiles struck Kharkiv next week, killing two people.\n")
    res = geomap("geoparse", str(f))
    _no_traceback(res)
    assert res.returncode == 1 and f"{f}:1 [date]" in res.stderr and when in res.stderr


def test_an_unreachable_dask_scheduler_is_one_line(tmp_path):
    res = geomap("ingest", "--db", str(tmp_path / "d.sqlite"), "--engine", "dask", "--scheduler",
                 "tcp://127.0.0.1:9", "--quiet", str(ROOT / "data" / "articles"))
    _no_traceback(res)
    assert res.returncode == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in res.stderr


def test_export_to_a_full_disk_leaves_no_partial_file(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("the previous export\n")

    def write(out) -> int:
        out.write("event_id,date\n" * 1000)
        out.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(InputError, match="No space left on device; nothing was written"):
        cli._write_atomically(target, write)
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


# ---- row 12 ----

def test_generate_help_prints_usage():
    res = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--help"], capture_output=True,
                         text=True, timeout=60)
    assert res.returncode == 0 and res.stdout.startswith("usage:") and "Traceback" not in res.stderr


# ---- real read-only folders and full disks, in a private mount namespace (skipped where that is not allowed) ----

def _in_mount_namespace(script: str) -> subprocess.CompletedProcess:
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no private mount namespace here (unshare -m): cannot make a read-only folder or a full disk")
    return subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_a_store_in_a_read_only_folder_can_be_exported(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = make_store(folder / "s.sqlite")  # left in WAL mode with its -wal/-shm files, as a live store is
    before = _digest(db)
    out = tmp_path / "events.csv"
    res = _in_mount_namespace(f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
                              f"{sys.executable} -m geomap export --db {db} -o {out} && "
                              f"{sys.executable} -m geomap ingest --db {db} --quiet {ROOT / 'data' / 'articles'}")
    _no_traceback(res)
    assert out.read_text().count("\n") == 6  # header + the 5 stored events
    assert res.returncode == 2 and "read-only" in res.stderr  # the ingest after it: one clear line
    assert _digest(db) == before


def test_export_to_a_really_full_disk_leaves_nothing_behind(tmp_path):
    db = make_store(tmp_path / "s.sqlite")
    disk = tmp_path / "disk"
    disk.mkdir()
    res = _in_mount_namespace(f"mount -t tmpfs -o size=64k tmpfs {disk} && "
                              f"(dd if=/dev/zero of={disk}/fill bs=4k count=64 2>/dev/null; true) && "
                              f"{sys.executable} -m geomap export --db {db} -o {disk}/events.csv; rc=$?; "
                              f"ls -A {disk}; exit $rc")
    _no_traceback(res)
    assert res.returncode == 2 and "No space left on device" in res.stderr
    assert res.stdout.split() == ["fill"]  # neither a truncated events.csv nor a temporary file
