"""Events: which mentioned places are where something happened, what it was, when, who did it, how many died.

A place is an *event place* only when the sentence reports something happening there: an event word (trigger) in
the sentence, and the place in a locative slot ("in Kyiv", "attacked Kyiv", "the town of Bakhmut", "moved to
Belarus") that is not a metonym ("Moscow said", "Kyiv's mayor"), an origin ("from Belarus"), a hypothetical
("could attack Kyiv"), a negation ("has not joined the fighting"), or background ("the biggest war in Europe since
World War Two"). Continents are never event places: no coder puts an event on "Europe".

Type and sub-type come from the trigger nearest the place (ACLED's codebook words). Generic words ("attack",
"damaged", "blasts") take the type of the article's specific triggers ("drones" -> Air/drone strike). The date is
the nearest time expression that dates the event rather than the report, else the article's narrative time: the
last event date of the story so far, else the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geomap.dates import TimeExpr, find_dates
from geomap.lexicon import NUMBER_WORDS, VAGUE_NUMBERS
from geomap.models import PRECISIONS, Doc, Event, Mention, Place

#: An old time expression further than this (in characters, weighted) from the event word dates something else.
MAX_DATE_DISTANCE = 90
#: Events that ended more than this long before publication are the story's history, not news, and are left out.
MAX_AGE_DAYS = 400

EXPL, BATTLE, VAC, PROTEST, RIOT, STRAT = (
    "Explosions/Remote violence", "Battles", "Violence against civilians", "Protests", "Riots",
    "Strategic developments")


@dataclass(frozen=True)
class Trigger:
    pattern: str
    event_type: str
    sub_event_type: str
    generic: bool = False  # takes the article's dominant type when it has one


# Order matters only for overlapping matches: the first listed wins.
TRIGGERS: tuple[Trigger, ...] = (
    Trigger(r"(?:naval |military |joint |war |tactical |battalion |live-fire )*(?:drills?|exercises?|manoeuvres|"
            r"maneuvers|war games)", STRAT, "Other"),
    Trigger(r"ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|agreements?|accords?|deals?,? (?:was |were )?"
            r"signed|signed|signing|prisoner (?:swap|exchange)|exchanged? prisoners|humanitarian pause",
            STRAT, "Agreement"),
    Trigger(r"(?:arrested|detained|detentions?|arrests?)", STRAT, "Arrests"),
    Trigger(r"(?:shot down|intercepted|downed|destroyed (?:about |some |at least )?\d* ?(?:of \d+ )?(?:drones|"
            r"missiles)|air defen[cs]es? (?:systems? )?(?:destroyed|shot))", STRAT, "Disrupted weapons use"),
    Trigger(r"(?:withdr[ae]w|withdrawn|withdrawal|pulled out|handed over|without (?:a fight|resistance|firing a "
            r"shot)|unopposed)", STRAT, "Non-violent transfer of territory"),
    Trigger(r"(?:heads? for|headed for|visit(?:ed|ing|s)?|trip to|travell?ed to)",
            STRAT, "Other"),
    Trigger(r"(?:moved (?:in)?to|deployed|redeployed|deployment|massed|build-?up|stationed|sent troops|"
            r"sending (?:\w+ )?troops|troops (?:moved|arrived))", STRAT, "Change to group/activity"),
    Trigger(r"(?:air ?strikes?|air raids?|airstrikes?|drone (?:strikes?|attacks?)|drones? (?:attacked|hit|struck|"
            r"targeted)|(?:kamikaze|suicide|attack|shahed) drones?|drones|bombed|bombing|bombardment|warplanes|"
            r"jets struck|glide bombs?)", EXPL, "Air/drone strike"),
    Trigger(r"(?:shell(?:ed|ing|s)|shell (?:hit|struck|landed|exploded|fell)|artillery|missiles?|rockets?|mortars?|"
            r"barrages?|ballistic|cruise missiles?|"
            r"struck by (?:a )?(?:missile|rocket))", EXPL, "Shelling/artillery/missile attack"),
    Trigger(r"(?:roadside bomb|improvised explosive|ied|landmines?|mines? exploded|car bombs?|explosive device|"
            r"blown up|breached|sabotage)",
            EXPL, "Remote explosive/landmine/IED"),
    Trigger(r"(?:suicide (?:bomber|bombing|attack))", EXPL, "Suicide bomb"),
    Trigger(r"(?:explosions?|blasts?|explod(?:ed|ing)|blew up|detonat\w+|strikes?|struck|hit|hits|attacked|attacks?|"
            r"assaults?|"
            r"damaged?|damaging|destroyed|targeted|targeting|targets?|pounded|wrecked|debris|shrapnel|"
    r"killed by (?:\w+ )?fire|under fire|(?:were|was|been) killed)", EXPL,
            "Shelling/artillery/missile attack", True),
    Trigger(r"(?:fierce(?:st)? fighting|fighting|fought|incursions?|raids? into|ambush(?:ed|es)?|gunfire|gunshots|"
            r"gun ?battles?|shoot-?outs?|exchanges? of fire|"
            r"clash(?:es|ed)?|battles?|battlefield|battling|combat|"
            r"firefights?|gunfights?|skirmish(?:es)?|offensive|counter-?offensive|assault on|holding firm|"
            r"repelled|repulsed|advance[ds]?|advancing|front ?line|stormed|besieged|siege|invasion|invaded|"
            r"ground attack)", BATTLE, "Armed clash"),
    Trigger(r"(?:recaptured|retook|retaken|liberated|regained)", BATTLE, "Government regains territory"),
    Trigger(r"(?:seized power|coup|ousted|toppled|overthrown|overthrew)", STRAT, "Other"),
    Trigger(r"(?:captured?|seized|overran|fell to|took control|taken control|seized control|took over|entered|"
            r"swept into|rolled into|stormed into|pushed into|marched into)", BATTLE,
            "Non-state actor overtakes territory"),
    Trigger(r"(?:abduct\w+|kidnap\w+|hostages?|(?:was|were|been) seized by|taken hostage)", VAC,
            "Abduction/forced disappearance"),
    Trigger(r"(?:massacred?|executed|execution|killed (?:\w+ )?civilians|shot dead|opened fire on|rammed|"
            r"(?:car-)?ramming|stabb(?:ed|ing)|knife attack)", VAC,
            "Attack"),
    Trigger(r"(?:looted|looting|plundered)", STRAT, "Looting/property destruction"),
    Trigger(r"(?:riot(?:s|ers|ing)?(?! police| gear| squad)|torched|set (?:\w+ )?on fire|set fires?(?: to)?|"
            r"ransacked|mob|stone-throw\w*|"
            r"(?:threw|throwing|hurl\w*) (?:stones|rocks|projectiles|bottles|petrol bombs|molotov cocktails)|"
            r"petrol bombs?|molotov cocktails?)", RIOT,
            "Violent demonstration"),
    Trigger(r"(?:water cannon|tear ?gas|stun grenades|rubber bullets|dispersed (?:the )?(?:crowds?|protesters|"
            r"demonstrators))", PROTEST, "Protest with intervention"),
    Trigger(r"(?:sit-ins?|took to the streets|crowds? (?:also )?(?:gathered|marched|rallied)|gathered outside|vigils?|"
            r"protest(?:s|ers|ed|ing)?|demonstrat(?:ors|ion|ions|ed)|rall(?:y|ies|ied)|marched|march(?:es)? "
            r"against|sit-in|strike action)", PROTEST, "Peaceful protest"),
)
# Anchored at word starts outside the alternation: most positions fail at once instead of trying every trigger.
_TRIGGER_RE = re.compile(
    r"(?<!\w)(?=\w)(?:" + "|".join(f"(?P<t{i}>(?:{t.pattern})\\b)" for i, t in enumerate(TRIGGERS)) + ")", re.I)

# What may stand between a locative word and the place: articles, adjectives, possessive names, "and around".
_FILL = (r"(?:(?:the|a|an|and|around|in|nearby|wider|greater|whole|entire|eastern|western|northern|southern|central|"
         r"north-?eastern|north-?western|south-?eastern|south-?western|north|south|east|west|neighbouring|"
         r"neighboring|occupied|besieged|embattled|frontline|front-line|key|strategic|port|capital|southern|"
         r"[\w-]+-(?:held|occupied|controlled|installed)|[A-Z][\w'’-]*['’]s|[A-Z][a-z]+(?:n|i|ese|ish|ic))\s+)*")
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|around|outside|inside|within|into|across|over|on|onto|through|off|"
    r"throughout|along)\s+" + _FILL + r"$)"
    r"|(?:\b(?:moved|deployed|redeployed|sent|dispatched|advanced|pushed|travell?ed|flew|came|returned|"
    r"transferred|headed|rushed)\s+(?:\w+\s+){0,3}?to\s+" + _FILL + r"$)"
    r"|(?:\b(?:outskirts|city|cities|towns?|villages?|suburbs?|regions?|provinces?|districts?|centre|center|heart|"
    r"(?<!km\s)north|"
    r"(?<!km\s)south|(?<!km\s)east|(?<!km\s)west|invasion|shelling|bombing|bombardment|capture|siege|battle|"
    r"attacks?|strikes?|liberation|outside|occupation|parts|areas?|port|stronghold|control|capital|edge|"
    r"streets|outskirt|territory|entrance|vicinity|residents|inhabitants)\s+of\s+(?:[A-Z][\w'’-]+,\s+)*" + _FILL
    + r"$)"
    r"|(?:\b(?:damage|damaging|attacks?|strikes?|hits?)\s+to\s+" + _FILL + r"$)"
    r"|(?:\b(?:heads?|headed|left|bound|departed)\s+for\s+" + _FILL + r"$)"
    r"|(?:\b(?:attacked|shelled|struck|hit|bombed|targeted|pounded|captured|seized|recaptured|retook|liberated|"
    r"entered|stormed|besieged|raided|invaded|visited|visits|visit|reached|rocked|shook)\s+" + _FILL + r"$)",
    re.I)
# "the military government in Ouagadougou", "al Qaeda's affiliate in the Sahel", "a news conference in Vienna":
# the place qualifies a body or a meeting, it is not where the event happened.
# A building named as a target or a meeting point is physical: "outside parliament in Tbilisi", "stormed the embassy".
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:government|authorities|officials|leadership|junta|regime|embassy|ambassador|envoy|affiliate|branch|"
    r"wing|allies|ally|partners?|representatives?|headquarters|parliament|ministry|court|conference|summit|"
    r"talks|meeting|negotiations|office|spokes(?:man|woman|person)|correspondent|based|council|assembly|committee|"
    r"agency|organi[sz]ation|university|institute|company|firm|exchange|diaspora)\s+(?:in|at)\s+" + _FILL + r"$"
    r"|\b(?:solidarity|sympathy)\s+with\s+(?:\w+\s+){0,3}?(?:in|of)\s+" + _FILL + r"$", re.I)
_PHYSICAL_BEFORE = re.compile(r"\b(?:outside|near|inside|at|stormed|attacked|targeted|hit|struck|front\s+of|"
                              r"siege\s+of|around)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)


def _attributive(before: str) -> bool:
    """'the government in Ouagadougou' (a body) -- but not 'outside the Israeli embassy in Amman' (a building)."""
    m = _ATTRIBUTIVE_BEFORE.search(before)
    return bool(m) and not _PHYSICAL_BEFORE.search(before[: m.start()])


# "for as long as the war in Gaza continued": the whole war, not one event in it.
_WHOLE_WAR_BEFORE = re.compile(r"\b(?:war|conflict|crisis|insurgency|occupation)\s+(?:in|on|over|against)\s+"
                               + _FILL + r"$", re.I)
# "about 40 km north of Kaya": a reference point, not the event's place.
_REFERENCE_BEFORE = re.compile(r"\b\d+\s*(?:km|kilometres|kilometers|miles|mi)\s+(?:\(\d+\s*miles?\)\s+)?"
                               r"(?:\w+\s+)?(?:of|from)\s+" + _FILL + r"$", re.I)
# "... and Yerevan asked Russia for help": the place is the subject of a verb of speech or agency (a metonym).
_SPEAKER_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|asked|asks|told|tells|denied|denies|urged|"
                            r"urges|called|calls|accused|accuses|warned|warns|blamed|blames|claimed|claims|"
                            r"announced|announces|condemned|condemns|rejected|rejects|insisted|insists|stated|"
                            r"demanded|demands|responded|sought|seeks|wants|believes|agreed|agrees|refused|refuses|"
                            r"vowed|vows|pledged|pledges|threatened|threatens|hopes|expects|decided|decides)\b", re.I)
_NAME_GOES_ON = re.compile(r"\s+[A-Z][a-z]")
#: Where a place sits from fine to coarse, to tell "Sanaa, Yemen" (apposition) from "Sanaa, Aden" (list).
PRECISION_RANK = {k: i for i, k in enumerate(PRECISIONS)}
# "send their ships around Africa's Cape": a route, not a place where something happened.
_ROUTE_BEFORE = re.compile(r"\b(?:send|sent|sending|route|routed|rerouted?|divert(?:ed|ing)?|sail(?:ed|ing)?|"
                           r"ship(?:ped|ping)?)\s+(?:\w+\s+){0,3}?(?:around|via|through|to)\s+" + _FILL + r"$", re.I)
# "Beirut's southern suburbs", "Tripoli's northern outskirts": a part of the place, where things do happen.
_PART_AFTER = re.compile(r"['’]s\s+(?:\w+\s+){0,2}?(?:outskirts|suburbs?|centre|center|districts?|neighbou?rhoods?|"
                         r"port|airport|streets|outskirt|edge|old city|downtown|residential|industrial|palace|"
                         r"square|hall|mosque|stadium|market|hospital|building|headquarters|"
                         r"frontline|front line|railway station)\b", re.I)
# "the Black Sea port of Odesa": the first name only qualifies the second.
_MODIFIER_AFTER = re.compile(r"\s+(?:port|city|town|village|coast|region|province|capital|enclave|island|suburbs?|"
                             r"district|neighbou?rhood|area|county)\s+of\b", re.I)
_PASSIVE_AFTER = re.compile(
    r"^\s*(?:(?:was|were|has been|had been|is|are|came|come|remained|remains)\s+(?:\w+\s+)?"
    r"(?:attacked|hit|shelled|struck|bombed|targeted|pounded|captured|seized|under\s+(?:fire|attack|shelling)|"
    r"rocked|damaged|retaken|recaptured|liberated))|^\s*(?:fell|has\s+fallen|had\s+fallen)\b", re.I)
_ORIGIN_BEFORE = re.compile(r"\b(?:from|with|by|against|and|than|like|about|towards?\s+the\s+border\s+with)\s+"
                            + _FILL + r"$", re.I)
_NEAR_REFERENCE = re.compile(r",?\s*(?:near|outside|close\s+to|not\s+far\s+from)\s+(?:the\s+(?:city|town)\s+of\s+)?",
                             re.I)
_BEARING_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+" + _FILL + r"$", re.I)
# "advancing from its positions in Khartoum": the place is where they came from.
_FROM_IN_BEFORE = re.compile(r"\bfrom\s+(?:\w+\s+){0,3}?(?:in|at|near)\s+" + _FILL + r"$", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:could|might|may|would\s+be|intend(?:s|ed)?\s+to|intention|threaten(?:s|ed)?\s+"
                           r"to|fears?|feared|if|unless|warned\s+(?:for\s+\w+\s+)?that|possible|potential|"
                           r"urg\w+|call\w*\s+for|press\w*\s+for|demand\w*|end\s+to|to\s+(?:end|stop|halt)|halt\s+to)\b",
                           re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|n't|without|nor|denied)\b", re.I)
# Background: what the whole war is ("the biggest in Europe since World War Two"), not one event in it. A superlative
# about a single attack ("one of the deadliest attacks on the city since 2014") is not background.
_BACKGROUND = re.compile(r"\bsince\s+(?:World\s+War|the\s+Second\s+World)|\b(?:war|conflict|invasion|insurgency)\s+"
                         r"(?:in\s+\w+\s+)?(?:is|was|has\s+been|became|remains)\s+(?:\w+\s+){0,3}?(?:the\s+)?"
                         r"(?:biggest|largest|worst|deadliest|bloodiest|longest)|\d+-(?:month|year|week)-old\s+"
                         r"(?:war|conflict|insurgency)", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:as|while|but|whereas|although|though|after|before|when|sparking|prompting|"
                           r"triggering|drawing|fuell?ing|provoking|saying|claiming|adding)\b|\s[-–—]\s")

_COUNTS = {**NUMBER_WORDS, **VAGUE_NUMBERS}
_NUM = r"(?P<n>\d[\d,]*|" + "|".join(sorted((re.escape(k) for k in _COUNTS), key=len, reverse=True)) + r")"
_VICTIMS = r"(?:people|persons?|civilians?|soldiers?|troops|fighters|militants|children|residents|others|men|women)"
_FATAL = [
    re.compile(r"\b(?:killing|killed|kills|kill)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+)?"
               + _NUM + r"(?:\s+\w+)?\s*" + _VICTIMS + r"?", re.I),
    re.compile(r"\b(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+)?" + _NUM + r"\s+(?:\w+\s+){0,2}?"
               + _VICTIMS + r"\s+(?:were|have\s+been|had\s+been|was)\s+killed", re.I),
    re.compile(r"\bdeath\s+toll\s+(?:\w+\s+){0,3}?(?:to|at|of)\s+" + _NUM, re.I),
    re.compile(r"\bat\s+least\s+" + _NUM + r"(?=\s+(?:\w+\s+){0,2}?(?:dead|killed|deaths|died)\b)", re.I),
    re.compile(r"\b" + _NUM + r"\s+(?:\w+\s+)?(?:dead|deaths|fatalities)\b", re.I),
]
_NO_DEATHS = re.compile(r"\bno\s+(?:deaths|casualties|fatalities|one\s+was\s+killed)|no\s+(?:one|immediate reports"
                        r" of casualties)\b", re.I)

ACTOR_GROUPS = {
    r"wagner": "Wagner Group", r"houthis?|ansar allah": "Houthis", r"rsf|rapid support forces": "RSF",
    r"hamas": "Hamas", r"hezbollah": "Hezbollah", r"islamic jihad": "Palestinian Islamic Jihad",
    r"idf|israel defen[cs]e forces": "Israeli forces", r"saf|sudanese armed forces|sudanese army": "Sudanese army",
    r"al-shabaab|al shabaab": "al-Shabaab", r"jnim": "JNIM", r"islamic state|isis|isil": "Islamic State",
    r"m23": "M23", r"taliban": "Taliban", r"protesters|demonstrators": "Protesters",
    r"occupiers": "Russian forces",
}
_ACTOR_GROUP_RE = re.compile(r"\b(?:" + "|".join(f"(?P<g{i}>{p})" for i, p in enumerate(ACTOR_GROUPS)) + r")\b",
                             re.I)
_ACTOR_FORCES = re.compile(
    r"(?<!\w)(?P<d>(?:U\.S\.|U\.K\.|[A-Z][a-z]+) and [A-Z][a-z]+|U\.S\.|U\.K\.|[A-Z][a-z]+(?:-backed|-led)?)\s+"
    r"(?:forces|troops|army|military|soldiers|"
    r"drones|missiles|air raids|air strikes|airstrikes|strikes|warplanes|jets|artillery|navy|aircraft|shelling|"
    r"attacks?|police|militants|fighters|rebels|gunmen|units)\b")
#: States that news names as the one acting ("Russia fired 122 missiles") -> their forces.
_COUNTRY_FORCE = {"Russia": "Russian forces", "Ukraine": "Ukrainian forces", "Israel": "Israeli forces",
                  "Iran": "Iranian forces", "Azerbaijan": "Azerbaijani forces", "Armenia": "Armenian forces",
                  "Belarus": "Belarusian forces", "Syria": "Syrian forces", "Turkey": "Turkish forces",
                  "Sudan": "Sudanese army", "Mali": "Malian forces", "Myanmar": "Myanmar military",
                  "China": "Chinese forces", "Poland": "Polish forces", "Lebanon": "Lebanese forces"}
_STATE_ATTACKS = re.compile(r"\b(?P<c>" + "|".join(_COUNTRY_FORCE) + r")(?:['’]s\s+(?:forces|army|military|troops))?"
                            r"\s+(?:\w+\s+)?(?:launched|fired|attacked|struck|shelled|bombed|hit|pounded|targeted|"
                            r"invaded|shot down|captured|seized|retook)\b")
_DEMONYM_FORCE = {"Russian": "Russian forces", "Ukrainian": "Ukrainian forces", "Israeli": "Israeli forces",
                  "Chinese": "Chinese forces", "Belarusian": "Belarusian forces", "Iranian": "Iranian forces",
                  "Syrian": "Syrian forces", "Sudanese": "Sudanese army", "Azerbaijani": "Azerbaijani forces",
                  "Armenian": "Armenian forces", "Malian": "Malian forces", "American": "US forces",
                  "U.S.": "US forces", "U.K.": "British forces", "Turkish": "Turkish forces",
                  "Lebanese": "Lebanese forces",
                  "Palestinian": "Palestinian militants", "Yemeni": "Yemeni forces", "Burkinabe": "Burkinabe forces",
                  "Nigerien": "Nigerien forces", "Georgian": "Georgian forces", "British": "British forces"}


@dataclass
class Found:
    start: int
    end: int
    trigger: Trigger


def find_triggers(text: str) -> list[Found]:
    out = []
    for m in _TRIGGER_RE.finditer(text):
        i = int(m.lastgroup[1:])
        out.append(Found(m.start(), m.end(), TRIGGERS[i]))
    return out


_DEATH_WORDS = re.compile(r"kill|dead|death|toll|fatalit|died", re.I)


def fatalities(text: str) -> int | None:
    """Deaths the sentence reports, ACLED-style: 'dozens' = 12, 'several' = 3; 0 when it says there were none;
    None when it gives no number (unknown is not zero: a map must not claim an attack killed nobody)."""
    if not _DEATH_WORDS.search(text):
        return None
    if _NO_DEATHS.search(text):
        return 0
    best = None
    for pat in _FATAL:
        for m in pat.finditer(text):
            n = m.group("n").lower()
            val = int(n.replace(",", "")) if n[0].isdigit() else _COUNTS.get(n)
            if val is None or (n[0].isdigit() and val > 100000):
                continue
            if re.search(r"\b(?:tens|thousands|millions)\s+of\b", text[max(0, m.start() - 20): m.end() + 5], re.I):
                continue
            best = max(best or 0, val)
    return best


def actors(text: str) -> list[str]:
    found: list[tuple[int, str]] = []
    for m in _ACTOR_FORCES.finditer(text):
        d = m.group("d")
        parts = d.split(" and ") if " and " in d else [d]
        for k, part in enumerate(parts):
            name = _DEMONYM_FORCE.get(part.split("-")[0])
            if name:
                found.append((m.start() + k, name))  # "U.S. and British": in the order written
    for m in _ACTOR_GROUP_RE.finditer(text):
        found.append((m.start(), ACTOR_GROUPS[list(ACTOR_GROUPS)[int(m.lastgroup[1:])]]))
    for m in _STATE_ATTACKS.finditer(text):  # "Russia fired 122 missiles": the state's forces acted
        found.append((m.start(), _COUNTRY_FORCE[m.group("c")]))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out


_DATE_OPENER = re.compile(r"(?:On|Late|Early|Earlier|Last|Overnight|Yesterday|Today|This|In|Since|By|Between|\d|"
                          r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)")


# "KYIV, Nov 11 (Reuters) - ", "GOMA, Democratic Republic of Congo, Jan 28 - ": where the story was filed.
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’/-]{1,40}(?:,[^\n–—]{1,60}?)?\s*(?:\([A-Za-z ]+\)\s*)?[-–—]\s")
_NON_STATE = re.compile(r"\b(?:rebels?|militants?|insurgents?|fighters|jihadists?|gunmen|militias?|Wagner|RSF|M23|"
                        r"Houthis?|Hamas|Hezbollah|JNIM|al-Shabaab|Islamic State|HTS|Hayat Tahrir|separatists?|"
                        r"gangs?)\b")
_STATE = re.compile(r"\b(?:troops|forces|army|military|soldiers|marines|government)\b", re.I)


def _refine(etype: str, sub: str, stext: str, triggers: list[Found]) -> tuple[str, str]:
    """Sub-types that depend on who acted: a protest that throws stones is a riot; territory taken by rebels is
    'Non-state actor overtakes territory', by an army 'Government regains territory'."""
    if etype == PROTEST and any(t.trigger.event_type == RIOT for t in triggers):
        return RIOT, "Violent demonstration"
    if sub in ("Non-state actor overtakes territory", "Government regains territory"):
        if _NON_STATE.search(stext):
            return BATTLE, "Non-state actor overtakes territory"
        if _STATE.search(stext):
            return BATTLE, "Government regains territory"
    return etype, sub


def _modifies_next(ms: list[Mention], k: int, after: str) -> bool:
    """'the Kyiv suburb of Irpin': Kyiv only qualifies Irpin -- but in 'the Poonch district of Indian Kashmir' the
    place after 'of' is the larger one that contains Poonch, and Poonch is where it happened."""
    if not _MODIFIER_AFTER.match(after):
        return False
    nxt = ms[k + 1].place if k + 1 < len(ms) else None
    here = ms[k].place
    if nxt is None or here is None:
        return True
    return PRECISION_RANK.get(nxt.kind, 0) <= PRECISION_RANK.get(here.kind, 0)


def _specific(found: list[Found]) -> tuple[str, str] | None:
    """The most frequent specific violent (type, sub-type) among triggers, if any."""
    counts: dict[tuple[str, str], int] = {}
    for f in found:
        t = f.trigger
        if not t.generic and t.event_type in (EXPL, BATTLE, VAC):
            counts[(t.event_type, t.sub_event_type)] = counts.get((t.event_type, t.sub_event_type), 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


class EventExtractor:
    """Pipeline step `events`: sets Mention.role and fills Doc.events."""

    def __call__(self, doc: Doc) -> Doc:
        pub = doc.article.published
        dominant: list[tuple[str, str] | None] = []

        def article_dominant() -> tuple[str, str] | None:
            """The article's most frequent specific violent trigger: what its 'attacks' and 'blasts' were."""
            if not dominant:
                dominant.append(_specific([f for i in range(len(doc.sentences)) for f in triggers_of(i)]))
            return dominant[0]
        narrative: tuple[date, date, str] = (pub, pub, "day")
        lead_set = False
        # Triggers are looked for lazily: only sentences with places need them, the others only when a generic
        # word ("attacks") asks what its paragraph or article is about.
        trigger_cache: dict[int, list[Found]] = {}

        def triggers_of(i: int) -> list[Found]:
            if i not in trigger_cache:
                trigger_cache[i] = find_triggers(doc.sentences[i].text)
            return trigger_cache[i]

        para_cache: dict[int, list[Found]] = {}

        def paragraph_triggers(p: int) -> list[Found]:
            if p not in para_cache:
                para_cache[p] = [f for i, st in enumerate(doc.sentences) if st.paragraph == p
                                 for f in triggers_of(i)]
            return para_cache[p]

        sentence_actors: dict[int, list[str]] = {}
        story_cache: dict[int | None, list[str]] = {}

        def actors_of(i: int) -> list[str]:
            if i not in sentence_actors:
                sentence_actors[i] = actors(doc.sentences[i].text)
            return sentence_actors[i]

        def story_actors(p: int) -> list[str]:
            """Who acted when a sentence does not say ("Explosions hit Kyiv"): its paragraph's actors, else the
            article's most frequent actor."""
            if p not in story_cache:
                para = [a for i, st in enumerate(doc.sentences) if st.paragraph == p for a in actors_of(i)]
                if not para:
                    if None not in story_cache:
                        counts: dict[str, int] = {}
                        for i in range(len(doc.sentences)):
                            for a in actors_of(i):
                                counts[a] = counts.get(a, 0) + 1
                        story_cache[None] = [max(counts, key=counts.__getitem__)] if counts else []
                    para = story_cache[None]
                story_cache[p] = list(dict.fromkeys(para))
            return story_cache[p]

        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        events: list[Event] = []
        para_time: tuple[int, tuple[date, date, str]] | None = None
        dateline = _DATELINE.match(doc.article.text)
        dateline_end = dateline.end() if dateline else -1
        for si, sent in enumerate(doc.sentences):
            ms = by_sentence.get(si, [])
            stext = sent.text
            if not ms and not _DATE_OPENER.match(stext):
                continue  # no place, and no paragraph-opening date to carry forward
            dates = [d for d in find_dates(stext, pub) if not d.vague]
            # "On Friday, Russia fired ..." opening a sentence sets the time of the rest of its paragraph.
            if dates and dates[0].start <= 3 and not dates[0].reporting:
                para_time = (sent.paragraph, (dates[0].date, dates[0].date_end, dates[0].precision))
            story = para_time[1] if para_time and para_time[0] == sent.paragraph else narrative
            triggers = triggers_of(si) if ms else []
            background = bool(_BACKGROUND.search(stext))
            prev_event: Mention | None = None
            sent_events: list[Event] = []
            who: list[str] | None = None  # actors and deaths are read once per sentence, when it has an event
            deaths: int | None = None
            for k, m in enumerate(ms):
                m.role = "mention"
                if m.place is None or m.end <= dateline_end:
                    continue  # the dateline says where the reporter was
                ms_start, ms_end = m.start - sent.start, m.end - sent.start
                trigs = [] if background else self._event_triggers(stext, ms_start, ms_end, triggers, ms, k,
                                                                     prev_event, sent.start)
                if not trigs:
                    prev_event = None
                    continue
                m.role = "event"
                prev_event = m
                if who is None:
                    who, deaths = actors_of(si) or story_actors(sent.paragraph), fatalities(stext)
                for trig in trigs:
                    etype, sub = trig.trigger.event_type, trig.trigger.sub_event_type
                    if trig.trigger.generic:
                        etype, sub = (_specific(triggers) or _specific(paragraph_triggers(sent.paragraph))
                                      or article_dominant() or (etype, sub))
                    etype, sub = _refine(etype, sub, stext, triggers)
                    d0, d1, prec = self._date(stext, ms_start, trig, dates, story, pub)
                    if (pub - d1).days > MAX_AGE_DAYS:
                        continue  # history ("the uprising that toppled Gaddafi in 2011"), not news
                    sent_events.append(Event(
                        place=m.place, place_text=m.text, date=d0, date_end=d1, date_precision=prec,
                        event_type=etype, sub_event_type=sub, sentence=stext, sentence_start=sent.start,
                        place_start=m.start, actors=list(who), fatalities=deaths,
                        sentences=[stext]))
            if not lead_set:
                # The story's time is set by its lead: the first recent event date. Later flashbacks ("Hama fell on
                # Thursday") do not move it; undated sentences belong to the main story.
                for ev in sent_events:
                    if ev.date_precision in ("day", "week") and 0 <= (pub - ev.date).days <= 7:
                        narrative, lead_set = (ev.date, ev.date_end, ev.date_precision), True
                        break
            events.extend(sent_events)
        doc.events = merge_events(events)
        return doc

    def _event_triggers(self, stext: str, s: int, e: int, triggers: list[Found], ms: list[Mention], k: int,
                        prev_event: Mention | None, sent_start: int) -> list[Found]:
        """The event words that make mention k an event place: the nearest one, plus any other specific event of
        a different type in the same clause ("rallied ... and set fire to ..."). Empty when it is a mention."""
        place: Place = ms[k].place  # type: ignore[assignment]
        if place.kind == "continent" or place.feature == "river" or ms[k].hint == "demonym" or not triggers:
            return []
        before, after = stext[max(0, s - 70):s], stext[e:e + 70]  # the slot is in the words nearby
        if stext[e:e + 2] in ("'s", "’s") and not _PART_AFTER.match(after):
            return []  # "Kyiv's mayor", "Moscow's invasion": the place owns something, nothing happens there
        # "explosions in Kyiv, Kharkiv and Odesa": a list continues the slot of its first name -- but not
        # "Sanaa, Yemen" (an apposition naming where the first one is) nor "the U.S. Air Forces" (a body's name).
        chained = (prev_event is not None and prev_event.place is not None
                   and bool(re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?",
                                         stext[prev_event.end - sent_start: s]))
                   and not _NAME_GOES_ON.match(after)
                   and not (place.country_code == prev_event.place.country_code
                            and PRECISION_RANK.get(place.kind, 0) > PRECISION_RANK.get(prev_event.place.kind, 0)))
        if not chained:  # most mentions stop here: no locative slot
            locative = bool(_LOCATIVE.search(before)) or bool(_PASSIVE_AFTER.match(after))
            if not locative or (_ORIGIN_BEFORE.search(before) and not _LOCATIVE.search(before)):
                return []
        if _NAME_GOES_ON.match(after):
            return []  # "the U.S. Air Forces Central Command": the place name is part of a body's name
        if prev_event is not None and (_BEARING_BEFORE.search(before) or _NEAR_REFERENCE.fullmatch(
                stext[prev_event.end - sent_start: s])):  # "at Muridke, near Lahore": Lahore only locates Muridke
            return []  # "in the Vyshhorod district just north of Kyiv": Kyiv only says where the event place is
        if (_attributive(before) or _REFERENCE_BEFORE.search(before) or _WHOLE_WAR_BEFORE.search(before)
                or _FROM_IN_BEFORE.search(before) or _ROUTE_BEFORE.search(before) or _modifies_next(ms, k, after)
                or (_SPEAKER_AFTER.match(after) and not _PASSIVE_AFTER.match(after)
                    and (chained or not _LOCATIVE.search(before)))):  # "Yerevan asked", not "forces in X agreed"
            return []
        c0, c1 = _clause_bounds(stext, s)

        def distance(t: Found) -> int:
            gap = stext[t.end:s] if t.end <= s else stext[e:t.start]
            return len(gap.split())

        def usable(t: Found) -> bool:
            if distance(t) > 40:
                return False  # the event word is too far from the place to be about it
            lo = max(c0, min(t.start, s) - 60)
            return not (_NEGATION.search(stext[max(lo, t.start - 25): t.start])
                        or _HYPOTHETICAL.search(stext[lo: t.start]))

        in_clause = [t for t in triggers if c0 <= t.start < c1] or triggers
        primary = min(in_clause, key=lambda t: distance(t) * 6 + (0 if c0 <= t.start < c1 else 200)
                      + (15 if t.trigger.generic else 0))
        if not usable(primary):
            return []
        # Drills fire missiles without being an attack: an exercise in the sentence decides the type.
        drills = [t for t in triggers if t.trigger.event_type == STRAT and t.trigger.sub_event_type == "Other"
                  and re.search(r"drill|exercis|manoeuvr|maneuv|war game", stext[t.start:t.end], re.I)]
        if drills and primary.trigger.event_type == EXPL:
            return [drills[0]]
        found = [primary]
        for t in in_clause:
            if (c0 <= t.start < c1 and not t.trigger.generic and not drills
                    and all(t.trigger.event_type != f.trigger.event_type for f in found) and usable(t)):
                found.append(t)
        return found

    @staticmethod
    def _date(stext: str, s: int, trig: Found, dates: list[TimeExpr], narrative: tuple[date, date, str],
              pub: date) -> tuple[date, date, str]:
        usable = [d for d in dates if not d.reporting]
        if usable:
            c0, c1 = _clause_bounds(stext, s)
            anchor = (trig.start + trig.end) / 2  # a date belongs to the event word's phrase

            def dist(d: TimeExpr) -> float:
                mid = (d.start + d.end) / 2
                return abs(mid - anchor) + 0.1 * abs(mid - s) + (0 if c0 <= d.start < c1 else 150)

            # An old date far from the event word dates something else ("... captured Lashio, the first command to
            # fall since the army seized power in a 2021 coup"); it must not turn the news into history.
            usable = [d for d in usable if dist(d) <= MAX_DATE_DISTANCE or (pub - d.date_end).days <= MAX_AGE_DAYS]
            if usable:
                best = min(usable, key=dist)
                return best.date, best.date_end, best.precision
        # No date of its own: the story's time. (A statement's date -- "said on Saturday it had captured" -- only
        # bounds the event from above; taking it instead was measured worse on the development and validation sets.)
        return narrative


def _overlap(a: Event, b: Event) -> bool:
    return a.date <= b.date_end and b.date <= a.date_end


def merge_events(events: list[Event]) -> list[Event]:
    """One event per place, type and overlapping dates; every reporting sentence is kept."""
    merged: list[Event] = []
    for ev in events:
        for m in merged:
            if m.place.id == ev.place.id and m.event_type == ev.event_type and _overlap(m, ev):
                for s in ev.sentences:
                    if s not in m.sentences:
                        m.sentences.append(s)
                m.actors += [a for a in ev.actors if a not in m.actors]
                if ev.fatalities is not None:
                    m.fatalities = max(m.fatalities or 0, ev.fatalities)
                if (m.date_end - m.date) > (ev.date_end - ev.date):  # keep the sharper date
                    m.date, m.date_end, m.date_precision = ev.date, ev.date_end, ev.date_precision
                break
        else:
            merged.append(ev)
    return merged
