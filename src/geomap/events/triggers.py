"""Event words (triggers): ACLED's event types and sub-types, found by one combined regular expression.

Each trigger is data: its pattern, its ACLED type, and one sentence it must find and one it must not
(`tests/test_events_triggers.py`). A *generic* word ("attack", "damaged") takes the type of the specific words of its
sentence, else paragraph, else article; a *weak* word ("killed", "shot") only defers to the specific words of its own
sentence ("a missile strike killed five": the strike, not a killing), else stands for itself. A word that *yields*
("siege", "offensive", "front line") names the campaign around a happening: a specific word of its clause ("an air
strike during the siege") types the happening, else it stands for itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.alternation import WordAlternation, split_top
from geomap.events.contexts import (
    ACCIDENT,
    ACCIDENT_WORDS,
    ARMED_CAUSE,
    BLAME,
    BLAMED_FOR,
    COMMON_AFTER,
    COMPARED_AFTER,
    CUMULATIVE_TOLL_AFTER,
    DISASTER,
    FLED_CAMPAIGN,
    HARM,
    HAS_DONE_BEFORE,
    LASTING_FIGHT_BEFORE,
    LONG_DURATION_AFTER,
    NO_HAPPENING_ANY,
    NO_HAPPENING_WINDOW,
    NOT_HERE,
    NOT_HERE_AFTER,
    PERFECT_FIRED_BEFORE,
    PERFECT_SINCE_BEFORE,
    RAGED_AFTER,
    RUNNING_TOLL,
    SINCE_BEFORE,
    SPORTS,
    SPORTS_KEEPS,
    TOLL_WINDOW,
)
from geomap.patterns import lower_regex, lowered_text

EXPL, BATTLE, VAC, PROTEST, RIOT, STRAT = (
    "Explosions/Remote violence", "Battles", "Violence against civilians", "Protests", "Riots",
    "Strategic developments")
#: ACLED's violent types: the ones a generic word can stand for.
VIOLENT = (EXPL, BATTLE, VAC)


@dataclass(frozen=True)
class Trigger:
    name: str
    pattern: str
    event_type: str
    sub_event_type: str
    match: str  # a sentence in which this trigger is found
    miss: str  # a sentence in which it is not
    generic: bool = False
    weak: bool = False
    yields: bool = False  # names the campaign, not the happening: a specific word of its clause decides


T = Trigger
#: Figurative captures and shots, which are no event: "captured on camera", "captured the title", "captured 174
#: wickets", "prices shot up", "shooting scenes for a film", "critics shot back".
_NOT_FIGURATIVE_CAPTURE = (r"(?!\s+(?:on\s+(?:camera|video|film|tape|television|cctv)|the\s+(?:attention|imagination|"
                           r"hearts?|mood|spirit|essence|moment|title|crown|championship|trophy|cup)|"
                           r"\d+\s+(?:test\s+)?(?:wickets|seats|votes|medals|titles)))")
#: ... and things seized, not places: "seized weapons", "seized a tanker", "seizing large quantities of drugs".
_NOT_SEIZED_THINGS = (r"(?!\s+(?:[\w-]+\s+){0,3}?(?:weapons|arms|ammunition|guns|rifles|vehicles|equipment|drugs|"
                      r"cocaine|heroin|cash|money|documents|passports|assets|phones|laptops|explosives|caches?|"
                      r"tankers?|ships?|vessels?|boats?|carriers?|freighters?|dhows?|trawlers?|cargo|goods|livestock|"
                      r"cattle|trains?|bus|buses|planes?|aircraft|airliners?|ferr(?:y|ies))\b)")
#: ... and figurative hits and launches: "prices hit a record high", "hit back at critics", "launched an
#: investigation", "launched a new app"; "shelled out", "stormed out of the meeting", "a heart attack" are no events.
_NOT_FIGURATIVE_HIT = (r"(?!\s+(?:(?:a\s+|an\s+)?(?:record|new\s+high|new\s+low|all-time|"
                       r"(?:\w+-)?(?:year|month|week|day|decade)\s+(?:high|low)|"
                       r"high|low)|back|out\s+at|the\s+(?:headlines|shelves|market|road|jackpot))\b)")
#: ... and deals and tones struck: "struck a deal", "struck a firmer tone", "struck gold" (not "struck a Russian oil
#: refinery").
_NOT_FIGURATIVE_STRUCK = (r"(?!\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:tone|deal|chord|note|balance|agreement|pose|bargain|"
                          r"compromise|gold|oil|lucky)\b(?!\s+(?:refiner\w*|depots?|terminals?|fields?|facilit\w+|"
                          r"tankers?|plants?|platforms?|pipelines?|storage|rigs?|installations?|infrastructure|"
                          r"wells?|mines?|port)\b))")
#: "Launched" is an event word only with what an armed side launches: "launched 40 drones", "launched an offensive",
#: "missiles launched at Kyiv"; not "launched a new phone", "launched an inquiry".
_LAUNCHED = (r"launched(?=\s+(?:at|against|on|toward|towards|from|into|in|by|overnight)\b|(?:\s+[\w-]+){0,5}?\s+"
             r"(?:attacks?|strikes?|air ?strikes?|airstrikes?|missiles?|rockets?|drones?|offensive|counter-?offensive|"
             r"assaults?|raids?|barrages?|operations?|incursions?|counter-?attacks?|shells|bombs?|grenades?|projectiles|salvos?|waves?|"
             r"ambush(?:es)?|invasion|bombardment|shelling)\b)")
_NOT_FIGURATIVE_SHOT = (r"(?![-\s]+(?:on|at)[-\s]+sight)"  # "shoot-on-sight orders": an order, no shooting
                        r"(?!\s+(?:up|back|to\s+(?:fame|the\s+top)|(?:a|the)\s+(?:film|movie|video|documentary|scene|"
                        r"music\s+video)|scenes|footage|on\s+location)\b)")
#: A strike by workers is a protest, no attack: "a general strike", "a 24-hour strike", "went on strike", "striking
#: teachers", "strike action" (not "a drone strike", "struck", "a two-day strike campaign on Raqqa").
_LABOUR_STRIKE = (r"(?:(?:general|nationwide|labou?r|hunger|transport|indefinite|wildcat|token|\w+-(?:day|hour|week)) "
                  r"strikes?|(?:went|go|goes|going|be|is|are|was|were|been|remain(?:s|ed)?|stay(?:s|ed)?) on "
                  r"(?:a |an )?(?:general |hunger |indefinite |\w+-(?:day|hour|week) )?strike|strike action|"
                  r"striking (?:workers|teachers|doctors|nurses|miners|dockers|dockworkers|drivers|employees|staff|"
                  r"unions?))"
                  r"(?!\s+(?:campaigns?|packages?|groups?|forces?|aircraft|missions?|against|"
                  r"on\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day)))")
#: Missiles named as what was made, kept or tested, no weapon fired: "jets hit missile factories", "missile
#: depots", "a missile test", "missile defences" (not "rocket launchers fired": a weapon).
_NOT_WEAPONS_MADE = (r"(?!\s+(?:factor(?:y|ies)|plants?|production|programmes?|programs?|makers?|manufactur\w+|"
                     r"sites?|bases?|stockpiles?|arsenals?|tests?|testing|defen[cs]es?|depots?|"
                     r"storage|warehouses?|engines?|fuel)\b)")
#: "Firefighters battled the blaze", "she battled cancer": no fighting.
_NOT_FIGURATIVE_BATTLE = (r"(?!\s+(?:(?:a|an|the|her|his|their)\s+)?(?:[\w-]+\s+)?(?:blazes?|fires?|flames|wildfires?|"
                          r"cancer|illness|disease|injur\w+|addiction|floods?|storms?|heat|odds|traffic)\b)")
#: Armed people with no aircraft, right before "bombed": "suspected militants bombed a bus terminal" tells of a
#: bomb set, not an air raid (lookbehinds: one per word).
_GROUNDED = ("militants", "insurgents", "rebels", "jihadists", "extremists", "terrorists", "attackers", "gunmen",
             "bombers", "separatists", "guerrillas")
_NOT_BY_GROUNDED = "".join(rf"(?<!\b{w} )" for w in _GROUNDED)
_BY_GROUNDED = "(?:" + "|".join(rf"(?<=\b{w} )" for w in _GROUNDED) + ")"
# Order matters only for overlapping matches at one position: the first listed wins.
TRIGGERS: tuple[Trigger, ...] = (
    T("drills", r"(?:naval |military |joint |war |tactical |battalion |live-fire )*(?:drills?|exercises?|"
      r"manoeuvres|maneuvers|war games)", STRAT, "Other",
      "The navy held live-fire drills off the coast.", "He exercised his right to remain silent."),
    T("agreement", r"ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|prisoner (?:swap|exchange)|"
      r"exchanged? prisoners|humanitarian pause", STRAT, "Agreement",
      "A truce took hold in the town on Sunday.", "The ministers discussed trade tariffs."),
    T("arrests", r"arrested|detained|detentions?(?! (?:centres?|centers?|camps?|facilit(?:y|ies)))|arrests?|rounded up",
      STRAT, "Arrests",
      "Police arrested four men in the port.", "The arresting images were shown at the gallery."),
    T("disrupted", r"shot down|intercepted|downed|"
      r"destroyed (?:about |some |at least )?\d* ?(?:of \d+ )?(?:\w+ )?(?:drones|"
      r"missiles)|air defen[cs]es? (?:systems? )?(?:destroyed|shot(?: down)?|intercepted)"
      r"(?: (?:about |some |at least )?[\d,]+ (?:\w+ )?(?:drones|missiles|rockets))?", STRAT, "Disrupted weapons use",
      "Air defences shot down nine drones overnight.", "The drone flew over the stadium."),
    T("withdrawal", r"withdr[ae]w|withdrawn|withdrawal|pulled out|handed over|without (?:a fight|resistance|"
      r"firing a shot)|unopposed", STRAT, "Non-violent transfer of territory",
      "The rebels withdrew from the town.", "The rebels held the town."),
    T("visit", r"heads? for|headed for|visit(?:ed|ing|s)?|trip to|travell?ed to", STRAT, "Other",
      "The minister visited the front on Friday.", "The minister spoke on the radio."),
    T("deployment", r"moved (?:in)?to|deployed|redeployed|deployment|massed|build-?up|stationed|sent troops|"
      r"sending (?:\w+ )?troops|troops (?:moved|arrived)", STRAT, "Change to group/activity",
      "The army deployed two brigades to the border.", "The army marked its anniversary."),
    T("air strike", r"air ?strikes?|air raids?|airstrikes?|drone (?:strikes?|attacks?)|"
      r"drones? (?:also |then |later )?(?:attacked|hit|struck|targeted|killed|wounded|injured)|"
      r"(?:kamikaze|suicide|attack|shahed) drones?|drones|" + _NOT_BY_GROUNDED
      + r"bombed|"
      r"(?<!\ba )(?<!\banother )bombing|"
      r"bombardment|"
      r"(?:jets|aircraft|helicopters|warplanes|planes) (?:had |have )?(?:also |again |later |then )?(?:struck|hit|"
      r"pounded|targeted|attacked)|warplanes|"
      r"(?:b-2|b-52|b-1b?|stealth|heavy|strategic) bombers|"
      r"drone (?:explosions?|blasts?)|"
      r"(?:glide|guided|aerial|cluster|barrel|kab) bombs?|air-dropped|dropped (?:\w+ )?bombs|bombs (?:were )?dropped",
      EXPL, "Air/drone strike",
      "An air strike hit the market.", "The airline cancelled its flights."),
    T("shelling", r"shell(?:ed|ing|s)(?!\s+out)|shell (?:hit|struck|landed|exploded|fell)|artillery|"
      r"(?:missiles?|rockets?(?!-propelled))" + _NOT_WEAPONS_MADE + "|"
      r"mortars?|barrages?|ballistic|cruise missiles?|struck by (?:a )?(?:missile|rocket)|grad|pound(?:ed|ing)",
      EXPL,
      "Shelling/artillery/missile attack",
      "Rebels shelled the outskirts overnight.", "The company sold its shares."),
    T("ied", r"roadside bombs?|improvised explosive|ieds?|landmines?|mines? exploded|" + _BY_GROUNDED + r"bombed|"
      r"(?<=\ba )bombing|(?<=\banother )bombing|"  # "a bombing in a market": no air raid, told so
      r"(?:car|truck|motorcycle|motorbike|bicycle|parcel|sticky) bombs?|explosive device|"
      r"(?:car|truck|lorry|vehicle|van|motorcycle)s? (?:loaded|packed|laden|rigged|filled) with explosives|"
      r"explosives?-(?:laden|packed|rigged)|(?:car|vehicle|truck|van)s? (?:exploded|blew up)|"
      r"(?:explosions?|blasts?) (?:tore|ripped) through (?:a|an|the) (?:parked |white |\w+ )?(?:car|vehicle|truck|van)|"
      r"blown up|blew up|booby[- ]trap\w*|bombs? (?:exploded|went off|blasts?)|"
      r"(?:pagers?|walkie-talkies|radios|handsets|(?:communication|electronic) devices)(?= [^.;]{0,40}?\b(?:exploded|"
      r"detonated|went off|blew up)\b)", EXPL, "Remote explosive/landmine/IED",
      "A roadside bomb hit a patrol.", "The road was reopened to traffic."),
    T("hidden bomb", r"bombs? (?:that (?:had been|was|were) |(?:was|were|had been) )?(?:hidden|planted|placed|"
      r"concealed|attached|strapped|stashed|left) (?:in|on|under|inside|beneath|near|at|to)",
      EXPL, "Remote explosive/landmine/IED",
      "A bomb planted under a bench exploded in the square.", "The bomb dropped on the square killed two."),
    T("suicide bomb",
      r"suicide (?:bombers?|bombings?|attacks?|car bomb(?:ers?|ings?)?)|blew (?:himself|herself|themselves) up",
      EXPL, "Suicide bomb",
      "A suicide bomber struck a checkpoint.", "A bomber jet flew overhead."),
    T("explosion", r"explosions?|blasts?|explod(?:ed|ing|es)|detonat\w+|strikes?|struck"
      + _NOT_FIGURATIVE_STRUCK + r"|(?<!worst-)(?<!hardest-)(?<!badly-)(?<!hard-)(?:hit|hits|hitting)"
      + _NOT_FIGURATIVE_HIT + r"|attacked|(?<!heart )(?<!panic )attacks?|attacking|striking|assaults?|"
      r"damaged?|damaging|destroyed|destroying|targeted|targeting|targets?|wrecked|debris|shrapnel|"
      r"killed by (?!mortar|artillery|tank|rocket|missile|shell)(?:\w+ )?fire|"  # "killed by mortar fire": shelling
      r"under fire|fired (?:at|on|upon|into(?! the (?:air|sky)))|" + _LAUNCHED,
      EXPL, "Shelling/artillery/missile attack",
      "Explosions were heard across the city.", "The city was quiet all night.", generic=True),
    T("fighting", r"fierce(?:st)? fighting|fighting|fought|incursions?|raids? into|raid(?:ed|s|ing)?|ambush(?:ed|es)?|"
      r"gunfire|gunshots|gun ?battles?|shoot-?outs?|exchanges? of fire|"
      r"(?:exchang|trad)(?:ed|ing|es?) (?:heavy |small[ -]arms |machine[ -]gun |automatic |gun)?fire|"
      r"clash(?:es|ed|ing)?|battles?|(?:battled|battling)"
      + _NOT_FIGURATIVE_BATTLE + "|"
      r"combat|firefights?|gunfights?|skirmish(?:es)?|assault on|holding firm|repelled|repulsed|"
      r"(?:stormed|storming)(?!\s+(?:off|out))|ground attack", BATTLE, "Armed clash",
      "Fierce fighting broke out near the bridge.", "The bridge was repainted."),
    T("campaign", r"battlefield|offensive|counter-?offensive|advance[ds]?|advancing|front ?line|"
      r"(?<!\bthe )(?<!\ba )(?<!\ban )besieged|siege|"  # not "the besieged city": who it is
      r"encircled|invasion|invaded", BATTLE, "Armed clash",
      "The army's offensive reached the river.", "The army's parade reached the river.", yields=True),
    T("regains", r"recaptured|retook|retaken|liberated|regained", BATTLE, "Government regains territory",
      "Troops recaptured the village.", "Troops rested in the village."),
    T("coup", r"seized power|coup|overthrew|(?<!\bto )(?<!\bof )(?<!\bthe )(?<!\bfor )(?<!\bby )(?<!\bwith )"
      r"(?<!['’]s )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\ban )(?<!\btheir )"
      r"(?:ousted|toppled|overthrown)|(?:ousted|toppled|overthrown)(?!\s+(?:former\s+|long-?time\s+)?(?:president|"
      r"leader|prime\s+minister|premier|ruler|dictator|king|strongman|regime|government|head\s+of\s+state))",
      STRAT, "Other",  # not "gunmen loyal to ousted president Bashar al-Assad": who he is, no coup
      "The army seized power in a coup.", "The army paraded in the capital."),
    T("jailbreak", r"(?:escaped|broke\s+out|fled)(?=\s+(?:\w+\s+){0,2}?from\s+(?:a|an|the|its|their)\s+(?:\w+\s+)?"
      r"(?:prison|jail|detention|penitentiary))|jailbreak|prison\s+break", STRAT, "Other",
      "Hundreds of inmates escaped from a prison in the capital.", "Hundreds of residents fled from the capital."),
    T("capture", r"captur(?:ed?|es|ing)" + _NOT_FIGURATIVE_CAPTURE
      + r"|seiz(?:ed|ing)" + _NOT_SEIZED_THINGS
      + r"|overran|fell to|(?:took|taken|taking|seized|gained) (?:full |complete |total )?control|"
      r"took over|(?:took|taken|taking) (?:the |a )?(?:[\w-]+ )?(?:town|city|village|base|airport|garrison|port|"
      r"border crossing)\b|"
      r"entered(?! (?:a|its|the|their) (?:\w+ )?(?:day|week|month|year|phase|stage|round|talks))|"
      r"(?:swept|rolled|stormed|pushed|marched) into(?! (?:the )?outskirts)", BATTLE,  # not "pushed into the outskirts"
      "Non-state actor overtakes territory",
      "Rebels captured the airport.", "Rebels spoke at the airport."),
    T("abduction", r"abduct\w+|kidnap\w+|hostages?|(?:was|were|been) seized by|taken hostage|"
      r"hijack(?:ed|ing|s)(?!\s+(?:the\s+)?(?:debate|process|agenda|account|website|narrative))|"
      r"seiz(?:ed|ing) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:train|bus|plane|aircraft|airliner|ferry)", VAC,
      "Abduction/forced disappearance",
      "Gunmen kidnapped two aid workers.", "Two aid workers returned home."),
    T("mob violence", r"lynch(?:ed|es|ing|ings)?|mob (?:justice|attacks?|violence)", RIOT, "Mob violence",
      "A mob lynched two men accused of theft.", "A court jailed two men accused of theft."),
    T("attack on civilians", r"massacred?|executed|executing|executions?|killed (?:\w+ )?civilians|shot dead|"
      r"opened fire on|gunned down|hacked to death|slaughtered|rammed|(?:car-)?ramming|stabb(?:ed|ing)|knife attack|"
      r"beheaded",
      VAC, "Attack",
      "Gunmen opened fire on a wedding party.", "The wedding party opened presents."),
    T("burned alive", r"(?:burned|burnt|burning) (?:\w+ ){0,3}?(?:alive|to death)", VAC, "Attack",
      "Militants burned two hostages alive in the square.", "Candles burned all night in the square."),
    T("beaten to death", r"(?:beaten|beat|beating|clubbed|clubbing|bludgeoned|stoned|stoning|kicked|tortured) "
      r"(?:\w+ ){0,3}?to death", VAC, "Attack",
      "Two farmers were beaten to death near the market.", "Two farmers were beaten in the election near the market."),
    T("found dead", r"found (?:dead|murdered|shot|stabbed|strangled|beheaded|hanged|dumped|tortured|mutilated)|"
      r"bod(?:y|ies) (?:of (?:\w+ ){0,2}?\w+(?:, including [^,;.]{1,40},)? )?(?:was|were|had been|have been) "
      r"(?:found|discovered|recovered|dumped)|"
      r"(?:found|discovered|recovered) the (?:\w+ )?bod(?:y|ies) of",
      VAC, "Attack", "The bodies of three men were found on a roadside.", "Three men were found guilty of fraud.",
      weak=True),
    T("killing", r"kill(?:ed|ing|s)?|murder(?:ed|s|ing)?|assassinat\w+|(?:shot|shoots?|shooting)" + _NOT_FIGURATIVE_SHOT
      + r"|wounded|wounding|"
      r"injured|injuring|died", VAC, "Attack",
      "Unknown assailants murdered a teacher.", "The teacher retired after thirty years.", weak=True),
    T("burned buildings", r"burn(?:ed|t|ing) down|(?:homes|houses|shops|huts|buildings?|churches|mosques|schools?|"
      r"cars|vehicles|villages?|markets?|offices?) (?:were|was|have been|had been) (?:\w+ )?(?:burned|burnt|torched|"
      r"set on fire)", STRAT, "Looting/property destruction",
      "Hundreds of homes were burned in the town.", "His hands were burned by the stove."),
    T("looting", r"looted|looting|plundered|burn(?:ed|t) (?:down )?"
      r"(?:(?!(?:inside|in|into|at|alive|to|near|outside)\b)[\w-]+ ){0,3}?(?:houses|homes|shops|villages?|huts)|"
      r"(?:demolished|bulldozed|razed) (?:\w+ ){0,2}?(?:houses|homes|buildings|shops|structures)",
      STRAT, "Looting/property destruction",
      "Soldiers looted shops in the market.", "Shoppers filled the market."),
    T("riot", r"riot(?:s|ers|ing)?(?! police| gear| squad)|torched|torching|rampag(?:ed|ing) (?:through|in)|"
      r"set (?:[\w-]+ ){0,4}?on fire|set fires?(?: to)?|"
      r"(?:burned|burnt|burning|lit|torched) (?:\w+ )?(?:tyres|tires)|erected barricades|"  # ACLED: violent
      r"ransacked|vandali[sz](?:ed|ing)|mob|stone-throw\w*|"
      r"(?:threw|throwing|hurl\w*|pelted\s+\w+\s+with) (?:\w+ )?(?:stones|rocks|"
      r"projectiles|bottles|bricks|fireworks|flares|objects|chairs|paving stones|cobblestones|petrol bombs|"
      r"molotov cocktails)|petrol bombs?|molotov cocktails?", RIOT, "Violent demonstration",
      "Youths torched cars and threw stones at police.", "Riot police stood by."),
    T("intervention", r"water cannons?|tear ?gas|stun grenades|rubber bullets|dispersed (?:the )?(?:crowds?|"
      r"protesters|demonstrators)|broke up (?:the )?(?:protest|rally|demonstration)", PROTEST,
      "Protest with intervention",
      "Police fired tear gas at the crowd.", "The crowd sang the anthem."),
    T("protest", r"sit-ins?|took to the streets|crowds? (?:also )?(?:gathered|marched|rallied)|gathered outside|"
      r"vigils?|protest(?:s|ers|ed|ing)|(?<!\bin )protest|(?:gathered|assembled|walked out) in protest|"  # "suspended
      r"demonstrat(?:ors|ion|ions|ed|ing)|"  # its work in protest": the motive of another act
      r"(?<!campaign )(?<!election )rall(?:y|ies|ied)|marched|marching|"  # a campaign rally is no protest
      r"(?:peaceful|protest|silent) march(?:es)?|"
      r"march(?:es)? (?:against|on|through|in)|" + _LABOUR_STRIKE + "|"
      r"(?:workers|students|teachers|farmers|traders|villagers|residents|miners|nurses|doctors|pensioners|employees)"
      r" (?:were )?demanding|"  # not "kidnappers demanding a ransom"; nor "police blocked roads":
      r"(?:supporters|protesters|demonstrators|residents|villagers|students|farmers|workers|youths|activists|"
      r"drivers|truckers) (?:also )?(?:blocked|barricaded)(?= (?:(?:a|the|main|major|several|key)\s+)*(?:roads?|"
      r"highways?|streets?|bridges?|railways?|junctions?|intersections?)\b)", PROTEST, "Peaceful protest",
      "Thousands rallied against the new law.", "Thousands read the new law."),
)
del T
# Anchored at word starts outside the alternation: most positions fail at once instead of trying every trigger.
_TRIGGER_RE = re.compile(
    r"(?<!\w)(?=\w)(?:" + "|".join(f"(?P<t{i}>(?:{t.pattern})\\b)" for i, t in enumerate(TRIGGERS)) + ")", re.I)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    trigger: Trigger


#: The same over lower-cased text, each event word tried only at words it can start (`alternation.WordAlternation`).
_TRIGGER_PARTS = [(i, part) for i, t in enumerate(TRIGGERS) for part in split_top(lower_regex(t.pattern))]
_TRIGGER_LOW = WordAlternation([part for _, part in _TRIGGER_PARTS], tail=r"\b", labels=[i for i, _ in _TRIGGER_PARTS])


def find_triggers(text: str) -> list[Found]:
    """Every event word of a sentence, in order (linear: one pass of one compiled alternation, over the lower-cased
    text where lower-casing keeps the offsets, which is twice as fast as a case-insensitive match)."""
    lowered = lowered_text(text)
    if RUNNING_TOLL.search_lowered(text, lowered) and TOLL_WINDOW.search_lowered(text, lowered):
        return []  # "130,000 have been killed since the war began": a running toll, no happening
    if lowered is not None:
        out = [Found(s, e, TRIGGERS[i]) for s, e, i in _TRIGGER_LOW.finditer(lowered)]
    else:
        out = [Found(m.start(), m.end(), TRIGGERS[int(m.lastgroup[1:])]) for m in _TRIGGER_RE.finditer(text)]
    out = [f for f in out if not _not_here(text, f)]
    if any(f.trigger.name in ACCIDENT_WORDS for f in out) and (
            ACCIDENT.search_lowered(text, lowered) or DISASTER.search_lowered(text, lowered)) \
            and not ARMED_CAUSE.search_lowered(text, lowered):
        out = [f for f in out if f.trigger.name not in ACCIDENT_WORDS]  # "a jet crashed, killing 38": no attack
    if out and SPORTS.search(text):  # "Madrid struck twice late and stormed back": only harm and crowds count
        out = [f for f in out if HARM.match(text, f.start) or f.trigger.event_type in SPORTS_KEEPS]
    return out


#: The words `COMMON_AFTER` needs, searched first (it runs for every event word).
_COMMON_WORD = re.compile(r"common|frequent|rife|rampant|widespread|endemic|routine|occurrence", re.I)


def _not_here(text: str, f: Found) -> bool:
    """Is the event word `f` no event in its sentence (`NOT_HERE`, `NO_HAPPENING`)?"""
    lo = max(0, f.start - NO_HAPPENING_WINDOW)
    if NO_HAPPENING_ANY.search(text, lo, f.start) or COMPARED_AFTER.match_at(text[f.end:f.end + 60]) \
            or _COMMON_WORD.search(text, f.end, f.end + 110) and COMMON_AFTER.match_at(text[f.end:f.end + 110]):
        return True
    if f.trigger.name == "campaign" and (FLED_CAMPAIGN.search(text, lo, f.start) or SINCE_BEFORE.search(text, lo,
                                                                                                       f.start)):
        return True  # "soldiers fleeing the rebel advance": no fight there; "since the invasion began": a time
    verb = f.start + text[f.start:f.end].rfind(" ") + 1  # the word's last word: "jets have [struck]"
    if (LASTING_FIGHT_BEFORE.search(text, lo, verb) or RAGED_AFTER.match_at(text[f.end:f.end + 90])
            or " since " in text and PERFECT_FIRED_BEFORE.search(text, lo, f.start)) \
            and LONG_DURATION_AFTER.match_at(text[f.end:f.end + 160]):
        return True  # "has besieged X for a year", "fighting has raged in X since 2023"
    if text.endswith("ing", f.start, f.end) and " since " in text \
            and PERFECT_SINCE_BEFORE.search(text, max(0, f.start - 120), f.start):
        return True  # "has imposed a blockade on the capital since September, attacking convoys"
    if HAS_DONE_BEFORE.search(text, lo, f.start) and CUMULATIVE_TOLL_AFTER.match_at(text[f.end:f.end + 40]):
        return True
    if BLAMED_FOR.search(text, max(0, f.start - 30), f.start) and BLAME.search(text, 0, f.start):
        return True  # "blamed the rebels for the Cali bombing": a happening told before
    for begins, context, window in NOT_HERE_AFTER.get(f.trigger.name, ()):
        if text[f.start:f.end].lower().startswith(begins) and context.match_at(text[f.end:f.end + window]):
            return True
    for begins, context, window in NOT_HERE.get(f.trigger.name, ()):
        if text[f.start:f.end].lower().startswith(begins):
            lo, hi = (0, len(text)) if window is None else (max(0, f.start - window), f.start)
            if context.search(text, lo, hi):
                return True
    return False


#: Sub-types that tell what a fight changed, not how it was fought: no type for another sentence's "attacked".
OUTCOMES = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


def specific(found: list[Found], outcomes: bool = True, suicide_first: bool = True) -> tuple[str, str] | None:
    """The most frequent specific violent (type, sub-type) among triggers, if any; a suicide bombing whatever else
    its sentence or paragraph names (ACLED: "a suicide bomber rammed an explosives-laden vehicle into a convoy" is
    one), unless `suicide_first` is off (a whole article: "in a separate attack, a suicide bomber ..." does not make
    the train attack told before it one). `outcomes=False` leaves out territory taken (`OUTCOMES`): "They also
    targeted a base" after "the attackers seized the camp" is an attack, not a capture."""
    counts: dict[tuple[str, str], int] = {}
    for f in found:
        t = f.trigger
        if not (t.generic or t.weak or t.yields) and t.event_type in VIOLENT and (
                outcomes or t.sub_event_type not in OUTCOMES):
            counts[(t.event_type, t.sub_event_type)] = counts.get((t.event_type, t.sub_event_type), 0) + 1
    if suicide_first and (EXPL, "Suicide bomb") in counts:
        return EXPL, "Suicide bomb"
    return max(counts, key=counts.__getitem__) if counts else None
