"""The user's own places (`data/user_overrides.csv`, written by `geomap gazetteer add`), layered over the build.

Why a separate file: the built gazetteer is reproducible from pinned packages and is replaced on every rebuild; an
analyst's corrections must survive that, and win over it (same id: the row is replaced; new names: +10 boost).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .. import config
from ..exceptions import GazetteerError, InputError
from .names import slug
from .ranking import OVERRIDE_BOOST
from .rows import Row, format_row, parse_row, read_rows, row_from_fields, write_rows


def _read_overrides(path: Path) -> dict[str, Row]:
    overrides: dict[str, Row] = {}
    for line, f in read_rows(path):
        if f["id"] in overrides:
            raise InputError(str(path), f"duplicate id {f['id']!r}", line=line, field="id")
        f.setdefault("source", "user")
        f["boost"] = f.get("boost", 0.0) + OVERRIDE_BOOST
        overrides[f["id"]] = row_from_fields(f)
    return overrides


def iter_rows(csv_path: Path, overrides_path: Path | None = None) -> Iterator[Row]:
    """All rows, streamed: the built gazetteer, then the user's overrides (which replace same-id rows and win on
    names). Duplicate ids within a file are errors naming file:line."""
    if not csv_path.exists():
        raise GazetteerError(f"{csv_path}: gazetteer file not found (build it: geomap gazetteer build)")
    overrides = _read_overrides(overrides_path) if overrides_path is not None and overrides_path.exists() else {}
    seen: set[str] = set()
    for line, f in read_rows(csv_path):
        rid = f["id"]
        if rid in seen:
            raise InputError(str(csv_path), f"duplicate id {rid!r}", line=line, field="id")
        seen.add(rid)
        if rid not in overrides:
            yield row_from_fields(f)
    yield from overrides.values()


def add_override(name: str, lat: float, lon: float, *, kind: str = "city", country: str = "", admin1: str = "",
                 aliases: Iterable[str] = (), population: int = 0, radius_km: float = 0.0, feature: str = "",
                 place_id: str = "", path: str | os.PathLike | None = None) -> Row:
    """Add (or replace) a place in the user overrides file; it wins over the built layers on the next load.

    The id is `user:<name>[-<cc>]` unless given, so adding the same name again corrects the earlier entry.
    Bad values raise InputError naming the field, before anything is written.
    """
    target = Path(path) if path else config.USER_OVERRIDES_CSV
    user_id = f"user:{slug(name, cyrillic=True) or 'place'}" + (f"-{country.lower()}" if country else "")
    rec = {"id": place_id or user_id,
           "name": name, "kind": kind, "lat": repr(float(lat)), "lon": repr(float(lon)), "country_code": country,
           "admin1": admin1, "population": str(population or ""), "radius_km": str(radius_km or ""),
           "feature": feature, "aliases": "|".join(a.strip() for a in aliases if a.strip()), "source": "user"}
    if any("|" in a for a in aliases):
        raise InputError("command line", "an alias may not contain '|'", field="alias")
    row = row_from_fields(parse_row(rec, "command line", None))
    if row.admin1 and "." not in row.admin1 and row.country_code:
        row = replace(row, admin1=f"{row.country_code}.{row.admin1}")
    existing: list[dict[str, str]] = []
    if target.exists():
        for _line, f in read_rows(target):  # validates the file we are about to rewrite
            if f["id"] != row.id:
                existing.append(format_row(row_from_fields({**f, "boost": f.get("boost", 0.0)})))
    existing.append(format_row(row))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_rows(target, existing)
    return row
