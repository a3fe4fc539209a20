"""The hand-curated layer (`data/gazetteer_curated.csv`) and the checks every built row must pass."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from ...exceptions import GeomapError, InputError
from ...models import PRECISIONS
from ..names import normalize
from ..rows import Row, read_rows, row_from_fields
from .aliases import dedupe_names


def _patched(old: Row, f: dict, origin_label: str) -> Row:
    """A built row with a patch applied: its fields replace the row's, its aliases come first, and a renamed row
    keeps its old name as an alias (`Zaporizhzhya` -> `Zaporizhzhia`)."""
    upd = {k: v for k, v in f.items() if k not in ("id", "aliases", "weak_aliases")}
    name = upd.get("name", old.name)
    renamed = [old.name] if name != old.name else []
    aliases = dedupe_names(name, list(f.get("aliases", ())) + renamed + list(old.aliases))
    weak = dedupe_names(name, list(old.weak_aliases) + list(f.get("weak_aliases", ())),
                        drop={normalize(a) for a in aliases})
    if "source" not in upd:
        upd["source"] = f"{old.source}+{origin_label}"
    return replace(old, **upd, aliases=aliases, weak_aliases=weak)


def _new_row(f: dict, origin: str, line: int, origin_label: str) -> Row:
    """A curated place of its own (+3 boost unless it says otherwise); it must have a name, kind and point."""
    for fld in ("name", "kind", "lat", "lon"):
        if fld not in f:
            raise InputError(origin, f"new row {f['id']!r} needs {fld} (or use an existing id to patch)",
                             line=line, field=fld)
    f.setdefault("source", origin_label)
    f.setdefault("boost", 3.0)
    f["aliases"] = dedupe_names(f["name"], list(f.get("aliases", ())))
    return row_from_fields(f)


def apply_curated(rows: dict[str, Row], curated_path: Path, origin_label: str = "curated") -> dict:
    """Add new curated rows; merge 'patch' rows (an existing id) into the built row. Errors name file:line."""
    added = patched = 0
    seen: dict[str, int] = {}
    for line, f in read_rows(curated_path, partial=True):
        rid = f["id"]
        if rid in seen:
            raise InputError(str(curated_path), f"duplicate id {rid!r} (first on line {seen[rid]})", line=line,
                             field="id")
        seen[rid] = line
        if rid in rows:
            rows[rid] = _patched(rows[rid], f, origin_label)
            patched += 1
        else:
            rows[rid] = _new_row(f, str(curated_path), line, origin_label)
            added += 1
    return {"curated_added": added, "curated_patched": patched}


def check_rows(rows: list[Row]) -> None:
    """Build-time invariants: unique ids, coordinates in range, known kinds, names present."""
    seen: set[str] = set()
    for r in rows:
        if r.id in seen:
            raise GeomapError(f"duplicate id {r.id!r} in the built gazetteer")
        seen.add(r.id)
        if not (-90.0 <= r.lat <= 90.0) or not (-180.0 <= r.lon <= 180.0) or math.isnan(r.lat + r.lon):
            raise GeomapError(f"{r.id} ({r.name}): lat/lon {r.lat},{r.lon} out of range")
        if r.kind not in PRECISIONS:
            raise GeomapError(f"{r.id}: kind {r.kind!r} not in {PRECISIONS}")
        if not r.name.strip():
            raise GeomapError(f"{r.id}: empty name")
