"""The map's columnar snapshot: the events' short columns as numpy arrays sorted by date, beside the SQLite store.

Why (issue 14): the map filters a year of a million events on every slider move. Through sqlite3 that costs one
B-tree lookup per row in events and articles and one Python object per value: 8 s for 175,000 rows. Held as columns
sorted by (date, id), the date window is two binary searches and the other filters are `isin` over each column's few
distinct values (dictionary codes), so the same frame takes a fraction of a second. The text (sentence, the
article's title and url) is not in it: it is read by id for the rows a page shows (`Store.event_texts`).

Why it is never stale: SQLite stays the source of truth. Triggers (schema v8) log every insert, update and delete of
an event -- whichever program wrote it -- in `event_changes` (seq, event, random tag). A snapshot remembers the
(seq, tag) it was made at; before each use the store's latest (seq, tag) is read in the same read transaction as the
rows, and the events changed since are re-read and merged in (a full rebuild when the log does not reach back to the
snapshot's seq with the same tag, e.g. another copy of the store). The last snapshot is kept in memory per store and
in `<store>.map.arrow` (Arrow IPC), so a restarted app does not rebuild it; a missing, damaged or foreign file is
just rebuilt, and an unwritable folder only costs the rebuild on the next start.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

#: (column in the frame, SQL expression over `events`) of the snapshot, in frame order.
COLUMNS = (
    ("event_id", "id"), ("place_id", "place_id"), ("name", "name"), ("lat", "lat"), ("lon", "lon"),
    ("precision", "precision"), ("radius_km", "radius_km"), ("country_code", "country_code"), ("admin1", "admin1"),
    ("date", "date"), ("date_end", "date_end"), ("date_precision", "date_precision"), ("event_type", "event_type"),
    ("sub_event_type", "sub_event_type"), ("actors", "actors"), ("fatalities", "fatalities"), ("place", "place"),
    ("place_start", "place_start"), ("source_count", "source_count"), ("event_score", "event_score"), ("uid", "uid"),
)
NAMES = tuple(c for c, _ in COLUMNS)
_SELECT = "SELECT " + ", ".join(sql for _, sql in COLUMNS) + " FROM events"
_FLOATS = ("lat", "lon", "radius_km", "event_score")
_INTS = ("event_id", "place_start", "source_count")
_DATES = ("date", "date_end")
TEXTS = tuple(c for c in NAMES if c not in _FLOATS + _INTS + _DATES + ("fatalities",))
#: Bump when the file layout changes: an older file is then rebuilt.
FORMAT = "1"
#: Above this share of changed events a full rebuild is cheaper than a merge.
MERGE_SHARE = 0.25

Stamp = tuple[int, int]


@dataclass(frozen=True)
class Snapshot:
    """Every stored event's short columns at one stamp, sorted by (date, event_id). Immutable: swapped, not edited.

    Texts are dictionary-coded (`codes[c]` indexes `uniques[c]`): a million rows share a few thousand values, so
    the memory stays small and a filter tests each distinct value once."""

    stamp: Stamp
    nums: dict[str, np.ndarray]  # floats, ints, dates (int32 days since 1970), fatalities (float, NaN = none)
    codes: dict[str, np.ndarray]
    uniques: dict[str, np.ndarray]
    max_span: int = 0  # longest date_end - date in days
    _parsed: dict[str, Any] = field(default_factory=dict, compare=False)  # derived once, on first use

    def __len__(self) -> int:
        return len(self.nums["event_id"])

    def arrow_uniques(self, col: str) -> Any:
        """The distinct values of a text column as an Arrow string array (once per snapshot), or None when some
        value is not text (an odd store): pandas' Arrow-backed strings are then taken without a Python object."""
        import pyarrow as pa

        key = f"arrow:{col}"
        if key not in self._parsed:
            try:
                self._parsed[key] = pa.array(self.uniques[col], pa.large_string())
            except (pa.ArrowException, TypeError, ValueError):
                self._parsed[key] = None
        return self._parsed[key]

    def actor_lists(self) -> np.ndarray:
        """The distinct `actors` values parsed (lists), once per snapshot."""
        if "actors" not in self._parsed:
            out = np.empty(len(self.uniques["actors"]), dtype=object)
            out[:] = [_actor_list(s) for s in self.uniques["actors"]]
            self._parsed["actors"] = out
        return self._parsed["actors"]


def _actor_list(s: object) -> list:
    try:
        v = json.loads(str(s))
    except ValueError:
        return []
    return v if isinstance(v, list) else []


# ---- building from rows ----

#: The day number standing for a date the store holds in no ISO form (an odd store): NaT in the frame.
NO_DAY = np.iinfo(np.int32).min


def _days(values: Any) -> np.ndarray:
    """ISO dates -> int32 days since 1970 (each distinct value parsed once; an unreadable one -> NO_DAY)."""
    codes, uniq = pd.factorize(np.asarray(values, dtype=object))
    if len(uniq) == 0:
        return np.zeros(0, dtype=np.int32)
    parsed = pd.to_datetime(pd.Series([str(u)[:10] for u in uniq]), format="%Y-%m-%d", errors="coerce")
    days = ((parsed - pd.Timestamp("1970-01-01")).dt.days).fillna(NO_DAY).to_numpy(np.int64)
    return np.clip(days, NO_DAY, np.iinfo(np.int32).max).astype(np.int32)[codes]


def _numbers(values: Any, missing: float = np.nan) -> np.ndarray:
    """Numbers as float64; text or NULL in a numeric column (an odd store) -> `missing`, never an exception."""
    return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").fillna(missing).to_numpy(np.float64)


def from_rows(rows: list[tuple], stamp: Stamp) -> Snapshot:
    """A sorted snapshot from `_SELECT` rows."""
    cols = dict(zip(NAMES, zip(*rows, strict=True), strict=True)) if rows else {c: () for c in NAMES}
    nums: dict[str, np.ndarray] = {c: _numbers(cols[c]) for c in _FLOATS}
    nums.update({c: _numbers(cols[c], 0).astype(np.int64) for c in _INTS})
    nums.update({c: _days(cols[c]) for c in _DATES})
    nums["fatalities"] = _numbers(cols["fatalities"])
    codes, uniques = {}, {}
    for c in TEXTS:
        k, u = pd.factorize(np.asarray(cols[c], dtype=object))
        codes[c], uniques[c] = k.astype(np.int32), np.asarray(u, dtype=object)
    return _sorted(Snapshot(stamp, nums, codes, uniques))


def _sorted(s: Snapshot) -> Snapshot:
    order = np.lexsort((s.nums["event_id"], s.nums["date"]))
    nums = {c: v[order] for c, v in s.nums.items()}
    dated = (nums["date"] != NO_DAY) & (nums["date_end"] != NO_DAY)
    span = int((nums["date_end"][dated].astype(np.int64) - nums["date"][dated]).max()) if dated.any() else 0
    return Snapshot(s.stamp, nums, {c: v[order] for c, v in s.codes.items()}, s.uniques, max(span, 0))


def merged(old: Snapshot, changed: np.ndarray, fresh: Snapshot) -> Snapshot:
    """`old` without the events in `changed`, plus `fresh` (their rows now; deleted ones are simply absent)."""
    keep = ~np.isin(old.nums["event_id"], changed)
    nums = {c: np.concatenate([v[keep], fresh.nums[c]]) for c, v in old.nums.items()}
    codes, uniques = {}, {}
    for c in TEXTS:
        at = pd.Index(old.uniques[c]).get_indexer(fresh.uniques[c])
        extra = fresh.uniques[c][at < 0]
        at[at < 0] = len(old.uniques[c]) + np.arange(len(extra))
        uniques[c] = np.concatenate([old.uniques[c], extra])
        codes[c] = np.concatenate([old.codes[c][keep], at.astype(np.int32)[fresh.codes[c]]])
    return _sorted(Snapshot(fresh.stamp, nums, codes, uniques))


# ---- the store's stamp, reading and refreshing ----

def stamp_of(c: sqlite3.Connection) -> Stamp:
    row = c.execute("SELECT seq, tag FROM event_changes ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def refreshed(c: sqlite3.Connection, old: Snapshot | None, stamp: Stamp) -> Snapshot:
    """The snapshot at `stamp` (call inside the read transaction that read `stamp`): `old` itself when current, `old`
    with the events changed since merged in when the log still reaches it, else rebuilt from every event."""
    if old is not None and old.stamp == stamp:
        return old
    if old is not None and _log_reaches(c, old.stamp):
        changed = np.array([r[0] for r in c.execute(
            "SELECT DISTINCT event FROM event_changes WHERE seq > ?", (old.stamp[0],))], dtype=np.int64)
        if len(changed) <= MERGE_SHARE * max(len(old), 1):
            rows = c.execute(f"{_SELECT} WHERE id IN (SELECT value FROM json_each(?))",
                             (json.dumps(changed.tolist()),)).fetchall()
            return merged(old, changed, from_rows(rows, stamp))
    return from_rows(c.execute(_SELECT).fetchall(), stamp)


def _log_reaches(c: sqlite3.Connection, stamp: Stamp) -> bool:
    """True when the log still holds the snapshot's own entry: the same history, and every change since is there."""
    row = c.execute("SELECT tag FROM event_changes WHERE seq = ?", (stamp[0],)).fetchone()
    return row is not None and int(row[0]) == stamp[1]


# ---- one snapshot per store: in memory, and on disk beside it ----

_CACHE: dict[str, Snapshot] = {}
_LOCK = threading.Lock()


def file_for(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".map.arrow")


def current(c: sqlite3.Connection, store_path: Path, stamp: Stamp) -> Snapshot:
    """The store's snapshot at `stamp` (inside the read transaction that read it), kept for the next call."""
    key = str(store_path.resolve())
    old = _CACHE.get(key)
    if old is None or old.stamp != stamp:
        old = old or load(file_for(store_path))
    snap = refreshed(c, old, stamp)
    if snap is not old or key not in _CACHE:
        with _LOCK:
            _CACHE[key] = snap
        if snap is not old:
            save(snap, file_for(store_path))
    return snap


def forget(store_path: Path) -> None:
    """Drop the in-memory snapshot of this store (tests; a replaced store file is caught by its stamp anyway)."""
    with _LOCK:
        _CACHE.pop(str(store_path.resolve()), None)


def save(s: Snapshot, path: Path) -> None:
    """Write the snapshot (atomically: a reader sees the old file or the new one); best effort, never raises."""
    import pyarrow as pa

    arrays = {c: pa.array(v) for c, v in s.nums.items()}
    arrays.update({c: pa.DictionaryArray.from_arrays(pa.array(s.codes[c]), pa.array(s.uniques[c], pa.string()))
                   for c in TEXTS})
    meta = {"format": FORMAT, "seq": str(s.stamp[0]), "tag": str(s.stamp[1]), "max_span": str(s.max_span)}
    table = pa.table(arrays).replace_schema_metadata(meta)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        os.replace(tmp, path)
    except (OSError, pa.ArrowException):
        with contextlib.suppress(OSError):
            tmp.unlink()


def load(path: Path) -> Snapshot | None:
    """The snapshot in `path`, or None when it is missing, damaged or of another layout (then it is rebuilt)."""
    import pyarrow as pa

    try:
        with pa.memory_map(str(path)) as src:
            table = pa.ipc.open_file(src).read_all()
        meta = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
        if meta.get("format") != FORMAT or set(table.column_names) != set(NAMES):
            return None
        nums = {c: table[c].combine_chunks().to_numpy(zero_copy_only=False).copy()
                for c in NAMES if c not in TEXTS}
        codes, uniques = {}, {}
        for c in TEXTS:
            arr = table[c].combine_chunks()
            codes[c] = arr.indices.to_numpy(zero_copy_only=False).astype(np.int32)
            uniques[c] = np.asarray(arr.dictionary.to_pylist(), dtype=object)
        snap = Snapshot((int(meta["seq"]), int(meta["tag"])), nums, codes, uniques, int(meta["max_span"]))
        _check(snap)
        return snap
    except (OSError, ValueError, KeyError, TypeError, AttributeError, pa.ArrowException):
        return None


def _check(s: Snapshot) -> None:
    """Raise ValueError unless every column has one value per row and every code points into its values."""
    n = len(s)
    if any(len(v) != n for v in (*s.nums.values(), *s.codes.values())):
        raise ValueError("ragged snapshot")
    for c in TEXTS:
        if n and (s.codes[c].min() < 0 or s.codes[c].max() >= len(s.uniques[c])):
            raise ValueError("bad dictionary code")
