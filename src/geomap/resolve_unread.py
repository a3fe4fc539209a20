"""Readings the resolver leaves unread: a town far from the article's country and places, or one its words deny.

A name read as a small town abroad, in a story set elsewhere and far from every place it names, is more often a
person's name or a namesake than a place; and the text can say outright that a reading is wrong ("Kobe, a village
on the road between Gao and Ansongo", "Israel's Ramon airport", "Kani township in Myanmar's Sagaing region").
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from geomap.gazetteer.names import normalize
from geomap.geo import haversine_km
from geomap.lexicon import SITE_WORDS, common_words
from geomap.models import Mention, Place
from geomap.patterns import Pattern

#: A town read in a country no other place of the article is in, while the article names at least
#: `LONE_FOREIGN_MIN_PLACES` places of its main country, stays only if it is this big or near another of its places.
#: On the training 70 % of TR-News and GeoVirus the rule leaves 61 readings unread: 57 names that are no place at all
#: (Bush, Obama, Salt, Molotov, the Reston virus) and 4 wrong places (Enfield, Canada in a London story; Kallam,
#: India for "Kalam in the Swat Valley"); no right one. The foreign places those articles name rightly are cities of a
#: million or more (Paris, Cairo, Rome, London, Taichung) or lie across a border.
LONE_FOREIGN_MIN_POP = 1_000_000
LONE_FOREIGN_MIN_PLACES = 3
#: ... unless it lies this near another place of the article: border towns are named beside their neighbours.
LONE_FOREIGN_NEAR_KM = 300.0
#: A village this small read outside the article's main country and far from all its places is left unread even
#: when the article names other places of the village's country ("villages of Martynovka and Kauchuk" in a story of
#: the Kursk incursion read as a Crimean Martynovka, 600 km away: Kyiv, named as the speaker, made Ukraine no
#: lone country).
LONE_VILLAGE_MAX_POP = 10_000
#: A name told to be a village right after it: no city of its name is meant.
TOLD_A_VILLAGE = Pattern("a village told after the name",
                         r"^\s*,\s+(?:a|an)\s+(?:small\s+|remote\s+|tiny\s+)?(?:village|hamlet)\b",
                         "Gunmen attacked a convoy near [Kobe], a village on the road to Gao.",
                         "Gunmen attacked a convoy near [Kobe], the port city.", "after")
VILLAGE_OF = Pattern("a village told before the name", r"\b(?:villages?|hamlets?)\s+of\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z]"
                     r"[\w'’-]*)*\s*(?:,\s*|,?\s+and\s+))*$",
                     "A bomb hit a crowd in the village of [Bon To] on Monday.",
                     "A bomb hit a crowd in the city of [Bonn] on Monday.", "before")
#: A town's part word after a name: "the Salah al-Din district" of Tripoli is not Iraq's Salah al-Din governorate.
TOWN_PART_AFTER = Pattern("a part of a town told after the name", r"^\s+(?:district|neighbou?rhood|quarter|suburb)\b",
                          "Fighting spread to the [Salah al-Din] district of the capital.",
                          "Fighting spread to [Salah al-Din] province.", "after")
#: A township told after the name: the unit of Myanmar's and South Africa's maps, no foreign city of the name.
TOWNSHIP_AFTER = Pattern("a township told after the name", r"^\s+township\b",
                         "Jets bombed a village in [Kani] township.", "Jets bombed a village near [Kani] city.",
                         "after")
#: Between a town and the region or country it is said to lie in: "Kani township in Myanmar's Sagaing region".
IN_THE_PLACE_NEXT = Pattern(
    "in the region or country named next", r"^(?:\s+(?:township|district|village|town|city|county|municipality|area))?"
    r",?\s+in\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|"
    r"south-?eastern|south-?western)\s+)?$",
    "Jets bombed a school in [Kani] township in [Sagaing] region.",
    "Jets bombed [Kani] township and [Sagaing] region.", "between")
#: Between a name and the place its site is said to be in: "the Serena Hotel in Kabul" names a hotel, not La Serena in
#: Chile; "Kabul University" alone is in Kabul, and keeps its reading.
SITE_IN_THE_PLACE_NEXT = Pattern(
    "a site of the name in the place named next",
    r"^\s+(?:[A-Z][\w'’-]*\s+){0,2}?(?:" + SITE_WORDS + r"|College|Airport|Temple|Shrine|Academy|Institute|Bridge)"
    r"\s*(?:,\s*|\s+(?:in|near|outside|at)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?)$",
    "Gunmen stormed the [Serena] Hotel in [Kabul] on Monday.",
    "Gunmen stormed the [Serena] hotel chain's offices and [Kabul] airport.", "between", flags=0)
#: A town smaller than this read through another of its names ("Bassa" for Passau, "Zike" for Syke) outside the
#: country most of the article's mentions are in, and far from all its places, is left unread: in a story of
#: Nigeria's Plateau state those are two of its villages. Its own name ("Cairo") or a big city's other name ("Kiev")
#: is kept. A name that is also an English word and no place's own name ("Rim", Czech for Rome; not "Newcastle", a
#: town's own name as well as Newcastle upon Tyne's other one) is read as no city of any size abroad through another
#: of its names once one other place sets the story elsewhere ("the Rim district of Plateau State").
ALIAS_FOREIGN_MAX_POP = 100_000


def drop_lone_foreign_towns(mentions: list[Mention], text: str = "",
                            own_name: Callable[[str], bool] = lambda name: True) -> None:
    """Unresolve a town (or district, landmark) that would be the article's only place in its country while the
    article is set in another and the town lies far from all its places (`LONE_FOREIGN_MIN_POP`), or a village so
    read whatever else the article names in its country (`LONE_VILLAGE_MAX_POP`): more often a person's name or a
    namesake than a place; or a small town read through another of its names outside the country most mentions are
    in (`_foreign_alias_towns`); or a city outside it that the article's `text` calls a village (`TOLD_A_VILLAGE`:
    "near Kobe, a village on the road between Gao and Ansongo"; `VILLAGE_OF`: "the village of Bon To"); or a province
    outside it told to be a town's part (`TOWN_PART_AFTER`: "the Salah al-Din district" of Tripoli) or a city told to
    be a township (`TOWNSHIP_AFTER`); or a town's reading outside the country the text puts the name in
    (`_owned_elsewhere`); or a name that only names a site the text puts in another place (`SITE_IN_THE_PLACE_NEXT`:
    "the Victoria Hotel in Warsaw" is no Victoria). A town across a border stays ("Myawaddy, opposite Mae Sot"), and
    so does a lone town whose sentence names its country ("Mali's army struck a position near Tinzaouaten")."""
    places: dict[str, set[str]] = {}
    for m in mentions:
        if m.place is not None and m.place.country_code:
            places.setdefault(m.place.country_code, set()).add(m.place.id)
    if not places:
        return
    main = max(places, key=lambda cc: len(places[cc]))
    told = {(m.sentence, m.place.country_code) for m in mentions if m.place is not None and m.place.kind == "country"}
    lone = [(m, m.place) for m in mentions if m.place is not None and m.place.kind in ("city", "district", "landmark")
            and m.place.country_code != main and m.place.population < LONE_FOREIGN_MIN_POP
            and (len(places.get(m.place.country_code, ())) == 1 or m.place.population < LONE_VILLAGE_MAX_POP)
            and (m.sentence, m.place.country_code) not in told  # "Mali's army struck ... near Tinzaouaten"
            ] if len(places[main]) >= LONE_FOREIGN_MIN_PLACES else []
    lone += _foreign_alias_towns(mentions, main, own_name)
    lone += [(m, m.place) for m in mentions if m.place is not None and m.place.country_code != main
             and _told_otherwise(m, m.place, text)]
    lone += _owned_elsewhere(mentions, text)
    lone += [(a, a.place) for a, b in pairwise(mentions) if a.place is not None and b.place is not None
             and a.place.id != b.place.id and SITE_IN_THE_PLACE_NEXT.match_at(text[a.end:b.start])]
    others = {m.place.id: m.place for m in mentions if m.place is not None and m.place.kind != "country"}
    for m, p in lone:
        if not any(q.id != p.id and haversine_km(p.lat, p.lon, q.lat, q.lon) <= LONE_FOREIGN_NEAR_KM
                   for q in others.values()):
            m.place = None
    for m in _parts_elsewhere(mentions, text):
        m.place = None


#: A neighbourhood's word after the name (not "district", which in many countries names a unit around a town of
#: the name: "Jiribam district").
NEIGHBOURHOOD_AFTER = Pattern("a neighbourhood told after the name", r"^\s+(?:neighbou?rhood|quarter|suburb)\b",
                              "Gunmen opened fire in the [Barrio de San Juan] neighbourhood.",
                              "Gunmen opened fire in [Jiribam] district.", "after")
#: A village told to be a town's part ("in the Barrio de San Juan neighbourhood") is that town's part when it lies
#: further than this beyond the radius of every other town the article names.
PART_WITHIN_KM = 30.0


def _parts_elsewhere(mentions: list[Mention], text: str) -> list[Mention]:
    """Villages told to be a town's neighbourhood (`NEIGHBOURHOOD_AFTER`) that lie in none of the article's other
    towns: a namesake ("Barrio de San Juan", a village 200 km from Irapuato, in a story of a shooting there), left
    unread whatever else lies near it (the events step puts the part in its town); and cities of any size told to be
    a part (`PART_AFTER_ABROAD`) in a country none of the article's towns is in, far from all of them ("the Gombe
    district" of Kinshasa; not "a Gaza City neighbourhood" in a story of Jerusalem)."""
    towns = list({m.place.id: m.place for m in mentions if m.place is not None and m.place.kind == "city"
                  and not m.text.isupper()}.values())  # a dateline's city ("MEXICO CITY, Aug 18") is where the report
    # was filed; each town once, so that a long article repeating its towns costs no more per mention
    out = []
    for m in mentions:
        p = m.place
        if p is None or p.kind != "city" or text.endswith(("'s ", "’s "), 0, m.start):
            continue  # "Gaza City's Daraj neighbourhood": the events step puts it in the town named before
        village = p.population < LONE_VILLAGE_MAX_POP and NEIGHBOURHOOD_AFTER.match_at(text[m.end:m.end + 20])
        if not village and not PART_AFTER_ABROAD.match_at(text[m.end:m.end + 20]):
            continue  # (checked first: the loops below over the article's towns run for few mentions)
        others = [q for q in towns if q.id != p.id]
        if village and others and not any(
                haversine_km(p.lat, p.lon, q.lat, q.lon) <= q.radius_km + PART_WITHIN_KM for q in others):
            out.append(m)
        elif not village and others and all(
                q.country_code != p.country_code and haversine_km(p.lat, p.lon, q.lat, q.lon) > LONE_FOREIGN_NEAR_KM
                for q in others):
            out.append(m)  # "gunfire in the Gombe district" of a Kinshasa story: no Nigerian city
    return out


#: A town's part told after the name, whose reading is a city in none of the countries of the article's towns.
PART_AFTER_ABROAD = Pattern("a town's part told after the name",
                            r"^\s+(?:neighbou?rhood|quarter|district|commune)\b"  # not "this Albany suburb": Albany's
                            r"(?!\s+(?:judges?|courts?|attorneys?|councils?|commissioners?|officials?)\b)",
                            "Gunfire was heard in the [Gombe] district of the capital.",
                            "Gunfire was heard in [Gombe] town on Sunday.", "after")


def _told_otherwise(m: Mention, p: Place, text: str) -> bool:
    """Do the article's words deny the reading `p` of `m` (outside the article's main country): a city called a
    village (`TOLD_A_VILLAGE`, `VILLAGE_OF`) or a township (`TOWNSHIP_AFTER`), a province called a town's part
    (`TOWN_PART_AFTER`)?"""
    if p.kind == "city" and TOWNSHIP_AFTER.match_at(text[m.end:m.end + 12]):
        return True  # "Kani township" in a story of Myanmar's Sagaing region: no Kani in Japan
    if p.kind == "city" and p.population >= LONE_VILLAGE_MAX_POP:
        return bool(TOLD_A_VILLAGE.match_at(text[m.end:m.end + 30]) or VILLAGE_OF.search(text, max(0, m.start - 60),
                                                                                          m.start))
    return p.feature.startswith("admin1") and TOWN_PART_AFTER.match_at(text[m.end:m.end + 20]) is not None


def _owned_elsewhere(mentions: list[Mention], text: str) -> list[tuple[Mention, Place]]:
    """Town readings outside the country the text puts the name in: after its possessive ("Israel's Ramon airport" is
    no Ramon in the Philippines; a territory keeps its reading: "France's New Caledonia") or a region or country it is
    said to lie in (`IN_THE_PLACE_NEXT`: "Kani township in Myanmar's Sagaing region" is no Kani in Japan). The caller
    keeps those near another place of the article. (A far namesake after a town's possessive keeps its reading here:
    the events step puts it in the town, `pairs`.)"""
    out = []
    for a, b in pairwise(mentions):
        p, q = a.place, b.place
        if p is None or q is None or p.country_code == q.country_code or not q.country_code or not p.country_code:
            continue  # a sea or a continent lies in no country: "off Turkey's Black Sea coast"
        gap = text[a.end:b.start]
        if p.kind == "country" and gap in ("'s ", "’s ") and q.kind in ("city", "district", "landmark") \
                and q.population < LONE_FOREIGN_MIN_POP:  # not "France's New Caledonia", "Israel's Gaza offensive"
            out.append((b, q))
        elif p.kind in ("city", "district", "landmark") and q.kind in ("region", "country") \
                and p.population < LONE_FOREIGN_MIN_POP and IN_THE_PLACE_NEXT.match_at(gap):
            out.append((a, p))
        elif p.kind in ("city", "district", "landmark") and q.kind in ("city", "district", "landmark") \
                and p.population < LONE_FOREIGN_MIN_POP and NEAR_THE_PLACE_NEXT.match_at(gap):
            out.append((a, p))  # "the Morag corridor north of Rafah": no Morąg in Poland
    return out


#: Between a town and the town it is told to be near: "the Morag corridor north of Rafah", "Kalembe, near Goma".
NEAR_THE_PLACE_NEXT = Pattern(
    "near the place named next", r"^(?:\s+[a-z][\w-]*){0,2}?,?\s+(?:(?:some\s+|about\s+)?\d+\s*(?:km|kilometres|"
    r"kilometers|miles)\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|near|outside|close\s+to)\s+"
    r"(?:the\s+(?:[a-z]+\s+)?(?:city|town|village|port)\s+of\s+)?$",
    "Troops fired near the [Morag] corridor north of [Rafah].", "Troops fired in [Morag] and in [Rafah].", "between")


def _foreign_alias_towns(mentions: list[Mention], main: str, own_name: Callable[[str], bool]
                         ) -> list[tuple[Mention, Place]]:
    """Towns read through another of their names outside the article's `main` country, the one most of its distinct
    places are in (`ALIAS_FOREIGN_MAX_POP`; "U.S. strikes hit Saada in Yemen ... The U.S. Central Command" names the
    United States twice but places nothing in it); the caller keeps those near another place of the article."""
    n = sum(1 for m in mentions if m.place is not None and m.place.country_code == main and m.hint != "demonym")
    towns = [m for m in mentions if m.place is not None and m.place.kind in ("city", "district", "landmark")
             and normalize(m.text) != normalize(m.place.name)]
    out = [(m, m.place) for m in towns if n >= 2 and m.place.country_code != main
           and m.place.population < ALIAS_FOREIGN_MAX_POP]
    for m in towns:  # "the Rim district of Plateau State": no Rome
        if m.text[:1].isupper() and m.text.lower() in common_words() and not own_name(m.text) and any(
                o.place is not None and o.place.country_code not in ("", m.place.country_code) and o.hint != "demonym"
                for o in mentions):
            out.append((m, m.place))
    return out
