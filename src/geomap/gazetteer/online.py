"""Optional online fallback behind the offline gazetteer: a geopy geocoder (Nominatim by default).

OFF by default: geomap never touches the network unless `GEOMAP_ONLINE_GEOCODER=nominatim` is set (or a caller
attaches an `OnlineFallback` to a Gazetteer). When on, every request goes through geopy's RateLimiter (Nominatim's
policy is at most one request a second), has a timeout, and its answer - including "no result" - is kept in a
SQLite cache so a name is asked at most once. Errors (timeouts, HTTP 5xx, rate limiting) never propagate: the
lookup returns None and `reason(query)` says why the name stayed unresolved; errors are not cached, so the name is
tried again next time.

Environment: GEOMAP_ONLINE_GEOCODER (``nominatim`` to switch on), GEOMAP_NOMINATIM_DOMAIN, GEOMAP_NOMINATIM_SCHEME,
GEOMAP_GEOCODER_TIMEOUT (s, default 5), GEOMAP_GEOCODER_MIN_DELAY (s, default 1), GEOMAP_GEOCODER_RETRIES
(default 1), GEOMAP_GEOCODER_CACHE (SQLite file, default <cache dir>/online_geocode.sqlite), GEOMAP_USER_AGENT.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import Any

from geopy.exc import GeocoderRateLimited, GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from .. import config
from .names import normalize

USER_AGENT = "geomap/0.1 (offline-first conflict news mapper)"

#: Nominatim `addresstype`/`type` -> our precision (models.PRECISIONS).
_KIND = {
    "continent": "continent", "country": "country",
    "state": "region", "region": "region", "province": "region", "county": "region", "state_district": "region",
    "administrative": "region",
    "city": "city", "town": "city", "village": "city", "hamlet": "city", "municipality": "city",
    "isolated_dwelling": "city", "locality": "city",
    "suburb": "district", "city_district": "district", "neighbourhood": "district", "quarter": "district",
    "borough": "district", "district": "district",
    "sea": "sea", "ocean": "sea", "bay": "sea", "strait": "sea",
}


class GeocodeCache:
    """Persistent answers of the online geocoder, keyed by (normalized query, countries)."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
        with self._lock, self._db:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS geocode (key TEXT PRIMARY KEY, query TEXT NOT NULL, "
                "answer TEXT NOT NULL, created REAL NOT NULL)"
            )

    def get(self, key: str) -> list[dict] | None:
        with self._lock:
            row = self._db.execute("SELECT answer FROM geocode WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, key: str, query: str, answer: list[dict]) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO geocode(key, query, answer, created) VALUES (?, ?, ?, ?)",
                             (key, query, json.dumps(answer, ensure_ascii=False), time.time()))

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM geocode").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _place_fields(loc: Location, source: str) -> dict[str, Any]:
    """Our Place fields from a Nominatim answer (so online and offline Locations look alike)."""
    raw = loc.raw or {}
    addr = raw.get("address") or {}
    kind = _KIND.get(str(raw.get("addresstype") or ""), _KIND.get(str(raw.get("type") or ""), "landmark"))
    name = raw.get("name") or str(loc.address).split(",")[0].strip()
    osm = f"{raw.get('osm_type', '')}:{raw.get('osm_id', raw.get('place_id', ''))}"
    try:
        bb = [float(x) for x in raw.get("boundingbox") or []]
        radius = round(max(bb[1] - bb[0], 0.0) * 111.32 / 2, 1) if len(bb) == 4 else 0.0
    except (TypeError, ValueError):
        radius = 0.0
    return {
        "id": f"{source}:{osm}", "name": name, "lat": float(loc.latitude), "lon": float(loc.longitude),
        "kind": kind, "precision": kind, "country_code": str(addr.get("country_code", "")).upper(), "admin1": "",
        "population": 0, "radius_km": radius, "feature": str(raw.get("type") or ""), "source": source,
        "address": str(loc.address),
    }


class OnlineFallback:
    """A geopy geocoder behind the gazetteer: rate-limited, with timeout, cached, never raising."""

    def __init__(self, geocoder: Any = None, *, cache_path: str | os.PathLike | None = None,
                 min_delay_seconds: float = 1.0, timeout: float = 5.0, max_retries: int = 1,
                 error_wait_seconds: float = 2.0, source: str = "nominatim") -> None:
        if geocoder is None:
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(user_agent=os.environ.get("GEOMAP_USER_AGENT", USER_AGENT), timeout=timeout)
        self.geocoder = geocoder
        self.timeout = timeout
        self.source = source
        self._limited = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=max_retries,
                                    error_wait_seconds=error_wait_seconds, swallow_exceptions=False)
        self.cache = GeocodeCache(cache_path or config.CACHE_DIR / "online_geocode.sqlite")
        self._reasons: dict[str, str] = {}
        self.requests = 0  # network requests made (cache hits excluded) - for tests and the UI

    @staticmethod
    def _key(query: str, countries: list[str] | None) -> str:
        return normalize(query) + "|" + ",".join(sorted(c.lower() for c in countries or ()))

    def reason(self, query: str, country: list[str] | str | None = None) -> str | None:
        """Why the last online lookup of `query` gave nothing (None if it was answered)."""
        countries = [country] if isinstance(country, str) else country
        return self._reasons.get(self._key(query, countries))

    def _ask(self, query: str, key: str, countries: list[str]) -> list[dict] | None:
        """The online answer (cached, "nothing" included), or None after an error (not cached: asked again)."""
        self.requests += 1
        kwargs: dict[str, Any] = {"exactly_one": False, "addressdetails": True, "limit": 5, "timeout": self.timeout}
        if countries:
            kwargs["country_codes"] = countries
        try:
            locs = self._limited(query, **kwargs) or []
        except GeopyError as e:  # timeouts, refusals, configuration/parse errors: report, never crash the app
            self._reasons[key] = _failure(e, self.timeout)
            return None
        answer = [_place_fields(loc, self.source) for loc in locs]
        self.cache.put(key, query, answer)
        return answer

    def geocode(self, query: str, exactly_one: bool = True, country: list[str] | str | None = None,
                ) -> Location | list[Location] | None:
        countries = [country] if isinstance(country, str) else list(country or [])
        key = self._key(query, countries)
        answer = self.cache.get(key)
        if answer is None:
            answer = self._ask(query, key, countries)
            if answer is None:
                return None
        if not answer:
            self._reasons[key] = "not found by the online geocoder either"
            return None
        self._reasons.pop(key, None)
        out = [Location(a["address"], (a["lat"], a["lon"]), {k: v for k, v in a.items() if k != "address"})
               for a in answer]
        return out[0] if exactly_one else out


def _failure(e: GeopyError, timeout: float) -> str:
    """Why a request failed, in words (checked most specific first: geopy's errors subclass each other)."""
    if isinstance(e, GeocoderTimedOut):
        return f"online geocoder timed out after {timeout:g} s"
    if isinstance(e, GeocoderRateLimited):
        return f"online geocoder refused: rate limited ({e})"
    if isinstance(e, GeocoderUnavailable):
        return f"online geocoder unavailable ({e})"
    if isinstance(e, GeocoderServiceError):
        return f"online geocoder error ({e})"
    return f"online geocoder failed ({type(e).__name__}: {e})"


def fallback_from_env(env: dict[str, str] | None = None) -> OnlineFallback | None:
    """The online fallback configured in the environment, or None (the default: fully offline)."""
    env = dict(os.environ) if env is None else env
    which = env.get("GEOMAP_ONLINE_GEOCODER", "").strip().lower()
    if which in ("", "0", "off", "no", "false", "none"):
        return None
    if which != "nominatim":
        print(f"geomap: GEOMAP_ONLINE_GEOCODER={which!r} is not supported (only 'nominatim'); staying offline",
              file=sys.stderr)
        return None
    from geopy.geocoders import Nominatim

    timeout = float(env.get("GEOMAP_GEOCODER_TIMEOUT", "5"))
    geocoder = Nominatim(
        user_agent=env.get("GEOMAP_USER_AGENT", USER_AGENT), timeout=timeout,
        domain=env.get("GEOMAP_NOMINATIM_DOMAIN", "nominatim.openstreetmap.org"),
        scheme=env.get("GEOMAP_NOMINATIM_SCHEME", "https"),
    )
    return OnlineFallback(
        geocoder, timeout=timeout,
        min_delay_seconds=float(env.get("GEOMAP_GEOCODER_MIN_DELAY", "1")),
        max_retries=int(env.get("GEOMAP_GEOCODER_RETRIES", "1")),
        cache_path=env.get("GEOMAP_GEOCODER_CACHE") or (config.CACHE_DIR / "online_geocode.sqlite"),
    )
