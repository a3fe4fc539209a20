"""The contexts that make an event word no happening of its sentence: a natural hazard or an accident as its
subject, weapons supplied, a sports report, a running toll, a work about a siege, a comparison, a habit
(`triggers.find_triggers` reads them, by event word through `NOT_HERE`); and two that tell what kind of happening it
is: an arrest ACLED codes (`POLITICAL_ARREST`, read by the events step) and a capture only aimed at (`AIMED_AT`,
which `acled.happening` types as the fight). Each pattern is named, with a sentence it must match and one it must
not.
"""

from __future__ import annotations

import re

from geomap.patterns import Pattern

#: A natural hazard or a fire as the subject of a generic event word: "floods hit the city", "an earthquake destroyed
#: homes", "a fire destroyed a warehouse" (not "artillery fire destroyed": a fire is named with its article).
NATURAL_HAZARD = Pattern(
    "natural hazard before an event word",
    r"\b(?:floods?|flooding|earthquakes?|quakes?|tremors?|aftershocks?|storms?|snowstorms?|cyclones?|typhoons?|"
    r"hurricanes?|tornado(?:e)?s?|landslides?|mudslides?|avalanches?|tsunamis?|heat ?waves?|rains?|rainfall|"
    r"downpours?|winds?|droughts?|lightning|wildfires?|forest\s+fires?|bush\s*fires?|"
    r"(?:an?|the)\s+(?:huge\s+|massive\s+|large\s+|major\s+|big\s+)?(?:fire|blaze))"
    r"(?:,[^,]{1,50},)?\s+(?:[\w-]+\s+){0,2}$",  # "The quake, the deadliest since 1960, struck"
    "Heavy floods [hit] the valley overnight.", "Heavy shelling [hit] the valley overnight.", "before")
#: Weapons supplied, made or stocked are no attack: "warned Tehran against supplying the group with more missiles".
ARMS_SUPPLY = Pattern(
    "weapons supplied",
    r"\b(?:suppl(?:y|ying|ied|ies)|deliver(?:y|ies|ing|ed)?|provid(?:e|ing|ed)|transfer(?:s|red|ring)?|"
    r"produc(?:e|ing|ed|tion)|stockpil\w*|sell(?:ing)?|sold|sales?\s+of|shipments?\s+of)\s+(?:[\w-]+\s+){0,6}$",
    "Officials warned Tehran against supplying the group with more [missiles].",
    "The group fired more [missiles] at the port.", "before")


#: A capture aimed at, not done: "began an offensive to capture the city", "vowed to retake the town" (typed as the
#: fight, `acled.happening`; the word stays an event word: the newswire labels mark the place fought for).
AIMED_AT = Pattern(
    "a capture aimed at", r"\b(?:offensive|operation|bid|attempt|plans?|planned|push|efforts?|campaign|aims?|aimed|"
    r"aiming|seeks?|sought|seeking|trying|tried|vowed|vows|threatened|threatens|preparing|prepared|ready)\s+to\s+$",
    "The army began an offensive to [capture] the city.", "The army began an offensive and [captured] the city.",
    "before")
#: A sports report: its strikes, storming and shooting are play ("Madrid beat Bayern 2-1", "the striker scored").
SPORTS = Pattern(
    "a sports report",
    r"\b(?:scored|goalkeeper|striker|midfielder|touchdowns?|innings|wickets|Champions League|Premier League|"
    r"World Cup|Grand Prix|semi-?finals?|quarter-?finals?|\d{1,2}-\d{1,2}\s+(?:win|victory|defeat|loss|draw)|"
    r"(?:beat|beats|beating|defeated|won|lost|drew)\s+(?:[A-Z][\w.'’-]*\s+){1,3}\d{1,2}-\d{1,2})\b",
    "Madrid beat Bayern Munich 2-1 to reach the final.", "Rebels beat back an attack on the town.", flags=0)
#: "Demonstrated" meaning showed: "the vote demonstrated that ...", "his popularity was demonstrated", no protest.
SHOWN_AFTER = Pattern(
    "demonstrated: showed (what follows)",
    r"^\s+(?:that|how|what|why|whether|(?:its|their|his|her|our)(?!\s+(?:support|solidarity|anger|opposition)\b)|"
    r"this|these|those|such|an?|remarkable|considerable|great|clear|little|no)\b",
    "The survey [demonstrated] that support for the plan had fallen.",
    "Thousands [demonstrated] in the capital on Friday.", "after")
SHOWN_BEFORE = Pattern(
    "demonstrated: showed (passive)", r"\b(?:was|were|is|are|been|be|being|clearly|amply)\s+$",
    "His popularity in Japan was [demonstrated] at last year's tournament.",
    "Hundreds [demonstrated] outside the ministry last year.", "before")
#: An execution after a trial is a sentence carried out, not political violence ACLED codes: "Iran executed a man
#: convicted of killing a guard during the 2022 protests".
JUDICIAL_EXECUTION = Pattern(
    "an execution after a trial", r"^\s+(?:[\w-]+\s+){0,4}?(?:convicted|sentenced|found\s+guilty|on\s+death\s+row)\b",
    "Iran [executed] a man convicted of killing a guard.", "Militants [executed] five hostages in the square.",
    "after")
#: "Captured" what no force takes: a title, a medal, votes, the public's attention ("she captured gold in Athens").
FIGURATIVE_CAPTURE = Pattern(
    "captured: won or drew (what follows)",
    r"^\s+(?:(?!(?:of|has|have|had|was|were|is|are|be|to|by|and|in|at|on|after|when)\b)[\w'’-]+\s+){0,4}?"
    r"(?:attention|imagination|headlines|front\s+pages|medals?|gold(?!\s+min)|"
    r"silver|bronze|titles?|awards?|prizes?|votes?|seats|championships?|crown|trophy|hearts?|mood|"
    r"cup|masters|grand\s+prix|tournament|wickets?|(?:[\w-]+-)?wicket\s+hauls?|"
    r"open(?=\s+(?:in|at|on|title|crown|final|with)\b|\s*[,.;]|\s*$)|"
    r"(?:percent|%)\s+of\s+the\s+(?:popular\s+)?vote)\b",
    "Argentina [captured] gold at the Games in Athens last month.",
    "Rebels [captured] the gold mining town of Kamituga.", "after")
#: Protest and riot words keep their sense in a sports report: "fans marched to protest the clashes after the match".
SPORTS_KEEPS = frozenset({"Protests", "Riots"})
#: An accident: a crash, a capsizing, a stampede. Its deaths are no event unless something armed caused it.
ACCIDENT = Pattern(
    "an accident",
    r"\b(?:(?:plane|jet|airliner|aircraft|helicopter|bus|minibus|train|truck|lorry|tanker|boat|ferry|car)s?\s+"
    r"(?:[\w-]+\s+){0,4}?(?:crashed|crash-landed|collided|derailed|capsized|overturned|sank|plunged)|"
    r"(?:plane|air|helicopter|road|bus|train|car|traffic|boat|ferry)\s+(?:crash|accident|collision|derailment)|"
    r"(?:bus|minibus|train|truck|lorry|tanker|car)s?\s+(?:[\w-]+\s+){0,2}?(?:slammed|smashed|ploughed|plowed|"
    r"crashed)\s+into\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:bus|minibus|train|truck|lorry|tanker|car|vehicle|"
    r"wall|tree|river|ravine|gorge)|stampede|"
    r"(?:canopy|roof|ceiling|building|bridge|stand|grandstand|wall|tower|block|mine|dam|house|school)s?\s+"
    r"(?:[\w-]+\s+){0,2}?(?:collapsed|caved\s+in))\b",  # "a railway station canopy collapsed, killing 16"
    "A bus overturned near the town, killing 12 passengers.", "A missile hit a bus near the town, killing 12.")
#: A disaster as what killed: "heavy rain flooded parts of Valencia, killing 95". Its deaths are no event either.
DISASTER = Pattern(
    "a disaster",
    r"\b(?:floods?|flooded|flooding|flash\s+floods?|earthquakes?|quakes?|storms?|cyclones?|typhoons?|hurricanes?|"
    r"tornado(?:e)?s?|landslides?|mudslides?|avalanches?|tsunamis?|heat\s?waves?|heavy\s+rains?|torrential\s+rains?|"
    r"downpours?|wildfires?|forest\s+fires?|bush\s*fires?|eruptions?|cholera|epidemics?|"
    r"(?:a|the)\s+(?:huge\s+|massive\s+|large\s+|deadly\s+|major\s+)?(?:fire|blaze)\s+(?:at|in|on|that|which|"
    r"broke\s+out|swept|ripped|engulfed|gutted|tore))\b",
    "Heavy rain flooded parts of the city, killing at least 95 people.",
    "Shelling hit parts of the city, killing at least 95 people.")
ARMED_CAUSE = Pattern(
    "an armed cause", r"\b(?:shot\s+down|downed|missiles?|rockets?|hit\s+by|struck\s+by|attack\w*|bomb\w*|drones?|"
    r"sabotag\w*|gunmen|ambush\w*|fire\s+on|blasts?|shell(?:s|ed|ing)|(?:air\s?)?strikes?)\b",
    "The helicopter crashed after it was shot down.", "The helicopter crashed in bad weather.")
#: A blast the story itself says was an accident, in any of its sentences: "The blast was caused by a fire in a
#: container holding chemicals", "There was no indication of an attack". Its explosions told with no side are none.
ACCIDENT_TOLD = Pattern(
    "an explosion told as an accident",
    r"\b(?:blast|explosion|fire|blaze)s?\s+(?:was|were|had\s+been|may\s+have\s+been)\s+(?:apparently\s+|probably\s+|"
    r"likely\s+)?(?:caused|triggered|sparked)\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:fire|gas|leak|"
    r"chemicals?|short[- ]circuit|accident|negligence|boiler|cylinder|fuel|fireworks)\b|"
    r"\bno\s+(?:indication|sign|evidence)\s+(?:of|that)\s+(?:an?\s+|it\s+was\s+an?\s+)?(?:attack|sabotage|foul\s+play)\b",
    "The blast was caused by a fire in a container holding chemicals.",
    "The blast was caused by a bomb planted under a car.")
#: The event words an accident's or a disaster's sentence makes no event (`ACCIDENT`, `DISASTER`).
ACCIDENT_WORDS = frozenset({"killing", "explosion", "found dead"})
#: A running toll, no happening: "more than 130,000 people have been killed since the war began", "the conflict has
#: killed 800 so far". A perfect-tense count of the dead or displaced with a window longer than the news (since a
#: year, a month, the war; so far; this year; in the past months). "Have killed 80 people since Thursday" is a
#: battle of days, and stays.
RUNNING_TOLL = Pattern(
    "a running toll",
    r"\b(?:have|has|had)\s+(?:now\s+|so\s+far\s+)?(?:been\s+)?(?:killed|died|wounded|injured|displaced|"
    r"claimed\s+(?:the\s+lives|more\s+than|at\s+least|over|nearly|some|\d))",
    "More than 130,000 people have been killed since the war began.", "Five people were killed on Monday.")
TOLL_WINDOW = Pattern(
    "a window longer than the news",
    r"\b(?:since\s+(?:the\s+)?(?:war|conflict|start|beginning|outbreak|uprising|invasion|insurgency|revolution|"
    r"crisis|\d{4}|January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"so\s+far|to\s+date|this\s+year|last\s+year|in\s+recent\s+(?:months|years|decades)|over\s+the\s+years|"
    r"for\s+(?:years|decades)|in\s+(?:the\s+)?(?:past|last)\s+(?:\w+\s+)?(?:months?|years?|"
    r"decades?)|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:months?|years?|decades?)|during\s+the\s+(?:\w+\s+)?(?:war|"
    r"conflict|uprising|insurgency)|in\s+total|altogether)\b",
    "At least 800 people have been killed so far.", "At least 80 people have been killed since Thursday.")
#: Who was arrested, when an arrest is news ACLED codes: protesters, activists, journalists, the opposition,
#: armed men, soldiers, officials ("Police in Manchester arrested a man suspected of fraud" is not).
POLITICAL_ARREST = Pattern(
    "a political arrest",
    r"\b(?:protest\w*|demonstrat\w*|activists?|journalists?|reporters?|opposition|dissidents?|militants?|rebels?|"
    r"insurgents?|fighters|jihadists?|terror\w*|extremis\w*|spy|spies|espionage|treason|sabotage|coup|plot\w*|"
    r"politicians?|lawmakers?|leaders?|officials?|president|minister|mayor|governor|generals?|commanders?|officers?|"
    r"soldiers|troops|riot\w*|unrest|separatists?|students?|strikers|critics?|bloggers?|lawyers?|clerics?|"
    r"suspects?\s+(?:in|over|after)\s+(?:the|an?|last)\b)",
    "Police arrested 40 protesters outside parliament.", "Police arrested a man suspected of fraud.")
#: Armed men marching: "his fighters would march on Moscow" is a military advance, no protest march.
ARMED_MARCHERS = Pattern(
    "armed marchers", r"\b(?:fighters|mercenaries|troops|soldiers|rebels|militants|militia\w*|forces|columns?|"
    r"tanks|convoys?|armou?red\s+vehicles|insurgents|jihadists|mutiny|mutineers|mutinied)\b",
    "Prigozhin said his fighters would march on Moscow.", "Thousands of students marched on parliament.")
#: Hostages rescued, freed or released: the end of a captivity, no abduction ("troops rescued 19 hostages").
HOSTAGES_FREED = Pattern(
    "hostages freed", r"\b(?:rescu(?:ed|es|ing)|freed|freeing|free|released|releasing|release|liberated)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    "Troops rescued 19 [hostages] from a camp.", "Gunmen took 19 [hostages] from a camp.", "before")
#: Hostages killed: a toll of the captivity told before, no new abduction ("At least 21 hostages were killed").
HOSTAGES_KILLED = Pattern(
    "hostages killed", r"^\s+(?:were|was|had\s+been|have\s+been)\s+(?:killed|executed|shot\s+dead|found\s+dead)\b|"
    r"^\s+died\b", "At least 21 [hostages] were killed.", "At least 21 [hostages] were taken.", "after")
#: A count of killings, no happening: "Guanajuato has the highest number of murders of any state".
KILLINGS_COUNTED = Pattern(
    "killings counted", r"\b(?:number|numbers|rate|rates|tally|statistics)\s+of\s+(?:[\w-]+\s+){0,1}$",
    "The state has the highest number of [murders] in Mexico.", "Gunmen committed two [murders] in the state.",
    "before")
#: A film or its scenes shot somewhere: filmed, no shooting ("The film is being shot in Mumbai").
FILMED = Pattern(
    "a film shot", r"\b(?:film|movie|documentary|series|episode|video|scenes?|footage)\s+(?:was|is|were|are|will\s+be|"
    r"has\s+been|have\s+been|had\s+been)\s+(?:being\s+)?(?:[\w-]+ly\s+)?$",
    "The film is being [shot] in Mumbai.", "The film director was [shot] in Mumbai.", "before")
#: A killing someone was tried for is past, no happening of the news: "executed a man convicted of killing a guard".
CONVICTED_OF = Pattern(
    "a crime tried", r"\b(?:convicted|sentenced|found\s+guilty|jailed|imprisoned)\s+(?:of|for|over)\s+(?:[\w-]+\s+)?$",
    "A man convicted of [killing] a guard was executed.", "A man accused of [killing] a guard was arrested.",
    "before")
#: An agreement in force, told as the background of something else: "despite a ceasefire", "violating the truce".
AGREEMENT_IN_FORCE = Pattern(
    "an agreement in force", r"\b(?:despite|under|violat\w+|breach\w*\s+of|amid|in\s+spite\s+of|during|since)\s+"
    r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$",
    "The strike came despite a [ceasefire] agreed last year.", "The two sides agreed a [ceasefire] on Monday.",
    "before")
#: A vigil of worship, the setting of what happened there, no protest: "attacked a church during an overnight vigil".
WORSHIP_VIGIL = Pattern(
    "a vigil of worship",
    r"\b(?:prayer|overnight|all-night|night|night-long|easter|christmas|religious|mass)\s+vigils?\b|"
    r"\bvigils?\s+(?:at|in|inside)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}(?:church|mosque|temple|cathedral|"
    r"parish|chapel|synagogue)",
    "Rebels attacked worshippers during an overnight vigil at the church.",
    "Hundreds held a candlelight vigil outside parliament.")
#: An arrest asked for, ordered or warranted, not made: "marched demanding the arrest of the officers".
ARREST_SOUGHT = Pattern(
    "an arrest sought", r"\b(?:demand\w*|call(?:ed|ing|s)?\s+for|urg(?:ed|es|ing)|seek\w*|sought|press\w*\s+for|"
    r"push\w*\s+for|order(?:ed|s|ing)?|warrants?\s+for|wanted\s+for)\s+(?:the\s+|an?\s+|their\s+|his\s+|her\s+)?"
    r"(?:immediate\s+|swift\s+|prompt\s+)?$",
    "Crowds marched through the capital demanding the [arrest] of the officers.",
    "Police announced the [arrest] of four officers.", "before")
#: "issued an arrest warrant for the governor": a warrant, no arrest made.
ARREST_WARRANT = Pattern("an arrest warrant", r"^\s+warrants?\b",
                         "A judge issued an [arrest] warrant for the governor.",
                         "Police made an [arrest] in the port.", "after")
#: Control regained of a site or of the situation, after an attack on it: its end, no territory taken back ("killing
#: five guards before security forces regained control"; not "regained control of the town").
CONTROL_OF_A_SITE = Pattern(
    "control of a site regained", r"^\s+control\b(?!\s+(?:over|of)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:towns?|city|"
    r"villages?|districts?|areas?|region|province|territory|border|crossings?|airport|base|port|road|highway)\b|"
    r"[A-Z]))",
    "Gunmen killed five guards before security forces [regained] control.",
    "Troops [regained] control of the town on Monday.", "after")
#: Words telling happenings as the place's lot, again and again: "hit by repeated attacks".
_REPEATED = r"(?:repeated|recurring|frequent|regular)"
#: Struck again and again, told as the place's lot: "Plateau has been hit by repeated attacks" (no one happening; the
#: attacks themselves: `STATE_OF_VIOLENCE_BEFORE`).
HIT_REPEATEDLY = Pattern("hit again and again", r"^\s+by\s+" + _REPEATED + r"\b",
                         "The state has been [hit] by repeated attacks blamed on herders.",
                         "The state was [hit] by two attacks on Monday.", "after")
#: A tally over a time, no happening: "with more than 100 killed in April alone".
TALLY_ALONE = Pattern("a tally over a time", r"^\s+(?:in|during|since|over)\s+(?:[\w-]+\s+){1,3}?alone\b",
                      "More than 100 people were [killed] in April alone.",
                      "More than 100 people were [killed] in April in the state.", "after")
#: Arms that backed a ground force, not a happening of their own: "troops backed by drones raided the camp".
ARMS_BACKING = Pattern("arms backing a force",
                       r"\b(?:backed|supported|covered|assisted|escorted)\s+by\s+(?:[\w-]+\s+){0,2}$",
                       "Troops backed by [drones] raided the refugee camp on Tuesday.",
                       "Troops fired [drones] at the refugee camp on Tuesday.", "before")
#: Event words that still mean harm to people in a sports report ("fans were killed in a stampede").
HARM = re.compile(r"(?i)kill|dead|died|death|bomb|explo|blast|wound|injur|stabb")


#: Event words that are no event in their context, by trigger: (how the word begins, the context, how many
#: characters before the word it is read in; None: the whole sentence).
NOT_HERE: dict[str, tuple[tuple[str | tuple[str, ...], Pattern, int | None], ...]] = {
    "explosion": (("", NATURAL_HAZARD, 60),  # "floods hit the city": no one attacked it
                  ("", ARMS_SUPPLY, 60)),  # "supplying the group with more missiles"
    "air strike": (("", ARMS_SUPPLY, 60), ("", ARMS_BACKING, 40)),  # "troops backed by drones raided": the raid
    "shelling": (("", ARMS_SUPPLY, 60),),
    "abduction": (("hostage", HOSTAGES_FREED, 50),),  # "rescued 19 hostages": a captivity ended
    "killing": ((("murder", "kill"), KILLINGS_COUNTED, 40),  # "the number of murders"
                (("murder", "kill"), CONVICTED_OF, 40),  # "a man convicted of killing a guard": a crime tried
                ("shot", FILMED, 40)),  # "the film was shot in Mumbai": filmed
    "protest": (("march", ARMED_MARCHERS, None),  # "his fighters would march on Moscow": an advance
                ("vigil", WORSHIP_VIGIL, None),  # "during an overnight vigil": worship, not a protest
                ("demonstrated", SHOWN_BEFORE, 12)),  # "his popularity was demonstrated": showed
    "agreement": (("", AGREEMENT_IN_FORCE, 40),),  # "despite a ceasefire agreed a year ago"
    "arrests": (("arrest", ARREST_SOUGHT, 40),),  # "demanding the arrest of the officers": not made
}
#: Event words that are no event by what follows them: (how the word begins, the context, how many characters
#: after the word it is read in).
NOT_HERE_AFTER: dict[str, tuple[tuple[str, Pattern, int], ...]] = {
    "protest": (("demonstrat", SHOWN_AFTER, 16),),  # "the vote demonstrated that ...": showed
    "capture": (("captur", FIGURATIVE_CAPTURE, 60),),  # "captured his first title": won
    "attack on civilians": (("execut", JUDICIAL_EXECUTION, 60),),  # "executed a man convicted of ...": a sentence
    "abduction": (("hostage", HOSTAGES_KILLED, 30),),  # "21 hostages were killed": the captivity's toll
    "arrests": (("arrest", ARREST_WARRANT, 12),),  # "an arrest warrant for the governor"
    "explosion": (("hit", HIT_REPEATEDLY, 30),),  # "has been hit by repeated attacks": the place's lot
    "killing": (("kill", TALLY_ALONE, 40),),  # "more than 100 killed in April alone": a tally
    "regains": (("regain", CONTROL_OF_A_SITE, 60),),  # "before security forces regained control": the attack's end
}


#: Whatever the event word, it names no happening of the news when it is the subject of a work or of a remembrance:
#: "a documentary about the siege of Mariupol", "a memorial to the civilians killed during the occupation".
NO_HAPPENING_BEFORE = Pattern(
    "the subject of a work or a remembrance",
    r"\b(?:(?:documentary|film|movie|book|novel|play|exhibition|series|memoir|podcast)\s+(?:about|on|depicting|"
    r"chronicling)|anniversary\s+of|memorial\s+(?:to|for)|commemorat\w+|in\s+memory\s+of)\s+(?:[\w'’-]+\s+){0,6}$",
    "A documentary about the [siege] of Mariupol premiered on Tuesday.",
    "Troops about to lay [siege] to Mariupol moved in on Tuesday.", "before")
#: "Petro blamed FARC dissidents for the Cali bombing and the Gulf Clan for the attack on the helicopter": happenings
#: told before, named as what someone is blamed for (`BLAMED_FOR` and, anywhere before in the sentence, `BLAME`).
BLAMED_FOR = Pattern(
    "what someone is blamed for",
    r"\bfor\s+(?:the|this|that|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's|"
    r"last\s+week's)\s+(?:[\w'’-]+\s+){0,2}$",
    "The president blamed rebel dissidents for the Cali [bombing].",
    "Rebel dissidents carried out the Cali [bombing] on Thursday.", "before")
BLAME = Pattern("a blame", r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|held\s+(?:[\w-]+\s+){1,4}?responsible)\b",
                "Officials blamed the rebels for the attack.", "Officials said the rebels carried out the attack.")
#: "The city has been gripped by fighting since September": a lasting state told as background, no happening.
STATE_OF_VIOLENCE_BEFORE = Pattern(
    "a lasting state of violence",
    r"\b(?:has|have|had)\s+(?:long\s+)?been\s+(?:gripped|plagued|wracked|racked|ravaged|roiled|engulfed|torn|beset|"
    r"mired|scarred|blighted)\s+(?:by|in|with)\s+(?:[\w'’-]+\s+){0,3}$|"
    r"\b(?:has|have|had)\s+(?:long\s+)?been\s+hit\s+by\s+" + _REPEATED + r"\s+(?:[\w'’-]+\s+){0,2}$",
    "The region has been plagued by [attacks] by armed groups for years.",
    "The region was hit by [attacks] by armed groups on Monday.", "before")
#: "It was the deadliest attack on civilians this year", "He was the third reporter killed in the state this year": a
#: comparison of the happening or the victim just told, no new one (not "Russia launched its largest attack": that
#: one is news).
COMPARED_BEFORE = Pattern(
    "a happening compared",
    r"\b(?:it|this|that|which|he|she|they|who)\s+(?:was|is|were|marked|became)\s+(?:the|one\s+of\s+the)\s+(?:single\s+)?"
    r"(?:deadliest|worst|largest|biggest|bloodiest|heaviest|first|latest|most\s+\w+|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}$",
    "It was the deadliest [attack] on civilians this year.", "Russia launched its largest [attack] this year.",
    "before")
#: "The attack was the worst on civilians in nearly two decades": the happening just told, compared.
COMPARED_AFTER = Pattern(
    "a told happening compared", r"^\s+(?:was|is|became|marked)\s+(?:the|one\s+of\s+the)\s+(?:single\s+)?"
    r"(?:deadliest|worst|largest|biggest|bloodiest|heaviest|most\s+\w+)\b",
    "The [attack] was the worst on civilians in two decades.", "The [attack] was carried out by two gunmen.", "after")
#: "Kidnappings for ransom by armed gangs are common in northwestern Nigeria": happenings of a kind told as common,
#: no happening.
COMMON_AFTER = Pattern(
    "happenings told as common",
    r"^[^,;.]{0,70}?\b(?:are|is|remain|remains|have\s+become|has\s+become)\s+(?:\w+\s+)?(?:common|commonplace|"
    r"frequent|rife|rampant|widespread|endemic|routine|a\s+(?:common|regular|frequent)\s+occurrence)\b",
    "[Kidnappings] by armed gangs are common in the region.",
    "[Kidnappings] by armed gangs rose in the region last week.", "after")
#: "It was the first suicide bombing in the capital since ...", "the latest in a series of clashes": the happening
#: just told, compared or counted in a series, no new one.
IN_A_SERIES = Pattern(
    "a happening in a series",
    r"\b(?:the\s+latest|the\s+last|one)\s+(?:in|of)\s+(?:a|an)\s+(?:\w+\s+){0,2}?(?:series|string|spate|wave|"
    r"cycle|spiral)\s+of\s+(?:[\w-]+\s+){0,2}$",
    "The raid was the latest in a series of [clashes] over land.", "A series of [clashes] over land killed 12.",
    "before")
#: "days after seizing the city of El Fasher": an earlier happening told only to time the news by, reported when it
#: happened (not "hours after", "a day after": that may be the news of the same report).
EARLIER_AS_TIME = Pattern(
    "an earlier happening as a time",
    r"\b(?:days|weeks|months|years|a\s+week|a\s+month|a\s+year)\s+(?:after|since)\s+[^,;:()]*$",
    "Rebels shelled the town, days after [seizing] the nearby airport.",
    "Rebels shelled the town hours after [seizing] the nearby airport.", "before")
#: "where militiamen have been fighting federal troops for two years": a lasting fight told as background (with
#: `LONG_DURATION_AFTER`), not "troops have been fighting rebels since Monday".
LASTING_FIGHT_BEFORE = Pattern(
    "a lasting fight", r"\b(?:have|has|had)\s+(?:long\s+|now\s+)?(?:been\s+)?$",  # "has besieged X for a year"
    "Militiamen there have been [fighting] troops for two years.", "Militiamen there began [fighting] troops.",
    "before")
#: A weapon told after a perfect "fired" or "launched": "the Houthis, who have fired missiles at Israel since ..."
#: (with `LONG_DURATION_AFTER`, a campaign told as background).
PERFECT_FIRED_BEFORE = Pattern(
    "weapons fired so far", r"\b(?:have|has|had)\s+(?:long\s+|now\s+|also\s+)?(?:fired|launched|dropped|lobbed|sent)\s+"
    r"(?:[\w,-]+\s+){0,4}$",
    "The group has fired hundreds of [missiles] at the city since the war began.",
    "The group fired two [missiles] at the city on Monday.", "before")
#: A participle going on from a present perfect told since a time: "JNIM has imposed a blockade on the capital since
#: September, [attacking] convoys": the campaign's way, told as background.
PERFECT_SINCE_BEFORE = Pattern(
    "a participle of a campaign since a time",
    r"\b(?:has|have)\s+(?:been\s+)?(?:[\w'’-]+\s+){1,8}?since\s+[^,;.]{1,40},\s+(?:[\w-]+ly\s+)?$",
    "The group has besieged the town since May, [attacking] convoys on the road.",
    "The group besieged the town in May, [attacking] convoys on the road.", "before")
LONG_DURATION_AFTER = Pattern(
    "a long duration after",
    r"^(?:[^,;.]{0,40}?,[^,;.]{0,60}?,)?"  # past an apposition: "El Fasher, the last army stronghold, for a year"
    r"[^,;.]{0,60}?\b(?:for\s+(?:(?:more\s+than|over|nearly|almost|about|the\s+past|the\s+last)\s+)?"
    r"(?:[\w-]+\s+)?(?:years?|months?|weeks|decades)\b|since\s+(?:(?:early|late|mid-?)\s*)?(?:(?:19|20)\d\d|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|last\s+year)\b|"
    r"since\s+(?:the\s+(?:start|beginning|outbreak|onset)\s+of\b|(?:the|its|their|[\w-]+['’]s)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:war|invasion|conflict|uprising|revolution|insurgency|crisis)\b)|"  # "since the Gaza war"
    r"(?:several|many|multiple|numerous|repeated|dozens\s+of|\d+|two|three|four|five)\s+times\b|twice\b|"
    r"repeatedly\b)",  # or often: "jets have struck the port several times this year"
    "Militiamen there have been [fighting] troops for two years.",
    "Militiamen there have been [fighting] troops since Monday.", "after")
#: A fight said to have gone on since or for a while, after its word: "Fighting between the army and the militia
#: has raged in Amhara since August 2023".
RAGED_AFTER = Pattern(
    "a fight gone on", r"^[^,;.]{0,70}?\b(?:has|have|had)\s+(?:long\s+)?(?:raged|continued|persisted|dragged\s+on|"
    r"gone\s+on|lasted|simmered)\b",
    "[Fighting] between the army and the militia has raged in the region since 2023.",
    "[Fighting] between the army and the militia erupted in the region on Monday.", "after")
#: "The group has killed thousands of civilians in Ituri": a conflict's whole toll told as background (with
#: `CUMULATIVE_TOLL_AFTER`), not "the attack has killed 30".
HAS_DONE_BEFORE = Pattern("a present perfect", r"\b(?:has|have)\s+(?:\w+\s+)?$",
                          "The group has [killed] thousands of civilians.", "The group [killed] 30 civilians.",
                          "before")
CUMULATIVE_TOLL_AFTER = Pattern(
    "a conflict's whole toll", r"^\s+(?:(?:tens|hundreds)\s+of\s+)?(?:thousands|millions)\b",
    "The group has [killed] thousands of civilians.", "The group has [killed] 30 civilians.", "after")
#: "The group has carried out similar attacks in Ituri": happenings of the kind told, compared, no new one.
OF_THE_KIND_BEFORE = Pattern("happenings of the kind", r"\b(?:similar|such|previous|past)\s+$",
                             "The group has carried out similar [attacks] in the region.",
                             "The group carried out two [attacks] in the region.", "before")
#: "Turkey regularly strikes PKK positions in Qandil": a habit told as background, no happening.
HABIT_BEFORE = Pattern("a habit", r"\b(?:regularly|routinely|frequently|often|usually|periodically|habitually)\s+$",
                       "Turkey regularly [strikes] positions in the mountains.",
                       "Turkey repeatedly [struck] positions in the mountains on Monday.", "before")
#: "Crowds gathered in Tehran to celebrate the attack": the happening is elsewhere, the crowd's place is no place of
#: it (not "condemned the attack in Kabul", which often tells where it was).
CELEBRATED_BEFORE = Pattern(
    "a happening celebrated",
    r"\bcelebrat(?:e|ed|es|ing|ions?)\s+(?:of\s+|over\s+)?(?:the|this|that|its|their|[\w'’-]+['’]s)\s+"
    r"(?:[\w'’-]+\s+){0,3}$",
    "Crowds gathered in the square to celebrate the [attack] on the base.",
    "Crowds celebrated in the square before the [attack] on the base.", "before")
#: A campaign fled from, or ahead of, is the foe's advance, no fight where the fleeing people are: "soldiers fleeing
#: the rebel advance looted shops" (not "fled the fighting in Goma", which tells of fighting there: campaign words
#: only, `triggers._not_here`).
FLED_CAMPAIGN = Pattern(
    "a campaign fled from", r"\b(?:fle(?:e|es|eing|d)|escap(?:e|ed|ing)|ahead\s+of)\s+(?:the\s+|an?\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    "Soldiers fleeing the rebel [advance] looted shops.", "Soldiers halted the rebel [advance] at the river.",
    "before")
#: The contexts before an event word that make it no happening of its sentence, whatever the word.
#: "since the invasion began", "since Russia's full-scale invasion": a campaign told as the start of a time (not
#: "since its troops captured Sumy in May", a happening of its own, dated by its own words).
SINCE_BEFORE = Pattern(
    "a happening as the start of a time",
    r"\bsince\s+(?:the|its|their|last\s+\w+['’]s|[\w'’-]+['’]s)\s+(?:[\w'’-]+\s+){0,2}$",
    "Drones have hit the city every night since Russia's full-scale [invasion] began.",
    "Drones hit the city every night during Russia's full-scale [invasion].", "before")
#: "in the city of Salamanca, where rival cartels have fought for control of the routes": what has long gone on at
#: the place, told as its background (present perfect or present progressive), no happening of the news.
WHERE_LASTING_BEFORE = Pattern(
    "what goes on where the place is",
    r",\s+where\s+(?:[\w'’-]+\s+){0,5}?(?:(?:have|has)\s+(?:long\s+|also\s+|repeatedly\s+|often\s+)?(?:been\s+)?|"
    r"(?:are|is)\s+(?:still\s+|now\s+)?)$",
    "Gunmen killed ten at a bar in Salamanca, where rival cartels have [fought] for control of the routes.",
    "Fighting broke out in Salamanca, where rival cartels [fought] for control of the routes.", "before")
NO_HAPPENING = (NO_HAPPENING_BEFORE, COMPARED_BEFORE, IN_A_SERIES, STATE_OF_VIOLENCE_BEFORE, EARLIER_AS_TIME,
                OF_THE_KIND_BEFORE, HABIT_BEFORE, CELEBRATED_BEFORE, WHERE_LASTING_BEFORE)
#: ... all of them as one regex: one search an event word instead of seven (each is read before the word, up to it).
NO_HAPPENING_ANY = re.compile("|".join(f"(?:{p.regex})" for p in NO_HAPPENING), re.I)
#: How far before an event word the `NO_HAPPENING` patterns look.
NO_HAPPENING_WINDOW = 70
