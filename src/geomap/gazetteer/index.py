"""The in-memory gazetteer: column arrays per row and the name index, built once from rows and then pickled.

Why this layout: nothing in it is a per-row or per-name Python container. A name maps to an int in a plain
`dict[str, int]`, and the places of a name that several rows share sit in one flat array. Such a dict and arrays
are not tracked by the cyclic garbage collector, so unpickling 600,000 names triggers no collection passes and a
long-running server's later collections never walk them (an index of tuples needed `gc.disable()`/`gc.freeze()`
around every load, a process-wide side effect).

The weak flag is stored per (name, row) when the index is built, from the column the name came from, so the
penalty holds wherever the row sits in the name's list. So ``rows("donetsk")`` is [Donetsk (UA city, 0.9 M),
Donetsk (Rostov oblast, 51 k), ..., Donetsk Oblast (region, weak alias)]: the region stays in the list, last,
because a resolver that knows the surrounding words say "region" needs it; region forms ("Donetsk region",
"Donetsk Oblast", "Donetska oblast", "Donetsk province") are ordinary aliases of the region and give it first.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence

from .names import normalize
from .ranking import PRIMARY_BONUS, WEAK_PENALTY, prior
from .rows import Row

#: `max_tokens` ignores the few longer names (official forms such as "Estado Libre y Soberano de Veracruz de
#: Ignacio de la Llave"): news text never spells them out, and the n-gram window stays short.
MAX_TOKENS = 7


def _code(row: int, weak: bool) -> int:
    """One index entry: the row number with the weak-alias flag in its lowest bit."""
    return row << 1 | weak


class Tables:
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
        #: normalized name -> its only entry (>= 0), or ~offset of its entries in `postings` (< 0)
        self.index: dict[str, int] = {}
        #: at each offset: the number of entries, then the entries, best first
        self.postings = array("i")
        self.countries: dict[str, int] = {}  # ISO-2 -> row
        self.regions: dict[str, int] = {}  # "UA.05" -> row
        self.max_tokens = 1

    def entries(self, key: str) -> Sequence[int]:
        """The key's entries (`row << 1 | weak`), best first."""
        v = self.index.get(key)
        if v is None:
            return ()
        if v >= 0:
            return (v,)
        start = ~v + 1
        return self.postings[start:start + self.postings[~v]]

    def rows(self, key: str) -> tuple[int, ...]:
        """The rows answering to `key`, best first (a hot path: the one-place case first)."""
        v = self.index.get(key)
        if v is None:
            return ()
        if v >= 0:
            return (v >> 1,)
        start = ~v + 1
        return tuple(e >> 1 for e in self.postings[start:start + self.postings[~v]])

    def is_weak(self, key: str, row: int) -> bool:
        """Does `row` answer to `key` only through a weak alias?"""
        return _code(row, True) in self.entries(key)

    def append(self, r: Row, intern: dict[str, str]) -> float:
        """Add a row's columns (repeated strings shared through `intern`); return its prior."""
        i = len(self.ids)
        s = intern.setdefault
        self.ids.append(r.id)
        self.names.append(r.name)
        self.kinds.append(s(r.kind, r.kind))
        self.lat.append(r.lat)
        self.lon.append(r.lon)
        self.cc.append(s(r.country_code, r.country_code))
        self.admin1.append(s(r.admin1, r.admin1))
        self.pop.append(r.population)
        self.radius.append(r.radius_km)
        self.feature.append(s(r.feature, r.feature))
        self.source.append(s(r.source, r.source))
        base = prior(r.kind, r.population, r.boost)
        self.score.append(base)
        if r.kind == "country" and r.country_code:
            self.countries.setdefault(r.country_code, i)
        elif r.kind == "region" and r.admin1 and r.id.startswith("adm:") and r.id[4:] == r.admin1:
            self.regions.setdefault(r.admin1, i)
        return base


class _Entries:
    """Every (name key, row) pair met while reading the rows, as one linked list per key in flat arrays."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}  # key -> its latest entry
        self.prev = array("i")  # entry -> the key's entry before it, or -1
        self.row = array("i")
        self.score = array("d")
        self.weak = bytearray()

    def add(self, key: str, row: int, score: float, weak: bool) -> None:
        e = self.last.get(key, -1)
        if e >= 0 and self.row[e] == row:  # same row under another spelling of one key: keep the better reading
            if score > self.score[e]:
                self.score[e], self.weak[e] = score, weak
            return
        self.prev.append(e)
        self.row.append(row)
        self.score.append(score)
        self.weak.append(weak)
        self.last[key] = len(self.row) - 1

    def chain(self, e: int) -> list[int]:
        """A key's entries in the order they were added, from its latest one."""
        out = []
        while e >= 0:
            out.append(e)
            e = self.prev[e]
        out.reverse()
        return out

    def code(self, e: int) -> int:
        return _code(self.row[e], bool(self.weak[e]))


def _names_of(r: Row, base: float) -> Iterator[tuple[str, float, bool]]:
    """(key, score, weak) for the row's own name, aliases and weak aliases: the weak flag is recorded here, from the
    column the name came from, and never inferred later from scores or order."""
    yield normalize(r.name), base + PRIMARY_BONUS, False
    for a in r.aliases:
        yield normalize(a), base, False
    for a in r.weak_aliases:
        yield normalize(a), base - WEAK_PENALTY, True


def _fill_index(t: Tables, entries: _Entries) -> None:
    """Each key's entries, best score first (ties by id), into the index; and the longest name's token count."""
    tok = 1
    for key, last in entries.last.items():
        if entries.prev[last] < 0:
            t.index[key] = entries.code(last)
        else:
            chain = entries.chain(last)
            chain.sort(key=lambda e: (-entries.score[e], t.ids[entries.row[e]]))
            t.index[key] = ~len(t.postings)
            t.postings.append(len(chain))
            t.postings.extend(entries.code(e) for e in chain)
        n = key.count(" ") + 1
        if tok < n <= MAX_TOKENS:
            tok = n
    t.max_tokens = tok


def build_tables(rows: Iterable[Row]) -> Tables:
    """The tables and name index of `rows` (streamed: no row object is kept)."""
    t = Tables()
    intern: dict[str, str] = {}
    entries = _Entries()
    for i, r in enumerate(rows):
        base = t.append(r, intern)
        for key, score, weak in _names_of(r, base):
            if key:
                entries.add(key, i, score, weak)
    _fill_index(t, entries)
    return t
