"""Where geomap keeps its files. One rule for the CLI and the app (DESIGN §3)."""

from __future__ import annotations

import os
from pathlib import Path

#: The project root when running from a checkout (src/geomap/config.py -> ../../).
ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("GEOMAP_DATA", ROOT / "data"))
GAZETTEER_CSV = DATA_DIR / "gazetteer.csv"
CURATED_CSV = DATA_DIR / "gazetteer_curated.csv"
USER_OVERRIDES_CSV = Path(os.environ.get("GEOMAP_OVERRIDES", DATA_DIR / "user_overrides.csv"))
CACHE_DIR = Path(os.environ.get("GEOMAP_CACHE", DATA_DIR / "cache"))
SAMPLE_ARTICLES = DATA_DIR / "articles"
DEFAULT_DB = DATA_DIR / "geomap.sqlite"
#: The resolver's fitted weight table (scripts/fit_resolve_weights.py); part of the code's data, not the user's.
RESOLVE_WEIGHTS = Path(os.environ.get("GEOMAP_RESOLVE_WEIGHTS", ROOT / "data" / "models" / "resolve_weights.json"))


def db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """`--db`, else $GEOMAP_DB, else data/geomap.sqlite."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get("GEOMAP_DB")
    return Path(env) if env else DEFAULT_DB
