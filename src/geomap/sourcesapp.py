"""What the Sources page calls (pages only call the library, DESIGN §1). The open map page learns of the
events a poll stored through geomap.follow.

Polling never runs inside the Streamlit server: fetching and the pipeline would compete with page loads for the
GIL. "Poll now" makes the source due; when a `geomap watch` is running it picks the source up within seconds,
otherwise a one-off `geomap watch --once --source ID` process is started for it (its output goes to
`<store>.watch.log`), so the page returns at once either way.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geomap.sources import Source, SourceBook
from geomap.store import Store
from geomap.watch import is_watched

#: The intervals offered on the Sources page.
EVERY_CHOICES = ("5m", "15m", "30m", "1h", "6h", "1d")
SOURCE_COLUMNS = ["id", "name", "url", "kind", "every", "status", "items", "last_success", "last_error", "next_run"]


@dataclass(frozen=True)
class Action:
    """An outcome for the page; `message` is Markdown in which every name from a user or a feed is escaped."""

    ok: bool
    message: str


def _name(src: Source) -> str:
    return _md(src.name)


def sources_frame(db: Path) -> pd.DataFrame:
    """One row per source with its status, last success, last error and next run."""
    with Store.open(db) as store:
        rows = [s.record() for s in SourceBook(store.conn).all()]
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


def source_labels(df: pd.DataFrame) -> dict[int, str]:
    """{source id: "id · name"} for the Sources page's picker."""
    return {int(r.id): f"{r.id} · {r.name}" for r in df.itertuples()}


def _md(text: str) -> str:
    from geomap.mapview import md_escape

    return md_escape(text)


def _book_call(db: Path, fn_name: str, *args: object, **kwargs: object) -> Source:
    with Store.open(db) as store:
        return getattr(SourceBook(store.conn), fn_name)(*args, **kwargs)


def add_source(db: Path, url: str, name: str = "", every: str = "15m") -> Action:
    """Follow a URL and poll it at once; a bad URL or interval is a message, never an exception."""
    from geomap.exceptions import InputError

    try:
        src = _book_call(db, "add", url, name=name, every=every)
    except InputError as exc:
        return Action(False, _md(str(exc)))
    started = poll_now(db, src.id)
    return Action(True, f"Following {_name(src)}. {started.message}")


def remove_source(db: Path, source_id: int) -> Action:
    src = _book_call(db, "remove", source_id)
    return Action(True, f"Removed {_name(src)}; the articles and events read from it stay.")


def set_paused(db: Path, source_id: int, paused: bool) -> Action:
    src = _book_call(db, "set_paused", source_id, paused)
    return Action(True, f"{_name(src)} {'paused' if src.paused else 'resumed'}.")


def poll_now(db: Path, source_id: int) -> Action:
    """Make the source due and make sure something polls it (see the module's docstring)."""
    src = _book_call(db, "poll_soon", source_id)
    if src.paused:
        return Action(False, f"{_name(src)} is paused: resume it first.")
    if is_watched(db):
        return Action(True, f"A `geomap watch` is already polling this store: {_name(src)} is due and is read on its "
                            "next look (within seconds when it runs continuously).")
    log = Path(f"{db}.watch.log").open("a", encoding="utf-8")
    subprocess.Popen([sys.executable, "-m", "geomap", "watch", "--once", "--db", str(db), "--source", str(src.id)],
                     stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    log.close()
    return Action(True, f"Polling {_name(src)} now; new events appear on the map when it is done.")


def watcher_running(db: Path) -> bool:
    return is_watched(db)

