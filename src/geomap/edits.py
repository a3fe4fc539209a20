"""Corrections as an analyst makes them: for "everywhere" or for "this article", undone with one click, and every
one kept in a history (who, when, what) beside the user overrides file.

Why a history and not only the overrides: undo needs what was there before, and someone reviewing a map asks "who
moved this, and from where?". The files, all beside config.USER_OVERRIDES_CSV (so GEOMAP_OVERRIDES moves them all):
- the user overrides: corrections for everywhere (a name means this place in every article);
- `user_article_places.json`: corrections for one article (geomap.gazetteer.scoped), keyed by the article's content
  hash, so they follow its text; in that article they win over the everywhere ones;
- `user_corrections.jsonl`: one JSON object per line, only ever appended: {seq, at, who, action ("correct" or
  "undo"), scope, name, article, article_hash, before, after}; `before` holds the rows a correction replaced.
A correction re-reads only the stored articles it concerns (geomap.corrections.reapply); event ids survive it.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from geomap import config
from geomap.corrections import CorrectionReport, reapply
from geomap.exceptions import InputError
from geomap.gazetteer import (
    Gazetteer,
    add_override,
    format_row,
    load_gazetteer,
    normalize,
    parse_row,
    read_rows,
    row_from_fields,
)
from geomap.gazetteer.names import slug
from geomap.gazetteer.rows import Row, write_rows
from geomap.gazetteer.scoped import read_scoped, scoped_key, scoped_path, write_scoped
from geomap.pagedata import open_store

EVERYWHERE, THIS_ARTICLE = "everywhere", "this article"
SCOPES = (EVERYWHERE, THIS_ARTICLE)
Loader = Callable[[], Gazetteer]


def history_path(overrides: str | os.PathLike | None = None) -> Path:
    return Path(overrides or config.USER_OVERRIDES_CSV).with_name("user_corrections.jsonl")


def _who() -> str:
    """Who made a correction: $GEOMAP_USER, else the account running geomap (the app has no login)."""
    try:
        return os.environ.get("GEOMAP_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def new_row(name: str, place_id: str, *, lat: float, lon: float, kind: str, country: str = "", admin1: str = "",
            radius_km: float = 0.0, population: int = 0) -> Row:
    """A checked gazetteer row; bad values raise InputError naming the field, before anything is written."""
    cc = (country or "").strip().upper()
    rec = {"id": place_id, "name": name, "kind": kind, "lat": repr(float(lat)), "lon": repr(float(lon)),
           "country_code": cc, "admin1": admin1 or "", "population": str(int(population or 0) or ""),
           "radius_km": str(float(radius_km or 0.0) or ""), "source": "user"}
    row = row_from_fields(parse_row(rec, "gazetteer page", None))
    if row.admin1 and "." not in row.admin1 and row.country_code:
        row = replace(row, admin1=f"{row.country_code}.{row.admin1}")
    return row


def _formatted(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    return [format_row(row_from_fields({**f, "boost": f.get("boost", 0.0)})) for _line, f in read_rows(path)]


def _set_everywhere(path: Path, row: Row) -> list[dict[str, str]]:
    """Make `row` the user's place for its name (replacing the user's earlier rows for that name or id); returns
    the rows it replaced."""
    key = normalize(row.name)
    old = _formatted(path)  # validates the file before it is rewritten
    before = [r for r in old if r["id"] == row.id or normalize(r["name"]) == key]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_rows(path, [r for r in old if r not in before] + [format_row(row)])
    return before


def _restore_everywhere(path: Path, added_id: str, before: list[dict[str, str]]) -> None:
    drop = {added_id} | {r["id"] for r in before}
    write_rows(path, [r for r in _formatted(path) if r["id"] not in drop] + before)


def _set_scoped(path: Path, article_hash: str, key: str, rec: dict[str, str] | None) -> dict[str, str] | None:
    """Set (or with None remove) one article's place for a name; returns what was there."""
    scoped = read_scoped(path)
    rows = scoped.setdefault(article_hash, {})
    before = rows.pop(key, None)
    if rec is not None:
        rows[key] = rec
    write_scoped(path, scoped)
    return before


def read_history(overrides: str | os.PathLike | None = None) -> list[dict[str, Any]]:
    """Every correction and undo, oldest first (a damaged line is passed over: the history is a record, the
    overrides files hold the state)."""
    path = history_path(overrides)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise InputError(str(path), f"unreadable corrections history ({exc})") from None
    out = []
    for line in lines:
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and isinstance(rec.get("seq"), int):
            out.append(rec)
    return out


def _append(overrides: str | os.PathLike | None, rec: dict[str, Any]) -> dict[str, Any]:
    path = history_path(overrides)
    hist = read_history(overrides)
    rec = {"seq": max((h["seq"] for h in hist), default=0) + 1,
           "at": datetime.now(UTC).isoformat(timespec="seconds"), "who": _who(), **rec}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return rec


def correct(db: Path, name: str, *, scope: str = EVERYWHERE, article: str | None = None,
            overrides: str | os.PathLike | None = None, load: Loader | None = None,
            **place: Any) -> CorrectionReport:
    """Save a correction (`place`: lat, lon, kind, country, admin1, radius_km, population) for `name` everywhere
    or in one stored article, record it, and re-apply it to the stored events at once."""
    name = " ".join((name or "").split())
    if not name:
        raise InputError("gazetteer page", "the place name is empty", field="name")
    if scope not in SCOPES:
        raise InputError("gazetteer page", f"unknown scope {scope!r}", field="scope")
    ov = Path(overrides or config.USER_OVERRIDES_CSV)
    cc = str(place.get("country") or "").strip().lower()
    base_id = f"user:{slug(name, cyrillic=True) or 'place'}" + (f"-{cc}" if cc else "")
    if scope == EVERYWHERE:
        row = new_row(name, base_id, **place)
        before: Any = _set_everywhere(ov, row)
        rec = {"article": "", "article_hash": ""}
    else:
        with open_store(db) as store:
            art = store.get_article(article or "")
        if art is None:
            raise InputError("gazetteer page", "choose a stored article for a correction in one article",
                             field="article")
        h = art.content_hash
        row = new_row(name, f"{base_id}@{h[:8]}", **place)
        before = _set_scoped(scoped_path(ov), h, scoped_key(name), format_row(row))
        rec = {"article": art.id, "article_hash": h, "article_title": art.title}
    _append(ov, {"action": "correct", "scope": scope, "name": name, **rec, "before": before,
                 "after": format_row(row)})
    return reapply(db, name, gazetteer=_gazetteer(load, ov),
                   articles=[rec["article"]] if scope == THIS_ARTICLE else None, scoped=scoped_path(ov))


def add_place(db: Path | None, overrides: str | os.PathLike | None = None, load: Loader | None = None,
              **place: Any) -> tuple[Row, list[CorrectionReport]]:
    """`geomap gazetteer add`: a place (every field `add_override` takes) for everywhere, kept in the history like
    the Gazetteer page's corrections so `geomap gazetteer undo` takes it back; the stored events that name it follow
    at once when `db` exists."""
    ov = Path(overrides or config.USER_OVERRIDES_CSV)
    old = _formatted(ov)  # validates the file before add_override rewrites it
    row = add_override(**place, path=ov)
    before = [r for r in old if r["id"] == row.id]  # what add_override replaced
    _append(ov, {"action": "correct", "scope": EVERYWHERE, "name": row.name, "article": "", "article_hash": "",
                 "via": "command line", "before": before, "after": format_row(row)})
    if db is None or not Path(db).exists():
        return row, []
    gaz = _gazetteer(load, ov)
    return row, [reapply(db, n, gazetteer=gaz, scoped=scoped_path(ov)) for n in (row.name, *row.aliases)]


def _gazetteer(load: Loader | None, overrides: Path) -> Gazetteer:
    """The gazetteer a correction is re-applied with: `load`'s, else the shipped one with these overrides."""
    return load() if load else load_gazetteer(overrides_path=overrides)


def last_undoable(overrides: str | os.PathLike | None = None) -> dict[str, Any] | None:
    """The latest correction not yet undone (undo walks back one at a time)."""
    hist = read_history(overrides)
    undone = {h.get("undoes") for h in hist if h.get("action") == "undo"}
    return next((h for h in reversed(hist) if h.get("action") == "correct" and h["seq"] not in undone), None)


def undo_last(db: Path, overrides: str | os.PathLike | None = None, load: Loader | None = None
              ) -> tuple[dict[str, Any], CorrectionReport] | None:
    """Undo the latest correction: what it replaced comes back and the stored events follow; None when there is
    nothing to undo."""
    last = last_undoable(overrides)
    if last is None:
        return None
    ov = Path(overrides or config.USER_OVERRIDES_CSV)
    if last["scope"] == EVERYWHERE:
        _restore_everywhere(ov, last["after"]["id"], list(last.get("before") or []))
    else:
        _set_scoped(scoped_path(ov), last["article_hash"], scoped_key(last["name"]), last.get("before"))
    _append(ov, {"action": "undo", "undoes": last["seq"], "scope": last["scope"], "name": last["name"],
                 "article": last.get("article", ""), "article_hash": last.get("article_hash", "")})
    rep = reapply(db, last["name"], gazetteer=_gazetteer(load, ov),
                  articles=[last["article"]] if last["scope"] == THIS_ARTICLE else None, scoped=scoped_path(ov))
    return last, rep


def describe(h: dict[str, Any]) -> str:
    """One history entry in words."""
    if h.get("action") == "undo":
        return f"undid correction #{h.get('undoes')} of “{h.get('name', '')}”"
    a = h.get("after") or {}
    where = f"{a.get('lat', '?')}, {a.get('lon', '?')}"
    what = ", ".join(x for x in (a.get("kind"), a.get("country_code")) if x)
    return f"“{h.get('name', '')}” → {where} ({what})"


def history_rows(overrides: str | os.PathLike | None = None) -> list[dict[str, Any]]:
    """The history as the page's table: newest first, in words."""
    hist = read_history(overrides)
    undone = {h.get("undoes") for h in hist if h.get("action") == "undo"}
    return [{"#": h["seq"], "when": str(h.get("at", "")).replace("T", " ")[:16], "who": h.get("who", ""),
             "what": describe(h), "scope": h.get("scope", ""),
             "article": h.get("article_title") or h.get("article") or "",
             "undone": h["seq"] in undone} for h in reversed(hist)]
