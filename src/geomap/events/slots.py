"""Slots: what the words around a place say about it ("in X", "X was shelled", "Moscow said", "from Belarus").

Each slot is a named `Pattern` with a sentence it must match and one it must not (place in [brackets]). They were
once the final word on event places; now each is one feature of the learned model (`events.model`), which weighs
them against the rest of the sentence. Every pattern reads a bounded window (`WINDOW` characters) next to the
place, so the cost per place is constant whatever the sentence's length.
"""

from __future__ import annotations

import bisect

from geomap.patterns import Pattern

WINDOW = 45
#: How far back a rarely needed slot may read when a nearer one asks for it ("kidnapped 15 pupils from an Islamic
#: school in ..." puts the abduction 60 characters before the place).
WIDE_WINDOW = 100
# What may stand between a locative word and the place: articles, adjectives, possessive names, "and around".
FILL = (r"(?:(?:the|a|an|and|around|in|nearby|wider|greater|whole|entire|eastern|western|northern|southern|central|"
        r"north-?eastern|north-?western|south-?eastern|south-?western|north|south|east|west|neighbouring|"
        r"neighboring|occupied|besieged|embattled|frontline|front-line|key|strategic|port|capital|state|provincial|"
        r"regional|"
        r"[\w-]+-(?:held|occupied|controlled|installed)|[A-Z][\w'’-]*['’]s|[A-Z][a-z]+(?:n|i|ese|ish|ic))\s+)*")

#: Words for a part of a place by its bearing: "in northwest Nigeria's Kaduna state", "of western Baghdad".
BEARING_WORDS = (r"(?:(?:north|south|east|west)-central|"
                 r"north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
                 r"south-?eastern|south-?western|north-?east|north-?west|south-?east|south-?west)")
#: "the town of", "the border city of": a kind word naming the next place, after a preposition.
KIND_OF = r"(?:the\s+(?:[\w-]+\s+)?(?:town|city|village|port|capital|camp)\s+of\s+)?"

P = Pattern
LOCATIVE = P(
    "locative",
    r"(?:\b(?:in|at|near|around|outside|inside|within|into|across|over|on|onto|through|off|throughout|along)\s+"
    + FILL + r"$)"
    r"|(?:\b(?:moved|deployed|redeployed|sent|dispatched|advanced|pushed|travell?ed|flew|came|returned|"
    r"transferred|headed|rushed|spread|spreading|spreads|extended|expanded)\s+(?:\w+\s+){0,3}?to\s+" + FILL + r"$)"
    r"|(?:\b(?:outskirts|city|cities|towns?|villages?|suburbs?|regions?|provinces?|districts?|centre|center|heart|"
    r"(?<!km\s)north|(?<!km\s)south|(?<!km\s)east|(?<!km\s)west|invasion|shelling|bombing|bombardment|capture|"
    r"siege|battle|attacks?|strikes?|liberation|outside|occupation|parts|areas?|port|stronghold|control|capital|"
    r"edge|streets|outskirt|territory|entrance|vicinity|residents|inhabitants)\s+of\s+(?:[A-Z][\w'’-]+,\s+)*"
    + FILL + r"$)"
    r"|(?:\b(?:damage|damaging|attacks?|strikes?|hits?)\s+to\s+" + FILL + r"$)"
    r"|(?:\b(?:heads?|headed|left|bound|departed)\s+for\s+" + FILL + r"$)",
    "Two shells fell in [Kherson] overnight.", "Officials from [Kherson] spoke to reporters.", "before")
OBJECT = P(
    "object of an event verb",
    r"\b(?:attacked|shelled|struck|hit|bombed|targeted|pounded|captured|seized|recaptured|retook|liberated|"
    r"entered|stormed|besieged|raided|invaded|visited|visits|visit|reached|rocked|shook)\s+" + FILL + r"$",
    "Rebels stormed [Goma] at dawn.", "Rebels praised [Goma] at dawn.", "before")
PASSIVE_AFTER = P(
    "passive event after",
    r"^\s*(?:(?:was|were|has been|had been|is|are|came|come|remained|remains)\s+(?:\w+\s+)?"
    r"(?:attacked|hit|shelled|struck|bombed|targeted|pounded|captured|seized|under\s+(?:fire|attack|shelling)|"
    r"rocked|damaged|retaken|recaptured|liberated))|^\s*(?:fell|has\s+fallen|had\s+fallen)\b",
    "[Mariupol] was shelled again on Sunday.", "[Mariupol] was calm again on Sunday.", "after")
ATTRIBUTIVE = P(
    "a body or meeting in the place",
    r"\b(?:government|authorities|officials|leadership|junta|regime|embassy|ambassador|envoy|affiliate|branch|"
    r"wing|allies|ally|partners?|representatives?|headquarters|parliament|ministry|court|conference|summit|"
    r"talks|meeting|negotiations|office|spokes(?:man|woman|person)|correspondent|based|council|assembly|committee|"
    r"agency|organi[sz]ation|university|institute|company|firm|exchange|diaspora)\s+(?:in|at)\s+" + FILL + r"$"
    r"|\b(?:solidarity|sympathy)\s+with\s+(?:\w+\s+){0,3}?(?:in|of)\s+" + FILL + r"$"
    r"|\b(?:embass(?:y|ies)|consulates?|ambassadors?|envoys?|governments?|ministr(?:y|ies)|leaders?|"
    r"presidents?|citizens|nationals|allies|friends)\s+of\s+" + FILL + r"$",
    "The junta in [Niamey] denied the report.", "Gunmen in [Niamey] robbed a bank.", "before")
#: "Iran's ambassador to Lebanon was among the wounded": the place names a post, not where anything happened.
ENVOY_TO = P(
    "an envoy's post",
    r"\b(?:ambassadors?|envoys?|emissar(?:y|ies)|delegations?|consuls?)\s+to\s+(?:the\s+)?$",
    "Iran's ambassador to [Lebanon] was among the wounded.", "Iran sent more weapons to [Lebanon] last year.",
    "before")
PHYSICAL = P(
    "a building as target",
    r"\b(?:outside|near|inside|at|stormed|storming|attacked|targeted|hit|struck|front\s+of|siege\s+of|around|"
    r"into|raided|bombed|shelled)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:embassy|parliament|ministry|court|"
    r"headquarters|office|council|assembly|university|company)\s+(?:in|at)\s+"
    + FILL + r"$",
    "Crowds gathered outside the embassy in [Amman] on Friday.", "The embassy in [Amman] issued a statement.",
    "before")
WHOLE_WAR = P(
    "the whole war in the place",
    r"\b(?:war|conflict|crisis|insurgency|occupation)\s+(?:in|on|over|against)\s+" + FILL + r"$",
    "He has covered the war in [Yemen] since it began.", "A car bomb went off in [Yemen] on Monday.", "before")
REFERENCE = P(
    "distance reference",
    r"\b\d+\s*(?:km|kilometres|kilometers|(?:nautical\s+)?miles|mi|nm)\s+(?:\(\d+\s*(?:km|miles?)\)\s+)?"
    r"(?:\w+\s+)?(?:of|from)\s+"
    + FILL + r"$",
    "The village lies 40 km north of [Kaya].", "The village lies north of the river near [Kaya].", "before")
#: "near the border with [Burkina Faso]": the place is the other side of a border, a reference for where it happened.
BORDER = P(
    "the border with the place",
    r"\b(?:borders?|frontier|boundary)\s+(?:with|of|between)\s+" + FILL + r"$|\bbordering\s+" + FILL + r"$",
    "Gunmen raided a market near the border with [Burkina Faso].", "Gunmen crossed into [Burkina Faso] on Monday.",
    "before")
#: A place of an earlier happening told only to time the news by ("two weeks after an attack on tourists at
#: Pahalgam"): that happening's event words are no event (`contexts.EARLIER_AS_TIME`), nor is its place the news's.
#: Read on the whole sentence before the place, not the slots' window: the phrase may be long (`model.features`).
EARLIER_TIME_PLACE = P(
    "a place of an earlier happening told as a time",
    r"\b(?:days|weeks|months|years|a\s+week|a\s+month|a\s+year)\s+(?:after|since)\s+[^,;:()]*$",
    "India struck camps in Pakistan, two weeks after an attack on tourists at [Pahalgam].",
    "India struck camps two weeks after the attack, hitting [Muridke] and Bahawalpur.", "before")
#: A struck site told as the town's own: "Israeli warplanes struck Sanaa's international airport".
STRUCK_SITE = P(
    "a struck site of the place",
    r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:airport|seaport|port|harbou?r|refinery|power\s+(?:plant|station)|air\s*base|"
    r"airbase|(?:oil|fuel)\s+depot|(?:train|railway|bus)\s+station|hospital|market|prison|stadium|university)s?\b"
    r"(?!['’]s|\s+(?:director|chief|manager|head|officials?|authorit(?:y|ies)|spokes\w+|staff|workers)\b)",
    "Israeli warplanes struck [Sanaa]'s international airport on Tuesday.",
    "[Sanaa]'s airport director said flights would resume.", "after")
#: A state's mission abroad is named after the state, not where it stands: "protesters attacked the embassies of
#: Rwanda and France", "stormed the Swedish embassy" (a demonym is no candidate), "the Rwanda high commission".
MISSION_OF = P("a state's mission abroad", r"\b(?:embass(?:y|ies)|consulates?|high\s+commissions?)\s+of\s+(?:the\s+)?$",
               "Protesters in Kinshasa attacked the embassies of [Rwanda] and France.",
               "Protesters attacked an embassy in [Kinshasa] on Tuesday.", "before")
MISSION_AFTER = P("a state's mission named after the place",
                  r"^(?:['’]s)?\s+(?:embass(?:y|ies)|consulates?|high\s+commissions?)\b",
                  "A crowd set fire to the [Rwanda] embassy in Kinshasa.",
                  "A crowd set fire to an embassy in [Kinshasa].", "after")
#: "near the Senegal border": the place named by its border, which holds no name the gazetteer lacks (not a veto:
#: on the train split the labels mark such places more often than not, "near the Gaza border": a veto cost 0.001).
BORDER_AFTER = P("the place's border", r"^\s+(?:border|frontier)\b(?!\s+(?:town|city|village|crossing|post|area)s?\b)",
                 "Gunmen attacked a post near the [Senegal] border on Monday.",
                 "Gunmen attacked the [Senegal] border town on Monday.", "after")
SPEAKER_AFTER = P(
    "speaker after",
    # a relative clause may stand between ("Tehran, which backs the group, praised the attack")
    r"^(?:\s*,\s*(?:which|who)\s[^,.;]{1,40},)?\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|asked|asks|told|tells|"
    r"denied|denies|urged|urges|called|calls|"
    r"accused|accuses|warned|warns|blamed|blames|claimed|claims|announced|announces|condemned|condemns|rejected|"
    r"rejects|insisted|insists|stated|demanded|demands|responded|sought|seeks|wants|believes|agreed|agrees|"
    r"refused|refuses|vowed|vows|pledged|pledges|threatened|threatens|hopes|expects|decided|decides|praised|praises|"
    r"hailed|hails|welcomed|welcomes|dismissed|dismisses|disputed|disputes|denounced|denounces)\b",
    "Officials said [Moscow], which denies any role, rejected the claim.", "Strikes on [Moscow] continued overnight.",
    "after")
AGENT_AFTER = P(
    "agent of an act",
    r"^\s+(?:has\s+|have\s+|had\s+)?(?:signed|launched|fired|sent|deployed|imposed|recalled|expelled|sanctioned|"
    r"approved|ordered|recognised|recognized|supplied|delivered|pledged|promised|joined|backed|supports?|supported|"
    r"retaliated|responded|struck\s+back|hit\s+back|"  # "Iran retaliated with missiles at Tel Aviv"
    r"(?:struck|attacked|bombed|shelled|pounded|targeted|raided|invaded|hit)(?!\s+by\b))\b",
    "Officials said [Moscow] launched a new offensive.", "Officials said [Moscow] was hit by drones.", "after")
NO_COMMENT = P(
    "no comment from the place",
    r"^\s+(?:has\s+|had\s+)?(?:(?:made|gave|offered)\s+no\s+(?:immediate\s+|official\s+)?comment|"
    r"(?:declined|did\s+not|didn't)\s+(?:immediately\s+)?(?:to\s+)?(?:comment|respond|reply))\b",
    "Drones hit the port, and [Moscow] made no immediate comment.", "Drones hit [Moscow] and made no dent.", "after")
SPEAKER_PARTICIPLE = P(
    "speaking participle after",
    r"^\s+(?:each\s+|both\s+|also\s+)?(?:blaming|accusing|saying|denying|claiming|insisting|calling|warning)\b",
    "Shells hit the port, with [Kyiv] blaming Moscow.", "Shells hit [Kyiv], killing two.", "after")
#: A sentence opening with the place a speaker spoke in, reporting a happening at another place: "In Kyiv, officials
#: said strikes on Odesa killed three". When the report names no other place ("In Kharkiv, the governor said two
#: people were wounded"), the happening is most often in the opening place, and the pattern does not fire.
SPEECH_OPENER = P(
    "opening place of a speech",
    r"^\s*(?:In|At|From)\s+(?:the\s+)?(?P<place>[A-Z][^,.;]{0,40}),\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:said|says|told|announced|warned|vowed|insisted|stated|declared|claimed)\b[^.;]{0,120}?"
    r"\b(?:in|on|at|near|of|across|into|over)\s+(?:the\s+)?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|"
    r"February|March|April|May|June|July|August|September|October|November|December)[A-Z]",
    "In Kyiv, officials said strikes on Odesa killed three people overnight.",
    "In Kyiv, officials said three people were killed overnight.", flags=0)
#: Where people fled or sheltered: the happening that drove them was elsewhere ("forced thousands to flee to Pemba").
REFUGE = P(
    "a refuge",
    r"(?:\b(?:fle(?:e|d|eing|es)|escaped|evacuated|displaced|relocated)\s+(?:[\w-]+\s+){0,3}?(?:to|into|towards?)\s+"
    + FILL + KIND_OF + r"$)|"
    r"(?:\b(?:took|taken|sought|seeking|found)\s+(?:refuge|shelter|sanctuary)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:in|at)\s+" + FILL + r"$)|"
    r"(?:\b(?:taken|rushed|evacuated|airlifted|flown|transferred|brought)\s+to\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?:hospitals?|clinics?|medical\s+(?:centres?|centers?|facilities))\s+(?:[\w-]+\s+){0,2}?(?:in|at)\s+" + FILL
    + r"$)",  # "the wounded were taken to hospitals in Quetta": treated there, hurt elsewhere
    "The attacks forced thousands to flee to [Pemba] on foot.", "Gunmen attacked [Pemba], and thousands fled.",
    "before")
SPEECH_PLACE = P(
    "place of a speech",
    r"\b(?:(?:speaking|writing|talking)\s+(?:[\w-]+\s+){0,5}?|(?:told|addressed|briefed)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:news\s+conference|press\s+conference|briefing|reporters|journalists)\s+)"
    r"(?:in|at|from)\s+" + FILL + r"$",
    "Speaking at a news conference in [Vienna], the minister said drones had hit the port.",
    "Drones hit the port in [Vienna], the minister said.", "before")
PROTEST_TOPIC = P(
    "topic of a protest",
    r"\b(?:against|over|at|protest(?:s|ed|ing)?|condemn\w*|denounc\w*|solidarity\s+with|support\s+of)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:war|conflict|fighting|offensive|bombing|bombardment|siege|"
    r"occupation|invasion|crackdown|killings?|blockade|attacks?|strikes|raids?)\s+(?:in|on|against|of)\s+"
    + FILL + r"$",
    "Students marched in Leeds against the air strikes on [Yemen].",
    "Students marched in [Yemen] against the air strikes.", "before")
ACCUSED = P(
    "accused of an act",
    r"\b(?:accus(?:ed|ing|es|e)|blam(?:ed|ing|es|e))\s+" + FILL + r"$",
    "Officials accused [Moscow] of shelling the port.", "Officials accused the rebels of shelling [Moscow].",
    "before")
POSSESSIVE = P("possessive", r"^['’]s\b", "[Kyiv]'s mayor spoke on Monday.", "In [Kyiv] the mayor spoke.", "after")
PART_AFTER = P(
    "a part of the place",
    r"^['’]s\s+(?:[\w'’-]+\s+){0,2}?(?:outskirts|suburbs?|centre|center|districts?|neighbou?rhoods?|port|airport|"
    r"streets|outskirt|edge|old city|downtown|residential|industrial|palace|square|hall|mosque|stadium|market|hospital|"
    r"building|headquarters|frontline|front line|railway station|countryside|outskirts|northern|southern|eastern|"
    r"western|central|north|south|east|west|border|coast|villages?|towns?|capital|provinces?|regions?|"
    r"count(?:y|ies)|territory|heartland|belt|interior|hinterland|highlands|valley|delta|desert|mountains|waters|"
    r"airspace|frontier|corridor|northwest|northeast|southwest|southeast|north-west|north-east|south-west|"
    r"south-east|bridges?|prison|camps?|church|cathedral|university)\b",
    "Shells hit [Beirut]'s southern suburbs.", "[Beirut]'s mayor spoke to reporters.", "after")
#: "the [Kyiv] suburb of Irpin", "the [Gaza] town of Rafah": the name says whose suburb or town the next place is.
MODIFIER_AFTER = P(
    "qualifies the next place",
    r"^\s+(?:(?:port|resort|border|coastal|frontline|front-line)\s+)?(?:port|city|town|village|coast|capital|enclave|"
    r"island|suburbs?)\s+of\b",  # "the [Black Sea] port city of Odesa"
    "Fighting raged in the [Kyiv] suburb of Irpin.", "Fighting raged in [Kyiv] on Sunday.", "after")
#: "the [Saltivka] district of Kharkiv", "the [East Ghouta] region of Damascus": the name is the part, the next place
#: the whole. A feature, not a veto: as a veto it held 71 gold places against 97 others in the train split.
PART_OF_NEXT = P(
    "part of the next place",
    r"^\s+(?:region|province|district|neighbou?rhood|area|county|quarter|governorate)\s+of\b",
    "Shells hit the [Saltivka] district of Kharkiv.", "Shells hit the [Kyiv] suburb of Irpin.", "after")
ORIGIN = P(
    "origin or partner",
    r"\b(?:(?<!not far )from|with|by|against|and|than|like|about|towards?\s+the\s+border\s+with)\s+" + FILL + r"$",
    "Refugees arrived from [Sudan] last week.", "Refugees arrived in [Sudan] last week.", "before")
BEARING = P(
    "bearing from a reference",
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+" + KIND_OF + FILL + r"$",
    "Clashes erupted in a village west of [Tripoli].", "Clashes erupted in [Tripoli].", "before")
VESSEL = P(
    "a vessel's name",
    r"\b(?:ship|vessel|frigate|cruiser|corvette|submarine|destroyer|tanker|carrier|boat|ferry|freighter)\s+$",
    "Missiles hit the landing ship [Minsk] in port.", "Missiles hit a landing ship in [Minsk].", "before")
FROM = P(
    "origin",
    r"\b(?<!not far )from\s+" + KIND_OF + FILL + r"$",  # "not far from X" is near X
    "The attacker, a man from the town of [Qalansawe], was shot dead.",
    "The attacker shot dead a man in the town of [Qalansawe].", "before")
FROM_IN = P(
    "came from positions in",
    r"\b(?<!away\s)(?<!far\s)(?<!metres\s)(?<!meters\s)(?<!miles\s)(?<!kilometres\s)(?<!kilometers\s)(?<!km\s)"
    r"from\s+(?:\w+\s+){0,3}?(?:in|at|near)\s+" + FILL + r"$",  # "200 metres away from the offices in X": distance
    "Troops advanced from their positions in [Khartoum].",
    "A bomber struck 200 metres away from the party offices in [Khartoum].", "before")
POLICE_IN = P(
    "police in the place",
    r"\b(?:police(?:men)?|riot\s+police|security\s+forces|officers|gendarmes)\s+in\s+" + FILL + r"$",
    "Riot police in [Lagos] fired tear gas at marchers.", "Troops in [Lagos] fired rockets at the border.", "before")
#: A crowd where it acts: "protesters in Kinshasa attacked the embassies" (not troops, who fire from where they are).
CROWD_IN = P(
    "a crowd in the place",
    r"\b(?:protesters|demonstrators|rioters|marchers|crowds?|mobs?|students|youths|residents)\s+in\s+" + FILL + r"$",
    "Protesters in [Kinshasa] attacked the embassies of three states.",
    "Troops in [Lagos] fired rockets at the border.", "before")
#: Witnesses where they live speak of what happened there: "Residents of Kalehe said shells landed in the town" (a
#: speaker only when the sentence names no place after it: "... said they fled fighting in Minova").
WITNESSES_OF = P(
    "witnesses of the place",
    r"\b(?:residents|inhabitants|villagers|locals|witnesses|people|families)\s+(?:of|in)\s+" + FILL + r"$",
    "Residents of [Kalehe] said shells landed in the town.",
    "The governor of [Kalehe] said shells landed in the town.", "before")
TAKEN_FROM = P(
    "taken from a place",
    r"\b(?:abduct\w*|kidnap\w*|seiz\w*|snatched|stole|stolen|looted|rescued|freed|evacuated|arrested|escaped|"
    r"broke\s+out)\s+"
    r"(?:[\w-]+,?\s+){0,6}?from\s+(?:[\w-]+\s+){0,3}?(?:in|at|near)\s+" + FILL + r"$|"  # "12 people, including a
    # priest, from a church in"
    # straight from the place, for people taken or freed: "rescued four hostages from the Nuseirat camp"
    r"\b(?:abduct\w*|kidnap\w*|snatched|rescued|freed)\s+(?:[\w-]+\s+){0,4}?from\s+" + KIND_OF + FILL + r"$",
    "Gunmen abducted nine pupils from a school in [Oyo] overnight.",
    "Troops advanced from their positions in [Oyo] overnight.", "before")
#: Driven out of a place, or leaving it: the fighting or the handover was there ("ousted Iraqi troops from Kuwait",
#: "drove the rebels out of Goma", "Russian troops withdrew from Kherson").
DRIVEN_FROM = P(
    "driven out of the place",
    r"\b(?:ousted|expelled|expel|drove|driven|drive|pushed|forced|kicked|flushed|cleared|routed|evicted|repelled|"
    r"repulsed|chased|withdr[ae]w|withdrawn|withdrawing|pulled|retreated|retreating)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:out\s+of|from)\s+" + KIND_OF + FILL + r"$",
    "The army drove the rebels out of [Goma] on Monday.", "The rebels fled from [Goma] on Monday.", "before")
#: The place's own police or forces act: "[Hong Kong] police detonated a bomb", "[Lagos] police raided a bar".
FORCES_AFTER = P(
    "its police or forces after",
    r"^\s+(?:police(?:men)?|security\s+forces|authorities|firefighters|troops|soldiers|forces)\b",
    "[Lagos] police raided a bar on Monday.", "Police in [Lagos] raided a bar on Monday.", "after")
#: "the [Dnipro] hydroelectric plant in Zaporizhzhia", "the [Kursk] nuclear power plant in Kurchatov": a power plant
#: or dam is named for a river or region and lies in the place after it (a refinery or factory is most often named
#: for its own town: "the Novoshakhtinsk refinery in the Rostov region").
FACILITY_ELSEWHERE = P(
    "names a facility elsewhere",
    r"^\s+(?:(?:hydroelectric|hydro-electric|hydropower|nuclear|thermal|coal-fired|gas-fired|combined|heat|power|"
    r"solar)\s+)*(?:power\s+)?(?:plant|station|dam)\s+"
    r"(?:in|near|outside)\s+(?:the\s+)?(?:(?:[a-z-]+\s+){0,3}of\s+)?[A-Z]",
    "Missiles hit the [Dnipro] hydroelectric plant in Zaporizhzhia.", "Missiles hit the [Kyiv] power plant at dawn.",
    "after", flags=0)
#: The place opens the name of a body: "the Gaza Humanitarian Foundation runs the site", "the Kyiv School of
#: Economics" -- the body's, not a place of the happening.
#: The place of the people a report comes from: "..., Gaza health officials said" (not where the event was).
SOURCE_AFTER = P(
    "names a source",
    r"^\s+(?:(?:health|interior|defen[cs]e|civil\s+defen[cs]e|security|military|government|local|police|hospital|"
    r"medical|rescue|emergency)\s+)?(?:officials?|ministry|sources?|medics|doctors|rescuers|"
    r"spokes(?:man|woman|person))\s+(?:said|says|say|told|reported|reports)\b",
    "Strikes killed 31 people near Rafah, [Gaza] health officials said.",
    "Strikes killed 31 people near Rafah, [Gaza] City residents fled.", "after")
BODY_NAME = P(
    "opens a body's name",
    r"^(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Foundation|Fund|Institute|Society|Company|Corporation|Bank|Trust|Federation|"
    r"Association|Agency|Commission|Authority|Committee|Party|Movement|Front|Network|Observatory|Syndicate|"
    r"Council|Coalition|Alliance|Union|School\s+of|Emergency\s+Rooms?|Resistance\s+Committees?|Civil\s+Defen[cs]e)\b|"
    r"^\s+(?:security|intelligence|secret)\s+(?:service|agency|police)\b",  # "Ukraine's SBU security service"
    "Troops fired near a site run by the [Gaza] Humanitarian Foundation.", "Troops fired near a site in [Gaza] City.",
    "after", flags=0)
ROUTE = P(
    "a route",
    r"\b(?:send|sent|sending|route|routed|rerouted?|divert(?:ed|ing)?|sail(?:ed|ing)?|ship(?:ped|ping)?)\s+"
    r"(?:\w+\s+){0,3}?(?:around|via|through|to)\s+" + FILL + r"(?:the\s+(?:cities|towns)\s+of\s+)?" + KIND_OF + r"$"
    r"|\b(?:travell?ing|travell?ed|driving|drove|on\s+its\s+way|on\s+their\s+way)\s+from\s+"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+to\s+" + FILL + r"$"
    r"|\b(?:was|were)\s+(?:travell?ing|driving|heading|on\s+(?:its|their)\s+way)\s+(?:back\s+)?to\s+" + KIND_OF
    + FILL + r"$"  # "The convoy was travelling to the town of Ansongo when gunmen ambushed it"
    r"|\b(?:road|highway|route|railway|rail line|corridor|link|flights?)\s+(?:\w+\s+){0,2}?(?:between|from|to|into|"
    r"linking|connecting)\s+(?:[A-Z][\w'’-]+\s+(?:and|to)\s+)?" + FILL + r"$",
    "Shippers rerouted their vessels around [Africa]'s cape.", "Pirates attacked vessels near [Somalia].",
    "before")
NEAR_AFTER_PLACE = P(
    "near another place",
    r"^(?:\s+(?!and\b|or\b)[a-z][\w-]*){0,2}?,?\s*(?:near|outside|close\s+to|not\s+far\s+from|"
    r"on\s+the\s+outskirts\s+of)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:city|town|port|capital)(?:\s+of|,)\s+)?$",  # "the
    # [Zamzam] camp outside [El Fasher]", "[Sofiivka] near the eastern city of [Pokrovsk]", "outside the capital,
    # [Juba]"
    "Shelling hit [Muridke], near [Lahore], at night.", "Shelling hit [Muridke] and [Lahore] at night.", "between")
#: A sea told by the coastal town it is off: "in the Red Sea off Hodeidah" is one place, the sea near the town.
SEA_OFF_TOWN = P(
    "a sea off a coastal town",
    r"^\s+off\s+(?:the\s+(?:coast|shore)\s+of\s+)?(?:the\s+(?:port\s+)?(?:city|town)\s+of\s+)?$",
    "Rebels attacked a ship in the [Red Sea] off [Hodeidah] on Monday.",
    "Rebels attacked a ship in the [Red Sea] and in [Hodeidah] on Monday.", "between")
#: Words that make an event told only possible. "Feared killed" is not among them: it is how a reported toll is told
#: ("ten villagers were feared killed in the raid"). "Possible" and "potential" count only before an event word
#: (`model.Sentence`): "protested against a possible war" is a protest that happened.
HYPOTHETICAL = P(
    "hypothetical",
    r"\b(?:could|might|may|would\s+be|intend(?:s|ed)?\s+to|intention|threaten(?:s|ed)?\s+to|fears?|"
    r"feared(?!\s+(?:killed|dead|drowned)\b)|if|"
    r"unless|warned\s+(?:for\s+\w+\s+)?that|possible|potential|urg\w+|call\w*\s+for|press\w*\s+for|demand\w*|"
    r"end\s+to|to\s+(?:end|stop|halt)|halt\s+to)\b",
    "Officials fear the rebels could attack the town.",
    "Ten villagers were feared killed when gunmen attacked the town.")
# Idioms with a negative word that negate nothing: "captured not far from Ramallah", "not only ... but",
# "no sooner had ...", "attacked without warning".
NEGATION = P("negation", r"\b(?:not(?!\s+(?:far|only|least|to\s+mention)\b)|no(?!\s+sooner\b)|never|n't|"
             r"without(?!\s+(?:doubt|warning|provocation|(?:a|any)\s+reason)\b)|nor|denied)\b",
             "The army has not attacked the town.", "The army attacked the town not far from the border.")
BACKGROUND = P(
    "background of the whole war",
    r"\b(?:war|conflict|invasion|insurgency)\s+(?:in\s+\w+\s+)?(?:is|was|has\s+been|became|remains)\s+"
    r"(?:\w+\s+){0,3}?(?:the\s+)?(?:biggest|largest|worst|deadliest|bloodiest|longest)|\d+-(?:month|year|week)-old\s+"
    r"(?:war|conflict|insurgency)",
    "The conflict has been the deadliest in the region for years.",
    "The blast was the deadliest in the region this year.")
CLAUSE_BREAK = P(
    "clause break",
    r"[;:]|,\s+(?:as|while|but|whereas|although|though|after|before|when|where|sparking|prompting|triggering|drawing|"
    r"fuell?ing|provoking|saying|claiming|adding)\b|\s[-–—]\s",
    "Rebels shelled the town, prompting residents to flee.", "Rebels shelled the town and the airport.")
INSIDE = P(
    "the first place lies inside the second",
    r"^(?:\s+on\s+the\s+(?:" + BEARING_WORDS + r"\s+)?(?:island|peninsula)\s+of\s+$|"  # "on the island of Jolo"
    r"(?:\s+(?:district|neighbou?rhood|area|suburb|quarter|township|borough|ward|village|town|camp|refugee camp|"
    r"commune|sector|governorate|province|region|county|hospital|school|mosque|church|market|prison|university|"
    r"stadium|junction|checkpoint|crossing|roundabout|intersection|square|street|road|avenue))?\s*"
    r"(?:,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?)?(?:of|in)\s+(?:the\s+)?(?:" + BEARING_WORDS + r"\s+)?$)",
    "Gunmen attacked the [Amil] neighbourhood of western [Baghdad] on Friday.",
    "Gunmen attacked [Amil] and [Baghdad] on Friday.", "between")
#: "the [Solino] and [Nazon] neighbourhoods of [Port-au-Prince]": the places of a list lie inside the next one.
INSIDE_PLURAL = P(
    "the places of a list lie inside the next",
    r"^\s+(?:districts|neighbou?rhoods|areas|suburbs|quarters|villages|towns|camps|refugee camps|sectors)\s+"
    r"(?:of|in)\s+(?:the\s+)?(?:" + BEARING_WORDS + r"\s+)?$",
    "Gangs burned homes in the Solino and [Nazon] neighbourhoods of [Port-au-Prince].",
    "Gangs burned homes in [Nazon] and in the neighbourhoods of [Port-au-Prince].", "between")
#: "the [Tijuana] district of [La Presa]", "the [Baghdad] neighbourhood of [Karrada]": a city first names whose part
#: the next place is (read so only when the first is a city much bigger than the second: `pairs.inner_pairs`).
CITY_FIRST = P(
    "a city names its part", r"^\s+(?:district|neighbou?rhood|suburb|quarter|borough|township|sector)\s+of\s+$",
    "A police chief was shot in the [Tijuana] district of [La Presa].",
    "A police chief was shot in the [Tijuana] district, near [La Presa].", "between")
LIST_JOIN = P("list continues", r"^\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?$",
              "Blasts hit [Kyiv], [Odesa] and Lviv.", "Blasts hit [Kyiv] near [Odesa] and Lviv.", "between")
#: A kind word after a name told after ", the": the name describes the place before, it is no next list member
#: ("Batumi, the Black Sea port", "Mukalla, the Hadramout capital").
DESCRIBES_BEFORE = P("a name describing the place before", r"^\s+(?:port|city|town|resort|capital|hub|stronghold)\b",
                     "Crowds blocked a road in Batumi, the [Black Sea] port.",
                     "Crowds blocked roads in Batumi, the [Black Sea] coast and Poti.", "after")
#: The kinds of place a list may name again before its next member (`LIST_AGAIN`, `fatalities.LIST_GOES_ON`).
LIST_KIND = r"(?:city|town|village|province|region|district|port|capital|state)"
#: A list whose next member repeats the locative, or its kind: "in the province of Latakia and in the city of Baniyas",
#: or says it lies near or is the capital: "Basra and nearby Zubair", "Manzini and capital Mbabane".
LIST_AGAIN = P("list continues with its locative",
               r"^\s*,?\s*and\s+(?:also\s+)?(?:(?:in|at|near|around)\s+(?:the\s+(?:" + BEARING_WORDS + r"\s+)?"
               + LIST_KIND + r"\s+(?:of\s+)?)?|(?:on\s+)?the\s+(?:" + BEARING_WORDS + r"\s+)?" + LIST_KIND
               + r"\s+of\s+|"
               # "Basra and nearby Zubair", "Manzini and capital Mbabane", "and the neighbouring town of"
               r"(?:the\s+)?(?:(?:nearby|neighbou?ring|adjacent)\s+(?:" + LIST_KIND + r"\s+(?:of\s+)?)?|"
               r"(?:the\s+)?(?:provincial\s+|regional\s+)?capital\s+(?:city\s+)?(?:of\s+)?))$",
               "Troops killed dozens in [Latakia] and in the city of [Baniyas].",  # or "strikes on [Sanaa] and the
               # northern province of [Saada]"
               "Troops killed dozens in [Latakia] and fled to [Baniyas].", "between")
#: The place named as the backer after "backed by": "M23 rebels backed by Rwanda entered Goma".
#: Words of a backer's support: "backed by Rwanda", "Rwanda-backed".
_BACKING = r"backed|supported|funded|sponsored|armed|trained"
BACKED_BY = P("a backer", r"\b(?:" + _BACKING + r")\s+by\s+" + FILL + r"$",
              "M23 rebels backed by [Rwanda] entered Goma on Monday.",
              "M23 rebels entered Goma, backed by heavy fire, near [Rwanda].", "before")
#: Where air-raid sirens sounded: an alert, not where anything hit ("Sirens sounded in Tel Aviv, and a missile hit
#: a tower in Ramat Gan").
SIRENS_IN = P("where sirens sounded",
              r"\bsirens?\s+(?:[\w-]+\s+){0,2}?(?:sounded|wailed|blared|went\s+off|rang\s+out|were\s+heard|"
              r"sounding|wailing)\s+(?:[\w-]+\s+){0,3}?(?:in|across|over|throughout)\s+" + FILL + r"$",
              "Air-raid sirens sounded in [Haifa] before a missile hit a tower in Tel Aviv.",
              "A missile hit a tower in [Haifa] as people ran for shelters.", "before")
#: The place as a backer's adjective: "Rwanda-backed rebels", "a US-led coalition" -- whose support, not where.
BACKER_AFTER = P("a backer's adjective", r"^-(?:" + _BACKING + r"|led|allied|aligned)\b",
                 "[Rwanda]-backed rebels captured the city on Monday.", "Rebels captured [Rwanda]'s second city.",
                 "after")
NAME_GOES_ON = P("capitalised word follows", r"^\s+[A-Z][a-z]", "The [U.S.] Air Force flew.",
                 "Jets flew over [Syria] on Monday.", "after", flags=0)
del P

#: Slot patterns read on the text before the place, after it, or around it (the model's named boolean features).
BEFORE = (ENVOY_TO, LOCATIVE, OBJECT, ATTRIBUTIVE, PHYSICAL, WHOLE_WAR, REFERENCE, ORIGIN, FROM, BEARING, FROM_IN,
          ROUTE, VESSEL, ACCUSED, SPEECH_PLACE, TAKEN_FROM, POLICE_IN, DRIVEN_FROM, REFUGE, BORDER, MISSION_OF,
          CROWD_IN, BACKED_BY, SIRENS_IN)
AFTER = (PASSIVE_AFTER, SPEAKER_AFTER, AGENT_AFTER, POSSESSIVE, PART_AFTER, MODIFIER_AFTER, PART_OF_NEXT, NAME_GOES_ON,
         NO_COMMENT, SPEAKER_PARTICIPLE, FORCES_AFTER, FACILITY_ELSEWHERE, BODY_NAME, SOURCE_AFTER, BORDER_AFTER,
         BACKER_AFTER, MISSION_AFTER)


#: How far before ", where" a place may start for the where-clause to tell what happened there (a long name).
WHERE_REACH = 40


class Clauses:
    """The clause breaks of one sentence, found once; a place's clause is then two bisections, not a re-scan."""

    def __init__(self, text: str, lowered: str | None = None):
        """`lowered`: `patterns.lowered_text(text)`, when the caller has it (the faster regex then reads it)."""
        self.length = len(text)
        spans = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer_lowered(text, lowered)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.where = [text[e - 5:e].lower() == "where" for _, e in spans]

    def around(self, pos: int) -> tuple[int, int]:
        """(start, end) of the clause holding `pos`: after the last break ending at or before it, up to the first
        break starting at or after it; past that break when it opens a where-clause right after the place ("broke
        out in Bolton, where protesters threw bricks at police": what happened there)."""
        i = bisect.bisect_right(self.ends, pos)
        j = bisect.bisect_left(self.starts, pos)
        if j < len(self.starts) and self.where[j] and self.starts[j] - pos <= WHERE_REACH:
            j += 1
        return (self.ends[i - 1] if i else 0), (self.starts[j] if j < len(self.starts) else self.length)
