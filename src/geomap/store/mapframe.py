"""The app's filters applied column-wise to the map's snapshot (geomap.store.snapshot), and its rows as a frame.

Same meaning as the SQL filters (geomap.store.filters): a None filter is off, an empty list matches nothing, "" in
a list stands for "none". The date window is two binary searches on the sorted date column (no stored range is
longer than the snapshot's `max_span`, so the rows before `start - max_span` cannot overlap). Filters on a text
column test each distinct value once and pick rows by their codes. The free-text and article filters read ids from
SQL (they look at text the snapshot does not hold).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from geomap.store.filters import as_date
from geomap.store.snapshot import NAMES, NO_DAY, TEXTS, Snapshot

_EPOCH = date(1970, 1, 1)
#: The datetime dtype `pd.to_datetime` gives ISO days (ns in pandas 2, us in pandas 3): `events_frame`'s.
_DAY_DTYPE = pd.to_datetime(pd.Series(["2000-01-01"]), format="%Y-%m-%d").dtype
#: The dtype pandas gives text read from SQLite (object in pandas 2, Arrow-backed "str" in pandas 3).
_STR_DTYPE = pd.Series(["a"]).dtype
#: Filters on a text column of the snapshot: filter name -> column.
_AMONG = {"event_types": "event_type", "sub_event_types": "sub_event_type", "countries": "country_code",
          "precisions": "precision"}


def _day(d: date | str, back: int = 0) -> int:
    """Days since 1970 of `d` minus `back`, within the snapshot's int32 day numbers."""
    i32 = np.iinfo(np.int32)
    return min(max((as_date(d) - _EPOCH).days - back, i32.min + 1), i32.max)


def select(s: Snapshot, start: date | None, end: date | None, f: dict[str, Any],
           ids_matching: Callable[[dict[str, Any]], Iterable[int]]) -> np.ndarray:
    """Row positions (ascending, i.e. by date then id) of the events matching the filters. `ids_matching` answers
    the text and article filters from SQL."""
    lo, hi = 0, len(s)
    day = s.nums["date"]
    if end is not None:
        hi = int(np.searchsorted(day, _day(end), side="right"))
    if start is not None:
        lo = min(int(np.searchsorted(day, _day(start, s.max_span), side="left")), hi)
    keep = np.ones(hi - lo, dtype=bool)
    if start is not None:
        keep &= s.nums["date_end"][lo:hi] >= _day(start)
    if f.get("min_score"):
        keep &= s.nums["event_score"][lo:hi] >= float(f["min_score"])
    for name, col in _AMONG.items():
        if f.get(name) is not None:
            keep &= _among(s, col, f[name], lo, hi)
    if f.get("actors") is not None:
        keep &= _with_actor(s, f["actors"], lo, hi)
    rest = {k: f[k] for k in ("articles", "text") if f.get(k) is not None}
    if rest:
        ids = np.fromiter(ids_matching(rest), dtype=np.int64)
        keep &= np.isin(s.nums["event_id"][lo:hi], ids)
    return lo + np.flatnonzero(keep)


#: The snapshot's text columns the filter options come from (geomap.filters.choices).
OPTION_COLUMNS = ("event_type", "sub_event_type", "country_code", "actors", "precision")


def distinct_rows(s: Snapshot) -> np.ndarray:
    """Row positions (ascending) of the first row with each distinct value of OPTION_COLUMNS: a frame of these
    rows offers the same filter options as the frame of every row (values no row uses any more are left out)."""
    firsts = [np.unique(s.codes[c], return_index=True)[1] for c in OPTION_COLUMNS]
    return np.unique(np.concatenate(firsts))


def _among(s: Snapshot, col: str, values: Iterable[str], lo: int, hi: int) -> np.ndarray:
    """Rows whose `col` is one of `values` ("" = no value)."""
    wanted = np.isin(s.uniques[col], np.asarray(list(values), dtype=object))
    return wanted[s.codes[col][lo:hi]] if len(wanted) else np.zeros(hi - lo, dtype=bool)


def _with_actor(s: Snapshot, values: Iterable[str], lo: int, hi: int) -> np.ndarray:
    """Rows with one of the actors ("" = events without any actor)."""
    wanted = set(values)
    ok = np.array([bool(wanted.intersection(map(str, a))) or ("" in wanted and not a) for a in s.actor_lists()],
                  dtype=bool)
    return ok[s.codes["actors"][lo:hi]] if len(ok) else np.zeros(hi - lo, dtype=bool)


def _texts(s: Snapshot, col: str, rows: np.ndarray) -> Any:
    """A text column's values at `rows` in the dtype `events_frame` has: pandas 3's Arrow-backed strings are taken
    in Arrow (building them from Python strings was most of the frame's time), pandas 2's objects from numpy."""
    codes = s.codes[col][rows]
    if getattr(_STR_DTYPE, "storage", None) == "pyarrow" and (arrow := s.arrow_uniques(col)) is not None:
        import pyarrow as pa

        return pd.array(arrow.take(pa.array(codes)), dtype=_STR_DTYPE)
    return s.uniques[col][codes]


def frame(s: Snapshot, rows: np.ndarray) -> pd.DataFrame:
    """The snapshot's rows as the map's frame: the columns and dtypes `Store.events_frame` gives them."""
    out: dict[str, Any] = {}
    for c in NAMES:
        if c == "actors":
            out[c] = s.actor_lists()[s.codes[c][rows]]
        elif c in TEXTS:
            out[c] = _texts(s, c, rows)
        elif c == "fatalities":
            v = s.nums[c][rows]
            out[c] = pd.arrays.IntegerArray(np.nan_to_num(v).astype(np.int64), np.isnan(v))
        elif c in ("date", "date_end"):
            days = s.nums[c][rows]
            out[c] = np.where(days == NO_DAY, np.datetime64("NaT"), days.astype("datetime64[D]")).astype(_DAY_DTYPE)
        else:
            out[c] = s.nums[c][rows]
    df = pd.DataFrame(out, columns=list(NAMES))
    df.attrs["total"] = len(s)
    return df
