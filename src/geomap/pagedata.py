"""What the app's pages read from and write to the store: counts, filtered events, articles, exports, first start.

Why apart from geomap.ui: these are plain calls on a real store, testable without Streamlit; ui wraps the slow ones
in `st.cache_data`, keyed by `store_version`, and turns a StoreError into one message on the page.
"""

from __future__ import annotations

import io
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from geomap import config
from geomap.articles import read_paths
from geomap.exceptions import StoreError
from geomap.filters import ALL, Filters, Span
from geomap.ingest import ingest_articles
from geomap.store import Store

if TYPE_CHECKING:
    from geomap.ingest import IngestReport
    from geomap.models import Article

#: (done, total, label): what a page's progress bar is told while articles are read.
Progress = Callable[[int, int, str], None]
Version = tuple[int, int, tuple]


def db_path() -> Path:
    """The store the app shows: $GEOMAP_DB, else data/geomap.sqlite (DESIGN §3)."""
    return config.db_path()


@contextmanager
def open_store(path: str | Path) -> Iterator[Store]:
    """The store, for a page: a damaged, foreign or unreadable store (when opened or met mid-query) raises one
    StoreError whose text a reader can act on -- never a traceback with sqlite's internals."""
    try:
        with Store.open(Path(path)) as store:
            yield store
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: the store is damaged or unreadable ({exc}); restore it from a backup or point "
                         "GEOMAP_DB at another file") from None


def store_version(path: Path) -> Version:
    """Changes whenever the store's content does: keys the query caches, so a new ingest shows at once.

    Every commit changes the store file or its WAL (size or modification time), so their stat() is the key; the
    event and article counts are read only when that key changes -- the page asks for this several times per run,
    and count(*) over a million events is not free."""
    stamp = tuple((s.st_mtime_ns, s.st_size) if (s := _stat(p)) else None for p in (path, Path(f"{path}-wal")))
    n_ev, n_art = _counts(str(path), stamp)
    return n_ev, n_art, stamp


def _stat(p: Path) -> os.stat_result | None:
    try:
        return p.stat()
    except OSError:
        return None


@lru_cache(maxsize=16)
def _counts(path: str, stamp: tuple) -> tuple[int, int]:
    with open_store(path) as store:
        return store.count_events(), store.count_articles()


# ---- first start and ingest ----

def sample_paths() -> list[Path]:
    """The sample articles ingested on a first start."""
    d = config.SAMPLE_ARTICLES
    return [d] if d.is_dir() and any(p.is_file() and not p.name.startswith(".") for p in d.iterdir()) else []


def needs_first_ingest(path: Path) -> bool:
    """True when the store holds no article yet (a first start)."""
    with open_store(path) as store:
        return store.count_articles() == 0


def ingest_items(path: Path, items: list, progress: Progress | None = None) -> IngestReport:
    """Ingest already-read items (Article | InputError) into the store at `path`."""
    with open_store(path) as store:
        return ingest_articles(store, items, progress=progress)


def first_start_ingest(path: Path, progress: Progress | None = None) -> IngestReport | None:
    """On an empty store, ingest the sample articles (data/articles/); None when nothing had to be done."""
    if not needs_first_ingest(path):
        return None
    paths = sample_paths()
    if not paths:
        return None
    return ingest_items(path, list(read_paths(paths)), progress)


# ---- queries (geomap.ui caches them per store version) ----

def events(path: str | Path, filters: Filters = ALL) -> pd.DataFrame:
    """Events matching `filters` (uncached)."""
    with open_store(path) as store:
        return store.events_frame(**filters.query_kwargs())


def date_span(path: str | Path) -> Span | None:
    """The first and last stored event dates, or None for an empty store."""
    with open_store(path) as store:
        return store.date_span()


def articles(path: str | Path) -> pd.DataFrame:
    """The stored articles, one row each."""
    with open_store(path) as store:
        return store.articles_frame()


def article_with_mentions(path: Path, article_id: str) -> tuple[Article | None, list[dict]]:
    """(Article or None, its place mentions in text order)."""
    with open_store(path) as store:
        art = store.get_article(article_id)
        return art, (store.mentions_for(article_id) if art else [])


def export_text(path: Path, filters: Filters, fmt: str) -> str:
    """The filtered events as CSV (ACLED column names) or GeoJSON text, via geomap.export."""
    from geomap.export import write_records

    buf = io.StringIO()
    with open_store(path) as store:
        write_records(store.event_records(**filters.query_kwargs()), fmt, buf)
    return buf.getvalue()



def layer_payload(df: pd.DataFrame, payload_dir: str | Path) -> tuple[str | None, list, int]:
    """The map layer's rows for `df` as (payload file name or None, inline rows, number of point markers).

    A large set goes to a file the browser fetches (mapview.write_payload); on a read-only install the rows go
    inline in the page instead (slower, still correct)."""
    from geomap import mapview

    rows = mapview.event_payload(df)
    points = mapview.point_count(rows)
    if len(rows) > mapview.INLINE_MAX_ROWS:
        try:
            return mapview.write_payload(rows, str(payload_dir)), [], points
        except OSError:
            pass
    return None, rows, points
