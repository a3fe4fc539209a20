"""Opening a store file safely: is this SQLite file geomap's (checked read-only before the store touches it), the
connection settings every store uses, and the one write-transaction form.

`--db` may point at anything: another application's database, a typo, a damaged copy. Opening it the usual way
switches it to WAL, creates geomap's tables and sets `user_version`, i.e. modifies someone else's data. So the file
is inspected first through a read-only connection, and only these are opened for writing:
- a file marked with geomap's `application_id` (set on every store geomap writes);
- an unmarked file holding geomap's tables with a geomap schema version (stores made before the marker existed);
- an empty file (0 bytes or no tables), which geomap then initialises.
A missing file is created only when the caller asks (`geomap ingest`, the app); `export` says "no store at PATH".
A store that cannot be written (a read-only file, folder or file system) is opened read-only: it can be shown and
exported, and a write says "read-only" instead of failing to open.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from geomap.exceptions import StoreError

#: SQLite header field `application_id` of geomap stores: "geoM" in ASCII.
APPLICATION_ID = 0x67656F4D
#: Tables every geomap store has had since schema version 1.
GEOMAP_TABLES = frozenset({"articles", "mentions", "events", "event_sources"})


def check_store_file(path: Path, create: bool) -> None:
    """Raise StoreError (one line naming `path` and what to do) unless `path` is a geomap store, an empty file, or
    missing with `create` set."""
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path}: check --db / GEOMAP_DB (`geomap ingest` creates a new store)")
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file: pass a file name with --db / GEOMAP_DB")
    if path.stat().st_size == 0:
        return
    try:
        with closing(_read_only(path, 5.0)) as c:
            app_id = c.execute("PRAGMA application_id").fetchone()[0]
            version = c.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a geomap store, or damaged ({exc}); restore it from a backup or pass "
                         "another file with --db / GEOMAP_DB") from None
    if app_id == APPLICATION_ID or (app_id == 0 and not tables):
        return
    if app_id == 0 and version >= 1 and GEOMAP_TABLES <= tables:
        return
    raise StoreError(f"{path} is another application's SQLite database (tables: {', '.join(sorted(tables))[:80]}); "
                     "geomap leaves it untouched: pass a geomap store with --db / GEOMAP_DB")


def mark(c: sqlite3.Connection) -> None:
    """Stamp a store as geomap's (stores from before the marker get it on their next writable open)."""
    try:
        if c.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except sqlite3.OperationalError:
        pass  # busy or read-only: the tables already say it is geomap's, the marker can wait for the next open


def is_read_only(path: Path) -> bool:
    """An existing store this process cannot write (SQLite also needs to create -wal/-shm files beside it)."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def connect(path: Path, timeout_s: float, read_only: bool) -> sqlite3.Connection:
    """A connection in geomap's settings; read-only stores are opened with mode=ro, and, when SQLite cannot even
    keep its shared-memory file beside them, as immutable (nobody can be writing to a read-only folder)."""
    if not read_only:
        c = sqlite3.connect(path, timeout=timeout_s, isolation_level=None, check_same_thread=False)
        c.execute("PRAGMA journal_mode=WAL")
        c.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a process crash never corrupts or tears
    else:
        c = _read_only(path, timeout_s)
    c.execute("PRAGMA foreign_keys=ON")
    c.execute("PRAGMA cache_size=-65536")  # 64 MB page cache for the app's filter queries
    return c


def _read_only(path: Path, timeout_s: float) -> sqlite3.Connection:
    """mode=ro; a WAL store in a folder SQLite cannot write needs immutable=1 (it cannot make its -shm file)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    c = sqlite3.connect(uri, uri=True, timeout=timeout_s, isolation_level=None, check_same_thread=False)
    try:
        c.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        if not is_read_only(path):
            raise
        c.close()
        c = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=timeout_s, isolation_level=None,
                            check_same_thread=False)
    return c


@contextmanager
def transaction(c: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed when the block ends, rolled back on any error (even KeyboardInterrupt), so
    a killed ingest never leaves half an article."""
    c.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        try:
            c.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise
    c.execute("COMMIT")
