"""Whom a happening hit, and by what, as the typing reads it (`events.acled`): an armed side or unarmed people, in
the active or the passive; a crewed aircraft brought down; a fight between two sides; a remote weapon's word."""

from __future__ import annotations

import re

from geomap.patterns import Pattern

#: The dead said to be mostly of an armed side: "killed more than 100 people, most of them soldiers".
ARMED_DEAD = Pattern(
    "the dead mostly armed", r"\b(?:most|many|all|mostly|the\s+majority)\s+(?:of\s+(?:them|whom)\s+)?(?:were\s+)?"
    r"(?:soldiers|troops|policemen|police\s+officers|militiamen|fighters|militants|servicemen|gendarmes)\b",
    "Gunmen killed 40 people, most of them soldiers, in the raid.",
    "Gunmen killed 40 people, most of them farmers, in the raid.")
#: Armed people as the dead, told in the passive: "three soldiers were killed by militants", "two policemen were shot
#: dead" (the killing hit an armed side: a clash).
ARMED_KILLED = Pattern(
    "armed dead in the passive", r"\b(?:soldiers|troops|servicemen|policemen|police\s+officers|gendarmes|militiamen|"
    r"fighters|militants|rebels|insurgents|gunmen|jihadists|guards)\s+(?:were|have\s+been|had\s+been)\s+"
    r"(?:\w+ly\s+)?(?:killed|shot\s+dead|gunned\s+down|executed|beheaded)\b",
    "Three soldiers were killed by militants near the border.",
    "Three villagers were killed by militants near the border.")
#: A crewed aircraft brought down: an attack on it, not the interception of a weapon ("a police helicopter was shot
#: down by a drone"; not "air defences shot down nine drones").
AIRCRAFT_DOWNED = Pattern(
    "a crewed aircraft downed",
    r"\b(?:helicopters?|planes?|aircraft|(?:fighter\s+)?jets?|airliners?)\s+(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:(?:shot|brought)\s+down|downed)|\b(?:shot|brought)\s+down\s+(?:an?\s+|the\s+|\w+\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:helicopters?|planes?|aircraft|(?:fighter\s+)?jets|airliners?)\b",
    "A police helicopter was shot down by a drone near the town.", "Air defences shot down nine drones overnight.")
DOWNED_BY = Pattern("downed by a remote weapon", r"\bby\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(drone|missile)s?\b",
                    "The helicopter was shot down by a kamikaze drone.", "The helicopter was shot down by rebels.")
#: Unarmed people as the victims of an armed raid: ACLED codes an attack on civilians as Violence against civilians,
#: not as a clash, which needs two armed sides ("gunmen stormed the village, shooting residents").
_UNARMED = (r"(?:people|villagers|residents|civilians|worshippers|farmers|passengers|mourners|students|women|"
            r"children|families|tourists|visitors|pilgrims|shoppers|commuters|patients|pupils|guests|fishermen|"
            r"miners|workers|labou?rers|traders|herders|shepherds|teachers|doctors|nurses|journalists|vendors|"
            r"merchants|churchgoers)")
CIVILIAN_VICTIMS = Pattern(
    "civilian victims", r"\b(?:kill(?:ed|ing|s)?|shot|shooting|massacred|massacring|behead(?:ed|ing)|abduct(?:ed|ing)|"
    r"kidnapp(?:ed|ing)|opened fire on|fired on|sprayed)\s+"
    r"(?:(?:at least|some|about|nearly|more than|dozens of|scores of|hundreds of)\s+)?(?:[\d,]+\s+|[a-z]+\s+)?"
    + _UNARMED + r"\b",
    "Gunmen on motorbikes raided the market, killing at least nine villagers.",
    "Gunmen raided the base, killing at least nine soldiers.")
#: The same told in the passive, with the armed hand named: "dozens of villagers were killed by gunmen" (not "killed
#: in fighting", whose victims a clash made).
CIVILIANS_KILLED_BY = Pattern(
    "civilian victims of an armed hand", r"\b" + _UNARMED + r"\s+(?:(?:were|was|have\s+been|had\s+been|being)\s+)?"
    r"(?:\w+ly\s+)?(?:killed|shot(?:\s+dead)?|massacred|beheaded|executed|slaughtered|hacked\s+to\s+death|"
    r"abducted|kidnapped)\s+by\s+(?:suspected\s+|unknown\s+|unidentified\s+|armed\s+|masked\s+|\w+\s+)?"
    r"(?:gunmen|attackers|assailants|militants|fighters|militiamen|militias?|bandits|jihadists|insurgents|rebels|"
    r"men|soldiers|troops|police|security\s+forces)\b",
    "Dozens of villagers were killed by gunmen in the district.",
    "Dozens of villagers were killed in fighting in the district.")
#: People told to be waiting or queueing for aid or food: civilians, whatever the word for them ("gunfire killed 67
#: Palestinians waiting for aid trucks").
AID_SEEKERS = Pattern(
    "people seeking aid", r"\b(?:waiting|queue?ing|lining\s+up|gathered|gathering|seeking|searching)\s+"
    r"(?:for\s+|near\s+|at\s+)?(?:an?\s+|the\s+)?(?:aid|food|bread|flour|water|relief|rations|humanitarian)\b",
    "Gunfire killed 30 Sudanese waiting for food aid outside the camp.",
    "Gunfire killed 30 fighters waiting for orders outside the camp.")
#: A civilian site stormed or raided: with no armed side told, an attack on civilians ("gunmen stormed a school").
CIVILIAN_SITE_STORMED = Pattern(
    "a civilian site stormed", r"\b(?:storm(?:ed|ing)|raid(?:ed|ing))\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,5}?"
    r"(?:school|schools|market|church|mosque|hospital|clinic|hotel|restaurant|wedding|funeral|bus|studio|"
    r"newsroom|camp\s+for\s+(?:displaced|refugees))\b",
    "Gunmen stormed a secondary school in the town, shooting sporadically.",
    "Gunmen stormed an army base in the town, shooting sporadically.")
#: A word for fighting between two armed sides: with it, deaths are those of a clash.
TWO_SIDES = Pattern("two armed sides", r"\b(?:clash(?:es|ed)?|fighting|fought|gun ?battles?|exchanges? of fire|"
                    r"shoot-?outs?|firefights?|gunfights?|battl(?:es?|ed|ing)|skirmish(?:es)?|repelled|repulsed|sieges?|besieged)\b",
                    "Nine people died in clashes with the army.", "Nine people died when gunmen raided the market.")

#: Fighting said to be between two sides: a battle, whoever died in it ("a refugee was shot dead in a gunfight
#: between rival armed groups").
FIGHT_BETWEEN = Pattern("fighting between sides", r"\b(?:clash(?:es)?|fighting|gun ?battles?|gunfights?|"
                        r"firefights?|shoot-?outs?|battles?|skirmish(?:es)?|exchanges? of fire)\s+between\b",
                        "A man was shot dead in a gunfight between rival gangs.",
                        "Gunmen shot dead a man and fought their way out.")
#: A generic event word that names remote violence: when it is what killed ("strikes on the port killed three"), the
#: happening is a strike, not an attack on civilians by someone present.
REMOTE_WORD = Pattern("remote violence word", r"^(?:explosions?|blasts?|strikes?|struck|detonat\w+|explod\w+|"
                      r"blew up|shrapnel|debris)$",
                      "strikes", "attacked", flags=re.I)

#: "strike(s)" with no weapon named anywhere in the story: ACLED codes most such strikes from the air.
STRIKE_NOUN = Pattern("a strike", r"^(?:strikes?|airstrikes?)$", "strikes", "struck", flags=re.I)
#: An armed side as what an attack or killing was aimed at ("killed 30 soldiers", "an attack on an army post",
#: "attacked and set fire to a police station"): a fight between armed sides, which ACLED calls an armed clash. Not
#: the hand of a passive ("villagers were killed by gunmen": `CIVILIANS_KILLED_BY`).
ARMED_OBJECT = Pattern(
    "armed side attacked", r"\s+(?:by\s+(?:[\w-]+\s+){1,3}?(?=on\s))?(?:and\s+[a-z]+(?:\s+[a-z]+)?\s+(?:to\s+)?)?"
    r"(?:on\s+|at\s+)?"
    r"(?:(?:at least|some|about|nearly|more than|dozens of|scores of|hundreds of)\s+)?"
    r"(?:(?!by\s)(?:[\d,]+\s+|an?\s+|the\s+|[a-z]+\s+|[A-Z][\w-]+\s+)){0,3}"
    r"(?:soldiers|troops|servicemen|policemen|police officers|gendarmes|militiamen|"
    r"fighters|militants|"
    r"rebels|insurgents|gunmen|jihadists|terrorists|combatants|guards|attackers|assailants|hijackers|kidnappers|"
    r"separatists|gang\s+members|gangsters|bandits|(?:army|military|police) (?:posts?|bases?|"
    r"camps?|convoys?|positions?|checkpoints?|stations?|patrols?)|police station|barracks|checkpoints?|(?:out)?posts|"
    r"bases?|garrisons?|security forces)\b",
    "Troops [shot dead] 10 suspected Kuki militants at dawn.", "Gunmen [killed] at least nine villagers at dawn.",
    "after")
