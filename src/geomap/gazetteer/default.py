"""The process-wide gazetteer: loaded once, shared by the pipeline, the CLI and the app, reloaded when its files
change (e.g. after `geomap gazetteer add`), so a correction is seen without a restart."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from .. import config
from .cache import file_stamp
from .geocoder import Gazetteer
from .online import fallback_from_env

_SINGLETON: Gazetteer | None = None
_SINGLETON_KEY: tuple | None = None
_SINGLETON_LOCK = threading.Lock()


def load_gazetteer(csv_path: str | os.PathLike | None = None,
                   overrides_path: str | os.PathLike | None = None) -> Gazetteer:
    """The process-wide gazetteer (config.GAZETTEER_CSV + config.USER_OVERRIDES_CSV), loaded once.

    Reloads when either file changed since (e.g. after `geomap gazetteer add`). The online fallback is attached
    when configuration switches it on (see geomap.gazetteer.online.fallback_from_env).
    """
    global _SINGLETON, _SINGLETON_KEY
    csv_p = Path(csv_path) if csv_path else config.GAZETTEER_CSV
    ov_p = Path(overrides_path) if overrides_path else config.USER_OVERRIDES_CSV

    key = (file_stamp(csv_p), file_stamp(ov_p))
    with _SINGLETON_LOCK:
        if _SINGLETON is None or _SINGLETON_KEY != key:
            gaz = Gazetteer.load(csv_p, ov_p)
            gaz.fallback = fallback_from_env()
            _SINGLETON, _SINGLETON_KEY = gaz, key
        return _SINGLETON
