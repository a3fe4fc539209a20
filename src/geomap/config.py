"""Where geomap keeps its files. One rule for the CLI and the app (DESIGN §3)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir

#: The project root when running from a checkout (src/geomap/config.py -> ../../).
ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("GEOMAP_DATA", ROOT / "data"))
GAZETTEER_CSV = DATA_DIR / "gazetteer.csv"
CURATED_CSV = DATA_DIR / "gazetteer_curated.csv"
USER_OVERRIDES_CSV = Path(os.environ.get("GEOMAP_OVERRIDES", DATA_DIR / "user_overrides.csv"))
#: Rebuildable caches (the gazetteer index pickle, online geocoder answers): $GEOMAP_CACHE, else the user's cache
#: folder (platformdirs: ~/.cache/geomap on Linux), never the checkout, so a read-only install works and nothing
#: the app derives lands in the code folder.
CACHE_DIR = Path(os.environ.get("GEOMAP_CACHE") or user_cache_dir("geomap", appauthor=False))
#: The map's large event payloads (mapview.serving serves them from here, not from ./static).
MAP_PAYLOAD_DIR = CACHE_DIR / "map-events"
SAMPLE_ARTICLES = DATA_DIR / "articles"
DEFAULT_DB = DATA_DIR / "geomap.sqlite"
#: The resolver's fitted weight table (scripts/fit_resolve_weights.py); part of the code's data, not the user's.
RESOLVE_WEIGHTS = Path(os.environ.get("GEOMAP_RESOLVE_WEIGHTS", ROOT / "data" / "models" / "resolve_weights.json"))


def _env_number(name: str, default: float) -> float:
    """A positive number from the environment; a bad value falls back to the default rather than stopping the app
    (the limits below are safety nets, not features)."""
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


#: Largest article accepted (bytes of a file, characters of a CSV/JSONL row, pasted text or upload). Real news
#: articles are under 100 KB; a 5 MB "article" is a mistake or an attack, and refusing it keeps memory bounded.
MAX_ARTICLE_BYTES = int(_env_number("GEOMAP_MAX_ARTICLE_MB", 5) * 1_000_000)
#: Time budget for one article in ingest (seconds): an article still in the pipeline after this is reported as
#: failed at the next step boundary instead of pinning a core for minutes.
ARTICLE_SECONDS = _env_number("GEOMAP_ARTICLE_SECONDS", 30)


def db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """`--db`, else $GEOMAP_DB, else data/geomap.sqlite."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get("GEOMAP_DB")
    return Path(env) if env else DEFAULT_DB
