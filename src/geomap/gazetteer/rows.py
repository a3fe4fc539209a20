"""The gazetteer's CSV schema: one typed `Row`, its checks and its stable text form.

The build, the loader and `geomap gazetteer add` read and write the same files, so they share these checks: a bad
hand-edited row fails the same way everywhere, naming file:line, the field and the reason.
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exceptions import GazetteerError, InputError
from ..models import PRECISIONS

#: Columns of data/gazetteer.csv (and of curated/override files, where most may be empty).
COLUMNS = (
    "id", "name", "kind", "lat", "lon", "country_code", "admin1", "population", "radius_km", "feature",
    "aliases", "weak_aliases", "boost", "source",
)
REQUIRED = ("id", "name", "kind", "lat", "lon")
_TEXT = ("name", "kind", "country_code", "admin1", "feature", "source")
_COORDINATES = (("lat", -90.0, 90.0), ("lon", -180.0, 180.0))

#: Builds the error for (field, reason) of the record being checked.
Fault = Callable[[str, str], InputError]


@dataclass(frozen=True)
class Row:
    """One validated gazetteer row (the build script and the loader share the checks)."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country_code: str = ""
    admin1: str = ""
    population: int = 0
    radius_km: float = 0.0
    feature: str = ""
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()
    boost: float = 0.0
    source: str = ""


def split_names(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip()) if value else ()


def _cell(rec: dict[str, str], fld: str) -> str:
    return (rec.get(fld) or "").strip()


def _number(value: str, fld: str, bad: Fault) -> float:
    try:
        return float(value)
    except ValueError:
        raise bad(fld, f"{value!r} is not a number") from None


def _text_fields(rec: dict[str, str], bad: Fault) -> dict[str, Any]:
    """The non-empty text fields, with `kind` a known precision and `country_code` an upper-case ISO alpha-2."""
    out = {fld: v for fld in _TEXT if (v := _cell(rec, fld))}
    if "kind" in out and out["kind"] not in PRECISIONS:
        raise bad("kind", f"{out['kind']!r} is not one of {', '.join(PRECISIONS)}")
    if "country_code" in out:
        cc = out["country_code"]
        if not (len(cc) == 2 and cc.isalpha()):
            raise bad("country_code", f"{cc!r} is not an ISO 3166-1 alpha-2 code")
        out["country_code"] = cc.upper()
    return out


def _coordinates(rec: dict[str, str], bad: Fault) -> dict[str, float]:
    out = {}
    for fld, lo, hi in _COORDINATES:
        if v := _cell(rec, fld):
            f = _number(v, fld, bad)
            if not (lo <= f <= hi) or math.isnan(f):
                raise bad(fld, f"{f} is outside [{lo:g}, {hi:g}]")
            out[fld] = f
    return out


def _quantities(rec: dict[str, str], bad: Fault) -> dict[str, Any]:
    """population (a non-negative whole number), radius_km (0..20000) and boost (any number but NaN)."""
    out: dict[str, Any] = {}
    if v := _cell(rec, "population"):
        p = int(_number(v, "population", bad))
        if p < 0:
            raise bad("population", "negative population")
        out["population"] = p
    for fld in ("radius_km", "boost"):
        if v := _cell(rec, fld):
            f = _number(v, fld, bad)
            if math.isnan(f) or (fld == "radius_km" and not 0 <= f <= 20000):
                raise bad(fld, f"{v!r} is out of range")
            out[fld] = f
    return out


def parse_row(rec: dict[str, str], origin: str, line: int | None, *, partial: bool = False) -> dict[str, Any]:
    """Check one CSV record; return typed fields (only the non-empty ones when `partial`).

    Raises InputError naming file:line, the field and the reason, so a bad hand-edited row is easy to fix.
    """

    def bad(fld: str, reason: str) -> InputError:
        return InputError(origin, reason, line=line, field=fld)

    rid = _cell(rec, "id")
    if not rid:
        raise bad("id", "empty id")
    if not partial and (empty := next((fld for fld in REQUIRED if not _cell(rec, fld)), None)):
        raise bad(empty, "required field is empty")
    out: dict[str, Any] = {"id": rid, **_text_fields(rec, bad), **_coordinates(rec, bad), **_quantities(rec, bad)}
    for fld in ("aliases", "weak_aliases"):
        if names := split_names(rec.get(fld) or ""):
            out[fld] = names
    return out


def _is_blank_or_comment(rec: dict[str | None, Any]) -> bool:
    """Blank lines and `#` comment rows of hand-edited files are skipped."""
    if not any((v or "").strip() for k, v in rec.items() if k is not None):
        return True
    return (rec.get("id") or "").lstrip().startswith("#")


def read_rows(path: Path, *, partial: bool = False, check_columns: bool = True) -> Iterator[tuple[int, dict]]:
    """Yield (line, typed fields) for each data row of a gazetteer-format CSV file."""
    origin = str(path)
    try:
        fh = open(path, encoding="utf-8", newline="")
    except OSError as e:
        raise GazetteerError(f"{origin}: cannot open: {e.strerror or e}") from e
    with fh:
        reader = csv.DictReader(fh)
        try:
            header = reader.fieldnames or []
            if check_columns:
                missing = [c for c in ("id",) + (() if partial else REQUIRED) if c not in header]
                if missing:
                    raise InputError(origin, f"missing column(s) {', '.join(missing)}", line=1)
            for rec in reader:
                if _is_blank_or_comment(rec):
                    continue
                if None in rec:
                    raise InputError(origin, "more fields than the header has", line=reader.line_num)
                yield reader.line_num, parse_row(rec, origin, reader.line_num, partial=partial)
        except UnicodeDecodeError as e:
            raise InputError(origin, f"not UTF-8 text ({e.reason})") from e
        except csv.Error as e:
            raise InputError(origin, f"malformed CSV: {e}", line=reader.line_num) from e


def admin1_records(path: Path) -> Iterator[dict[str, str]]:
    """The raw rows of the first-level regions (`adm:CC.NN`; admin-2 ids have a second dot), read by skipping every
    other line unparsed: a fraction of a second instead of the whole gazetteer's load."""
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader([fh.readline()]))
        for row in csv.reader(line for line in fh if line.startswith("adm:")):
            if row[0].count(".") == 1:
                yield dict(zip(header, row, strict=False))


def row_from_fields(f: dict[str, Any]) -> Row:
    return Row(**{k: v for k, v in f.items() if k in Row.__dataclass_fields__})


def format_row(r: Row) -> dict[str, str]:
    """The CSV form of a row (stable number formatting, so the build is byte-reproducible)."""
    return {
        "id": r.id, "name": r.name, "kind": r.kind,
        "lat": f"{r.lat:.5f}", "lon": f"{r.lon:.5f}",
        "country_code": r.country_code, "admin1": r.admin1,
        "population": str(r.population) if r.population else "",
        "radius_km": f"{r.radius_km:g}" if r.radius_km else "",
        "feature": r.feature, "aliases": "|".join(r.aliases), "weak_aliases": "|".join(r.weak_aliases),
        "boost": f"{r.boost:g}" if r.boost else "", "source": r.source,
    }


def write_rows(path: Path, rows: Iterable[dict[str, str]]) -> None:
    """Write formatted rows through a temporary file renamed over `path`: a crash never leaves half a file."""
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)
