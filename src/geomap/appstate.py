"""What the Streamlit pages call: store access, cached queries, first-start ingest, URL state.

Pages hold only widgets and calls into here (and mapview for map/HTML), so that this logic is testable
without a browser and the pages stay free of parsing, SQL and HTML building (DESIGN §1).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
import streamlit as st

from geomap import config, names, playback
from geomap.articles import read_paths
from geomap.exceptions import InputError, StoreError
from geomap.models import EVENT_TYPES, PRECISIONS
from geomap.store import IngestReport, Store

APP_DIR = config.ROOT
STATIC_DIR = APP_DIR / "static"
#: Event payloads for the map (large filtered sets are fetched by the browser from here; served by mapview.serving).
PAYLOAD_DIR = config.MAP_PAYLOAD_DIR


def db_path() -> Path:
    """The store the app shows: $GEOMAP_DB, else data/geomap.sqlite (DESIGN §3)."""
    return config.db_path()


def prepare_static(static_dir: Path = STATIC_DIR) -> bool:
    """Copy the vendor assets the map needs into static/vendor/; True when country borders can be drawn."""
    from geomap import mapview

    try:
        mapview.ensure_static_assets(static_dir)
    except OSError:  # a read-only install: `make prepare` (or the packager) copied them already, or the map says so
        pass
    return mapview.countries_available(static_dir)


def store_version(path: Path) -> tuple[int, int, tuple]:
    """Changes whenever the store's content does: keys the query caches, so a new ingest shows at once.

    Every commit changes the store file or its WAL (size or modification time), so their stat() is the key; the
    event and article counts are read only when that key changes -- the page asks for this several times per run,
    and count(*) over a million events is not free."""
    stamp = tuple((st.st_mtime_ns, st.st_size) if (st := _stat(p)) else None for p in (path, Path(f"{path}-wal")))
    n_ev, n_art = _counts(str(path), stamp)
    return n_ev, n_art, stamp


def _stat(p: Path) -> os.stat_result | None:
    try:
        return p.stat()
    except OSError:
        return None


@lru_cache(maxsize=16)
def _counts(path: str, stamp: tuple) -> tuple[int, int]:
    with _store(path) as store:
        return store.count_events(), store.count_articles()


@contextmanager
def _store(path: str | Path) -> Iterator[Store]:
    """The store, for a page: a damaged, foreign or unreadable store (when opened or met mid-query) becomes one
    message on the page and the run stops there -- never a traceback with server paths."""
    try:
        with Store.open(Path(path)) as store:
            yield store
    except (StoreError, sqlite3.DatabaseError) as exc:
        text = str(exc) if isinstance(exc, StoreError) else (
            f"{path}: the store is damaged or unreadable ({exc}); restore it from a backup or point GEOMAP_DB at "
            "another file")
        st.error(f"Cannot read the event store. {text}")
        st.stop()
        raise StoreError(text) from None  # outside a Streamlit run st.stop() returns


def sample_paths() -> list[Path]:
    """The sample articles ingested on a first start."""
    d = config.SAMPLE_ARTICLES
    return [d] if d.is_dir() and any(p.is_file() and not p.name.startswith(".") for p in d.iterdir()) else []


def needs_first_ingest(path: Path) -> bool:
    """True when the store holds no article yet (a first start)."""
    with _store(path) as store:
        return store.count_articles() == 0


Progress = Callable[[int, int, str], None]


def ingest_items(path: Path, items: list, progress: Progress | None = None) -> IngestReport:
    """Ingest already-read items (Article | InputError) into the store at `path`."""
    with _store(path) as store:
        return store.ingest_articles(items, progress=progress)


def first_start_ingest(path: Path, progress: Progress | None = None) -> IngestReport | None:
    """On an empty store, ingest the sample articles (data/articles/); None when nothing had to be done."""
    if not needs_first_ingest(path):
        return None
    paths = sample_paths()
    if not paths:
        return None
    items = list(read_paths(paths))
    return ingest_items(path, items, progress)


@dataclass(frozen=True)
class Filters:
    """Every filter of the map page. None = filter off; a tuple = only these values."""

    start: date | None = None
    end: date | None = None
    event_types: tuple[str, ...] | None = None
    sub_event_types: tuple[str, ...] | None = None
    countries: tuple[str, ...] | None = None
    actors: tuple[str, ...] | None = None
    articles: tuple[str, ...] | None = None
    precisions: tuple[str, ...] | None = None
    text: str | None = None
    min_score: float | None = None  # event-place confidence; None = the model's own threshold (every event)

    def query_kwargs(self) -> dict:
        """Store.events_frame keyword arguments; the "(none)" option becomes the store's "" (no value)."""
        return {k: ([x if x != NONE else "" for x in v] if isinstance(v, tuple) else v)
                for k, v in asdict(self).items()}


@st.cache_data(show_spinner=False, max_entries=64)
def _events(path: str, version: tuple, filters: Filters) -> pd.DataFrame:
    with _store(path) as store:
        return store.events_frame(**filters.query_kwargs())


def events(path: Path, filters: Filters = Filters()) -> pd.DataFrame:
    """Events matching `filters`, cached per store version and filters."""
    version = store_version(path)
    return _events(str(path), version, _canonical(str(path), version, filters))


def _canonical(path: str, version: tuple, f: Filters) -> Filters:
    """`f` with date bounds that cover the whole stored span dropped, so the page's default view (slider at both
    ends) and the filter options (no filter) share one cached query: at 50,000 events each costs a second."""
    span = _span(path, version)
    if span is None or (f.start is None and f.end is None):
        return f
    from dataclasses import replace

    return replace(f, start=None if f.start is not None and f.start <= span[0] else f.start,
                   end=None if f.end is not None and f.end >= span[1] else f.end)


@st.cache_data(show_spinner=False, max_entries=8)
def _span(path: str, version: tuple) -> tuple[date, date] | None:
    with _store(path) as store:
        return store.date_span()


def date_span(path: Path) -> tuple[date, date] | None:
    return _span(str(path), store_version(path))


#: The filter option for events without a value (no country: a sea; no actor named; no sub-event type), so that
#: selecting every option of a filter shows every event, as no selection does.
NONE = names.NONE


@dataclass
class Choices:
    """The values the filter widgets offer (from all stored events)."""

    event_types: list[str] = field(default_factory=list)
    sub_event_types: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    precisions: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # article id -> title, for the article filter's labels


def choices(df_all: pd.DataFrame) -> Choices:
    """Filter options present in the data, in a stable, meaningful order."""
    if df_all is None or df_all.empty:
        return Choices()
    present = set(df_all["event_type"].dropna())
    types = [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))
    precs = [p for p in PRECISIONS if p in set(df_all["precision"].dropna())]
    actors = sorted({a for lst in df_all["actors"] for a in (lst if isinstance(lst, list) else [])})
    return Choices(
        event_types=types,
        sub_event_types=_with_none(df_all["sub_event_type"]),
        countries=_with_none(df_all["country_code"]),
        actors=actors + ([NONE] if any(not (isinstance(v, list) and v) for v in df_all["actors"]) else []),
        articles=sorted(df_all["article"].dropna().unique()),
        precisions=precs,
        titles=dict(zip(df_all["article"].astype(str), df_all["title"].fillna("").astype(str), strict=True))
        if "title" in df_all.columns else {},
    )


def _with_none(col: pd.Series) -> list[str]:
    """The sorted non-empty values of `col`, then NONE when some rows have no value."""
    vals = sorted(str(v) for v in col.dropna().unique() if v)
    return vals + ([NONE] if col.isna().any() or (col == "").any() else [])


def type_counts(df: pd.DataFrame) -> dict[str, int]:
    if df is None or df.empty:
        return {}
    return {str(k): int(v) for k, v in df["event_type"].value_counts().items()}


# ---- URL state (st.query_params) ----

_LIST_KEYS = ("event_types", "sub_event_types", "countries", "actors", "articles", "precisions")


def filters_from_query(params: Mapping[str, str | list[str]], span: tuple[date, date] | None) -> Filters:
    """Filters from URL query parameters; invalid values are ignored, dates clamped into the data's span."""

    def one(key: str) -> str | None:
        v = params.get(key)
        if isinstance(v, list):
            v = v[-1] if v else None
        return v or None

    def day(key: str) -> date | None:
        v = one(key)
        try:
            return date.fromisoformat(v) if v else None
        except ValueError:
            return None

    start, end = day("start"), day("end")
    if span is not None:
        lo, hi = span
        start = min(max(start, lo), hi) if start else None
        end = min(max(end, lo), hi) if end else None
        if start and end and start > end:
            start, end = end, start
    lists = {}
    for k in _LIST_KEYS:
        v = one(k)
        lists[k] = tuple(x for x in v.split("|") if x) if v else None
    return Filters(start=start, end=end, text=one("q"), min_score=score_param(one("conf")), **lists)


def score_param(value: str | None) -> float | None:
    """The URL's `conf=` as a minimum event score in (0, 1], or None when absent, invalid or at most the model's
    threshold (every stored event passes that)."""
    try:
        v = float(value) if value else None
    except ValueError:
        return None
    if v is None or not 0 < v <= 1 or v <= default_min_score():
        return None
    return round(v, 2)


def default_min_score() -> float:
    """The map's default minimum confidence: the event-place model's threshold, chosen on the dev split."""
    from geomap.events.model import default_model

    return round(default_model().threshold, 2)


def filters_to_query(f: Filters, span: tuple[date, date] | None) -> dict[str, str]:
    """The URL query parameters for `f` (defaults left out, so the URL stays short)."""
    out: dict[str, str] = {}
    if f.start and (span is None or f.start != span[0]):
        out["start"] = f.start.isoformat()
    if f.end and (span is None or f.end != span[1]):
        out["end"] = f.end.isoformat()
    for k in _LIST_KEYS:
        v = getattr(f, k)
        if v is not None:
            out[k] = "|".join(v)
    if f.text:
        out["q"] = f.text
    if f.min_score:
        out["conf"] = f"{f.min_score:.2f}"
    return out


def date_pair(value: object, span: tuple[date, date]) -> tuple[date, date]:
    """A (start, end) from st.date_input's value, which is a 1-tuple while the user is still picking."""
    if isinstance(value, date):
        return value, value
    vals = [v for v in (value or ()) if isinstance(v, date)]  # type: ignore[union-attr]
    if not vals:
        return span
    return (vals[0], vals[-1]) if vals[0] <= vals[-1] else (vals[-1], vals[0])


def timeline(df: pd.DataFrame) -> pd.DataFrame:
    """Events per day (index) by event type (columns), for a stacked bar chart of the current filters."""
    if df is None or df.empty:
        return pd.DataFrame()
    day = pd.to_datetime(df["date"]).dt.normalize()
    out = df.assign(day=day).pivot_table(index="day", columns="event_type", values="event_id",
                                         aggfunc="count", fill_value=0)
    out.columns = [str(c) for c in out.columns]
    return out.reindex(columns=[t for t in EVENT_TYPES if t in out.columns]
                       + [c for c in out.columns if c not in EVENT_TYPES])


# ---- Articles page ----

@dataclass
class FileResult:
    """What happened to one uploaded file (or pasted text)."""

    name: str
    new: int = 0
    skipped: int = 0
    events: int = 0
    failed: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.failed and not (self.new or self.skipped):
            return "failed"
        if self.failed:
            return "partly failed"
        return "new" if self.new else "already stored" if self.skipped else "nothing to read"


#: Longest file name most file systems take, in bytes (a 148-character Cyrillic title is 296 bytes).
NAME_MAX_BYTES = 255


def _safe_name(name: str) -> str:
    """The upload's base name, shortened (keeping its suffix) to fit NAME_MAX_BYTES of UTF-8."""
    base = Path(name or "upload").name.strip().replace("\x00", "")
    if base in ("", ".", ".."):
        return "upload"
    suffix = Path(base).suffix if len(Path(base).suffix.encode()) <= 16 else ""
    stem = base[: len(base) - len(suffix)]
    while len((stem + suffix).encode()) > NAME_MAX_BYTES:
        stem = stem[:-1]
    return (stem.rstrip() or "upload") + suffix


def ingest_uploads(path: Path, files: list[tuple[str, bytes]], progress: Progress | None = None
                   ) -> list[FileResult]:
    """Ingest uploaded files one by one, each with its own result; a broken file never stops the others.

    Files are written under their own (sanitised) names into a temporary folder so the readers' error messages
    name the file the user uploaded.
    """
    import tempfile

    results: list[FileResult] = []
    with tempfile.TemporaryDirectory(prefix="geomap-upload-") as tmp:
        for i, (name, data) in enumerate(files, 1):
            safe = _safe_name(name)
            folder = Path(tmp) / str(i)
            fpath = folder / safe
            res = FileResult(safe)
            try:
                folder.mkdir()
                fpath.write_bytes(data)
                items = list(read_paths([fpath]))
                rep = ingest_items(path, items)
                res.new, res.skipped, res.events = rep.new, rep.skipped, rep.events
                res.failed = [f.replace(str(fpath), safe).replace(str(folder) + "/", "") for f in rep.failed]
            except Exception as exc:  # noqa: BLE001 - shown to the user, the page and the store stay intact
                res.failed.append(f"{safe}: {str(exc).replace(str(folder) + '/', '')}")
            results.append(res)
            if progress is not None:
                progress(i, len(files), safe)
    return results


def ingest_pasted(path: Path, text: str, published: date, title: str = "", url: str = "") -> FileResult:
    """Ingest one pasted article (idempotent: pasting the same text and date twice stores it once)."""
    from geomap.articles import from_text

    res = FileResult("pasted text")
    if not text.strip():
        res.failed.append("pasted text: empty")
        return res
    try:
        art = from_text(text, published, title=title, url=url)
    except InputError as exc:
        res.failed.append(str(exc))
        return res
    rep = ingest_items(path, [art])
    res.new, res.skipped, res.events, res.failed = rep.new, rep.skipped, rep.events, list(rep.failed)
    return res


def results_frame(results: list[FileResult]) -> pd.DataFrame:
    return pd.DataFrame([{"file": r.name, "result": r.status, "new articles": r.new,
                          "already stored": r.skipped, "new events": r.events,
                          "errors": "; ".join(r.failed)} for r in results])


@st.cache_data(show_spinner=False, max_entries=8)
def _articles(path: str, version: tuple) -> pd.DataFrame:
    with _store(path) as store:
        return store.articles_frame()


def articles(path: Path) -> pd.DataFrame:
    """The stored articles, cached per store version (the Articles page asks on every rerun)."""
    return _articles(str(path), store_version(path))


def article_with_mentions(path: Path, article_id: str) -> tuple[object | None, list[dict]]:
    """(Article or None, its place mentions in text order)."""
    with _store(path) as store:
        art = store.get_article(article_id)
        return art, (store.mentions_for(article_id) if art else [])


# ---- Data page ----

def export_text(path: Path, filters: Filters, fmt: str) -> str:
    """The filtered events as CSV (ACLED column names) or GeoJSON text, via geomap.export."""
    import io

    from geomap.export import write_records

    buf = io.StringIO()
    with _store(path) as store:
        write_records(store.event_records(**filters.query_kwargs()), fmt, buf)
    return buf.getvalue()


# ---- speed: cached per store version, so a rerun (slider, play, pan) costs milliseconds ----

@st.cache_data(show_spinner=False, max_entries=8)
def _choices(path: str, version: tuple) -> Choices:
    return choices(_events(path, version, Filters()))


def choices_for(path: Path) -> Choices:
    """Filter options of the whole store (cached per store version)."""
    return _choices(str(path), store_version(path))


#: The article filter offers at most this many articles (plus the selected ones; any id can be typed in).
ARTICLE_OPTIONS = 300


def article_options(all_articles: list[str], selected: Iterable[str] = ()) -> list[str]:
    """A short option list for the article filter: 32,000 options cost the browser seconds on every run."""
    sel = [a for a in selected if a]
    rest = [a for a in all_articles[-ARTICLE_OPTIONS:] if a not in set(sel)]
    return sel + rest


@st.cache_data(show_spinner=False, max_entries=32)
def _layer_ref(path: str, version: tuple, filters: Filters, payload_dir: str) -> tuple[str | None, list, int]:
    from geomap import mapview

    rows = mapview.event_payload(_events(path, version, filters))
    points = mapview.point_count(rows)
    if len(rows) > mapview.INLINE_MAX_ROWS:
        try:
            return mapview.write_payload(rows, payload_dir), [], points
        except OSError:  # a read-only install: the rows go inline in the page instead (slower, still correct)
            pass
    return None, rows, points


def event_layer_for(path: Path, filters: Filters, *, cluster: bool | None, heat: bool,
                    payload_dir: Path = PAYLOAD_DIR, selected: str | None = None) -> object:
    """The map's event layer for `filters`: the payload is built and written once per (store version, filters),
    so moving the slider back to a range seen before costs no Python work at all."""
    from geomap import mapview

    version = store_version(path)
    filters = _canonical(str(path), version, filters)
    name, rows, points = _layer_ref(str(path), version, filters, str(payload_dir))
    if name is not None and not (Path(payload_dir) / name).is_file():  # rotated away meanwhile
        _layer_ref.clear()
        name, rows, points = _layer_ref(str(path), version, filters, str(payload_dir))
    if cluster is None:
        cluster = points > mapview.CLUSTER_THRESHOLD
    url = mapview.served_url(payload_dir, name) if name else None
    return mapview.layer_from_payload(rows, url=url, cluster=cluster, heat=heat, selected=selected)


# ---- shared filter widgets (map page and Data page offer the same filters) ----

FILTER_LABELS = {"event_types": "Event type", "sub_event_types": "Sub-event type", "countries": "Country",
                 "actors": "Actor", "articles": "Source article", "precisions": "Location precision"}


def filter_widgets(opts: Choices, prefix: str = "f_") -> dict:
    """Draw the filter widgets (in the current container) and return Filters keyword arguments (dates aside)."""
    out: dict = {}
    for k, label in FILTER_LABELS.items():
        key = f"{prefix}{k}"
        if k == "articles":
            options = article_options(opts.articles, st.session_state.get(key) or ())
            vals = st.multiselect(label, options, key=key, placeholder="all (type an article id)",
                                  accept_new_options=True, format_func=lambda a: names.article_label(a, opts.titles))
        else:
            vals = st.multiselect(label, getattr(opts, k), key=key, placeholder="all",
                                  format_func=names.country_label if k == "countries" else str)
        out[k] = tuple(vals) or None
    text = st.text_input("Text in sentence, place or title", key=f"{prefix}text")
    out["text"] = text.strip() or None
    low = default_min_score()
    conf = st.slider("Minimum event confidence", min_value=low, max_value=1.0, step=0.01, key=f"{prefix}conf",
                     help="How sure the event-place model is that the place is where the event happened. The "
                          "lowest setting (the model's own threshold, chosen on held-out data) shows every event.")
    out["min_score"] = score_param(str(conf))
    return out


# ---- map view in the URL ----

def parse_view(value: str | None) -> tuple[tuple[float, float], int] | None:
    """((lat, lon), zoom) from the URL's `view=lat,lon,zoom`, or None when absent/invalid."""
    if not value or str(value).count(",") != 2:
        return None
    from geomap import mapview

    head, _, zoom_s = str(value).rpartition(",")
    point = mapview.parse_focus(head)  # the same lat,lon reading and range check as `focus=`
    try:
        zoom = float(zoom_s)
    except ValueError:
        return None
    if point is None or not 0 <= zoom <= 18:
        return None
    return point, int(round(zoom))


def view_from_map(out: Mapping | None) -> str | None:
    """`lat,lon,zoom` from st_folium's returned center/zoom, or None when the map has not reported one yet."""
    if not out:
        return None
    c, z = out.get("center"), out.get("zoom")
    if not isinstance(c, Mapping) or z is None:
        return None
    try:
        return f"{float(c['lat']):.4f},{float(c['lng']):.4f},{int(z)}"
    except (KeyError, TypeError, ValueError):
        return None


# ---- play control: a window stepping through time (geomap.playback) ----

STEPS = playback.STEPS
window_at = playback.window_at


def next_window(current: tuple[date, date], step: str, span: tuple[date, date],
                intervals: tuple[tuple[date, date], ...] | None = None) -> tuple[date, date] | None:
    """The play window after `current` within `span` (see playback.next_window)."""
    return playback.next_window(current, step, span, intervals)


@st.cache_data(show_spinner=False, max_entries=16)
def _intervals(path: str, version: tuple, filters: Filters) -> tuple[tuple[date, date], ...]:
    return playback.intervals_of(_events(path, version, filters))


def play_intervals(path: Path, filters: Filters) -> tuple[tuple[date, date], ...]:
    """The date ranges of the events matching `filters` whatever their dates: Play skips the days without any."""
    from dataclasses import replace

    version = store_version(path)
    return _intervals(str(path), version, _canonical(str(path), version, replace(filters, start=None, end=None)))


# ---- Gazetteer page ----

def place_search(query: str, limit: int = 50) -> pd.DataFrame:
    """Gazetteer candidates for a name ("Donetsk", "Kyiv, Ukraine"), best first, as a table."""
    from geomap.gazetteer import load_gazetteer

    cols = ["label", "id", "name", "kind", "country_code", "admin1", "lat", "lon", "population", "radius_km",
            "source"]
    q = " ".join((query or "").split())
    if not q:
        return pd.DataFrame(columns=cols)
    gaz = load_gazetteer()
    found = gaz.geocode(q, exactly_one=False) or []
    recs = [dict(loc.raw) | {"address": loc.address} for loc in found[:limit]]
    seen = {r["id"] for r in recs}
    recs += [{**asdict(p), "address": p.name} for p in gaz.candidates(q) if p.id not in seen][:limit - len(recs)]
    rows = [{"label": f"{r['address']} — {r['kind']}, {r.get('country_code') or '?'} ({r['id']})", "id": r["id"],
             "name": r["name"], "kind": r["kind"], "country_code": r.get("country_code", ""),
             "admin1": r.get("admin1", ""), "lat": r["lat"], "lon": r["lon"],
             "population": r.get("population", 0), "radius_km": r.get("radius_km", 0.0),
             "source": r.get("source", "")} for r in recs]
    return pd.DataFrame(rows, columns=cols)


def name_usage(path: Path, name: str) -> pd.DataFrame:
    """How the store resolves `name` today (one row per place, with mention counts)."""
    from geomap.corrections import resolutions_of

    with _store(path) as store:
        return pd.DataFrame(resolutions_of(store, name),
                            columns=["name", "place_id", "precision", "country_code", "lat", "lon", "mentions",
                                     "event_mentions"])


def save_override(path: Path, name: str, *, lat: float, lon: float, kind: str, country: str = "",
                  admin1: str = "", radius_km: float = 0.0, population: int = 0) -> object:
    """Save `name` as a user override (config.USER_OVERRIDES_CSV) and re-apply it to the stored events at once.

    Returns the corrections.CorrectionReport; bad values raise geomap.exceptions.InputError naming the field.
    """
    from geomap.corrections import reapply
    from geomap.gazetteer import add_override

    name = " ".join((name or "").split())
    if not name:
        from geomap.exceptions import InputError

        raise InputError("gazetteer page", "the place name is empty", field="name")
    add_override(name, lat, lon, kind=kind, country=(country or "").upper(), admin1=admin1 or "",
                 radius_km=float(radius_km or 0.0), population=int(population or 0))
    return reapply(path, name)


@st.cache_data(show_spinner=False, max_entries=8)
def _bounds(path: str, version: tuple) -> list[list[float]] | None:
    from geomap import mapview

    return mapview.frame_bounds(_events(path, version, Filters()))


def bounds_for(path: Path) -> list[list[float]] | None:
    """The frame of every stored event (the map's initial view), cached per store version."""
    return _bounds(str(path), store_version(path))
