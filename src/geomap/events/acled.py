"""ACLED typing of one happening: which event words of a clause name it, and the codebook's precedence rules.

A clause with several event words is one happening, typed once: a protest met with tear gas is a "Protest with
intervention", met with live fire or deaths "Excessive force against protesters" (Violence against civilians); a
protest that throws stones is a riot; "killed" and "attack" take the type of the specific word beside them ("a
missile strike killed five" is a missile attack). Territory taken by rebels is "Non-state actor overtakes
territory", by an army "Government regains territory".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from geomap.events.actors import AVENGED, state_struck
from geomap.events.contexts import AIMED_AT
from geomap.events.fatalities import AVENGED_CLAUSE
from geomap.events.territory import NON_STATE, PEOPLE_CAPTURED, taker
from geomap.events.triggers import (
    BATTLE,
    EXPL,
    OUTCOMES,
    PROTEST,
    RIOT,
    STRAT,
    VAC,
    VIOLENT,
    Found,
    Trigger,
    specific,
)
from geomap.events.victims import (
    AID_SEEKERS,
    AIRCRAFT_DOWNED,
    ARMED_DEAD,
    ARMED_KILLED,
    ARMED_OBJECT,
    CIVILIAN_SITE_STORMED,
    CIVILIAN_VICTIMS,
    CIVILIANS_KILLED_BY,
    DOWNED_BY,
    FIGHT_BETWEEN,
    REMOTE_WORD,
    STRIKE_NOUN,
    TWO_SIDES,
)
from geomap.patterns import Pattern

POLICE = Pattern("police", r"\b(?:police(?:men)?|security forces|riot squads?|gendarmes|soldiers|troops)\b",
                 "Riot police charged the marchers.", "Marchers sang in the square.")
#: "were killed", "was shot": who did it is elsewhere in the story, so a passive killing takes the story's type.
PASSIVE_HARM = Pattern("passive harm", r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?(?:killed|wounded|injured|"
                       r"shot|hurt)\b|\b(?:died|dead)\b", "Five people were killed overnight.",
                       "Gunmen killed five people overnight.")
#: Protesters doing violence (ACLED's "Violent demonstration"): "protesters attacked the embassies", "crowds stormed
#: the building".
PROTESTERS_ATTACKED = Pattern(
    "protesters attacked", r"\b(?:protesters|demonstrators|crowds?|mobs?|youths|students|marchers)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:[a-z]+ed\s+(?:an?\s+|the\s+)?[\w-]+\s+and\s+)?(?:attacked|stormed|ransacked|"
    r"vandali[sz]ed|smashed|set\s+fire|torched|pelted|burned|burnt|looted|"
    r"set\s+(?:[\w-]+\s+){1,3}?on\s+fire|"
    r"(?:tore|pulled|toppled)\s+(?:down\s+)?(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:statues?|monuments?|gates?|"
    r"fences?|barriers?))\b",  # "protesters tore down a statue of the president"
    "Protesters attacked the embassy and smashed its windows.", "Protesters marched against the attack on the embassy.")
#: A crowd doing violence told with no demonstration: ACLED's mob violence (not "armed youths attacked a village").
CROWD_ATTACKED = Pattern(
    "a crowd attacked", r"\b(?:crowds?|mobs?)\s+(?:[\w-]+\s+){0,2}?(?:attacked|stormed|ransacked|torched|"
    r"set\s+fire|burned|burnt|looted|lynched|beat|stoned|clubbed|hacked)\b",
    "Angry crowds then attacked the homes of several lawmakers.", "Armed youths attacked a village at dawn.")
#: Protesters as the target of an attack by someone other than the police: "drove a car into a crowd of
#: demonstrators", "opened fire on marchers" (ACLED: an attack on civilians, not a protest).
PROTESTERS_TARGETED = Pattern(
    "protesters targeted", r"\b(?:into|on|at|attacked|stabbed|shot|rammed)\s+(?:an?\s+|the\s+)?(?:crowd\s+of\s+)?"
    r"(?:(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|after|before|during|following)\b)[\w-]+\s+)"
    r"{0,3}?(?:demonstrators|protesters|marchers|rally|rallies|march)\b",
    "A man drove a car into a crowd of trade union demonstrators.", "Trade union demonstrators marched to the hall.")
#: Police named only as the source of a report ("police said"): no force used.
POLICE_SOURCE = Pattern("police as a source", r"\b(?:police|security forces)\s+(?:said|say|says|told|reported)\b",
                        "Two people died, police said.", "Police fired tear gas at the crowd.")
#: Protesters fighting a rival crowd, not the police: a violent demonstration, whoever else died.
PROTESTERS_CLASH = Pattern(
    "protesters clashing with a rival crowd",
    r"\bclash(?:es|ed)?\s+(?:between\s+(?:[\w-]+\s+)?(?:protesters|demonstrators|students)\s+and|"
    r"(?:with|against))\s+(?!(?:the\s+)?(?:riot\s+)?(?:police|security|troops|soldiers|army|military|gendarmes))"
    r"(?:[\w-]+\s+){0,3}?(?:supporters|loyalists|activists|members|counter-protesters|youths|mobs?)\b",
    "Dozens died in clashes between protesters and ruling party supporters.",
    "Dozens died in clashes between protesters and riot police.")
#: Rival parties' supporters fighting, with no demonstration: ACLED's mob violence ("clashes between supporters of
#: rival political parties").
PARTISANS_CLASH = Pattern(
    "partisans clashing",
    r"\b(?:clash(?:es|ed)?|fighting|fought|violence)\s+between\s+(?:[\w-]+\s+){0,2}?(?:supporters|activists|"
    r"members|followers|loyalists|cadres)\s+of\b|\b(?:supporters|activists|followers|cadres)\s+of\s+(?:the\s+)?"
    r"(?:rival|ruling|opposition)\s+(?:[\w-]+\s+){0,3}?(?:clashed|fought)\b|"  # "rival student groups clashed"
    r"\b(?:rival\s+)?(?:student|students'|political|party)\s+(?:groups|wings|factions|activists)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:clashed|fought)\b",
    "Two people died in clashes between supporters of rival parties.",
    "Two people died in clashes between troops and rebels.")
PARTISANS_VS_FORCES = Pattern(
    "partisans against the state's forces",
    r"\bbetween\s+(?:[\w-]+\s+){0,2}?(?:supporters|activists|members|followers|loyalists|cadres)\s+of\s+"
    r"[^,;.]{0,50}?\s+and\s+(?:the\s+)?(?:security\s+forces|police|troops|soldiers|army)\b"
    r"|\b(?:supporters|activists|followers|loyalists|cadres)\s+of\s+[^,;.]{0,60}?\s+clashed\s+with\s+(?:the\s+)?"
    r"(?:security\s+forces|police|troops|soldiers|army)\b",  # "supporters of the ousted leader clashed with police"
    "Four died in clashes between supporters of the opposition and security forces.",
    "Four died in clashes between supporters of the opposition and of the ruling party.")
#: An unarmed crowd fighting the state's forces, with no demonstration named: ACLED's violent demonstration
#: ("students clashed with police"), not an armed clash.
_CROWD = r"(?:students|protesters|demonstrators|youths|residents|workers|villagers|fans|traders|farmers|miners|vendors)"
_FORCES = r"(?:the\s+)?(?:riot\s+)?(?:police|security\s+forces|troops|soldiers|gendarmes)\b"
CROWD_VS_FORCES = Pattern(
    "an unarmed crowd against the state's forces",
    rf"\b{_CROWD}\s+(?:[\w-]+\s+){{0,2}}?clashed\s+(?:[\w-]+\s+)?with\s+{_FORCES}|"
    rf"\bclash(?:es|ed)?\s+between\s+(?:[\w-]+\s+){{0,2}}?{_CROWD}\s+and\s+{_FORCES}",
    "Hundreds of students clashed with riot police outside the university.",
    "Hundreds of soldiers clashed with rebels outside the town.")
#: Deaths told at a protest with no one named who caused them ("two people were killed in protests"): ACLED's
#: excessive force against protesters, which is how such deaths are nearly always caused; a peaceful protest would
#: drop them (`_protest`).
KILLED_AT_PROTEST = Pattern(
    "killed at a protest",
    r"\b(?:killed|shot\s+dead|died|dead)\s+(?:in|during|at)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:protests?|demonstrations?|rall(?:y|ies)|marches)\b"
    r"|\b(?:protesters?|demonstrators?|marchers?)\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+"
    r"(?:\w+ly\s+)?(?:killed|shot\s+dead)\b",  # "to Rangpur, where one protester was killed"
    "Two people were killed in protests against the fuel price rise.",
    "Thousands protested over a roof collapse that killed 15 people.")
#: A ship as the target of water cannon or the like ("fired water cannon at a Philippine supply boat").
AT_A_VESSEL = Pattern(
    "at a vessel", r"\b(?:at|on|against)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:boats?|ships?|vessels?|trawlers?|"
    r"ferr(?:y|ies)|tankers?)\b",
    "Coast guard ships fired water cannon at a supply boat.", "Police fired water cannon at marchers.")
LETHAL_FORCE = Pattern(
    "lethal force",
    r"\b(?:live (?:rounds|ammunition|fire|bullets)|opened fire|shot|shooting|killed|killing|dead|died)\b",
    "Police opened fire on the marchers.", "Police watched the marchers.")


def happening(primary: Found, clause: list[Found], stext: str, context: Callable[..., tuple[str, str] | None],
              deaths: int | None, span: tuple[int, int] | None = None) -> tuple[str, str]:
    """The ACLED (type, sub-type) of the happening whose nearest event word is `primary`, among the event words
    of its clause (`span`: the clause's offsets in `stext`, whose victims are this happening's). `context()` gives
    the specific type of the paragraph or article, for generic words (`context(True)`: the paragraph's only)."""
    clause = _avenged_words(primary, clause, stext)
    before = next((f for f in clause if _protest_before(stext, f, primary)), None)
    primary = before or primary  # "clashed in Churachandpur after a march": the clash, though the march is nearer
    t = primary.trigger
    etype, sub = t.event_type, t.sub_event_type
    kinds = {f.trigger.event_type for f in clause if not _protest_before(stext, primary, f)}
    rest = _other_happening(primary, clause, stext, kinds, deaths)
    if rest is not None:
        if not rest:
            return _armed(clause, stext, STRAT, "Looting/property destruction")
        return happening(min(rest, key=lambda f: abs(f.start - primary.start)), rest, stext, context, deaths, span)
    odd = _not_as_worded(t, clause, stext) or _lit_by_weapon(primary, stext, kinds)
    if odd is not None:
        return odd
    if etype in (PROTEST, RIOT) or PROTEST in kinds or RIOT in kinds and CROWD_ATTACKED.search(
            stext, max(0, primary.start - 60), primary.end) \
            or etype == VAC and KILLED_AT_PROTEST.search(
            stext, max(0, primary.start - 50), primary.end + 50):  # "..., to Rangpur, where one protester was killed"
        return _bombed_crowd(clause, stext) or _protest(clause, stext, deaths)
    if t.yields:
        etype, sub = specific(clause) or (etype, sub)
    elif t.generic or t.weak:
        etype, sub = _generic(primary, clause, stext, context)
    if sub in ("Non-state actor overtakes territory", "Government regains territory") \
            and (taken := _taken(primary, clause, stext)) is not None:
        return taken
    if etype == VAC and t.weak and any(f.trigger.event_type == BATTLE and not f.trigger.yields for f in clause):
        return BATTLE, "Armed clash"  # "killed in clashes": the clash
    harm = next((f.trigger for f in clause if f.trigger.event_type == VAC and not f.trigger.weak), None)
    if etype == BATTLE and harm is not None and not FIGHT_BETWEEN.search(stext):
        # "gunmen stormed the hall and opened fire on the crowd": an attack on civilians; "stormed a school and
        # abducted 25 students": the abduction, or an attack if it killed (ACLED)
        return VAC, "Attack" if harm.sub_event_type == ABDUCTION and deaths else harm.sub_event_type
    lo, hi = span or (0, len(stext))  # the victims of this clause ("raids ..., after strikes that killed hundreds")
    if sub == "Armed clash" and (CIVILIAN_VICTIMS.search(stext, lo, hi) or AID_SEEKERS.search(stext, lo, hi)
                                 or CIVILIAN_SITE_STORMED.search(stext, lo, hi)
                                 or CIVILIANS_KILLED_BY.search(stext, lo, hi)) \
            and not TWO_SIDES.search(stext) and not ARMED_DEAD.search(stext):
        return VAC, "Attack"  # "gunmen killed 20 villagers in a raid": no armed side was attacked
    if etype == VAC and sub == "Attack":
        return _attack(primary, clause, stext)
    if sub == ABDUCTION and deaths:  # ACLED: an abduction that kills is an attack ("killed 17 and abducted dozens")
        return _armed(clause, stext, VAC, "Attack")

    if etype == EXPL and any(f.trigger.name == "drills" for f in clause):
        return STRAT, "Other"  # drills fire missiles without attacking anyone
    return etype, sub


#: "after" between an event word and a later one: the later one tells what came before.
_AFTER_WORD = re.compile(r"\bafter\b")


ABDUCTION = "Abduction/forced disappearance"
FORCE_ON_PROTEST = "Excessive force against protesters"
LOOTING = "Looting/property destruction"


def _avenged_words(primary: Found, clause: list[Found], stext: str) -> list[Found]:
    """The words of a happening told as avenged ("struck sites in Pakistan, in retaliation for last month's massacre
    of tourists at Pahalgam"): its own, from its word on; not the avengers' weapons."""
    if AVENGED.search(stext, max(0, primary.start - 60), primary.start) is None:
        return clause
    return [f for f in clause if f.start >= primary.start] or [primary]


def _protest_before(stext: str, primary: Found, f: Found) -> bool:
    """Is `f` a protest told as what came before the happening `primary` names ("Tribal groups clashed with the
    Meitei in Churachandpur after a march against a court order": the clash, not the march)?"""
    return f.trigger.event_type == PROTEST and primary.trigger.event_type != PROTEST and f.start > primary.end \
        and _AFTER_WORD.search(stext, primary.end, f.start) is not None


def _attack(primary: Found, clause: list[Found], stext: str) -> tuple[str, str]:
    """An attack told by its event word: remote violence when the clause names the weapon ("shelling killed two
    civilians": ACLED types remote violence first), a clash when it was aimed at an armed side ("troops shot dead 10
    militants": `ARMED_OBJECT`), else an attack on civilians."""
    expl = next((f.trigger for f in clause if f.trigger.event_type == EXPL and not f.trigger.generic), None)
    if expl is not None:
        return EXPL, expl.sub_event_type
    return _armed([primary], stext, VAC, "Attack")


#: A crowd as the target of explosives: "a paraglider dropped bombs on a crowd gathered for a protest".
AT_A_CROWD = Pattern(
    "explosives at a crowd", r"^\s+(?:\w+\s+){0,3}?(?:on|at|into|among|targeting)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:crowds?|rally|protest|demonstration|gathering|march|sit-in)\b",
    "A paraglider [dropped bombs] on a crowd gathered for a protest.",
    "Thousands protested against the [air strikes] on the city.", "after")


def _bombed_crowd(clause: list[Found], stext: str) -> tuple[str, str] | None:
    """Explosives aimed at a protest's crowd (`AT_A_CROWD`): the bombing, remote violence, not the protest (not
    "thousands protested against the air strikes")."""
    for f in clause:
        t = f.trigger
        if t.event_type == EXPL and not (t.generic or t.weak) and AT_A_CROWD.match_at(stext[f.end:f.end + 80]):
            return EXPL, t.sub_event_type
    return None


#: The weapon fired, told as stopped: "fired a missile at central Israel, which was intercepted" (ACLED: disrupted
#: weapons use, when nothing was hit: `HARM_DONE`).
ALL_INTERCEPTED = Pattern(
    "the weapon told was intercepted",
    r"\b(?<!of\s)(?:which|it|they|both|(?<!almost\s)all\s+of\s+them)\s+(?:was|were|had\s+been|has\s+been|"
    r"have\s+been)\s+(?:successfully\s+)?(?:intercepted|shot\s+down|downed)\b",
    "The rebels fired a missile at the city, which was intercepted.",
    "The rebels fired a missile at the city, and some drones were intercepted.")
HARM_DONE = Pattern("harm done", r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|damag\w*|debris|fragments|destroy\w*|"
                    r"hit|struck|fire\s+broke|casualt\w*)\b",
                    "The missile was intercepted, but debris damaged a house.", "The missile was intercepted.")


def _not_as_worded(t: Trigger, clause: list[Found], stext: str) -> tuple[str, str] | None:
    """The type when the event word's object makes it another happening than the word says: water cannon at a
    boat is a standoff at sea, no crowd dispersed; a weapon told as intercepted with no harm done was disrupted
    (`ALL_INTERCEPTED`); a crewed aircraft shot down is attacked, not a weapon
    intercepted (by a drone or a missile: remote violence; else the fire of a fight); any bomb of a suicide bomber
    is a suicide bombing; rival partisans' clashes are mob violence; raids that arrested are the arrests, and a
    president detained by those who seized power the coup."""
    if t.name == "intervention" and not any(f.trigger.name == "protest" for f in clause) \
            and AT_A_VESSEL.search(stext):
        return STRAT, "Other"
    if t.event_type == EXPL and ALL_INTERCEPTED.search(stext) and not HARM_DONE.search(stext):
        return STRAT, "Disrupted weapons use"  # "fired a missile at Israel, which was intercepted"
    if t.event_type == EXPL and any(f.trigger.name == "suicide bomb" for f in clause):
        return EXPL, "Suicide bomb"  # "a suicide bomber rammed an explosives-laden vehicle": ACLED's sub-type first
    if any(f.trigger.event_type == BATTLE for f in clause) \
            and not any(f.trigger.event_type == PROTEST for f in clause):  # "clashes between supporters of rival
        # parties": no armed sides; against the police, a violent demonstration
        if PARTISANS_VS_FORCES.search(stext) or CROWD_VS_FORCES.search(stext):
            return RIOT, "Violent demonstration"
        if PARTISANS_CLASH.search(stext):
            return RIOT, "Mob violence"
    arrest = next((f.trigger for f in clause if f.trigger.name == "arrests"), None)
    coup = next((f.trigger for f in clause if f.trigger.name == "coup"), None)
    if arrest and coup:  # "soldiers detained the president and declared they had seized power": the coup
        return coup.event_type, coup.sub_event_type
    if arrest and all(f.trigger.name == "arrests" or stext[f.start:f.end].lower().startswith("raid") for f in clause):
        return arrest.event_type, arrest.sub_event_type  # "arrested 15 people in raids": the arrests
    if t.name == "disrupted" and AIRCRAFT_DOWNED.search(stext):
        by = DOWNED_BY.search(stext)
        if by is None:
            return BATTLE, "Armed clash"
        return EXPL, "Air/drone strike" if by.group(1).lower() == "drone" else "Shelling/artillery/missile attack"
    return None


#: The arson words of the riot event word: a fire a strike can set as well as a crowd ("a drone attack set fire to a
#: depot"), unlike "rioters" or "threw stones".
ARSON_WORD = Pattern("arson word", r"set\s+(?:\w+\s+)?on\s+fire|set\s+fires?|torch(?:ed|ing)",
                     "Shelling set fire to a warehouse.", "Rioters threw stones at the police.")


#: A remote weapon, its debris or its strike as what set a fire: "drone debris set fire to a house" (no crowd did).
LIT_BY_WEAPON = Pattern(
    "a fire lit by a weapon",
    r"\b(?:(drones?)|missiles?|rockets?|shells?|shelling|artillery|bombs?|interceptors?)(?:\s+(?:debris|fragments?|"
    r"wreckage|strikes?|attacks?|impacts?|hits?))?\s+(?:\w+\s+){0,2}?$",
    "Drone debris also [set fire] to a house in the district.", "Rioters also [set fire] to a house in the district.",
    "before")


def _lit_by_weapon(primary: Found, stext: str, kinds: set[str]) -> tuple[str, str] | None:
    """The strike whose weapon set a fire, told with no crowd: "drone debris set fire to a house"."""
    if primary.trigger.event_type != RIOT or PROTEST in kinds or not ARSON_WORD.compiled.match(stext, primary.start):
        return None
    lit = LIT_BY_WEAPON.search(stext, max(0, primary.start - 60), primary.start)
    if lit is None:
        return None
    return EXPL, "Air/drone strike" if lit.group(1) else "Shelling/artillery/missile attack"


def _other_happening(primary: Found, clause: list[Found], stext: str, kinds: set[str],
                     deaths: int | None) -> list[Found] | None:
    """The event words to type the happening by when its nearest one names something else (None: it does not):
    arson by an armed group is no demonstration ("armed gangs set fire to a police station": the clause's other
    words, or none: looting), nor a fire a strike set (`ARSON_WORD`: the strike); a ceasefire's or a jailbreak's
    sentence with deaths tells the violence that killed ("a ceasefire took effect after a delay during which strikes
    killed 13", "inmates escaped, and 33 died in clashes"), and so does a looting's ("killed seven people and burned
    dozens of houses": the attack, as ACLED codes it)."""
    t = primary.trigger
    if t.event_type == RIOT and PROTEST not in kinds and NON_STATE.search(stext):
        return [f for f in clause if f.trigger.event_type != RIOT]
    if t.event_type == RIOT and PROTEST not in kinds and ARSON_WORD.compiled.match(stext, primary.start):
        fired = [f for f in clause if f.trigger.event_type == EXPL and not f.trigger.generic and f.end <= primary.start]
        if fired:
            return fired  # "a drone attack set fire to an oil depot": the strike lit it, no crowd did
    if t.name in ("agreement", "jailbreak") and deaths:
        return [f for f in clause if f.trigger.event_type in VIOLENT] or None
    if t.sub_event_type == LOOTING and deaths:  # not the advance the looters fled ("fleeing the advance of M23")
        return [f for f in clause if f.trigger.event_type in VIOLENT and not f.trigger.yields] or None
    return None


def _generic(primary: Found, clause: list[Found], stext: str,
             context: Callable[..., tuple[str, str] | None]) -> tuple[str, str]:
    """The type of a happening named by a generic or weak word ("attacked", "killed"): a specific word beside it,
    else what killed ("strikes ... killed three": the strikes), else the killing itself, else the context's type."""
    t = primary.trigger
    own = specific(clause)
    if own:
        return own
    remote_at = next((f for f in clause if f.trigger.generic and REMOTE_WORD.match_at(stext[f.start:f.end])), None)
    remote = remote_at.trigger if remote_at else None
    if remote is None and CROWD_ATTACKED.search(stext):  # "angry crowds attacked the homes of lawmakers": a
        return RIOT, "Mob violence"  # mob, since no word of the clause tells of a demonstration
    if remote is None and any(f.trigger.weak for f in clause) and not PASSIVE_HARM.search(stext):
        striking = state_struck(stext) and not AVENGED_CLAUSE.search(stext, 0, primary.start)  # not the avengers'
        told = context() if striking else None  # "Russia launched one of its largest attacks on Kyiv,
        if told is not None and told[0] == EXPL:  # killing 15", in a story of missiles and drones: theirs
            return told
        return _armed(clause, stext, VAC, "Attack")  # "gunmen killed 26 men": the killing is the happening
    if remote is None and t.generic:  # "gangs attacked a post"; with no weapon told anywhere, an attack by people
        return _armed(clause, stext, *(context() or (VAC, "Attack")))
    told = context()
    struck = remote_at is not None and state_struck(stext)
    if remote_at is not None and (STRIKE_NOUN.match_at(stext[remote_at.start:remote_at.end]) or struck):
        if told is None or told[0] != EXPL or struck and ((near := context(True)) is None or near[0] != EXPL):
            return EXPL, "Air/drone strike"  # "an Israeli strike killed five", "Israel had struck the ministry", "a
            # strike on a house killed six", even in a story of clashes: with no weapon told, from the air; a state's
            # strike typed by its own paragraph, not by the foe's missiles told later
    return told or ((remote.event_type, remote.sub_event_type) if remote else (t.event_type, t.sub_event_type))


def _armed(clause: list[Found], stext: str, etype: str, sub: str) -> tuple[str, str]:
    """An armed clash when an event word of the clause is aimed at an armed side (`ARMED_OBJECT`) or the dead were
    mostly armed (`ARMED_DEAD`), else the type."""
    if any(ARMED_OBJECT.compiled.match(stext, f.end) for f in clause) or ARMED_DEAD.search(stext) \
            or ARMED_KILLED.search(stext):
        return BATTLE, "Armed clash"
    return etype, sub


def _taken(primary: Found, clause: list[Found], stext: str) -> tuple[str, str] | None:
    """What a capture word's happening is: territory taken, by whom (`taker`), or a clash when the capture is only
    aimed at; people captured are held ("troops captured two rebel commanders": an arrest; "rebels captured three
    soldiers": an abduction). None when no side is named."""
    took = "Armed clash" if _aimed_at(clause, stext) else taker(stext, primary.start)
    if took and PEOPLE_CAPTURED.match_at(stext[primary.start:primary.end + 80]):
        return (VAC, ABDUCTION) if took.startswith("Non-state") else (STRAT, "Arrests")
    return (BATTLE, took) if took else None


def _aimed_at(clause: list[Found], stext: str) -> bool:
    """Is the clause's capture only aimed at (`AIMED_AT`: "an offensive to capture Gaza City")? Then the happening
    is the fight for the place."""
    return any(f.trigger.sub_event_type in OUTCOMES and AIMED_AT.search(stext, max(0, f.start - 40), f.start)
               for f in clause)


#: A protest met by a force: one happening, whose sides are the crowd and the force, whichever clause tells the force
#: ("protesters stormed parliament after police fired live rounds").
MET_BY_FORCE = (FORCE_ON_PROTEST, "Protest with intervention")


def force_on_protest(stext: str) -> tuple[str, str]:
    """A protest met with the force `stext` tells: excessive force when it killed, else intervention."""
    if LETHAL_FORCE.search(stext):
        return VAC, FORCE_ON_PROTEST
    return PROTEST, "Protest with intervention"


#: Settlers rampaging or setting fire hold no demonstration: ACLED's mob violence.
SETTLERS_MOB = Pattern("settlers as a mob", r"\bsettlers\b(?![^.;]{0,60}\b(?:protest|demonstrat|march|rall))",
                       "Israeli settlers set fire to a mosque in the village.",
                       "Settlers marched to protest against the evacuation order.")


def _protest(clause: list[Found], stext: str, deaths: int | None) -> tuple[str, str]:
    names = {f.trigger.name for f in clause}
    if "mob violence" in names and not any(f.trigger.event_type == PROTEST for f in clause):
        return RIOT, "Mob violence"  # "a mob lynched two men": no demonstration
    if "riot" in names:  # a mob's violence with no demonstration told is mob violence ("a mob beat two men")
        mob = SETTLERS_MOB.search(stext) or CROWD_ATTACKED.search(stext) and not any(
            f.trigger.event_type == PROTEST for f in clause)
        return RIOT, "Mob violence" if mob else "Violent demonstration"
    if "intervention" not in names and PROTESTERS_CLASH.search(stext):
        return RIOT, "Violent demonstration"  # protesters against a rival crowd, not met by the police
    violent = any(f.trigger.event_type in VIOLENT for f in clause)
    police = POLICE.search(stext) is not None and not POLICE_SOURCE.search(stext)
    lethal = LETHAL_FORCE.search(stext) is not None
    force = "intervention" in names or "arrests" in names or police and (violent or lethal)
    if not force and violent and PROTESTERS_TARGETED.search(stext):
        return VAC, "Attack"  # "a man drove a car into a crowd of demonstrators, injuring 36"
    if force and lethal:
        return VAC, FORCE_ON_PROTEST  # issue 9: police killing protesters, whatever they did
    if PROTESTERS_ATTACKED.search(stext):
        return RIOT, "Violent demonstration"  # "police fired tear gas at protesters who attacked the embassies"
    if force:
        return PROTEST, "Protest with intervention"
    if KILLED_AT_PROTEST.search(stext):
        return VAC, FORCE_ON_PROTEST
    return PROTEST, "Peaceful protest"
