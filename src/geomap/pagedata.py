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
from geomap import filters as filters_mod
from geomap.articles import read_paths
from geomap.exceptions import StoreError
from geomap.filters import ALL, Choices, Filters, Span
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


def map_events(path: str | Path, filters: Filters = ALL) -> pd.DataFrame:
    """Events matching `filters` without their text (Store.map_frame: column-wise, fast at a million events)."""
    with open_store(path) as store:
        return store.map_frame(**filters.query_kwargs())


def with_texts(path: str | Path, df: pd.DataFrame) -> pd.DataFrame:
    """`df` (rows of `map_events`) with the text columns it lacks (sentence, article, title, url, source,
    published), read by id: for the rows a page shows (a feed page, the panel's events, a small map's popups)."""
    if df is None or "sentence" in df.columns:
        return df
    with open_store(path) as store:
        texts = store.event_texts(df["event_id"].tolist())
    out = df.merge(texts, on="event_id", how="left")
    out.index = df.index
    out.attrs = dict(df.attrs)
    return out


def records_with_texts(path: str | Path, recs: list[dict]) -> list[dict]:
    """`with_texts` for event records (dicts with `event_id`), e.g. the events at the panel's place."""
    if not recs or "sentence" in recs[0]:
        return recs
    with open_store(path) as store:
        texts = store.event_texts([int(r["event_id"]) for r in recs])
    by_id = {int(t["event_id"]): t for t in texts.to_dict("records")}
    return [{**r, **by_id.get(int(r["event_id"]), {})} for r in recs]


#: Rows per page of the Data page's table: only a page's text is read (the downloads hold every row).
TABLE_PAGE_ROWS = 1000


def n_table_pages(n_rows: int, per_page: int = TABLE_PAGE_ROWS) -> int:
    return max(1, -(-n_rows // per_page))


def table_page(path: str | Path, df: pd.DataFrame, page: int, per_page: int = TABLE_PAGE_ROWS) -> pd.DataFrame:
    """Page `page` (1-based, clamped) of `df` (rows of `map_events`) with its text, in `events_frame`'s column
    order: the Data page's table at a million events reads 1,000 rows' text, not a million."""
    from geomap.store import FRAME_COLUMNS

    page = min(max(1, int(page)), n_table_pages(len(df), per_page))
    chunk = with_texts(path, df.iloc[(page - 1) * per_page: page * per_page])
    return chunk[[c for c in FRAME_COLUMNS if c in chunk.columns]]


def choices(path: str | Path) -> Choices:
    """The filter options of the whole store, from one row per distinct value of the map's snapshot and the
    articles' ids and titles (never a frame of every event: 200,000 rows to find a few dozen values)."""
    with open_store(path) as store:
        return filters_mod.choices(store.option_frame(), titles=store.event_article_titles())


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



def map_layer_payload(path: str | Path, df: pd.DataFrame, payload_dir: str | Path) -> tuple[str | None, list, int]:
    """`layer_payload` for rows of `map_events`: the popups' sentences and titles are read by id when the payload
    carries them (up to mapview.POPUP_SENTENCE_LIMIT rows); a larger payload omits them anyway."""
    from geomap import mapview

    if df is not None and 0 < len(df) <= mapview.POPUP_SENTENCE_LIMIT:
        df = with_texts(path, df)
    return layer_payload(df, payload_dir)


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
