"""The `Store`: one SQLite file in WAL mode with a connection per thread, migrated on open.

Why one connection per thread: Streamlit runs each session (and each rerun) in its own thread, and a SQLite
connection must not be shared across threads mid-transaction. Writes are serialised by SQLite's lock; reads never
wait for them (WAL).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from geomap.exceptions import StoreError
from geomap.store.connection import check_store_file, connect, is_read_only
from geomap.store.merge import cell_of
from geomap.store.overlays import Overlays
from geomap.store.queries import Queries
from geomap.store.schema import event_uid, migrate
from geomap.store.writes import Writes


class Store(Writes, Queries, Overlays):
    """A geomap SQLite store. Thread-safe: each thread gets its own connection (Streamlit runs each session in its
    own thread); writes are serialised by SQLite's lock, reads never wait for them (WAL)."""

    def __init__(self, path: str | Path, busy_timeout_s: float = 60.0, create: bool = True):
        self.path = Path(path)
        check_store_file(self.path, create)  # never modify a file that is not geomap's
        self.read_only = is_read_only(self.path)
        self.busy_timeout_s = busy_timeout_s
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        self._owners: dict[int, sqlite3.Connection] = {}
        self._lock = threading.Lock()
        self._closed = False
        try:
            if not self.read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the folder: {exc.strerror or exc}") from None
        migrate(self.conn, self.path, self.read_only)

    # context-manager form used by the CLI: `with Store.open(path) as store:`
    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> Store:
        """The store at `path`; with create=False a missing file is an error instead of a new empty store."""
        return cls(path, create=create)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            for c in self._conns:
                try:
                    c.execute("PRAGMA optimize")  # keeps the planner's statistics fresh as the store grows
                    c.close()
                except sqlite3.Error:
                    pass
            self._conns.clear()
            self._owners.clear()
            self._closed = True
        self._local = threading.local()

    @property
    def conn(self) -> sqlite3.Connection:  # type: ignore[override]  # the mixins declare it; here it is made
        """This thread's connection (opened on first use)."""
        c = getattr(self._local, "conn", None)
        if c is None:
            c = self._open_connection()
            self._local.conn = c
            self._adopt(c)
        return c

    def _open_connection(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError(f"{self.path}: store is closed")
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly one article.
            c = connect(self.path, self.busy_timeout_s, self.read_only)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a geomap store or unreadable: {exc}") from None
        c.create_function("geomap_cell", 2, cell_of, deterministic=True)
        c.create_function("geomap_uid", 4, event_uid, deterministic=True)
        return c

    def _adopt(self, c: sqlite3.Connection) -> None:
        """Track this thread's new connection, and close those of threads that have ended (Streamlit runs each
        rerun in a new thread)."""
        with self._lock:
            me = threading.get_ident()  # a thread id can be reused by a new thread: its old connection is dead
            alive = {t.ident for t in threading.enumerate()} - {me}
            for ident in [i for i in self._owners if i not in alive]:
                old = self._owners.pop(ident)
                self._conns.remove(old)
                old.close()
            self._conns.append(c)
            self._owners[me] = c

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]
