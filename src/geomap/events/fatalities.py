"""Deaths a sentence reports, with ACLED's conventions for vague numbers."""

from __future__ import annotations

import re

from geomap.events.slots import LIST_KIND
from geomap.lexicon import NUMBER_WORDS, VAGUE_NUMBERS
from geomap.patterns import Pattern, lowered_text

#: "shot him dead", "killing her": one person.
_ONE_PERSON = {"him": 1, "her": 1}
_COUNTS = {**NUMBER_WORDS, **VAGUE_NUMBERS, **_ONE_PERSON}
#: A count is at most this many digits: longer digit runs are not casualty figures (and int() of them is slow).
MAX_DIGITS = 7
#: "twenty-one": tens and units joined by a hyphen.
_COMPOUND = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
             r"(?:one|two|three|four|five|six|seven|eight|nine)")
_NUM = (rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d{{1,{MAX_DIGITS}}}(?!\d|,\d)|{_COMPOUND}|"
        + "|".join(sorted((re.escape(k) for k in _COUNTS), key=len, reverse=True)) + r")")
_VICTIMS = r"(?:people|persons?|civilians?|soldiers?|troops|fighters|militants|children|residents|others|men|women|" \
           r"villagers|worshippers|students|protesters|demonstrators|policemen|police officers|officers|suspects|" \
           r"gunmen|attackers|assailants|rebels|insurgents|guards|pilgrims|farmers|miners|workers|journalists|" \
           r"passengers|members|teachers|doctors|nurses|patients|traders|herders|herdsmen|fishermen|shoppers|" \
           r"worshipers|staff|hostages|captives|detainees|prisoners|recruits|tourists|visitors)"
#: One person of a pair told by kind: "killing a crew member and a general", "one civilian and a police officer".
_PERSON = r"(?:soldier|civilian|policeman|police\s+officer|officer|member|general|commander|child|man|woman|boy|" \
          r"girl|guard|journalist|worker|pilot|driver|fighter|militant|resident|official|assailant|attacker|" \
          r"teacher|doctor|nurse|priest|trader|herder|fisherman|student|farmer|miner|passenger|pilgrim|worshipper)"
_ONE_OF = r"(?:\s+of\s+the\s+[\w-]+(?:\s+[\w-]+)?)?"  # "one member of the security forces"
_WHO = r"(?:" + _VICTIMS + r"|" + _PERSON + r")"  # the dead told by kind, one or more
#: A hedge before a count: "at least 12", "more than 300", "nearly 40".
_ABOUT = r"(?:(?:at\s+least|more\s+than|some|about|nearly|over|up\s+to|as\s+many\s+as|around|almost)\s+)?"
#: Ways of saying "killed" that name how ("shot dead", "stabbed to death").
_KILLED_HOW = (r"(?:shot\s+dead|(?:stabbed|beaten|hacked|burned|burnt|bludgeoned|lynched)\s+to\s+death|beheaded|"
               r"massacred)")
P = Pattern
FATAL = (
    P("killing N", r"\b(?:killing|killed|kills|kill|beheading|massacring|lynching|lynched)\s+" + _ABOUT + _NUM
      + r"(?:\s+\w+)?\s*" + _VICTIMS + "?",
      "The blast killed at least 12 people.", "The blast wounded at least 12 people."),
    P("N were killed", r"\b" + _ABOUT + r"(?!(?:19|20)\d\d\s+(?:were|was|have|had)\b)" + _NUM
      + r"\s+(?:(?:(?!said\b|says\b|told\b)[\w-]+\s+){0,3}?(?:" + _VICTIMS + r"|\w+s)"
      r"(?:,\s+(?:including|among\s+them)\s+[^,;.]{1,40},)?\s+"
      r"(?:(?!(?:before|after|when|until|he|she|they|it)\b)[\w-]+\s+){0,3}?)?"  # not "wounding three people before
      r"(?:(?:were|have\s+been|had\s+been|was)\s+(?:feared\s+|reported(?:ly)?\s+)?"  # he was shot dead"
      r"|are\s+feared\s+)"
      r"(?:killed(?!\s+off)|" + _KILLED_HOW + r"|(?<=feared\s)dead)",  # "ten were feared killed": a reported toll
      "In the clashes, 33 were killed overnight.", "In the clashes, 33 were hurt overnight."),
    P("with N killed", r"\b(?:with|reporting)\s+" + _ABOUT + _NUM + r"\s+(?:[\w-]+\s+){0,2}?(?:killed|dead)\b",
      "The TV said jets struck the port, reporting three people killed.",
      "The TV said jets struck the port, reporting three people wounded."),
    P("one was killed", r"\b(?P<n>a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:was|has\s+been|had\s+been)\s+(?:killed(?!\s+off)|"
      + _KILLED_HOW + ")",
      "A young policeman was shot dead at a checkpoint.", "A young policeman was wounded at a checkpoint."),
    P("a body found", r"\b(?:found|discovered|recovered)\s+the\s+(?:\w+\s+)?body\s+of\b",  # one person
      "Police found the body of a missing candidate in a ditch.", "Police found the car of a missing candidate."),
    P("he was killed", r"\b(?:he|she)\s+(?:was|had\s+been)\s+(?:killed(?!\s+off)|" + _KILLED_HOW + ")",  # one person
      "The gunman wounded three people before he was shot dead.", "The gunman wounded three people before he fled."),
    P("killed a person named by title",  # no count group: one person
      r"\b(?:killing|killed|kills|kill|assassinat(?:ed|ing))\s+(?:the|[\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
      r"(?:commander|leader|chief|head|mayor|governor|principal|general|minister|spokesman|editor|journalist|priest|"
      r"imam)(?![\w'’])(?![^,;.]{0,40}?\band\b)",  # "the commander ... and several scientists": more, uncounted
      "The strike killed Hezbollah's top military commander on Sunday.",
      "The strike killed the commanders of two brigades on Sunday."),
    P("shot dead N", r"\b" + _KILLED_HOW + r"\s+" + _ABOUT + _NUM,
      "Soldiers shot dead three smugglers at the border.", "Soldiers shot three smugglers at the border."),
    P("beat N to death", r"\b(?:beat|beating|stabbed|stabbing|hacked|hacking|bludgeoned|clubbed|stoned|burned|burnt)\s+"
      + _ABOUT + _NUM + r"\s+(?:[\w-]+\s+){0,2}?to\s+death\b",
      "A mob beat two men to death in the market.", "A mob beat two men in the market."),
    P("one and N others", r"\b(?:killing|killed|kills|kill)\s+(?P<one>a|an|one|the|his|her|its|their|[\w-]+['’]s)\s+"
      r"(?:[\w'’.-]+,?\s+){1,6}?(?:and|along\s+with|as\s+well\s+as)\s+(?:his\s+|her\s+|their\s+)?" + _NUM
      + r"\s+(?:of\s+(?:his|her|their|its)\s+)?(?:other\s+\w+|others|more|" + _VICTIMS
      + r"|ministers|officials|commanders|members|relatives|bodyguards|sons|daughters|brothers|sisters|grandchildren|"
      r"wives)\b",  # "a chief and his two sons", "the officer and two of his bodyguards": three
      "The blast killed a police officer and three others.", "The blast wounded a police officer and three others."),
    P("a family of N", r"\b(?:killing|killed|kills|kill|wiping\s+out|wiped\s+out)\s+(?:(?:an?|the|his|her|their|whole|"
      r"entire)\s+){1,2}family\s+of\s+(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
      "A strike on a house killed a family of five.", "A strike on a house wounded a family of five."),
    P("the killing of N", r"\b(?:killings?|deaths|massacre|murders?)\s+of\s+" + _ABOUT + _NUM + r"\s+(?:[\w-]+\s+)?"
      r"(?:" + _VICTIMS + r"|\w+s)\b", "The killing of 26 tourists shocked the country.",
      "The killing of the tourist shocked the country."),
    P("N of whom died", r"\b" + _NUM + r"\s+of\s+(?:whom|them)\s+(?:later\s+|have\s+|had\s+|since\s+)?"
      r"(?:died|were\s+killed)\b", "The car hit 36 people, two of whom later died.",
      "The car hit 36 people, two of whom were children."),
    P("N ... killed them", r"\b" + _ABOUT + _NUM + r"\s+(?:[\w-]+\s+)?" + _VICTIMS + r"\b[^.;]{0,50}?\b(?:shot|killed|"
      r"executed|beheaded|lynched|murdered)\s+(?:them|all\s+of\s+them)\b",
      "Gunmen seized 12 passengers and shot them dead.", "Gunmen seized 12 passengers and freed them later."),
    P("bodies of N", r"\bbodies\s+of\s+" + _ABOUT + _NUM + r"\b",
      "Police found the bodies of five men on a road.", "Police found the body of a man on a road."),
    P("toll rose to N", r"\b(?:death\s+)?toll\b[^.;]{0,90}?\b(?:rose|climbed|jumped|reached|stood|increased|risen|"
      r"has\s+risen)\s+(?:to\s+|at\s+)?" + _ABOUT + _NUM + r"\b",
      "The death toll from the attack on the concert hall rose to 133.",
      "The death toll from the attack on the concert hall was unclear after 133 minutes."),
    P("death toll", r"\bdeath\s+toll\s+(?:\w+\s+){0,3}?(?:to|at|of)\s+" + _NUM,
      "The death toll rose to 30 on Friday.", "The toll road reopened on Friday."),
    P("at least N dead", r"\bat\s+least\s+" + _NUM + r"(?=\s+(?:\w+\s+){0,2}?(?:dead|killed|deaths|died)\b)",
      "At least nine people died in the fire.", "At least nine people fled the fire."),
    P("N dead", r"\b" + _NUM + r"\s+(?:\w+\s+)?(?:dead|deaths|fatalities)\b",
      "The attack left 14 dead.", "The attack left 14 wounded."),
    P("killing N and M", r"\b(?:killing|killed)\s+" + _ABOUT + _NUM + r"\s+(?:[\w-]+\s+)?(?:" + _VICTIMS
      + r"|" + _PERSON + r"|\w+s)\s+and\s+" + _NUM.replace("?P<n>", "?P<m>") + r"\s+(?:[\w-]+\s+)?" + _WHO + r"\b",
      "The strike killed a crew member and a general.", "The strike killed a crew member and wounded a general."),
    P("N and M dead", r"\b" + _NUM + r"\s+(?:\w+\s+)?" + _WHO + _ONE_OF
      + r"\s+and\s+" + _NUM.replace("?P<n>", "?P<m>") + r"\s+(?:\w+\s+)?" + _WHO + _ONE_OF
      + r"\s+(?:(?:were|have\s+been|had\s+been)\s+)?(?:dead|killed)\b",
      "The clash left one civilian and a police officer dead.", "The clash left four rebels and one soldier wounded."),
)
NO_DEATHS = P("no deaths", r"\bno\s+(?:deaths|casualties|fatalities|one\s+was\s+killed)|no\s+(?:one|immediate "
              r"reports of casualties)\b", "There were no casualties, officials said.",
              "There were many casualties, officials said.")
#: The toll of a time told as background: "ending weeks of protests in which about 300 people were killed".
PERIOD_TOLL = P("the toll of a period", r"\b(?:days|weeks|months|years|decades)\s+of\s+(?:[\w-]+\s+){0,3}?"
                r"(?:in\s+which|during\s+which|that|which)\s+(?:have\s+|has\s+|had\s+)?$",
                "She fled, ending weeks of protests in which [about 300 people were killed].",
                "She fled after protests in which [about 300 people were killed].", "before")
#: What a natural hazard or an accident killed: "two days after a powerful earthquake killed more than 2,000".
HAZARD_TOLL = P("a hazard's toll", r"\b(?:earthquakes?|quakes?|floods?|flooding|landslides?|storms?|cyclones?|"
                r"typhoons?|hurricanes?|tsunamis?|wildfires?|blazes?|crash(?:es)?|collisions?|stampedes?|"
                r"heatwaves?|epidemics?)\s+(?:had\s+|has\s+|have\s+)?$",
                "Strikes hit the region two days after an earthquake [killed more than 2,000 people].",
                "Strikes hit the region two days after the army [killed more than 200 people].", "before")
TENS_OF = P("tens of", r"\b(?:tens|thousands|millions)\s+of\b", "Tens of thousands marched.", "Ten people marched.")
del P
#: A count said to add to another: "killed 20 more people".
_MORE = re.compile(r"\s+more\b")
#: A sentence without one of these (lower-cased) reports no deaths: the patterns are not run.
_DEATH_WORDS = ("kill", "dead", "death", "toll", "fatalit", "died", "casualt", "no one", "behead", "massacr",
                "bodies", "body", "murder", "lynch")


def fatalities(text: str) -> int | None:
    """Deaths the sentence reports, ACLED-style: 'dozens' = 12, 'several' = 3; 0 when it says there were none;
    None when it gives no number (unknown is not zero: a map must not claim an attack killed nobody)."""
    lowered = lowered_text(text)
    low = lowered if lowered is not None else text.lower()
    if not any(w in low for w in _DEATH_WORDS):
        return None
    if NO_DEATHS.search_lowered(text, lowered):
        return 0
    best, added = None, 0
    for pat in FATAL:
        for m in pat.finditer_lowered(text, lowered):  # the count is read lower-cased either way
            counted = "n" in m.re.groupindex
            val = _count(m.group("n")) if counted else 1  # a pattern with no count names one person
            if val is not None and "m" in m.groupdict():  # "four rebels and one soldier dead": both count
                more = _count(m.group("m"))
                val = None if more is None else val + more
            if val is not None and "one" in m.groupdict():  # "killed the minister and five others": six
                val += 1
            if val is None or val > 100000:
                continue
            a, b = max(0, m.start() - 20), m.end() + 5
            if TENS_OF.search_lowered(text[a:b], lowered and lowered[a:b]) \
                    or PERIOD_TOLL.search(text, max(0, m.start() - 60), m.start()) \
                    or HAZARD_TOLL.search(text, max(0, m.start() - 40), m.start()):
                continue
            if counted and _MORE.match(low, m.end("n")):
                added += val  # "killed 17 ..., then a landmine killed 20 more": 37
            else:
                best = max(best or 0, val)
    return best + added if best is not None else added or None


#: More dead told after a toll: "Four other people were killed in the attack."
OTHERS_KILLED = Pattern(
    "more dead besides", r"\b(?:other|more)\s+(?:[\w-]+\s+)?" + _VICTIMS + r"\s+(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:killed|shot\s+dead)|\bothers\s+(?:were|have\s+been)\s+killed",
    "Four other people were killed in the attack.", "Four people were killed in the attack.")


#: A toll of days of happenings: "hundreds had been killed in three days of protests".
DAYS_OF = Pattern("a toll of days", r"\b(?:in|over|during)\s+(?:the\s+(?:past|last)\s+)?(?:two|three|four|five|six|"
                  r"seven|several|\d+|a\s+few)\s+(?:days|weeks|months|years)\s+of\b",
                  "Hundreds had been killed in three days of protests.", "Hundreds had been killed in the protests.")


def more_deaths(text: str, known: int | None) -> int | None:
    """The toll of a happening told before (`known`), after a next sentence about it: its count when the happening
    had none (not a toll of days of them), the two added when the sentence tells of others besides ("Four other
    people were killed")."""
    if known is None and DAYS_OF.search(text):
        return None
    if known is None:
        return fatalities(text)
    if OTHERS_KILLED.search(text):
        return known + (fatalities(text) or 0)
    return known


def _count(word: str) -> int | None:
    """A count as written: digits ("1,200"), a number word ("four", "dozens", "twenty-one")."""
    n = word.lower()
    if n[0].isdigit():
        return int(n.replace(",", ""))
    tens, _, units = n.partition("-")
    return _COUNTS[tens] + _COUNTS[units] if units else _COUNTS.get(n)


def share(total: int | None, parts: int) -> list[int | None]:
    """A sentence's deaths shared among its event places, as ACLED does when a report gives no breakdown: evenly,
    the remainder to the first places named, so the places' deaths add up to the sentence's count."""
    if total is None or parts <= 0:
        return [total] * max(parts, 0)
    q, r = divmod(total, parts)
    return [q + (1 if i < r else 0) for i in range(parts)]


#: Victims named by who they were, not where: "killing 12 people including three children in the region" gives the
#: region all 12.
_KINDS_OF_VICTIM = r"(?:children|child|women|minors|girls|boys|teenagers|infants|babies|toddlers|elderly)\b"
#: The words right before a place a share of the toll is told at: "in", "near the town of".
_AT_THE_PLACE = r"(?:in|at|near)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:city|town|village|camp)\s+of\s+)?$"
#: "91 killed across the country, including 14 police officers (killed) at a station in Sirajganj": the count of one
#: place.
INCLUDING_AT = Pattern(
    "a place's share of the toll",
    r"\bincluding\s+" + _NUM + r"(?!\s+(?:[\w-]+\s+)?" + _KINDS_OF_VICTIM + r")\s+(?:(?:[\w-]+\s+){0,3}?"
    + _VICTIMS + r"\s+(?:[\w-]+\s+){0,6}?|(?:at|in)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,7}?)" + _AT_THE_PLACE,
    "91 were killed, including 14 police officers at a station in [Sirajganj].",
    "91 were killed in [Sirajganj], including 14 police officers.", "before")
#: ... or "of them" there: "68 were killed across the territory, 55 of them in Gaza City".
OF_THEM_AT = Pattern(
    "a place's share of the toll, of them", r"\b" + _NUM + r"\s+of\s+(?:them|whom)\s+(?:[\w-]+\s+){0,2}?"
    + _AT_THE_PLACE,
    "At least 68 people were killed on Tuesday, 55 of them in [Gaza] City.",
    "At least 68 people were killed on Tuesday, most of them in [Gaza] City.", "before")


#: "shelling the border town of Vovchansk, where two civilians were killed": the count of that place.
WHERE_KILLED = Pattern(
    "a toll told after the place",
    r",?\s+where\s+" + _ABOUT + _NUM + r"\s+(?:[\w-]+\s+){0,2}?" + _VICTIMS
    + r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:killed|shot\s+dead)",
    "Troops shelled [Vovchansk], where two civilians were killed, and Lyptsi.",
    "Troops shelled [Vovchansk] and Lyptsi; two civilians were killed.", "after")

#: "the city of Sweida, where clashes have killed more than 300 people": the same, told in the active voice.
WHERE_KILLING = Pattern(
    "a toll told after the place, active",
    r",?\s+where\s+(?:[\w'’-]+\s+){1,8}?(?:have\s+|has\s+|had\s+)?killed\s+" + _ABOUT + _NUM
    + r"\s+(?:[\w-]+\s+){0,2}?" + _VICTIMS + r"\b",
    "Troops shelled [Kupiansk], where drones have killed five civilians, and Lyptsi.",
    "Troops shelled [Kupiansk], where drones have hit five homes, and Lyptsi.", "after")

#: "a barrage that killed 41 civilians across Ukraine": a toll over a whole country or region, no town's own.
WIDE_TOLL = Pattern(
    "a toll over a wide area",
    r"\b(?:kill(?:ed|ing|s)?|dead|died)\s+" + _ABOUT + _NUM
    + r"\s+(?:[\w-]+\s+){0,2}?(?:across|throughout|nationwide)\b",
    "Missiles hit Kyiv, part of a barrage that killed 41 civilians across Ukraine.",
    "Missiles hit Kyiv, part of a barrage that killed 41 civilians in the city.")
#: "Hundreds had been killed across the country": a next sentence's toll of the whole country, no town's event's.
COUNTRY_TOLL = Pattern(
    "a toll across the country", r"\b(?:were|have\s+been|had\s+been)\s+killed\s+(?:across|throughout)\s+the\s+"
    r"(?:country|nation)\b|\bnationwide\s+(?:death\s+)?toll\b",
    "The party said hundreds of people had been killed across the country.",
    "The party said hundreds of people had been killed in the capital.")
#: "Strikes across the Gaza Strip killed at least 51": the toll of a whole named area.
WIDE_TOLL_BEFORE = Pattern(
    "a toll over a named area", r"\b(?:across|throughout)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+"
    r"(?:have\s+|has\s+)?killed\b",
    "Strikes across the Gaza Strip killed at least 51 people, including 12 in Rafah.",
    "Shelling across the Line of Control killed 12 civilians in Sudzha.", flags=0)


#: A count told right before the place: "killing two people in Odesa and injuring 18 in Kharkiv", "Five people were
#: killed in Jableh and three in Baniyas".
_IN_PLACE = r"\s+in\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$"
KILLED_IN = (
    Pattern("killing N in the place", r"\b(?:kill(?:ed|ing|s)?|massacr(?:ed|ing))\s+" + _ABOUT + _NUM
            + r"(?:\s+(?:[\w-]+\s+)?" + _VICTIMS + r")?" + _IN_PLACE,
            "Drones struck the region, killing two people in [Odesa] and injuring 18 in Kharkiv.",
            "Drones struck the region, injuring 18 in [Kharkiv].", "before"),
    Pattern("N were killed in the place", r"\b" + _ABOUT + _NUM + r"\s+(?:[\w-]+\s+)?" + _VICTIMS
            + r"\s+(?:were|was|had\s+been|have\s+been)\s+killed" + _IN_PLACE,
            "Five people were killed in [Jableh] and three in Baniyas.",
            "Five people were wounded in [Jableh] and three in Baniyas.", "before"),
    Pattern("and M in the next place", r"\b(?:killed|killing|dead)\b[^.;]*\band\s+" + _NUM + _IN_PLACE,
            "Five people were killed in Jableh and three in [Baniyas].",
            "Five people were wounded in Jableh and three in [Baniyas].", "before"),
)


#: Another place right after this one, in a list: a count before the list is the whole list's.
LIST_GOES_ON = Pattern("a list goes on after the place", r"(?:\s+(?:countryside|village|town|city|district|province|"
                       r"region|area))?\s*(?:,|,?\s*and|,?\s*or)\s+(?:(?:also\s+)?in\s+)?"
                       r"(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?"
                       r"(?:" + LIST_KIND + r"\s+of\s+)?[A-Z]",
                       "Shelling killed seven civilians in [Avdiivka] and Marinka.",
                       "Drones killed two people in [Odesa] and injured 18 in Kharkiv.", "after", flags=0)


def place_share(text: str, start: int, end: int) -> int | None:
    """The deaths the sentence gives the place at `start`..`end` by itself ("including 14 ... in X", "55 of them in
    X", "X, where two civilians were killed", "X, where clashes killed 300 people", "killing two people in X"), else
    None."""
    m = INCLUDING_AT.search(text, max(0, start - 90), start) or OF_THEM_AT.search(text, max(0, start - 40), start) \
        or WHERE_KILLED.compiled.match(text, end) \
        or WHERE_KILLING.compiled.match(text, end) \
        or (None if LIST_GOES_ON.match_at(text[end:end + 60]) else  # "seven in Avdiivka and Marinka": the list's
            next((k for p in KILLED_IN if (k := p.search(text, max(0, start - 90), start))), None))
    return _count(m.group("n")) if m else None


def wide_toll(text: str) -> bool:
    """Is the sentence's toll one of a whole country or region ("killed 41 civilians across Ukraine", "six people
    were killed across the country")?"""
    return ("across" in text or "throughout" in text or "nationwide" in text) and (
        WIDE_TOLL.search(text) is not None or WIDE_TOLL_BEFORE.search(text) is not None
        or COUNTRY_TOLL.search(text) is not None)


#: An earlier happening told to time the news: "Troops moved in, a day after air strikes killed more than 400".
EARLIER_HAPPENING = Pattern(
    "an earlier happening", r"\b(?:a\s+day|days|a\s+week|weeks|months)\s+after\b",
    "Troops moved in, a day after air strikes killed more than 400 people.",
    "Troops moved in, 30 hours after air strikes killed more than 400 people.")


#: A happening told after the news, as what it followed: "strikes across southern Lebanon killed seven, after
#: rockets were fired towards Metula".
AFTER_CLAUSE = Pattern(
    "a happening the news followed", r",?\s+(?:shortly\s+|soon\s+|hours\s+)?after\s+(?!(?:a|an|the)\s+\w+\s+of\b)",
    "Strikes killed seven in the south, after rockets were fired towards the north.",
    "Seven people were killed after the start of the offensive in the town.")
#: ... or that went on meanwhile: "jets struck Damascus, killing three, as fighting continued in Sweida".
AS_CLAUSE = Pattern(
    "a happening going on meanwhile", r",\s+(?:even\s+)?(?:as|while)\s+(?!(?:a|an)\s+result\b|well\b|part\b|many\b|"
    r"much\b|long\b|of\b|soon\b|far\b)",
    "Jets struck the capital, killing three, as fighting continued in the south.",
    "Jets struck the capital, killing three as well as a child in the south.")


#: Words that tell the happening after them as the one avenged: "in retaliation for", "in what it called retaliation
#: for", "to avenge" (`actors.AVENGED` reads them right before an event word).
AVENGING = (r"(?:in\s+(?:what\s+\w+\s+(?:called|termed|described\s+as|said\s+was)\s+(?:an?\s+)?)?"
            r"(?:retaliation|response|revenge|reprisal)\s+(?:for|to)|to\s+avenge|retaliating\s+for)")
#: ... told after the news, with its own toll: "struck two towns in retaliation for an attack that killed 26".
AVENGED_CLAUSE = Pattern("a happening avenged, told after", r"\b" + AVENGING + r"\s",
                         "Jets struck two towns on Monday in retaliation for an attack that killed 26 tourists.",
                         "Jets struck two towns on Monday after talks on a truce failed.")
#: The words one of the three cuts of `_earlier_toll` needs, searched first.
_CUT_WORD = re.compile(r"after| as |while|retaliat|response|revenge|reprisal|avenge")


def _earlier_toll(text: str, total: int | None, spans: list[tuple[int, int]]) -> list[int | None] | None:
    """The deaths per place when the toll is an earlier happening's, told after "a day after": its places share it,
    the places told before it have none; or when places are told on both sides of "after" (`AFTER_CLAUSE`), the
    toll is the places' of the side it is told on: "strikes across southern Lebanon killed seven, after rockets were
    fired towards Metula"; "air strikes in southern Gaza after Hamas attacked its troops in Rafah, killing two
    soldiers"; and so with a happening told as going on meanwhile (`AS_CLAUSE`: "jets struck Damascus, killing three,
    as fighting continued in Sweida") or as avenged (`AVENGED_CLAUSE`: "in retaliation for last month's killing of 26
    tourists in Pahalgam") (None: no such toll)."""
    if total is None or not _CUT_WORD.search(text):
        return None
    cut = EARLIER_HAPPENING.search(text)
    if cut is not None and fatalities(text[cut.start():]) == total:
        inside = [s >= cut.start() for s, _ in spans]
    elif (cut := AFTER_CLAUSE.search(text) or AS_CLAUSE.search(text) or AVENGED_CLAUSE.search(text)) is not None \
            and len({s < cut.start() for s, _ in spans}) == 2 \
            and (fatalities(text[:cut.start()]) == total) != (fatalities(text[cut.start():]) == total):
        first = fatalities(text[:cut.start()]) == total  # "..., after Hamas attacked troops in Rafah, killing two"
        inside = [(s < cut.start()) == first for s, _ in spans]
    elif (cut := AVENGED_CLAUSE.search(text)) is not None and all(s > cut.start() for s, _ in spans) \
            and fatalities(text[:cut.start()]) == total and fatalities(text[cut.start():]) != total:
        return [None] * len(spans)  # "killed 58 soldiers in retaliation for air strikes on Kabul": the avengers' toll
    else:
        return None
    rest = iter(share(total, sum(inside)))
    return [next(rest) if i else None for i in inside]


#: A toll over more sites than the sentence names: "missiles hit six sites, killing 31, including in Muzaffarabad".
COUNTED_SITES = Pattern(
    "a count of sites", r"\b" + _NUM + r"\s+(?:[\w-]+\s+)?(?:sites|locations|places|targets|cities|towns|villages)\b",
    "Missiles hit six sites, killing 31 people, including in Muzaffarabad.",
    "Missiles hit the site, killing 31 people in Muzaffarabad.")


#: After counted sites, the place that holds them all: "raids on three villages in Zamfara state's Maru".
SITES_IN = Pattern("the place that holds the counted sites", r"^\s+(?:in|across|around)\s",
                   "Raids on three [villages] in Maru killed 17 people.",
                   "Missiles hit six [sites], killing 31 people, including in Muzaffarabad.", "after")


def _holds_sites(gap: str) -> bool:
    """Is the text between counted sites and a place only "in ..." (`SITES_IN`), so the place holds the sites?"""
    return len(gap) <= 50 and SITES_IN.match_at(gap) is not None and not any(ch in gap for ch in ",;.")


#: Where one happening's clause ends and another's begins: "13 police were killed when their helicopter was downed
#: in Antioquia, and a truck bomb in Cali killed five people".
CLAUSE_CUT = Pattern("another happening's clause", r";\s*|,\s+(?:and|while|but|whereas)\s+",
                     "Ten were killed in the north, and a bomb in the south killed five.",
                     "Ten were killed in the north and the south.")


def _clause_tolls(text: str, spans: list[tuple[int, int]]) -> list[int | None] | None:
    """Each place's deaths when the sentence's places stand in two or more clauses (`CLAUSE_CUT`) that each give
    their own toll: the clause's toll shared among its places, none for the places of a clause that gives no toll
    ("shelling killed two in Kherson, and a missile strike damaged a plant in Dnipro"). None when no clause of a
    place gives a toll."""
    cuts = [0, *(m.end() for m in CLAUSE_CUT.compiled.finditer(text)), len(text)]
    if len(cuts) < 3:
        return None
    of = [next(i for i in range(len(cuts) - 1) if s < cuts[i + 1]) for s, _ in spans]
    if len(set(of)) < 2:
        return None
    tolls = {i: fatalities(text[cuts[i]:cuts[i + 1]]) for i in set(of)}
    if all(t is None for t in tolls.values()):
        return None
    parts = {i: iter(share(tolls[i], of.count(i))) for i in tolls}
    return [next(parts[i]) for i in of]


def shares(text: str, total: int | None, spans: list[tuple[int, int]]) -> list[int | None]:
    """The sentence's deaths per event place: each clause's own toll for its places (`_clause_tolls`), a place's
    own count where the sentence gives one (`place_share`), the
    rest of the total shared among the others (`share`); an earlier happening's toll only its own places'; a toll
    over more sites than are named (`COUNTED_SITES`) is shared among all of them, the named ones taking theirs,
    unless the one place named holds them all (`SITES_IN`)."""
    earlier = _earlier_toll(text, total, spans)
    if earlier is not None:
        return earlier
    sites = COUNTED_SITES.search(text) if total is not None and len(spans) > 0 else None
    if sites is not None and (n := _count(sites.group("n"))) is not None and len(spans) < n <= total \
            and not (len(spans) == 1 and _holds_sites(text[sites.end():spans[0][0]])) \
            and not CLAUSE_CUT.search(text, sites.end(), spans[0][0]):  # not "clashed in several cities, and three
        # were killed when police fired near Agadir": the toll is the one place's of its own clause
        return share(total, n)[:len(spans)]  # "26 killed at six locations, including ..., and sites near ..."
    clauses = _clause_tolls(text, spans) if total is not None and len(spans) > 1 else None
    if clauses is not None:
        return clauses
    if "including" not in text and "where" not in text and " of them " not in text and " of whom " not in text \
            and (len(spans) < 2 or " in " not in text):
        return share(total, len(spans))  # most sentences: no place given its own count
    own = [place_share(text, s, e) for s, e in spans]
    if all(o is None for o in own):
        return share(total, len(spans))
    left = None if total is None else max(total - sum(o for o in own if o), 0) or None
    rest = iter(share(left, sum(o is None for o in own)))
    return [o if o is not None else next(rest) for o in own]
