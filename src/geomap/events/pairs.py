"""Two names of one sentence that are one event place: "the Amil neighbourhood of western Baghdad", "Sadr City, a
district of Baghdad", "Kherson's Dniprovskyi district", "Thailand's Sisaket province", "the Tijuana district of La
Presa", "Muridke, near Lahore", "the Red Sea off Yemen's port of Hodeidah". The event is at the inner place (or
around the town a place is near), and the outer one is not a second event place.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geomap.events.model import Candidate
from geomap.events.slots import (
    BEARING_WORDS,
    CITY_FIRST,
    INSIDE,
    INSIDE_PLURAL,
    LIST_JOIN,
    NEAR_AFTER_PLACE,
    SEA_OFF_TOWN,
)
from geomap.events.within import PART_WORDS, POSSESSIVE_PART, TOWN_KINDS, around, place_inside
from geomap.geo import haversine_km
from geomap.lexicon import names_a_unit
from geomap.models import PRECISION_RANK, Mention, Place
from geomap.patterns import Pattern

#: "Thailand's Sisaket province": a country's or region's named province is the place, the country only its container.
POSSESSIVE_ADMIN = Pattern(
    "a province after a possessive country",
    r"^\s+(?:province|region|state|oblast|governorate|county|prefecture|department)\b",
    "Rockets hit Thailand's [Sisaket] province on Friday.", "Rockets hit Thailand's [Sisaket] market on Friday.",
    "after")
#: The gap of a possessive before the part it names: "Kherson's ", "Yunnan province's ".
POSSESSIVE_GAP = Pattern(
    "a place's possessive before its part",
    r"^(?:\s+(?:state|province|region|county|governorate|oblast|city))?['’]s\s$",
    "Police beat farmers in [Yunnan] province's [Shilin] township.",
    "Police beat farmers in [Yunnan] province and [Shilin] township.", "between")
_PART_IN_NAME = re.compile(r"\s" + PART_WORDS + r"$", re.I)
#: "In" among the words joining an inner place to the one it lies in ("the Jabalia camp in northern Gaza").
_IN_WORD = re.compile(r"\b(?:in|(?:island|peninsula)\s+of)\b")


class Pair(NamedTuple):
    """Two candidates of a sentence that are one event place: `inner` lies in (or, `near`, by) `outer`, or `outer`
    is only the other end of a route `inner` is on (`ROUTE_BETWEEN`)."""

    inner: int
    outer: int
    far: bool = False  # the inner name's reading is a namesake far away: the name goes in the outer place
    near: bool = False  # "the Zamzam camp outside El Fasher": an unknown inner name goes around the outer town


def inner_pairs(text: str, cands: list[Candidate], owners: list[Mention | None]) -> list[Pair]:
    """Places said to lie in a known neighbour, by the words between and, when the gazetteer knows the inner one
    too, by the gazetteer: "the Amil neighbourhood of western Baghdad", "Sadr City, a district of Baghdad" (inner
    first; not "the Kyiv suburb of Irpin", where Kyiv qualifies the suburb), and "Kherson's Dniprovskyi district"
    (outer first, a possessive before a part: `POSSESSIVE_PART`); or near it ("Muridke, near Lahore", "the Zamzam
    camp outside El Fasher": `NEAR_AFTER_PLACE`), the near town being only the reference of where it happened."""
    out = []
    for k in range(len(cands) - 1):
        gap = text[cands[k].end:cands[k + 1].start]
        if NEAR_AFTER_PLACE.match_at(gap):
            inner, outer = owners[k], owners[k + 1]
            if outer is not None and outer.place is not None and (inner is None or inner.place is not None and (
                    PRECISION_RANK.get(inner.place.kind, 9) <= PRECISION_RANK.get(outer.place.kind, 9))):
                out.append(Pair(k, k + 1, near=True))
        elif INSIDE.match_at(gap):
            j = _past_possessive(text, cands, owners, k + 1)
            inner, outer = owners[k], owners[j]
            if _city_first(gap, inner, outer):  # "the Tijuana district of La Presa": the second lies in the first
                far = outer is not None and outer.place is not None and _namesake_elsewhere(
                    outer.place, inner.place)  # type: ignore[union-attr]
                out.append(Pair(k + 1, k, far))
                continue
            if outer is None:  # "Kayamla village of Konduga LGA": a unit the gazetteer lacks holds the event place
                if names_a_unit(text[cands[j].start:cands[j].end]):
                    out.append(Pair(k, j))
                continue
            if outer.place is None:
                continue
            far = inner is not None and inner.place is not None and _namesake_elsewhere(inner.place, outer.place)
            if inner is None or (inner.place is not None and (place_inside(inner.place, outer.place) or (
                    _IN_WORD.search(gap) and _same_or_finer(inner.place, outer.place)) or far
                    or _told_part(gap, inner.place, outer.place))):
                out.append(Pair(k, j, far))
        elif POSSESSIVE_GAP.match_at(gap) and (pair := _possessive_pair(text, cands, owners, k)) is not None:
            out.append(pair)
    return out + _seas_off_towns(text, cands, owners) + _listed_parts(text, cands, owners) + _route_ends(
        text, cands, owners)


#: A road, convoy or journey between two towns: "an army convoy between Boulsa and Dori" is one happening on the way.
ROUTE_BETWEEN = Pattern(
    "a route between two towns", r"\b(?:convoys?|roads?|highways?|routes?|journey|bus|buses|lorry|lorries|trucks?|"
    r"vehicles?|trains?|motorway|stretch|axis)\s+(?:[\w-]+\s+){0,3}?between\s+"
    r"(?:the\s+(?:towns|cities|villages|localities)\s+of\s+)?$",  # "a convoy between the towns of Gao and Ansongo"
    "Jihadists ambushed a convoy between [Boulsa] and Dori.", "Jihadists attacked Boulsa and [Dori] on Monday.",
    "before")


def _route_ends(text: str, cands: list[Candidate], owners: list[Mention | None]) -> list[Pair]:
    """The two towns a route runs between (`ROUTE_BETWEEN`): one event place, the first named (the other only tells
    the way), so a toll is not split between them."""
    out = []
    for k in range(len(cands) - 1):
        a, b = owners[k], owners[k + 1]
        if a is not None and b is not None and a.place is not None and b.place is not None \
                and a.place.kind in TOWN_KINDS and b.place.kind in TOWN_KINDS \
                and text[cands[k].end:cands[k + 1].start] == " and " \
                and ROUTE_BETWEEN.search(text, max(0, cands[k].start - 60), cands[k].start):
            out.append(Pair(k, k + 1))
    return out


def _listed_parts(text: str, cands: list[Candidate], owners: list[Mention | None]) -> list[Pair]:
    """The places of a list told to lie in the next place (`INSIDE_PLURAL`: "the Solino and Nazon neighbourhoods of
    Port-au-Prince"), or in the part of it named after its possessive ("... villages in Katsina state's Faskari
    district"): each lies in it; a reading of one far away is a namesake, and the name goes in the town."""
    out = []
    for i in range(1, len(cands)):
        if not INSIDE_PLURAL.match_at(text[cands[i - 1].end:cands[i].start]):
            continue
        j = _past_possessive(text, cands, owners, i)  # "Yargoje and Kadisau villages in Katsina state's Faskari"
        outer = owners[j]
        if outer is None or outer.place is None:
            continue
        k = i - 1
        while k >= 0:
            inner = owners[k]
            far = inner is not None and inner.place is not None and _namesake_elsewhere(inner.place, outer.place)
            if inner is None or far or inner.place is not None and place_inside(inner.place, outer.place):
                out.append(Pair(k, j, far))
            if k == 0 or not LIST_JOIN.match_at(text[cands[k - 1].end:cands[k].start]):
                break
            k -= 1
    return out


#: "Yemen's port of ", "Ukraine's Black Sea port of ": a country naming its coastal town.
PORT_OF = Pattern("a country naming its coastal town",
                  r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:port|coast|city|town)(?:\s+city)?\s+of\s+",
                  "A ship sank off [Yemen]'s port of [Hodeidah].", "A ship sank off [Yemen]'s coast near [Hodeidah].",
                  "between")


def _seas_off_towns(text: str, cands: list[Candidate], owners: list[Mention | None]) -> list[Pair]:
    """A sea and the coastal town it is told to be off (`SEA_OFF_TOWN`: "the Red Sea off Yemen's port of
    Hodeidah"): one event place, the sea near that town (`inner_names`)."""
    out = []
    for k in range(len(cands) - 1):
        sea = owners[k]
        if sea is None or sea.place is None or sea.place.kind != "sea" \
                or not SEA_OFF_TOWN.match_at(text[cands[k].end:cands[k + 1].start]):
            continue
        port = k + 2 < len(cands) and PORT_OF.compiled.fullmatch(text, cands[k + 1].end, cands[k + 2].start)
        j = k + 2 if port else k + 1
        town = owners[j]
        if town is not None and town.place is not None and town.place.kind in TOWN_KINDS:
            out.append(Pair(k, j, near=True))
    return out


def _possessive_pair(text: str, cands: list[Candidate], owners: list[Mention | None], k: int) -> Pair | None:
    """"Kherson's Dniprovskyi district", "Thailand's Sisaket province", "Kabul's Qala-e-Bakhtiar area": the name after
    a place's possessive and before a part's or a province's word lies in that place (a name the gazetteer lacks, or a
    far namesake, is put in it)."""
    if not (POSSESSIVE_PART.match_at(text[cands[k + 1].end:]) or POSSESSIVE_ADMIN.match_at(text[cands[k + 1].end:])
            or _PART_IN_NAME.search(text[cands[k + 1].start:cands[k + 1].end])):
        return None
    outer, inner = owners[k], owners[k + 1]
    if outer is None or outer.place is None:
        return None
    if inner is None:
        return Pair(k + 1, k)
    if inner.place is None:
        return None
    far = _namesake_elsewhere(inner.place, outer.place)
    return Pair(k + 1, k, far) if far or place_inside(inner.place, outer.place) else None


#: "Sudan's ", "Burkina Faso's northern ", "Katsina state's ": a possessive, maybe with a bearing, before the part it
#: names.
_POSSESSIVE_GAP = re.compile(r"(?:\s+(?:state|province|region|county|governorate|oblast))?['’]s\s+(?:"
                             + BEARING_WORDS + r"\s+)?")


def _past_possessive(text: str, cands: list[Candidate], owners: list[Mention | None], j: int) -> int:
    """The place a name is said to lie in, at `j`, or the one after it when `j` is a possessive country or region
    naming its part: "the village of Wad al-Noura in Sudan's Gezira state" lies in Gezira state."""
    if j + 1 >= len(cands) or not _POSSESSIVE_GAP.fullmatch(text, cands[j].end, cands[j + 1].start):
        return j
    outer, part = owners[j], owners[j + 1]
    if outer is None or part is None or outer.place is None or part.place is None:
        return j
    return j + 1 if place_inside(part.place, outer.place) else j


#: "The Tijuana district of La Presa": the first name is read as the city only when it is this many times bigger
#: than the gazetteer's reading of the second (a part the gazetteer lacks counts as nothing).
CITY_FIRST_RATIO = 10


def _city_first(gap: str, first: Mention | None, second: Mention | None) -> bool:
    """"The Tijuana district of La Presa", "the Baghdad neighbourhood of Karrada": the first place is a city much
    bigger than the second, so the second is its part. Not "the Saltivka district of Kharkiv", whose first is the
    part."""
    if first is None or first.place is None or first.place.kind != "city" or not CITY_FIRST.match_at(gap):
        return False
    return second is None or second.place is None or (
        second.place.population * CITY_FIRST_RATIO < first.place.population and second.place.kind in TOWN_KINDS)


#: Beyond this many km from the edge of the place it is said to lie in, a known inner name is read as a namesake.
NAMESAKE_KM = 100.0


def _namesake_elsewhere(inner: Place, outer: Place) -> bool:
    """"The Raman district of Yala province" with the gazetteer's only Raman 1,000 km away: the reading is a namesake
    and the name is one the gazetteer lacks, inside Yala. Not "the Kyiv suburb of Irpin": a bigger place first names
    the city the suburb belongs to, however far the gazetteer's reading of the suburb lies. A reading across a border
    is a namesake however near ("the Tijuana district of La Presa" is not La Presa, California)."""
    if inner.population > outer.population or place_inside(inner, outer) or place_inside(outer, inner):
        return False
    if inner.country_code and outer.country_code and inner.country_code != outer.country_code:
        return True
    return haversine_km(inner.lat, inner.lon, outer.lat, outer.lon) - outer.radius_km - inner.radius_km > NAMESAKE_KM


#: A part word between two towns: "the Tajoura district of eastern Tripoli".
_PART_GAP = re.compile(r"^\s+" + PART_WORDS + r"\s+of\b", re.I)
#: How far a town told as a part of another may lie beyond that town's radius (Tajoura: 15 km from Tripoli's point).
TOLD_PART_KM = 15.0


def _told_part(gap: str, a: Place, b: Place) -> bool:
    """Is town `a` told as a part of town `b` ("the Tajoura district of eastern Tripoli"), no bigger than it, and near
    enough to be one? The gazetteer holds many suburbs as towns of their own, just outside the city's radius (not "the
    New York borough of Queens": the bigger one first names whose part the second is, `_city_first`)."""
    return a.kind in TOWN_KINDS and b.kind in TOWN_KINDS and _PART_GAP.match(gap) is not None \
        and a.population <= b.population and haversine_km(a.lat, a.lon, b.lat, b.lon) <= b.radius_km + TOLD_PART_KM


def _same_or_finer(a: Place, b: Place) -> bool:
    """`a` could lie in `b` by kind and country: what "the Jabalia camp in northern Gaza" or "Mariupol in Donetsk"
    needs when the gazetteer's kinds alone cannot tell (a camp and the strip read as two towns, a region as its
    city)."""
    return a.country_code == b.country_code and PRECISION_RANK.get(a.kind, 9) <= PRECISION_RANK.get(b.kind, 9)


def inner_names(pairs: list[Pair], owners: list[Mention | None], picked: list[bool],
                 scores: list[float], vetoed: list[bool]) -> dict[int, Place]:
    """A pair of `inner_pairs` is one event place when either of its two is picked and the inner one is not vetoed
    ("refugees from Aleppo in Damascus": Aleppo is an origin): the inner one (an unknown name is put in the outer
    place), not the outer. It takes the better of the two scores: the model learned from the data that "Baghdad" in
    "the Amil neighbourhood of Baghdad" is not the place labelled, though the event happened in it. A known inner name
    read as a far namesake is put in the outer place, a sea near the town it is off. {unknown candidate index: its
    container}."""
    out: dict[int, Place] = {}
    for k, o, far, near in sorted(pairs, key=lambda p: -p.inner):  # "Zike in Bassa in Plateau": Bassa first
        if not vetoed[k] and (picked[k] or picked[o]):
            picked[k], picked[o] = True, False  # the outer place is not a second event place
            scores[k] = max(scores[k], scores[o])
            if owners[o] is None:  # a unit the gazetteer lacks: the inner name is placed as any unknown one is
                continue
            inner, outer = owners[k], owners[o].place  # type: ignore[union-attr]
            if inner is None:
                town = near and outer.kind in TOWN_KINDS  # type: ignore[union-attr]
                out[k] = around(outer) if town else outer  # type: ignore[arg-type]
            elif far:
                inner.place, inner.within = outer, True
            elif near and inner.place is not None and inner.place.kind == "sea":  # "the Red Sea off Hodeidah"
                inner.place, inner.within = around(outer), True  # type: ignore[arg-type]
    return out

