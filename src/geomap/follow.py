"""How an open map page learns that new events arrived (from `geomap watch`, another tab's upload, the CLI).

Why not a Streamlit fragment that reruns every few seconds: each such rerun costs the browser a 50-170 ms task,
which is a visible stall while the user scrolls the feed (issue 14, benchmarks/notes_map_speed.md). Instead one
thread per store in the server keeps the store's counts in a small text file in the map's payload folder, and the
map's own JS (static/map.js `geomap.followStore`) fetches that file every few seconds. Only when the counts differ
from the ones the page was drawn with does the map press the page's hidden button that reruns it. A look is two
stat() calls while the store is unchanged (pagedata.store_version).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

#: How often the server looks at the store, and the map at the counts file (seconds).
REFRESH_S = 5.0
#: The counts file's suffix: not `.json`, the payload files' own, which the payload folder rotates away.
SUFFIX = ".counts.txt"

_WATCHES: dict[tuple[str, str], StoreWatch] = {}
_LOCK = threading.Lock()


def counts_text(db: Path) -> str:
    """The store's "<events> <articles>": what the counts file holds and what the page was drawn with."""
    from geomap.pagedata import store_version

    n_ev, n_art, _ = store_version(db)
    return f"{n_ev} {n_art}"


def new_events(before: str | None, now: str) -> int:
    """How many more events `now` counts than `before` (two `counts_text` values; 0 when there is no before)."""
    if not before:
        return 0
    return int(now.split()[0]) - int(before.split()[0])


def counts_file(db: Path) -> str:
    """The counts file's name for `db` (one per store path, so two stores never share one)."""
    return "store-" + hashlib.sha1(str(Path(db).resolve()).encode("utf-8")).hexdigest()[:16] + SUFFIX


def write_counts(db: Path, folder: Path) -> str:
    """Write the store's counts into its file in `folder` if they differ from the file's (atomically: the map may be
    reading it); return them."""
    text = counts_text(db)
    target = Path(folder) / counts_file(db)
    try:
        if target.read_text(encoding="utf-8") == text:
            return text
    except OSError:
        target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
    return text


class StoreWatch(threading.Thread):
    """Keeps `db`'s counts file in `folder` current, every `every` seconds, until stopped or the store is gone."""

    def __init__(self, db: Path, folder: Path, every: float = REFRESH_S):
        super().__init__(name=f"geomap-follow-{Path(db).name}", daemon=True)
        self.db, self.folder, self.every = Path(db), Path(folder), every
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(self.every):
            if not self.db.is_file():  # a store deleted (a test's temporary one, say): nothing left to follow
                return
            try:
                write_counts(self.db, self.folder)
            except (OSError, sqlite3.Error):  # locked, mid-migration or a full disk: the next look tries again
                continue

    def stop(self) -> None:
        self._stop_event.set()


def follow(db: Path, folder: Path, every: float = REFRESH_S) -> str:
    """Make sure a StoreWatch keeps `db`'s counts file current and write it now; return the counts as drawn.

    Called on every run of the map page: the first call starts the thread, later ones restart it only if it ended.
    A folder that cannot be written (a read-only cache) costs only the following: the page still draws."""
    key = (str(Path(db).resolve()), str(Path(folder).resolve()))
    try:
        text = write_counts(db, folder)
    except OSError:
        return counts_text(db)
    with _LOCK:
        current = _WATCHES.get(key)
        if current is None or not current.is_alive():
            current = _WATCHES[key] = StoreWatch(db, folder, every)
            current.start()
    return text
