"""The events as the browser receives them: one named column list shared by Python and the map's JS.

Why one list: the payload is positional (short, it is sent for every event), so Python and the JS must agree on
which position holds what. `COLUMNS` is that agreement; the JS gets `COLUMN_INDEX` in its config and reads
`ev[C.lat]`, never a number.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path

import pandas as pd

from geomap.models import EVENT_TYPES, PRECISION_RANK

#: Column order of one event in the payload.
COLUMNS = ("id", "lat", "lon", "type", "precision", "radius_m", "name", "place", "date", "date_end",
           "sentence", "place_start", "title", "sources", "country_code")
#: Name -> position, for Python and (through the layer's config) for the JS.
COLUMN_INDEX = {name: i for i, name in enumerate(COLUMNS)}
#: The columns that describe the place: the columnar file stores each distinct place once.
PLACE_COLUMNS = ("lat", "lon", "precision", "radius_m", "name", "place", "country_code")
#: Columns stored in the columnar file as indexes into a shared table of distinct values.
SHARED_COLUMNS = {"date": "days", "date_end": "days", "title": "titles"}
#: Columns the columnar file may leave out when every value is empty (the decoder fills in "").
OPTIONAL_COLUMNS = ("sentence", "title")

#: Extent drawn when the gazetteer gives none, by precision (km). 0 = a point.
DEFAULT_RADIUS_KM = {"landmark": 0, "district": 3, "city": 0, "region": 120, "country": 350, "sea": 250,
                     "continent": 1500}
#: Precisions drawn as areas rather than points ("Belarus" must not look like a pin on one town).
AREA_PRECISIONS = frozenset({"district", "region", "country", "sea", "continent"})
#: Above this many events, popups omit the sentence (still shown in the side panel): keeps the payload small.
POPUP_SENTENCE_LIMIT = 20000
#: Payloads with more rows than this are served as a file (when the caller gives a folder), not inlined.
INLINE_MAX_ROWS = 2000
#: How many payload files to keep in the folder (oldest are removed).
KEEP_PAYLOADS = 40


def num(value: object, default: float = 0.0) -> float:
    """A float from a store value, `default` for None, NaN and text."""
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return default if math.isnan(f) else f


def radius_m(precision: str, radius_km: object) -> float:
    """Metres to draw for an event's place: 0 for a point, else the place's extent (or a default per kind)."""
    if precision not in AREA_PRECISIONS:
        return 0.0
    km = num(radius_km)
    if km <= 0:
        km = DEFAULT_RADIUS_KM.get(precision, 50)
    if precision == "district":
        km = min(max(km, 1.0), 15.0)
    return round(km * 1000.0, 1)


def point_count(rows: list[list]) -> int:
    """How many rows are drawn as points (no extent): what decides clustering."""
    at = COLUMN_INDEX["radius_m"]
    return sum(1 for r in rows if r[at] == 0)


def _iso_col(col: pd.Series) -> list[str]:
    d = pd.to_datetime(col, errors="coerce")
    return d.dt.strftime("%Y-%m-%d").fillna("").tolist()


def _columns(d: pd.DataFrame, with_sentences: bool) -> dict[str, list]:
    """Every payload column of the rows in `d`, by name."""
    n = len(d)

    def col(name: str, default: object = "") -> pd.Series:
        return d[name] if name in d.columns else pd.Series([default] * n, index=d.index)

    def text(name: str) -> pd.Series:
        return col(name).fillna("").astype(str)

    prec = col("precision", "city").fillna("city").astype(str)
    title = text("title").where(lambda t: t != "", text("article"))
    return {
        "id": col("event_id").astype(str).tolist(),
        "lat": d["lat"].astype(float).round(5).tolist(),
        "lon": d["lon"].astype(float).round(5).tolist(),
        "type": col("event_type").map({t: i for i, t in enumerate(EVENT_TYPES)}).fillna(-1).astype(int).tolist(),
        "precision": prec.map(PRECISION_RANK).fillna(2).astype(int).tolist(),
        "radius_m": [radius_m(p, r) for p, r in zip(prec, col("radius_km", 0.0), strict=True)],
        "name": text("name").tolist(),
        "place": text("place").tolist(),
        "date": _iso_col(col("date", None)),
        "date_end": _iso_col(col("date_end", None)),
        "sentence": text("sentence").tolist() if with_sentences else [""] * n,
        "place_start": pd.to_numeric(col("place_start", -1), errors="coerce").fillna(-1).astype(int).tolist(),
        "title": title.tolist() if with_sentences else [""] * n,
        "sources": pd.to_numeric(col("source_count", 1), errors="coerce").fillna(1).astype(int).tolist(),
        "country_code": text("country_code").tolist(),
    }


def event_payload(df: pd.DataFrame, with_sentences: bool | None = None) -> list[list]:
    """One compact row per event with a valid coordinate (see COLUMNS). Column-wise: 50,000 rows in well under a
    second."""
    if df is None or df.empty:
        return []
    if with_sentences is None:
        with_sentences = len(df) <= POPUP_SENTENCE_LIMIT
    lat = pd.to_numeric(df["lat"], errors="coerce")
    lon = pd.to_numeric(df["lon"], errors="coerce")
    d = df[lat.between(-90, 90) & lon.between(-180, 180)]
    if d.empty:
        return []
    cols = _columns(d, with_sentences)
    return [list(r) for r in zip(*(cols[c] for c in COLUMNS), strict=True)]


def _plain_numbers(ids: list[str]) -> bool:
    """Ids that survive a round trip through a JSON number (no sign, no leading zero, exact in a double)."""
    return all(isinstance(i, str) and i.isdigit() and (i == "0" or i[0] != "0") and len(i) < 16 for i in ids)


def columnar_payload(rows: list[list]) -> dict:
    """The payload rows as columns, with what repeats factored out into tables (places, days, titles).

    Why: at 50,000 events the row form is ~5 MB of JSON that the browser must download and parse before it draws;
    events share a few thousand places and days, so this form is about a third of that. The browser rebuilds the
    exact rows (`fromColumns` in map.js; `rows_from_columns` here), so nothing else changes.
    """
    by_name: dict[str, tuple] = dict(zip(COLUMNS, zip(*rows, strict=True), strict=True)) if rows else {
        c: () for c in COLUMNS}
    places: dict[tuple, int] = {}
    loc = [places.setdefault(k, len(places)) for k in zip(*(by_name[c] for c in PLACE_COLUMNS), strict=True)]
    shared: dict[str, dict[str, int]] = {t: {} for t in SHARED_COLUMNS.values()}
    cols: dict[str, list] = {}
    for c in COLUMNS:
        if c in PLACE_COLUMNS or (c in OPTIONAL_COLUMNS and not any(by_name[c])):
            continue
        table = shared.get(SHARED_COLUMNS.get(c, ""))
        cols[c] = [table.setdefault(v, len(table)) for v in by_name[c]] if table is not None else list(by_name[c])
    if _plain_numbers(cols["id"]):
        cols["id"] = [int(i) for i in cols["id"]]  # JSON numbers: no quotes (the decoder turns them back to text)
    return {"v": 2, "loc": loc, "places": {c: [k[i] for k in places] for i, c in enumerate(PLACE_COLUMNS)},
            "cols": cols, "refs": SHARED_COLUMNS, "shared": {t: list(v) for t, v in shared.items()}}


def rows_from_columns(payload: dict) -> list[list]:
    """The inverse of `columnar_payload` (what the browser does before drawing)."""
    places, cols, refs, shared, loc = (payload[k] for k in ("places", "cols", "refs", "shared", "loc"))
    columns: list[list] = []
    for c in COLUMNS:
        if c in places:
            columns.append([places[c][k] for k in loc])
        elif c not in cols:
            columns.append([""] * len(loc))
        elif c in refs:
            columns.append([shared[refs[c]][i] for i in cols[c]])
        else:
            columns.append(cols[c])
    columns[COLUMN_INDEX["id"]] = [str(i) for i in columns[COLUMN_INDEX["id"]]]
    return [list(r) for r in zip(*columns, strict=True)]


def write_payload(rows: list[list], folder: str | Path) -> str:
    """Write the rows (columnar, see `columnar_payload`) as `<sha1>.json` under `folder` (once per content);
    return the file name."""
    text = json.dumps(columnar_payload(rows), ensure_ascii=False, separators=(",", ":"))
    name = hashlib.sha1(text.encode("utf-8")).hexdigest()[:20] + ".json"
    folder = Path(folder)
    target = folder / name
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        old = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)[:-KEEP_PAYLOADS]
        for p in old:
            p.unlink(missing_ok=True)
    else:
        target.touch()
    return name
