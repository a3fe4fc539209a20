"""Repeats of one event within an article become one event with every reporting sentence."""

from __future__ import annotations

from geomap.events import acled
from geomap.events.actors import UNIDENTIFIED
from geomap.events.contexts import ACCIDENT_TOLD
from geomap.events.dating import LOCATES_TOLD
from geomap.events.triggers import VIOLENT
from geomap.events.within import THE_SAME_SITE, THE_TOWN, TOWN_KINDS, place_inside
from geomap.geo import haversine_km
from geomap.models import Event, Place
from geomap.patterns import Pattern


def _overlap(a: Event, b: Event) -> bool:
    return a.date <= b.date_end and b.date <= a.date_end


def merge_events(events: list[Event]) -> list[Event]:
    """One event per place, type and overlapping dates; every reporting sentence is kept. An event typed only by its
    paragraph or article (a generic "attack") is the event told before at its place on overlapping dates, whatever
    that one's type. An event told right after one in a region that holds its place, on overlapping dates, is that
    event told more finely (`_refines`): the two become one, at the finer place; not when its sentence names several
    event places in that region (`_one_place_in`: "Strikes across Gaza killed 400 ... Strikes hit homes in Khan
    Younis, Rafah and Gaza City": the 400 stay Gaza's, none of the three towns' alone). Deaths are the largest count
    any one sentence gave (two reports of one strike are not twice the deaths). Events are indexed by (place, type)
    and by place, so the cost is linear in the number of events for distinct places."""
    merged: list[Event] = []
    index: dict[tuple[str, str], list[Event]] = {}
    at: dict[str, list[Event]] = {}
    places_of: dict[int, dict[str, Place]] = {}  # a sentence's event places
    for ev in events:
        places_of.setdefault(ev.sentence_start, {})[ev.place.id] = ev.place
    for ev in events:
        bucket = index.setdefault((ev.place.id, ev.event_type), [])
        m = next((m for m in bucket if _overlap(m, ev) and not _two_parts(m, ev)), None)
        if m is None and ev.sub_event_type == acled.FORCE_ON_PROTEST:  # "marched through Lima ... one demonstrator was
            # shot dead near the Congress building": the protest told before at the place, met with force
            m = next((m for m in at.get(ev.place.id, ()) if m.event_type == acled.PROTEST and _overlap(m, ev)), None)
            if m is not None:
                index[(ev.place.id, m.event_type)].remove(m)  # no later protest there folds into the force
                m.event_type, m.sub_event_type = ev.event_type, ev.sub_event_type
                bucket.append(m)
        if m is None and ev.event_type == acled.PROTEST:  # "Police opened fire on protesters in Nampula ...
            # Protesters had blocked roads": the protest the force told before met
            m = next((m for m in at.get(ev.place.id, ()) if m.sub_event_type == acled.FORCE_ON_PROTEST
                      and _overlap(m, ev)), None)
        if m is None and ev.borrowed_type:  # "claimed the Swat attack": the attack told before at Swat
            m = next((m for m in at.get(ev.place.id, ()) if _overlap(m, ev)), None) or next(
                (m for m in reversed(merged) if _overlap(m, ev) and ev.place.kind != "country"
                 and place_inside(m.place, ev.place)), None)
            # "claimed the attack in Krasnogorsk": the attack told before at the concert hall in that town (a
            # country's "strikes in Yemen" are a campaign of their own)
        if m is None and merged and _same_told_again(ev, merged[-1]):
            m = merged[-1]  # "Separatists killed five in the Northwest region. The attack in Bui division on
            # Tuesday night ...": the same happening, typed by the first, on its own day
            m.date, m.date_end, m.date_precision = ev.date, ev.date_end, ev.date_precision
        elif m is None and merged and _one_place_in(merged[-1].place, places_of[ev.sentence_start]) \
                and _refines(ev, merged[-1]):
            m = merged[-1]  # "25 killed in Mopti region ... opened fire on a market in Dinangourou"
            m.place, m.place_text, m.place_start = ev.place, ev.place_text, ev.place_start
            m.sentence, m.sentence_start = ev.sentence, ev.sentence_start
            if _dated_again(ev, m):  # "The attack took place in Irapuato late on Wednesday": its own day
                m.date, m.date_end, m.date_precision = ev.date, ev.date_end, ev.date_precision
            bucket.append(m)
            at.setdefault(ev.place.id, []).append(m)
        if m is None:
            bucket.append(ev)
            at.setdefault(ev.place.id, []).append(ev)
            merged.append(ev)
            continue
        _fold(m, ev)
    return merged


#: Sub-event types that tell more of one happening than another of its type: ACLED codes a protest the police broke
#: up as "Protest with intervention", a fight that changed who holds the place as the territory taken.
ESCALATED = frozenset({"Protest with intervention", "Government regains territory",
                       "Non-state actor overtakes territory"})


def _one_place_in(outer: Place, places: dict[str, Place]) -> bool:
    """Does a sentence name at most one event place that a region holds (a town's parts always refine it: "Debris
    fell in the Solomianskyi and Sviatoshynskyi districts" of Kyiv)?"""
    return outer.kind in TOWN_KINDS or sum(_holds(outer, p) for p in places.values()) <= 1


def _told_again(place_text: str) -> bool:
    """Is the event's place only "the town" or "the same jail" told before?"""
    return bool(THE_TOWN.compiled.fullmatch(place_text) or THE_SAME_SITE.compiled.fullmatch(place_text))


def _fold(m: Event, ev: Event) -> None:
    """Event `ev` is another report of `m`: its sentences, actors, deaths and sharper date join `m`. A name put in
    `m`'s region that is not the region's own ("Dinangourou" after "the Mopti region"), or a name where `m` had only
    "the city", becomes the event's name."""
    told_again = _told_again(m.place_text) and not _told_again(ev.place_text)
    if told_again or m.place.kind == "region" and ev.place.id == m.place.id and _names_itself(m.place_text, m.place) \
            and not _names_itself(ev.place_text, ev.place):
        m.place_text, m.place_start, m.sentence, m.sentence_start = (ev.place_text, ev.place_start, ev.sentence,
                                                                     ev.sentence_start)
    same_sentence = ev.sentence in m.sentences  # two shares of one sentence's toll: together they are the toll
    for s in ev.sentences:
        if s not in m.sentences:
            m.sentences.append(s)
    m.actors += [a for a in ev.actors if a not in m.actors]
    if len(m.actors) > 1 and UNIDENTIFIED in m.actors:  # one report names who the other left unnamed
        m.actors.remove(UNIDENTIFIED)
    if ev.fatalities is not None:
        m.fatalities = (m.fatalities or 0) + ev.fatalities if same_sentence else max(m.fatalities or 0, ev.fatalities)
    m.event_score = max(m.event_score, ev.event_score)
    if ev.sub_event_type in ESCALATED and m.sub_event_type not in ESCALATED:
        m.sub_event_type = ev.sub_event_type  # "protested in Tel Aviv. Police used water cannon ... in Tel Aviv"
    if (m.date_end - m.date) > (ev.date_end - ev.date):  # keep the sharper date
        m.date, m.date_end, m.date_precision = ev.date, ev.date_end, ev.date_precision


def _names_itself(text: str, place: Place) -> bool:
    """Does `text` name `place` itself ("Mopti region" for Mopti Region), not a place put in it?"""
    words = [w for w in text.lower().split() if w not in ("the", "a")]
    return bool(words) and words[0] in place.name.lower()




def _refines(ev: Event, last: Event) -> bool:
    """Does `ev`, told in a later sentence, tell the event `last` more finely? `last` is in a region (not a country,
    nor the area around a town) holding `ev`'s place, on overlapping dates, of the same type (or `ev` borrowed its
    type), and they do not give two different counts of the dead ("Strikes killed 5 in the Donetsk region. In
    Kramatorsk, 2 died" are two events)."""
    if _part_of_its_town(ev, last):
        return True
    # "... in Pakistan's northwest. The attack took place near Besham": where the country's told attack was
    located = last.place.kind == "country" and (LOCATES_TOLD.search(ev.sentence) is not None
                                                or TOLD_AGAIN.match_at(ev.sentence) is not None)  # "The bomb went off"
    if not located and (last.place.kind != "region" or last.place.id == ev.place.id
                        or last.place.feature == "around"):
        return False  # a country's event is most often a nationwide toll ("39 killed across Ukraine. In Kyiv, ...")
    if last.sentence_start == ev.sentence_start:  # "fighting raged in the Kivus and in Goma": two places
        return False
    if not ((_overlap(last, ev) or _dated_again(ev, last)) and _holds(last.place, ev.place)):
        return False
    if TOLD_AGAIN.match_at(ev.sentence) is not None:
        return True  # "The attack in the municipality of Apatzingan lasted an hour": the one told, whatever its
        # weapon words or the toll its next sentence adds
    if ev.event_type != last.event_type and not ev.borrowed_type:
        return False
    return _same_count(ev, last)


#: A sentence that opens by telling the happening just told again.
TOLD_AGAIN = Pattern(
    "the happening just told, told again", r"\s*(?:(?:Residents|Witnesses|Officials|Police|Medics|[A-Z][\w'’-]+\s+"
    r"(?:officials|residents|witnesses|police|sources))\s+(?:said|say|reported)\s+(?:that\s+)?(?:the|that|this)|"
    r"The|That|This)\s+(?:air\s?strike|strike|attack|blast|explosion|bombing|raid|missile|drone|shell|rocket|bomb|"
    r"attacker|gunman|gunmen|assailant|raider)s?\b",
    "The strike hit an apartment block in the Haret Hreik neighbourhood.",
    "Another strike hit an apartment block in the Haret Hreik neighbourhood.", flags=0)


#: The happening just told, named again inside a sentence: "five people were killed in the strike on a building".
IN_THE_TOLD = Pattern(
    "the happening just told, named again", r"\b(?:in|by)\s+the\s+(?:air\s?strike|strike|attack|blast|explosion|"
    r"bombing|raid)\s+(?:on|at|in)\b",
    "Five people were killed in the strike on a building in the Haret Hreik neighbourhood.",
    "Five people were killed in a strike on a building in the Haret Hreik neighbourhood.")


def _part_of_its_town(ev: Event, last: Event) -> bool:
    """"An Israeli strike on Beirut killed five. The strike hit a building in the Haret Hreik neighbourhood": the
    next sentence tells where in the town the happening just told was, when it is that happening's (typed by it,
    `Event.borrowed_type`, or of its type and opening with it told again: "... shelled a camp on the outskirts of El
    Fasher. The shells fell on Abu Shouk camp") and either tells it again (`TOLD_AGAIN`; `IN_THE_TOLD`: "five were
    killed in the strike on a building in the Haret Hreik neighbourhood", whatever the lead's count) or gives no toll
    of its own ("A building in the Darnytskyi district was destroyed")."""
    again = TOLD_AGAIN.match_at(ev.sentence) is not None or IN_THE_TOLD.search(ev.sentence) is not None
    own = ev.borrowed_type or again and ev.event_type == last.event_type  # "The shells fell on Abu Shouk camp"
    return last.place.kind in TOWN_KINDS and own and last.sentence_start != ev.sentence_start \
        and (again or ev.fatalities is None) and _overlap(last, ev) \
        and place_inside(ev.place, last.place) and (again or _same_count(ev, last))


def _dated_again(ev: Event, last: Event) -> bool:
    """Does `ev` tell where and when the happening just told took place ("Gunmen killed 12 in Guanajuato, authorities
    said on Thursday. The attack took place in Irapuato late on Wednesday": `LOCATES_TOLD`), a day or so before the
    day it was dated by?"""
    return (LOCATES_TOLD.search(ev.sentence) is not None or TOLD_AGAIN.match_at(ev.sentence) is not None) \
        and _days_before(ev, last)  # (or told again: "The attackers arrived on Wednesday in ...")


def _days_before(ev: Event, last: Event) -> bool:
    """Is `ev` dated on `last`'s first day or a day or two before it?"""
    return 0 <= (last.date - ev.date_end).days <= 2


def _two_parts(m: Event, ev: Event) -> bool:
    """Two happenings in one town told at a part of it by a name the gazetteer lacks, with two different counts of the
    dead ("police shot dead 13 outside parliament in Nairobi" and "in Githurai, a suburb, police killed four"): the
    part's is its own event, though both are placed at the town. Without two counts it is the town's told again."""
    return m.sentence_start != ev.sentence_start and not _same_count(ev, m) and m.place_text != ev.place_text \
        and ev.place_text[:1].isupper() and not _names_itself(ev.place_text, ev.place)


def _same_told_again(ev: Event, last: Event) -> bool:
    """Does `ev`'s sentence open by telling the happening just told again (`TOLD_AGAIN`), at the same place, on its
    dates or a day or two before them (its own day, where the first report gave the day of the news), of its type
    or typed by it, or the looting or burning of a violent one ("The attackers also burned houses")? (Not "The
    attack on the hotel began when two car bombs went off", after the siege it ended: the bombing is a happening of
    its own.)"""
    return last.place.id == ev.place.id and last.sentence_start != ev.sentence_start \
        and (ev.event_type == last.event_type or ev.borrowed_type or ev.sub_event_type == acled.LOOTING
             and last.event_type in VIOLENT) \
        and (_overlap(last, ev) or _days_before(ev, last)) and TOLD_AGAIN.match_at(ev.sentence) is not None


def _same_count(ev: Event, last: Event) -> bool:
    return ev.fatalities is None or last.fatalities is None or ev.fatalities == last.fatalities


def _holds(outer: Place, inner: Place) -> bool:
    """The same place, or a country or first-level region that holds the other; a region of no first-level code (a
    federal state over several: Puntland) holds what lies within its radius."""
    if outer.id == inner.id:
        return True
    if not outer.country_code or outer.country_code != inner.country_code:
        return False
    if outer.kind == "region" and not outer.admin1 and outer.feature != "around":
        return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= outer.radius_km
    return outer.kind == "country" or outer.kind == "region" and bool(outer.admin1) and outer.admin1 == inner.admin1


def drop_accidents(events: list[Event], text: str) -> list[Event]:
    """The story's explosions told with no side are none when the story says the blast was an accident (`contexts.
    ACCIDENT_TOLD`, in any sentence): "A huge explosion at the port killed 57. The blast was caused by a fire in a
    container holding chemicals"."""
    if not any(e.event_type == acled.EXPL for e in events) or not ACCIDENT_TOLD.search(text):
        return events
    return [e for e in events if e.event_type != acled.EXPL or e.actors != [UNIDENTIFIED]]


def fold_headline(events: list[Event], end: int, named: set[str] | frozenset[str] = frozenset()) -> list[Event]:
    """A headline's event that the story goes on to tell is that event (`end`: where the headline ends, -1: none).
    The headline says least ("Strike kills 30 in Sagaing", "Protesters clash with police in Nairobi"), so the
    story's place, type, date and actors are kept; the headline's sentence joins it, and its deaths count once (only
    when the story has no other event in that country: else the headline's toll is theirs together). The
    story's event at the same place (or inside the headline's country or region) is the one; failing that, its first
    event in the same country ("Strikes kill 15 in Gaza" over a story told village by village). An event only the
    headline tells, in a country the story has no event in, stays, unless the story tells another of its places or
    has an event in another country the headline names (`named`: "Central African Republic: rebels attack town near
    Chad border" over a story told in the Central African Republic)."""
    heads = [e for e in events if e.sentence_start < end]
    if not heads:
        return events
    story = [e for e in events if e.sentence_start >= end]
    kept = []
    told: set[str] = set()  # the headlines the story tells
    for h in heads:
        m = next((e for e in story if _holds(h.place, e.place) or _holds(e.place, h.place)), None) or next(
            (e for e in story if h.place.country_code and e.place.country_code == h.place.country_code), None)
        if m is None:
            if not any(e.place.country_code in named - {h.place.country_code} for e in story):
                kept.append(h)
            continue
        told.add(h.sentence)
        if h.sentence not in m.sentences:
            m.sentences.insert(0, h.sentence)
        m.actors = m.actors or h.actors  # a headline's actors may be those of its other happening ("as X fires")
        if h.fatalities is not None and sum(1 for e in story if e.place.country_code == m.place.country_code) == 1:
            m.fatalities = max(m.fatalities or 0, h.fatalities)  # several: the headline's is their sum ("Attacks
            # in Colombia kill 18" over a bombing that killed 6 and a downing that killed 12)
        m.event_score = max(m.event_score, h.event_score)
    # a headline the story tells is that happening; its other place is no second one ("U.S. and Britain strike Houthi
    # targets in Yemen": the strikers)
    return [h for h in kept if h.sentence not in told] + story


def met_with_force(events: list[Event], stext: str, since: int, deaths: int | None) -> bool:
    """"Police fired tear gas to disperse them.": a sentence with no place whose event word is force used on a
    crowd tells how the last event told ended when that is a protest told since `since` (the start of the paragraph
    before). The protest becomes one met with force (ACLED: intervention, or excessive force when it killed), with
    the sentence, its deaths and the police among its actors. False when the last event is no such protest."""
    ev = events[-1] if events else None
    if ev is None or ev.sentence_start < since or ev.event_type != acled.PROTEST:
        return False
    ev.event_type, ev.sub_event_type = acled.force_on_protest(stext)
    ev.sentences.append(stext)
    if deaths is not None:
        ev.fatalities = max(ev.fatalities or 0, deaths)
    if acled.POLICE.search(stext) and "Police forces" not in ev.actors:
        ev.actors = [a for a in ev.actors if a != "Protesters"] + ["Police forces", "Protesters"]
    return True
