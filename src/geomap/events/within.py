"""Places inside places across a story: where a name the gazetteer lacks is put, which event places a finer one makes
redundant, and the town a later sentence means ("the town", "the same jail"). Two names of one sentence that are one
place ("the Amil neighbourhood of western Baghdad") are `pairs`.

The event is at the innermost place geomap can resolve; a name it cannot resolve is put in the place it is said to lie
in, at that place's coarser precision (ACLED's rule), and a country or region is not an event place when a place
inside it already is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from geomap.events.fatalities import fatalities
from geomap.events.model import Candidate, Sentence
from geomap.events.slots import BEARING_WORDS, LIST_JOIN
from geomap.events.triggers import VIOLENT, Found
from geomap.geo import haversine_km
from geomap.lexicon import DEMONYM_COUNTRY, SITE_WORDS, names_a_unit
from geomap.models import PRECISION_RANK, Event, Mention, Place
from geomap.patterns import Pattern

#: Vetoes that make a place only the reference point of where something happened ("villages north of Aleppo").
REFERENCE_VETOES = frozenset({"slot=bearing from a reference", "slot=distance reference", "slot=a route"})
#: Places named only as a reference point: a name the gazetteer lacks is not put in them.
NOT_CONTAINERS = REFERENCE_VETOES | {"slot=the border with the place", "slot=the place's border", "slot=origin",
                                     "slot=agent of an act",  # "India fired missiles at air bases, including Nur Khan"
                                     "owner",  # "Russia's defence ministry said its troops took the village of X"
                                     "topic of a protest",  # "marched along First Avenue, calling for peace in Gaza"
                                     "slot=the whole war in the place"}  # "..., calling for an end to the war in Gaza"
#: After "Kherson's Dniprovskyi": the word that makes the second name a part of the first (in the name, or after it).
PART_WORDS = r"(?:district|neighbou?rhood|area|suburb|quarter|sector|raion|township|borough|ward)"
POSSESSIVE_PART = Pattern(
    "a part after a possessive place", r"^\s+" + PART_WORDS + r"\b",
    "Shells hit Kherson's [Dniprovskyi] district overnight.", "Shells hit Kherson's [Dnipro] river port.", "after")
#: Gazetteer kinds an event can be put around (`around`): a town, a district, a landmark.
TOWN_KINDS = ("city", "district", "landmark")
#: The radius given to "the area around a town" when an unknown place is put near it.
AROUND_KM = 25.0

#: The last word of a name the gazetteer lacks that makes it a site inside a town: a square, a street, a building.
LANDMARK_TAIL = Pattern(
    "a site's name", r"\s(?:" + SITE_WORDS + r"|Boulevard|Assembly|Parliament|Embassy|Consulate|Ministry|Court|"
    r"Barracks|Headquarters)$",
    "Palestine Square", "Dinangourou", flags=0)


#: At most this many characters from a name the gazetteer lacks to a town it is placed from ("... military base north
#: of"): further, the bearing is another name's.
REFERENCE_GAP = 40


def container(cands: list[Candidate], owners: list[Mention | None], feats: list[list[str]], k: int,
              name: str = "", text: str = "", breaks: list[int] | tuple[int, ...] = ()) -> Place | None:
    """Where to put a name the gazetteer lacks: the nearest region or country the sentence names (after the name
    first: "Jibwhiwhui village of Hawul"), else the area around the nearest town it names ("villages near Walungu",
    "in Bwalagi and Kafanchan"), at region precision: the town itself would claim a precision we do not have. A
    square, street or building (`LANDMARK_TAIL`, `SITE_AFTER`: "In Tehran, crowds gathered in Palestine Square")
    or a neighbourhood (`POSSESSIVE_PART`) is in the town itself. A place named only as a reference ("near the
    border with Burkina Faso", "40 km from Kaya") holds nothing, except the name right before it: "the Glilot
    military base north of Tel Aviv" is around Tel Aviv; nor does a name used as an adjective (`ADJECTIVE_USE` in
    the sentence `text`: "a U.S. ceasefire proposal"), nor one after it in another clause ("near the Torkham
    crossing, after strikes in Paktika province": `breaks`, where the sentence's clause breaks start,
    `slots.Clauses.starts`). Of a country and a region of it named next, the region."""
    ref = owners[k + 1] if k + 1 < len(cands) and cands[k + 1].start - cands[k].end <= REFERENCE_GAP else None
    if ref is not None and ref.place is not None and ref.place.kind in TOWN_KINDS and (
            REFERENCE_VETOES.intersection(feats[k + 1])
            or NEAR_THE_TOWN.match_at(text[cands[k].end:cands[k + 1].start])):
        return around(ref.place)
    cut = next((b for b in breaks if b >= cands[k].end), len(text))  # the name's clause ends there
    after = [j for j in range(k + 1, len(cands)) if cands[j].start <= cut]
    order = [j for j in [*after, *range(k - 1, -1, -1)] if not NOT_CONTAINERS.intersection(feats[j])
             and not ADJECTIVE_USE.search(text, max(0, cands[j].start - 4), cands[j].start)]
    known = [owners[j].place for j in order if owners[j] is not None]  # type: ignore[union-attr]
    town = next((p for p in known if p is not None and p.kind in TOWN_KINDS), None)
    if town is not None and _part_of_town(name, text[cands[k].end:cands[k].end + 20]):
        # "the Abu Salim neighbourhood ... of the capital", "on Hodan street in Mogadishu"; a landmark holds no part
        # of a town ("the Souq al-Jumaa district and ... towards Mitiga airport"): the story's town, if any
        return town if town.kind != "landmark" else None
    outer = [p for p in known if p is not None and p.kind in ("region", "country")]
    if outer:  # "in the Cal Miskaad mountains in Somalia's Puntland region": the region, not the country
        return next((p for p in outer[1:2] if p.kind == "region" and place_inside(p, outer[0])), outer[0])
    return around(town) if town else None


#: Between a name and the town it is near: "Nur Khan near the capital Islamabad", "Kalembe, outside the town of",
#: "Ramon airport near the southern city of".
NEAR_THE_TOWN = Pattern(
    "near the town named next", r"(?:\s+(?:airport|air\s?base|airfield|base|camp|port|checkpoint|crossing|dam|prison|"
    r"mine|oil\s?field))?\s*,?\s*(?:near|outside|close\s+to|next\s+to)\s+(?:the\s+(?:" + BEARING_WORDS
    + r"\s+)?(?:capital|city|town|"
    r"port|village)(?:\s+of)?\s+)?$",
    "Missiles hit bases, including [Nur Khan] near the capital [Islamabad].",
    "Missiles hit bases, including [Nur Khan] and the capital [Islamabad].", "between")
#: A place's name used as an adjective, after an indefinite article: "to discuss a U.S. ceasefire proposal".
ADJECTIVE_USE = Pattern("a name used as an adjective", r"\b(?:a|an)\s+$",
                        "Negotiators met to discuss a [U.S.] ceasefire proposal.",
                        "Negotiators met in the [U.S.] on Monday.", "before")


#: A demonym right before a place's kind says which country a name the gazetteer lacks lies in: "the Haitian town
#: of Pont-Sonde" (unlike "Haitian police raided Pont-Sonde", which says whose the police are).
DEMONYM_KIND_OF = Pattern(
    "a place's country told by a demonym before its kind",
    r"^\s+(?:[a-z-]+\s+){0,2}?(?:town|city|village|port|province|region|district|county|hamlet|settlement|camp)"
    r"\s+of\s+$", "Gunmen attacked the [Haitian] town of [Pont-Sonde] on Thursday.",
    "[Haitian] police raided gangs in [Pont-Sonde] on Thursday.", "between", flags=0)


def demonym_country(ms: list[Mention], text: str, offset: int, start: int) -> Place | None:
    """The country a demonym places a name the gazetteer lacks in (`DEMONYM_KIND_OF`: "the Haitian town of
    Pont-Sonde"), else None; `text` is the sentence, starting at `offset` in the article, the name at `start`."""
    for m in ms:
        end = m.end - offset
        if m.hint == "demonym" and m.place is not None and 0 <= end < start \
                and DEMONYM_KIND_OF.match_at(text[end:start]):
            return m.place
    return None


def around(town: Place, km: float = 0.0) -> Place:
    """The area around a town, for an unknown place near it (ACLED's 'near a town' precision); `km`: how far from
    the town the text says it is ("60 km north of Maiduguri"), which the area's radius covers."""
    return replace(town, id=town.id + "#around", name=f"near {town.name}", kind="region",
                   radius_km=max(town.radius_km, AROUND_KM, km), feature="around")


def main_country(mentions: list[Mention]) -> Place | None:
    """The country the article's places are most in, as a place (None when the article names neither it nor its
    people). Demonyms do not count towards it: "Russian shelling hit X" says who fired, not where X is; but a
    demonym of that country names it ("Kenyan police killed 31", in a story of Kangemi and Kitengela)."""
    counts: dict[str, int] = {}
    country: dict[str, Place] = {}
    for m in mentions:
        if m.place is not None and m.place.country_code and m.hint != "demonym":
            counts[m.place.country_code] = counts.get(m.place.country_code, 0) + 1
        if m.place is not None and m.place.kind == "country" and (
                m.hint != "demonym" or m.place.country_code not in country):
            country[m.place.country_code] = m.place
    top = max(counts, key=counts.__getitem__, default=None)
    return country.get(top) if top else None  # only the leading country, and only when the article names it


#: A place told as beside the one told before, so not in it: "a roadside bomb in neighbouring Orakzai district".
NEIGHBOURING = Pattern("a neighbouring place", r"\b(?:neighbou?ring|adjacent|adjoining)\s+$",
                       "A roadside bomb in neighbouring [Orakzai] district killed two soldiers.",
                       "A roadside bomb in the [Orakzai] district killed two soldiers.", "before")


def told_region(events: list[Event], main: Place | None, regions: list[Place] | None = None,
                region_of: Callable[[Place], Place | None] | None = None) -> Place | None:
    """Where a name no place of its sentence holds goes: the region of the event told last ("25 killed in Mali's
    Mopti region. Gunmen opened fire on a market in Dinangourou"), or the region named before that holds the town
    of the event told last (`regions`, in the order named; the latest wins: "pushed into Russia's Kursk region,
    fighting around Sudzha. ... a drone hit an ambulance near the village of Kositsa"), else the region the
    gazetteer puts that town in (`region_of`: "killed 40 in Beni. ... attacked the villages of Masala and
    Mapasana" goes in North Kivu), when that lies in the article's main country; with no event told yet, the
    region named last ("hijacked a train in Balochistan province. ... blown up the track near Mashkaf"); else the
    main country."""
    last = events[-1].place if events else (regions[-1] if regions else None)  # none told yet: the region named
    if last is not None and last.kind in TOWN_KINDS:
        named = next((r for r in reversed(regions or []) if place_inside(last, r)), None)
        last = named or (region_of(last) if region_of is not None else None) or last
    if last is not None and last.kind == "region" and (main is None or last.country_code == main.country_code):
        return last
    return main


#: "in the city's Kadutu district", "the town's main market": a part of the town the story just told.
TOLD_TOWN_PART = Pattern(
    "a part of the town just told", r"\b(?:city|town|capital)['’]s\s+(?:[\w-]+\s+){0,2}$",
    "M23 entered Bukavu. Looters ransacked a depot in the city's [Kadutu] district.",
    "M23 entered Bukavu. Looters ransacked a depot in [Kadutu] district.", "before")


#: A lower-case site word after the name: "the bomb went off on Hodan street".
SITE_AFTER = Pattern("a site's word after the name",
                     r"^\s+(?:" + SITE_WORDS.lower() + r"|junction|roundabout|building|compound|temple|shrine|"
                     r"seminary|madrassa|madrasa|college|jail|factory|clinic|synagogue|monastery)\b",
                     "The bomb went off on [Hodan] street.", "The bomb went off in [Hodan] on Tuesday.", "after",
                     flags=0)


def _part_of_town(name: str, after: str) -> bool:
    """Does a name the gazetteer lacks name a part of a town: a street, square or building (`LANDMARK_TAIL` in the
    name, `SITE_AFTER` after it), or a neighbourhood or district (`POSSESSIVE_PART` after it)?"""
    return bool(LANDMARK_TAIL.search(name) or POSSESSIVE_PART.match_at(after) or SITE_AFTER.match_at(after))


def told_town(events: list[Event], before: str, name: str, after: str = "", named: Place | None = None) -> Place | None:
    """Where a name no place of its sentence holds goes when it is a part of the town the story just told: after
    "the city's" ("Looters ransacked a depot in the city's Kadutu district", after "M23 entered Bukavu"), a
    neighbourhood or district ("clashes in the Solino neighbourhood", after an attack in Delmas: `POSSESSIVE_PART`
    reads its kind word), or a street, square or building (`LANDMARK_TAIL`: "Protesters threw fireworks on
    Rustaveli Avenue" after a protest in Tbilisi; `SITE_AFTER`: "on Hodan street"). The last event's town, else
    (`named`) the first town the story named, its setting ("Leaders gathered at the UN in New York, calling for a
    ceasefire in Gaza. Outside, protesters marched along First Avenue"), else None."""
    last = events[-1].place if events else named
    if last is None or last.kind not in TOWN_KINDS or last.id.endswith("#around"):
        return None
    return last if TOLD_TOWN_PART.search(before) or _part_of_town(name, after) else None


def _inside(inner: Mention, outer: Mention) -> bool:
    """Is `inner` a place inside `outer`? A name the gazetteer lacks lies inside the place it was put in."""
    a, b = inner.place, outer.place
    if a is None or b is None or outer.within:
        return False
    return (inner.within and a.id == b.id) or place_inside(a, b)


def _unit_holds(inner: tuple[Mention, Sentence, Candidate], unit: tuple[Mention, Sentence, Candidate]) -> bool:
    """Is `inner` in `unit`, both names the gazetteer lacks put in one place, the unit told after it as a part of
    that place ("Katarko village ... in Gujba Local Government Area of Yobe State": the village is in the LGA, and the
    LGA no second event place)? Not members of one list ("the Agatu and Logo LGAs")."""
    a, b = inner[0], unit[0]
    return a.within and b.within and a.place is not None and b.place is not None and a.place.id == b.place.id \
        and a.start < b.start and names_a_unit(b.text) and not names_a_unit(a.text) \
        and _UNIT_OF.match(unit[1].text, unit[2].end) is not None and not _listed(unit[1].text, inner[2], unit[2])


_UNIT_OF = re.compile(r"\s+of\s")



#: A district or site lies in a town when it is at most this far beyond the town's radius (a first-level code
#: shared with the town says nothing: the Nuseirat camp is not in Khan Younis, 12 km away in the same strip).
IN_TOWN_KM = 3.0


def place_inside(a: Place, b: Place) -> bool:
    """Does `a` lie in `b`? The area around a town ranks as the town ("near Olenegorsk" is in the Murmansk region); a
    second-level region lies in the first-level one of its code ("the Reasi district of Kashmir")."""
    rank = PRECISION_RANK["city"] if a.feature == "around" else PRECISION_RANK.get(a.kind, 9)
    if a.id.startswith("adm2:") and b.id.startswith("adm:"):  # a second-level region in a first-level one
        return a.admin1 == b.admin1
    if a.country_code != b.country_code or rank >= PRECISION_RANK.get(b.kind, 9) or b.feature == "around":
        return False
    if b.kind in TOWN_KINDS:
        return _in_reach(a, b)
    return b.kind == "country" or not b.admin1 or not a.admin1 or a.admin1 == b.admin1


def _in_reach(a: Place, town: Place) -> bool:
    """Does `a` lie within the town's radius (and `IN_TOWN_KM` more)?"""
    return haversine_km(a.lat, a.lon, town.lat, town.lon) <= town.radius_km + IN_TOWN_KM


#: "In Marseille, police fired tear gas at youths near the Old Port": the sentence opens with where all of it was.
SETTING_OPENER = Pattern("the place a sentence opens with", r"\s*In\s+(?:the\s+)?$",
                         "In [Marseille], police fired tear gas at youths near the Old Port.",
                         "Police fired tear gas in [Marseille] at youths near the Old Port.", "before", flags=0)


def _town_of(item: tuple[Mention, Sentence, Candidate], chosen: list[tuple[Mention, Sentence, Candidate]],
             ) -> Candidate | None:
    """The candidate of the chosen town around which a name the gazetteer lacks was put, when the town is the same
    happening's place (`_one_happening`), or the sentence opens with it ("In Marseille, ...")."""
    m, sent, c = item
    if not m.within or m.place is None:
        return None
    for o, _, oc in chosen:
        if o.place is not None and o.place.id + "#around" == m.place.id and (
                _one_happening((o, sent, oc), item)
                or SETTING_OPENER.match_at(sent.text[:oc.start]) and sent.text[oc.end:oc.end + 1] == ","):
            return oc
    return None


def _listed(text: str, a: Candidate, b: Candidate) -> bool:
    """Are two candidates members of one list ("in Bwalagi and Kafanchan": two places of the fighting)?"""
    first, second = (a, b) if a.start < b.start else (b, a)
    return LIST_JOIN.match_at(text[first.end:second.start]) is not None


def _told_happening(item: tuple[Mention, Sentence, Candidate]) -> bool:
    """Does the place's own clause hold an event word? A site named in a clause without one ("as a council was
    sworn in at the National Palace") does not make the town of the attack told before a mere container."""
    sent, c = item[1], item[2]
    lo, hi = sent.clauses.around(c.start)
    return any(lo <= t.start < hi for t in sent.triggers)


def _one_happening(a: tuple[Mention, Sentence, Candidate], b: tuple[Mention, Sentence, Candidate]) -> bool:
    """Are two places of one sentence places of one happening? They share their nearest event word, or stand in
    one clause where one of the two words only tells the other's toll ("shelling across the Line of Control killed
    12 in Poonch"; not "rebels captured Minova, and 13 were killed in clashes around Sake")."""
    sent = a[1]
    fa, fb = (sent.nearest_trigger(x[2].start, x[2].end)[0] for x in (a, b))
    if fa is None or fb is None:
        return False
    if fa.start == fb.start:
        return True
    return (fa.trigger.weak or fb.trigger.weak) and sent.clauses.around(a[2].start) == sent.clauses.around(b[2].start)


def _town_part(item: tuple[Mention, Sentence, Candidate], town: Mention) -> bool:
    """Is the item's place told as a part of `town` ("In Lagos, a crowd marched through the Ikeja district": both
    towns in the gazetteer, the part within the town's reach and followed by its kind word, `POSSESSIVE_PART`)?"""
    a, b = item[0].place, town.place
    if a is None or b is None or a.id == b.id or a.kind not in TOWN_KINDS or b.kind not in TOWN_KINDS \
            or a.country_code != b.country_code or b.feature == "around":
        return False
    end = item[2].end
    return POSSESSIVE_PART.match_at(item[1].text[end:end + 16]) is not None and _in_reach(a, b)


def innermost(chosen: list[tuple[Mention, Sentence, Candidate]]) -> list[tuple[Mention, Sentence, Candidate]]:
    """A country or region is not the event place when a place inside it already is ("in Irpin, Ukraine"); nor is
    the area around a town, where a name the gazetteer lacks was put, when the town itself is the place of the same
    event word ("In Omdurman, drones struck positions near the Halfaya bridge": one strike, at Omdurman), unless the
    two are listed ("fighting in Bwalagi and Kafanchan": two places); nor a town whose part is told as the place of
    the same happening ("In Lagos, a crowd marched through the Ikeja district"; not "stormed the prison in Lagos and
    attacked another in the Ikeja suburb")."""
    keep = []
    for item in chosen:
        m = item[0]
        town = _town_of(item, chosen)
        if town is not None and not _listed(item[1].text, town, item[2]):
            continue  # an added name near a town whose own mention is the same happening's place
        if any(o[0] is not m and (_inside(o[0], m) or _unit_holds(o, item) or _town_part(o, m) and _one_happening(
                o, item)) and _told_happening(o) for o in chosen):
            m.role = "mention"
            continue
        keep.append(item)
    return keep


def owned_capitals(ms: list[Mention]) -> dict[int, Mention]:
    """{id of the country mention: the capital's} for each "Burundi's capital" of a sentence (`ms`: its mentions)."""
    out: dict[int, Mention] = {}
    for m in ms:
        if m.hint.startswith("capital:"):
            for o in ms:
                if 2 <= m.start - o.end <= 3 and o.place is not None and o.place.kind == "country" \
                        and o.hint != "demonym":
                    out[id(o)] = m
    return out


def at_capitals(chosen: list[tuple[Mention, Sentence, Candidate]], capitals: dict[int, Mention],
                ) -> list[tuple[Mention, Sentence, Candidate]]:
    """"in a district of Burundi's capital": the country's name is scored as the place and stays the mention marked
    `event` (one name places the event, and the newswire labels mark the country's), but the event is at the
    capital (`capitals`: `owned_capitals`), whose mention takes the score."""
    out = []
    for m, sent, c in chosen:
        cap = capitals.get(id(m))
        if cap is not None:
            cap.event_score = m.event_score
            m = cap
        out.append((m, sent, c))
    return out


#: "the town", "the city" with no name after it: the town the story just told.
THE_TOWN = Pattern(
    "the town just told", r"\b(?:the|that)\s+(?:(?:border|frontier|coastal|northern|southern|eastern|western|"
    r"central|strategic|besieged|embattled|port|key)\s+)?(?:town|city|village)\b(?!\s+of\b|\s*['’]s\b(?!\s+"
    r"(?:[a-z]+\s+)?(?:outskirts|centre|center|edge|suburbs?|defen[cs]es|neighbou?rhoods?|districts?)\b))",  # "the
    # town's outskirts", "the city's western defences": in it
    "Fano fighters seized Debre Tabor. Troops retook [the town] on Thursday.",
    "Fano fighters seized Debre Tabor. Troops retook [the town of] Gondar on Thursday.")


#: "The same jail", "the same market": a site of the event told last, in its town.
THE_SAME_SITE = Pattern(
    "the same site again", r"\bthe\s+same\s+(?:prison|jail|camp|market|hospital|building|school|mosque|church|"
    r"neighbou?rhood|district|town|city|village)\b",
    "A riot broke out at a prison in Machala. Gangs fought inside [the same jail] hours earlier.",
    "A riot broke out at a prison in Machala. Gangs fought inside [the jail] hours earlier.")


def the_town_again(text: str, offset: int, si: int, triggers: list[Found], events: list[Event],
                   ) -> list[tuple[Mention, Sentence, Candidate]]:
    """A sentence with an event word that names no place but "the town" ("Government forces regained control of the
    town on Thursday", after Fano fighters seized Debre Tabor; "inside the same jail": `THE_SAME_SITE`): the event
    is in the town of the event told last. The
    phrase becomes an event mention there, scored as that event was. Not after an area around a town or a region."""
    last = events[-1] if events else None
    if last is None or last.place.kind != "city" or last.place.feature == "around":
        return []
    m = THE_TOWN.search(text) or THE_SAME_SITE.search(text)
    if m is None:
        return []
    mention = Mention(offset + m.start(), offset + m.end(), m.group(), si, place=last.place, role="event",
                      event_score=last.event_score, found_by="events")
    return [(mention, Sentence(text, triggers), Candidate(m.start(), m.end(), last.place.kind))]


def the_lead_country(text: str, offset: int, triggers: list[Found], ms: list[Mention], main: Place | None,
                     events: list[Event], score: float) -> list[tuple[Mention, Sentence, Candidate]]:
    """A lead with a violent event word and a toll but no event place, whose agents or victims are named by the
    demonym of the story's country ("Kenyan police shot dead at least 31 people during protests on Monday"): the
    event is in that country, at country precision, placed by the demonym (scored `score`; its mention is not
    marked an event place: a demonym names no place). Only before the story has told any event."""
    if events or main is None or not any(f.trigger.event_type in VIOLENT for f in triggers) \
            or fatalities(text) is None:
        return []
    codes = [DEMONYM_COUNTRY.get(m.text.lower()) for m in ms if m.hint == "demonym"]
    if not codes or any(c != main.country_code for c in codes):
        return []  # no demonym, or two sides' ("Thai and Cambodian troops fought along the border")
    m = next(m for m in ms if m.hint == "demonym")
    placed = replace(m, place=main, role="event", event_score=score)  # the demonym itself stays no place name
    return [(placed, Sentence(text, triggers), Candidate(m.start - offset, m.end - offset, main.kind))]

