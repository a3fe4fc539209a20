"""One article's own places over the gazetteer: a correction with the scope "this article".

Why a thin layer and not a reloaded gazetteer: an analyst who says "in this report, Donetsk is the town in Rostov
oblast" must not change any other article, and rebuilding the world index (250,000 rows) per article would take
seconds. The layer answers the article's names from its few own rows (and only from them: the correction says what
the name means there) and everything else from the shared gazetteer, through the same lookups the pipeline makes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import config
from ..exceptions import InputError
from ..models import Place
from .cache import file_stamp
from .geocoder import Gazetteer
from .names import normalize
from .rows import Row, parse_row, row_from_fields

#: {article content hash: {normalized name: row in its CSV form}}
Scoped = dict[str, dict[str, dict[str, str]]]


def scoped_path(overrides: str | os.PathLike | None = None) -> Path:
    """Where the article-scoped places live: beside the user overrides file (so GEOMAP_OVERRIDES moves both)."""
    return Path(overrides or config.USER_OVERRIDES_CSV).with_name("user_article_places.json")


def read_scoped(path: Path) -> Scoped:
    """The article-scoped places file; a missing file is none, a damaged one an InputError naming it (never
    silently empty: the next write would throw the analyst's corrections away)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"unreadable article corrections file ({exc}); fix or move it") from None
    arts = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(arts, dict):
        raise InputError(str(path), "not an article corrections file (no 'articles' object)")
    return {str(h): {str(k): dict(v) for k, v in rows.items()} for h, rows in arts.items() if isinstance(rows, dict)}


def write_scoped(path: Path, scoped: Scoped) -> None:
    """Write the file through a temporary one renamed over it: a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    body = {"articles": {h: rows for h, rows in scoped.items() if rows}}
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


_READ: dict[Path, tuple[tuple, Scoped]] = {}  # path -> (file stamp, contents): one parse per change of the file


def scoped_rows(article_hash: str, path: Path | None = None) -> list[Row]:
    """The places corrected for this article only (by its content hash), as gazetteer rows. The file is parsed
    again only when it changes, so an ingest can ask for every article at the cost of a stat."""
    path = path or scoped_path()
    stamp = file_stamp(path)
    if stamp[1] is None:  # no file: no article has corrections
        return []
    seen = _READ.get(path)
    if seen is None or seen[0] != stamp:
        seen = _READ[path] = (stamp, read_scoped(path))
    recs = seen[1].get(article_hash) or {}
    return [row_from_fields(parse_row(rec, str(path), None)) for rec in recs.values()]


def scoped_key(name: str) -> str:
    """The key an article's correction is kept under: the name as the gazetteer matches it."""
    return normalize(name)


class ScopedGazetteer:
    """The shared gazetteer with a few rows that win outright for their names (duck-types `Gazetteer`)."""

    def __init__(self, base: Gazetteer, rows: Iterable[Row]) -> None:
        self.base = base
        self.own = Gazetteer.from_rows(list(rows), origin="article corrections")
        self.max_tokens: int = max(base.max_tokens, self.own.max_tokens)

    def __getattr__(self, name: str) -> Any:  # country, capital, region, geocode, ...: the shared gazetteer's
        return getattr(self.base, name)

    def __len__(self) -> int:
        return len(self.base)

    def has(self, name: str) -> bool:
        return self.own.has(name) or self.base.has(name)

    def candidates(self, name: str) -> list[Place]:
        return self.own.candidates(name) or self.base.candidates(name)

    def scored_candidates(self, name: str) -> list[tuple[Place, float]]:
        return self.own.scored_candidates(name) or self.base.scored_candidates(name)

    def matches(self, name: str) -> list[tuple[Place, float, bool, bool]]:
        return self.own.matches(name) or self.base.matches(name)

    def best(self, name: str, country: str | None = None, admin1: str | None = None,
             kind: str | None = None) -> Place | None:
        return self.own.best(name, country, admin1, kind) or self.base.best(name, country, admin1, kind)

    def get(self, place_id: str) -> Place | None:
        return self.own.get(place_id) or self.base.get(place_id)

    def keys(self) -> Iterable[str]:
        yield from self.own.keys()
        yield from self.base.keys()
