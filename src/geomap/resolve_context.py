"""What the article's other names say about one mention's readings: the kinds of its list's names, the nearest
reading of another name (coherence), and whether it is the larger place that holds the name written right before it.

Split from `geomap.resolve` (which weighs these with the gazetteer prior into one score) to keep each module about
one thing; `geomap.resolve` re-exports the names used elsewhere.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import NamedTuple

from geomap.geo import haversine_km
from geomap.models import Doc, Place
from geomap.patterns import Pattern

#: The words between two names of one list: "Ohio, Kansas and Iowa" (the names of a list are alike in kind).
LIST_GAP = Pattern("list gap", r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|;\s*)$",
                   match="Floods closed roads in [Ohio], [Kansas] and Iowa.",
                   miss="Floods closed roads in [Ohio] near [Kansas] on Monday.", side="between")
#: Readings of each other name that `coherence` looks at (the gazetteer lists them best prior first), and the grid
#: cell (degrees) it searches around a candidate.
COHERENCE_READINGS = 10
COHERENCE_CELL = 1.0
#: A list has at least this many names ("Georgia, United States" is an apposition, not a list).
LIST_MIN = 3
#: The words between a name and the larger place that holds it: "Tripoli, Lebanon", "Crawford County in Pennsylvania".
APPOSITION = Pattern("apposition", r"(?:,\s*|,?\s+(?:located\s+|situated\s+)?in\s+)(?:the\s+)?$",
                     match="Ducks were found in [Crawford County] located in [Pennsylvania] last week.",
                     miss="Ducks were found in [Crawford County] and [Pennsylvania] last week.", side="between")
#: A country's or region's possessive naming the kind of place that follows: "Lebanon's northern city of Tripoli".
OWNER_OF_TOWN = Pattern("a place's possessive before its town",
                        r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|port|capital)(?:\s+city)?(?:\s+of)?\s+$",
                        match="Protesters burned tyres in [Lebanon]'s northern city of [Tripoli] on Monday.",
                        miss="Protesters from [Lebanon] burned tyres in [Tripoli] on Monday.", side="between")
#: An office named right after a place says which kind of place it is: a governor or legislature belongs to a state
#: or province ("the Ohio Gov."), a mayor to a town ("the Kyiv Mayor").
REGION_OFFICE = Pattern("region office", r"\s+(?:Lt\.\s+)?(?:Gov\.|(?:Governor|Lieutenant\s+Governor|Legislature)\b)",
                        match="Former [Ohio] Gov. Ted Strickland spoke at the rally.",
                        miss="[Ohio] State University reopened its campus on Monday.", side="after")
CITY_OFFICE = Pattern("city office", r"\s+(?:Deputy\s+)?Mayor\b",
                      match="[Kharkiv] Mayor Ihor Terekhov said the strike hit a school.",
                      miss="[Kharkiv] Governor Oleh Syniehubov said the strike hit a school.", side="after")
#: Readings of the place named before a region that the region may hold ("Buffalo" in "Buffalo, New York").
_HELD_KINDS = frozenset({"city", "district", "landmark"})

#: Kinds too large for a distance to say anything: a country "near" a village is every country around it.
_NO_ANCHOR = frozenset({"country", "continent", "sea"})


class Candidate(NamedTuple):
    """One reading of a mention: the place, its gazetteer prior for the name, and how it answers to the name."""

    place: Place
    prior: float
    own: bool = False  # the place's own name (not an alias)
    weak: bool = False  # only a weak alias


def kind_class(p: Place) -> str:
    """The kind a list's names share: a city, a district and a landmark are all places in a town."""
    return "city" if p.kind in ("district", "landmark") else p.kind


def list_siblings(doc: Doc, tops: list[Place | None]) -> list[Counter]:
    """Per mention, the kinds of the best readings (`tops`) of the other names of its list ("Ohio, Kansas and
    Iowa": names joined by commas, "and", "or"), empty unless the list has at least `LIST_MIN` names."""
    mentions, text = doc.mentions, doc.article.text
    out: list[Counter] = [Counter() for _ in mentions]
    run: list[int] = []
    for i in range(len(mentions) + 1):
        joined = (i < len(mentions) and run and mentions[i].hint != "demonym"
                  and LIST_GAP.match_at(text[mentions[run[-1]].end:mentions[i].start]) is not None)
        if joined:
            run.append(i)
            continue
        if len(run) >= LIST_MIN:
            kinds = Counter(kind_class(tops[j]) for j in run if tops[j] is not None)
            for j in run:
                out[j] = kinds - Counter([kind_class(tops[j])] if tops[j] is not None else [])
        run = [i] if i < len(mentions) and mentions[i].hint != "demonym" else []
    return out


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / COHERENCE_CELL), math.floor(lon / COHERENCE_CELL)


def _coheres(p: Place) -> bool:
    return p.kind not in _NO_ANCHOR and (p.kind != "region" or p.feature == "admin2")


def coherence(cands: list[list[Candidate]], keys: list[str], scale_km: float) -> list[dict[str, float]]:
    """Per mention, per candidate place id: 1 / (1 + gap / scale_km) to the nearest of the best
    `COHERENCE_READINGS` readings of any other name of the article (the gap between the two extents, searched in
    the grid cells around it; 0 when none is that near). Countries, first-level regions, continents and seas are
    near everything (the region context weighs a region) and take no part: a name that may be one of them
    ("Mexico", "New York") gets no coherence, so that it does not pull its town readings ahead of it; nor does a
    name that may be the same place count ("Mexico City" is no evidence that "Mexico" is the city)."""
    grid: dict[tuple[int, int], dict[tuple[str, str], Place]] = {}  # cell -> each (name, place) once
    names_of: dict[str, set[str]] = {}  # place id -> the names it may be read for
    for k, cs in zip(keys, cands, strict=True):
        for c in cs:
            names_of.setdefault(c.place.id, set()).add(k)
    for k, cs in zip(keys, cands, strict=True):
        for c in cs[:COHERENCE_READINGS]:
            p = c.place
            if _coheres(p) and len(names_of[p.id]) == 1:
                grid.setdefault(_cell(p.lat, p.lon), {})[(k, p.id)] = p
    # a name repeated through the article is scored once: linear in the text, not quadratic (tests/test_scaling.py)
    memo: dict[tuple[str, ...], dict[str, float]] = {}
    out: list[dict[str, float]] = []
    for cs in cands:
        key = tuple(c.place.id for c in cs)
        if key not in memo:
            memo[key] = _near(cs, grid, names_of, scale_km)
        out.append(memo[key])
    return out


def _near(cs: list[Candidate], grid: dict[tuple[int, int], dict[tuple[str, str], Place]],
          names_of: dict[str, set[str]], scale_km: float) -> dict[str, float]:
    """`coherence` of one mention's candidates."""
    same = {n for c in cs for n in names_of[c.place.id]}
    near: dict[str, float] = {}
    for c in cs if len(cs) > 1 and all(_coheres(c.place) for c in cs) else ():
        p = c.place
        y, x = _cell(p.lat, p.lon)
        gaps = [haversine_km(p.lat, p.lon, o.lat, o.lon) - p.radius_km - o.radius_km
                for dy in (-1, 0, 1) for dx in (-1, 0, 1) for (ko, _), o in grid.get((y + dy, x + dx), {}).items()
                if ko not in same]
        if gaps:
            near[p.id] = 1.0 / (1.0 + max(0.0, min(gaps)) / scale_km)
    return near



def office_kinds(text: str, end: int) -> tuple[str, ...]:
    """The kind an office right after a name asks for ("Ohio Gov." -> region, "Kyiv Mayor" -> city), or ()."""
    after = text[end:end + 40]
    if REGION_OFFICE.match_at(after):
        return ("region",)
    if CITY_OFFICE.match_at(after):
        return ("city",)
    return ()


def held_regions(doc: Doc, cands: list[list[Candidate]], i: int) -> set[str]:
    """The admin-1 codes of the towns a name right before mention i may be, when the two are joined as a place and
    the larger place holding it ("Buffalo, New York", "a hospital in Bronx, New York") and mention i does not go on
    into a list: a region among mention i's readings that holds one of them is the region meant."""
    if i == 0:
        return set()
    ms, text = doc.mentions, doc.article.text
    m, o = ms[i], ms[i - 1]
    if o.hint == "demonym" or m.hint == "demonym" or not APPOSITION.match_at(text[o.end:m.start]):
        return set()
    if i + 1 < len(ms) and LIST_GAP.match_at(text[m.end:ms[i + 1].start]):
        return set()  # "Avdiivka, Donetsk and Bakhmut": a list of towns, not a town and its region
    return {c.place.admin1 for c in cands[i - 1]
            if c.place.admin1 and (c.place.kind in _HELD_KINDS or c.place.feature == "admin2")}
