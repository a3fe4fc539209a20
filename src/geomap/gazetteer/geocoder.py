"""The gazetteer as a lookup service: name -> places in microseconds, and a geopy `Geocoder` (`geocode` -> `Location`).

Every lookup is a dict access on the normalized name (see `index`); `Place` objects are made on first use and kept.
Being a geopy geocoder lets geopy's online geocoders stand behind it for names it lacks (`online`, off by default).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .. import config
from ..exceptions import GazetteerError
from ..models import Place
from .cache import load_tables
from .index import Tables, build_tables
from .names import normalize
from .ranking import PRIMARY_BONUS, WEAK_PENALTY
from .rows import Row

_DESIGNATOR_SUFFIX = re.compile(r"^(.*\S)\s+(?:city|town|village|settlement|municipality)$")
_LEADING_THE = re.compile(r"^the\s+")


class Gazetteer(Geocoder):
    """Offline gazetteer and geopy geocoder. Build with `Gazetteer.load(...)` or the `load_gazetteer()` singleton.

    Every lookup is a dict access on the normalized name; `Place` objects are made on first use and kept.
    An optional online fallback (`geomap.gazetteer.online.OnlineFallback`, off by default) answers names we lack.
    """

    def __init__(self, tables: Tables, *, origin: str = "", fallback: Any = None) -> None:
        super().__init__(timeout=None)
        self._t = tables
        self.origin = origin
        self.fallback = fallback
        self._places: dict[int, Place] = {}
        self._by_id: dict[str, int] | None = None
        self._capitals: dict[str, int] | None = None
        self._locations: dict[int, Location] = {}
        self._lock = threading.Lock()
        self.max_tokens: int = tables.max_tokens
        # Per instance, and a plain dict rather than lru_cache(self.method): a bound method in an attribute is a
        # reference cycle, which would keep every reloaded gazetteer alive until the next full collection.
        self._geocode_memo: dict[tuple, Any] = {}

    # ---- construction
    @classmethod
    def from_rows(cls, rows: Iterable[Row], *, origin: str = "") -> Gazetteer:
        return cls(build_tables(rows), origin=origin)

    @classmethod
    def load(cls, csv_path: str | os.PathLike, overrides_path: str | os.PathLike | None = None, *,
             cache_dir: str | os.PathLike | None = None, use_cache: bool = True) -> Gazetteer:
        """Load a gazetteer CSV (+ optional overrides), through the pickle cache when allowed."""
        csv_path = Path(csv_path)
        ov = Path(overrides_path) if overrides_path else None
        if not csv_path.exists():
            raise GazetteerError(f"{csv_path}: gazetteer file not found (build it: geomap gazetteer build)")
        tables = load_tables(csv_path, ov, Path(cache_dir) if cache_dir else config.CACHE_DIR, use_cache)
        return cls(tables, origin=str(csv_path))

    # ---- lookups (hot paths: keep them plain dict accesses)
    def __len__(self) -> int:
        return len(self._t.ids)

    def _key(self, name: str) -> str:
        """The index key `name` answers to: its normal form, else, for a hyphenated name, the same with its hyphens
        closed up when only that is known ("Petion-Ville" is Pétionville): transliterations join or hyphenate the
        parts of a name at will. Not spaces: "Edmonton as" closed up is a Lithuanian alias of Edmonton."""
        key = normalize(name)
        if "-" in name and key not in self._t.index:
            joined = normalize(name.replace("-", ""))
            if joined in self._t.index:
                return joined
        return key

    def has(self, name: str) -> bool:
        """Is `name` a known name or alias?"""
        return self._key(name) in self._t.index

    def _rows(self, key: str) -> tuple[int, ...]:
        return self._t.rows(key)

    def _scored(self, key: str) -> list[tuple[int, float, bool, bool]]:
        """(row, its score for this name, own name, weak alias) for every row answering to `key`, best first."""
        t = self._t
        names, score = t.names, t.score
        out = []
        for e in t.entries(key):
            i = e >> 1
            if e & 1:
                out.append((i, score[i] - WEAK_PENALTY, False, True))
            elif normalize(names[i]) == key:
                out.append((i, score[i] + PRIMARY_BONUS, True, False))
            else:
                out.append((i, score[i], False, False))
        return out

    def _with_hints(self, scored: list[tuple[int, float, bool, bool]], cc: str | None, admin1: str | None,
                    kind: str | None) -> list[tuple[int, float]]:
        """(row, score) plus the weight of each hint the row matches: country +2.5, admin1 +1.5, kind +5."""
        t = self._t
        return [(i, s + (2.5 if cc and t.cc[i] == cc else 0.0) + (1.5 if admin1 and t.admin1[i] == admin1 else 0.0)
                 + (5.0 if kind and t.kinds[i] == kind else 0.0)) for i, s, _, _ in scored]

    def place_at(self, i: int) -> Place:
        p = self._places.get(i)
        if p is None:
            t = self._t
            p = Place(id=t.ids[i], name=t.names[i], lat=t.lat[i], lon=t.lon[i], kind=t.kinds[i],
                      country_code=t.cc[i], admin1=t.admin1[i], population=t.pop[i], radius_km=t.radius[i],
                      feature=t.feature[i], source=t.source[i])
            self._places[i] = p
        return p

    def candidates(self, name: str) -> list[Place]:
        """Every place answering to `name` (name, alias or weak alias), best prior first."""
        return [self.place_at(i) for i in self._rows(self._key(name))]

    def scored_candidates(self, name: str) -> list[tuple[Place, float]]:
        """Like `candidates`, with each place's prior score for this name (higher is likelier)."""
        return [(self.place_at(i), s) for i, s, _, _ in self._scored(self._key(name))]

    def matches(self, name: str) -> list[tuple[Place, float, bool, bool]]:
        """Like `scored_candidates`, with how each place answers to the name: (place, prior, own name, weak alias)."""
        return [(self.place_at(i), s, own, weak) for i, s, own, weak in self._scored(self._key(name))]

    def keys(self) -> Iterable[str]:
        """All normalized names (for building a matcher over text)."""
        return self._t.index.keys()

    def get(self, place_id: str) -> Place | None:
        if self._by_id is None:
            with self._lock:
                if self._by_id is None:
                    self._by_id = {pid: i for i, pid in enumerate(self._t.ids)}
        i = self._by_id.get(place_id)
        return None if i is None else self.place_at(i)

    def country(self, code: str) -> Place | None:
        i = self._t.countries.get((code or "").upper())
        return None if i is None else self.place_at(i)

    def capital(self, code: str) -> Place | None:
        """The capital city of a country (rows with feature 'capital'), for "the Ukrainian capital"."""
        if self._capitals is None:
            with self._lock:
                if self._capitals is None:
                    t = self._t
                    self._capitals = {t.cc[i]: i for i, f in enumerate(t.feature) if f == "capital"}
        i = self._capitals.get((code or "").upper())
        return None if i is None else self.place_at(i)

    def region(self, country_code: str, admin1: str) -> Place | None:
        """First-level region by GeoNames admin1 code: `region("UA", "05")` or `region("UA", "UA.05")`."""
        if not admin1:
            return None
        code = admin1 if "." in admin1 else f"{(country_code or '').upper()}.{admin1}"
        i = self._t.regions.get(code)
        return None if i is None else self.place_at(i)

    def best(self, name: str, country: str | None = None, admin1: str | None = None,
             kind: str | None = None) -> Place | None:
        """The likeliest place for `name` given hints: country (ISO-2) and admin1 add weight, kind nearly forces.

        Hints are preferences, not filters: "Moscow" in a Ukrainian context is still Moscow, Russia.
        """
        rows = self._rows(key := self._key(name))
        if not rows:
            return None
        if len(rows) == 1 or not (country or admin1 or kind):
            return self.place_at(rows[0])
        cc = (country or "").upper()
        a1 = admin1 if not admin1 or "." in admin1 else f"{cc}.{admin1}"
        best_i, _ = max(self._with_hints(self._scored(key), cc, a1, kind), key=lambda p: p[1])  # first of equals
        return self.place_at(best_i)

    # ---- geopy interface
    def _location(self, i: int) -> Location:
        loc = self._locations.get(i)
        if loc is None:
            p = self.place_at(i)
            parts = [p.name]
            reg = self.region(p.country_code, p.admin1) if p.admin1 else None
            if reg is not None and reg.id != p.id and reg.name != p.name:
                parts.append(reg.name)
            if p.kind != "country" and p.country_code:
                c = self.country(p.country_code)
                if c is not None:
                    parts.append(c.name)
            raw = {f: getattr(p, f) for f in Place.__dataclass_fields__}
            raw["precision"] = p.kind
            loc = Location(", ".join(parts), (p.lat, p.lon), raw)
            self._locations[i] = loc
        return loc

    def _parse_query(self, query: str, country: str | None) -> tuple[list[str], str | None, str | None]:
        """Split "Kyiv, Ukraine" into the names to try (in order) plus a country and an admin1 hint."""
        q = " ".join(query.split())
        names: list[str] = []
        admin1_hint = None
        if normalize(q) in self._t.index:
            names.append(q)
        if "," in q:
            head, *rest = [p.strip() for p in q.split(",") if p.strip()] or [q]
            names.append(head)
            for part in rest:
                c = self.country_of(part)
                if c is not None:
                    country = country or c
                    continue
                r = self.best(part, country=country, kind="region")
                if r is not None and r.kind == "region":
                    admin1_hint = r.admin1
                    country = country or r.country_code
        else:
            names.append(q)
        key = normalize(names[-1])
        if key not in self._t.index:
            stripped = _LEADING_THE.sub("", key)
            m = _DESIGNATOR_SUFFIX.match(stripped)
            for alt in (stripped, m.group(1) if m else None):
                if alt and alt in self._t.index:
                    names.append(alt)
                    break
        return names, country, admin1_hint

    def country_of(self, text: str) -> str | None:
        """The ISO-2 code of the country a name or code names ("Peru", "PE"), else None."""
        t = text.strip()
        if len(t) == 2 and t.isalpha() and t.upper() in self._t.countries:
            return t.upper()
        for i in self._rows(normalize(t)):
            if self._t.kinds[i] == "country":
                return self._t.cc[i]
        return None

    def geocode(self, query: str, exactly_one: bool = True, country: str | list[str] | None = None,
                kind: str | None = None, timeout: Any = None) -> Location | list[Location] | None:
        """geopy-style geocode. `country` (ISO-2, or a list) restricts answers; `kind` restricts too.

        Answers come best first; `raw` of each Location is a dict of our Place fields. Names we lack go to the
        online fallback when one is configured (off by default).
        """
        cc = tuple(country) if isinstance(country, list | tuple) else country
        found = self._geocode_cached((str(query), bool(exactly_one), cc, kind))
        if found is None and self.fallback is not None:
            # not cached here: the fallback caches answers itself and must be retried after an error
            countries = [cc] if isinstance(cc, str) else list(cc or ())
            found = self.fallback.geocode(str(query), exactly_one=exactly_one, country=countries or None)
            if found is not None and kind:
                keep = [x for x in (found if isinstance(found, list) else [found]) if x.raw.get("kind") == kind]
                found = (keep[0] if exactly_one else keep) if keep else None
        return found

    def explain(self, query: str, country: str | None = None) -> str:
        """Why `query` resolves or not, in words (for the UI and the CLI)."""
        loc = self._geocode_cached((str(query), True, country, None))
        if loc is not None:
            return f"found offline: {loc.address} ({loc.raw['kind']}, {loc.raw['source']})"
        if self.fallback is None:
            return "not in the offline gazetteer (online fallback is off)"
        if self.fallback.geocode(str(query), exactly_one=True, country=[country] if country else None):
            return "found by the online geocoder"
        return "not in the offline gazetteer; " + (self.fallback.reason(query, [country] if country else None)
                                                   or "online geocoder found nothing")

    def _geocode_cached(self, key: tuple) -> Any:
        memo = self._geocode_memo
        if key not in memo:
            if len(memo) >= 1 << 15:
                memo.clear()  # bounded: a long session of distinct queries must not grow without limit
            memo[key] = self._geocode_uncached(*key)
        return memo[key]

    def _geocode_uncached(self, query: str, exactly_one: bool, country: str | tuple[str, ...] | None,
                        kind: str | None) -> Location | list[Location] | None:
        countries = {c.upper() for c in ((country,) if isinstance(country, str) else country or ())}
        names, hint_cc, admin1_hint = self._parse_query(query, next(iter(countries)) if len(countries) == 1 else None)
        t = self._t
        for name in names:
            key = self._key(name)
            sel = [i for i in self._rows(key)
                   if (not countries or t.cc[i] in countries) and (not kind or t.kinds[i] == kind)]
            if not sel:
                continue
            if len(sel) > 1 and (hint_cc or admin1_hint):
                keep = set(sel)
                hinted = self._with_hints([r for r in self._scored(key) if r[0] in keep], hint_cc, admin1_hint, None)
                sel = [i for i, _ in sorted(hinted, key=lambda p: p[1], reverse=True)]  # stable among equals
            if exactly_one:
                return self._location(sel[0])
            return [self._location(i) for i in sel]
        return None

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = None) -> None:
        raise NotImplementedError("the gazetteer does not reverse-geocode")
