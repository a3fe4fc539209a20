"""The candidates of a sentence: its resolved mentions, and the capitalised names the gazetteer lacks that may name a
place ("Jibwhiwhui village of Hawul", "Ras al-Ain") -- but not groups of people, organisations, bodies, persons,
plural acronyms or words capitalised only because they open the sentence. Each of those, taken for an unknown
place, would take the event from the town it is in ("a car bomb targeting Shiites in Baghdad").
"""

from __future__ import annotations

import re

from geomap.events.actors import names_group
from geomap.events.model import UNKNOWN_NAME, Candidate, Sentence
from geomap.events.slots import STRUCK_SITE
from geomap.events.triggers import Found
from geomap.lexicon import (
    BODY_TAILS,
    DEMONYMS,
    GROUP_NAMES,
    KIND_OF_WORDS,
    KIND_WORDS,
    LANGUAGES,
    NEVER_PLACES,
    OCCASION_HEADS,
    OCCASION_TAILS,
    OPERATION_HEADS,
    ORGANISATIONS,
    PERSON_WORDS,
    TITLES,
    common_words,
    inflected_words,
    names_a_unit,
)
from geomap.models import Mention
from geomap.named_after import PEOPLE_AFTER, VESSEL_AFTER, VESSEL_BEFORE
from geomap.patterns import Pattern

#: Month abbreviations: calendar words, but they open a name rather than date it when a name word follows ("Mar
#: Elias", Syriac "saint").
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
#: Weekdays and months written out: after a name they date it ("shot in Dobrinja Friday morning").
_DAYS_AND_MONTHS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                             "may june july august september october november december".split())
_CALENDAR = _DAYS_AND_MONTHS | _MONTH_ABBREVIATIONS | {d + "s" for d in _DAYS_AND_MONTHS if d.endswith("day")}
#: A person's name followed by who the person is: "Fadwa Barghuti, the wife of the jailed leader, marched".
PERSON_APPOSITION = Pattern(
    "a person described after the name",
    r"^,\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:wife|husband|son|daughter|brother|sister|father|"
    r"mother|widow|leader|head|chief|founder|spokesman|spokeswoman|commander|member|mayor|governor|president|minister|"
    r"official|officer|journalist|activist|cleric|imam)\b",
    "[Fadwa Barghuti], the wife of the jailed leader, marched in Nablus.",
    "[Kfar Kila], a village near the border, was shelled.", "after")
#: ... or after who the person is, set off by a comma: "the governor of Sevastopol, Mikhail Razvozhayev, said".
PERSON_APPOSED = Pattern(
    "a person named after who the person is",
    r"\b(?:governor|mayor|head|chief|leader|spokes(?:man|woman|person)|commander|minister|president|director|"
    r"prosecutor|envoy|ambassador)\s+(?:of|for|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+,\s+$",
    "The Russian-installed governor of Sevastopol, [Mikhail Razvozhayev], said debris fell.",
    "Drones hit the port of Sevastopol, [Balaklava] and two villages.", "before")
#: The kinds of organisation both patterns below read (a word before the kind may qualify it: "news outlet", "aid
#: organisation").
_ORGANISATION_KINDS = r"charity|company|firm|broadcaster|newspaper|outlet|website|organi[sz]ation"
#: ... or described as one after a comma: "Grey Zone, a Telegram channel linked to Wagner, said ...".
ORGANISATION_APPOSITION = Pattern(
    "an organisation described after the name",
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:" + _ORGANISATION_KINDS + r"|channel|blog|agency|party|movement|"
    r"militia|group|coalition|alliance)\b",
    "[Grey Zone], a Telegram channel linked to the group, said a convoy was ambushed.",
    "[Kfar Kila], a village near the border, was shelled.", "after")
#: A name the gazetteer lacks followed by what it names: a party, a movement, a group ("Bazoum's PNDS party").
ORGANISATION_AFTER = Pattern(
    "an organisation named before its kind",
    r"^\s+(?:party|parties|movement|group|militia|faction|coalition|alliance|union|company|firm|newspaper|channel|"
    r"brigades?|battalions?|regiments?|"
    r"agency|committee|council|supporters|members|loyalists|lawmakers)\b",
    "Protesters torched the offices of the [PNDS] party in Niamey.",
    "Protesters torched offices in [Tillia] on Sunday.", "after")
#: A name the gazetteer lacks told as what an image shows: "protesters tore down a statue of Hugo Chavez".
IMAGE_OF = Pattern(
    "a person an image shows", r"\b(?:statues?|portraits?|posters?|pictures?|photos?|photographs?|images?|"
    r"effig(?:y|ies)|murals?|busts?)\s+of\s+$",
    "Protesters tore down a statue of [Hugo Chavez] in the town.",
    "Protesters tore down a statue in [La Guaira] on Monday.", "before")
#: ... or preceded by it: "workers from the charity World Central Kitchen", "the broadcaster Al Jazeera".
ORGANISATION_BEFORE = Pattern(
    "an organisation named after its kind",
    r"\b(?:the|a|an)\s+(?:[\w-]+\s+)?(?:" + _ORGANISATION_KINDS + r"|charities|aid\s+(?:group|agency)|ngo|"
    r"non-?profit|network|foundation|airline|carrier|operator|shipping\s+line|insurer|bank|lender|retailer|chain|"
    r"brand)\s+$",
    "Seven workers from the charity [World Central Kitchen] were killed in Gaza.",
    "Seven workers from the charity were killed in [Deir al-Balah].", "before")
_WORDS_BEFORE = re.compile(r"[A-Za-z]+")
#: A place's kind right before a name: a title word opening it is part of the name ("the district of Sheikh Maksud",
#: "the village of Imam Sahib").
KIND_OF_BEFORE = Pattern(
    "a place's kind before the name",
    r"\b(?:" + KIND_OF_WORDS + r"|neighbou?rhood|quarter|camp|region|province|governorate)\s+of\s+$",
    "Shells hit the district of [Sheikh Maksud] on Monday.", "Shells hit [Sheikh Maksud]'s house on Monday.",
    "before")
#: Capitalised words that are never an unknown place's first word.
NOT_NAMES = _CALENDAR | DEMONYMS | TITLES | NEVER_PLACES | GROUP_NAMES | ORGANISATIONS | frozenset(
    "the a an in on at but and or he she they it we i his her their its this that these those there after before "
    "when while as if for from with by of to mr mrs ms dr st mt ft".split())

def sentence_candidates(stext: str, offset: int, mentions: list[Mention], triggers: list[Found],
                        skip_before: int = -1, persons: frozenset[str] | set[str] = frozenset(),
                        ) -> tuple[Sentence, list[Candidate], list[Mention | None]]:
    """The sentence's candidates in order: its resolved mentions (demonyms aside) and, when it has an event word,
    the capitalised names the gazetteer lacks, but not a lone word the article names a person by (`persons`: "the
    case against Prigozhin" after "Yevgeny Prigozhin"). The second list gives each candidate's mention (None if
    unknown)."""
    taken = [(m.start - offset, m.end - offset) for m in mentions if m.place is not None]
    pairs: list[tuple[Candidate, Mention | None]] = [
        (Candidate(m.start - offset, m.end - offset, m.place.kind, m.hint, m.place.country_code,
                   m.place.population, m.place.feature), m)
        for m in mentions if m.place is not None and m.hint != "demonym" and m.end - offset > skip_before]
    if triggers:
        first = len(stext) - len(stext.lstrip())  # where the sentence's first word starts (after a dateline's dash)
        if skip_before > first:
            first = skip_before + len(stext[skip_before:]) - len(stext[skip_before:].lstrip())
        for u in UNKNOWN_NAME.finditer(stext):
            s, e = u.span()
            if stext[e - 2:e] in ("'s", "’s"):
                e -= 2  # "Hussein's home": the possessive is not part of the name
            inner = max(stext.rfind("'s ", s, e), stext.rfind("’s ", s, e))
            if inner >= 0 and any(b == inner for _, b in taken):
                s = inner + 3  # "Kabul's Qala-e-Bakhtiar": the name after a known place's (not "Joseph's Tomb")
            e = _before_known(stext, s, e, taken)
            if s < skip_before or e <= s or any(a < e and s < b for a, b in taken) \
                    or ORGANISATION_BEFORE.search(stext, max(0, s - 40), s):
                continue
            words = stext[s:e].split()
            kind_of = KIND_OF_BEFORE.search(stext, max(0, s - 30), s) is not None  # "the district of Sheikh Maksud"
            org = words[0].lower() in ORGANISATIONS  # "Boko Haram attacks": no place "Haram"
            # A leading calendar or function word, or the event word itself ("Shelling in Avdiivka ..."), is not
            # part of the name.
            while words and (words[0].lower().split("-")[0] in NOT_NAMES and not (
                    len(words) > 1 and words[0].lower() in _MONTH_ABBREVIATIONS)  # "the Mar Elias church"
                             and not (kind_of and words[0].lower() in TITLES)
                             or any(t.start < s + len(words[0]) and s < t.end for t in triggers)):
                s += len(words.pop(0)) + 1
            if org and len(words) == 1:
                continue
            while len(words) > 1 and words[-1].lower() in _DAYS_AND_MONTHS:  # "in Dobrinja Friday morning"
                e -= len(words.pop()) + 1
            if words and not (len(words) == 1 and (_not_a_name(words[0], s <= first) or words[0].lower() in persons)) \
                    and not _not_a_place(words) \
                    and (kind_of or not _a_person(stext, s, e)) and not ORGANISATION_AFTER.match_at(stext[e:e + 30]) \
                    and not ORGANISATION_APPOSITION.match_at(stext[e:e + 50]) \
                    and (kind_of or not any(w.lower() in TITLES for w in words[:-1])) \
                    and not PEOPLE_AFTER.match_at(stext[e:e + 30]) and not _a_ship(stext, s, e):
                pairs.append((Candidate(s, e), None))
    pairs.sort(key=lambda p: p[0].start)
    return Sentence(stext, triggers), [c for c, _ in pairs], [m for _, m in pairs]


#: A participle after a hyphen makes an adjective of a group's name: "Serb-held", "Sunni-dominated", "Kurdish-led"
#: (not "Almash-had", a transliterated name).
_GROUP_ADJECTIVE = re.compile(r"-(?:[a-z]+ed|held|led|run|majority|populated)$")


def _before_known(text: str, s: int, e: int, taken: list[tuple[int, int]]) -> int:
    """The end of a capitalised run that goes on into a known place after "of", when the words before "of" end in a
    unit's kind ("Sewry District of Zabol Province", "Gamboru Ngala Local Government Area of Borno State"): they are
    a name of their own, a part of the known place. Any other overlap ("William of Orange") leaves nothing."""
    known = min((a for a, _ in taken if s < a < e), default=-1)
    if known < 0:
        return e
    cut = OF_BEFORE_KNOWN.compiled.search(text, s, known)
    if cut is None or not names_a_unit(text[s:cut.start()]):
        return s
    return cut.start()


OF_BEFORE_KNOWN = Pattern(
    "a unit's name runs on into the known place it lies in", r"\s+of\s+(?:the\s+)?$",
    "A mine hit a bus in Gulran District of [Herat].", "A mine hit a bus in Gulran District near [Herat].",
    "before")


#: A plural acronym names things, not a place: "destroyed over 50 VBIEDs", "IEDs", "RPGs".
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def _not_a_name(word: str, opens_sentence: bool) -> bool:
    """A lone capitalised word that is no name: a function or calendar word, a place's kind ("Russia's Southern Military
    District" leaves no place "District"), a language ("shot in English and Hindi"), a title, a group of people
    ("Shiites", "Taliban"), a plural acronym ("VBIEDs"), or an English word capitalised only because it opens the
    sentence ("Speaking in Brussels, ...", "Soldiers in the town ...", "Simultaneously, ...")."""
    low = word.lower()
    return low in NOT_NAMES or low in KIND_WORDS or low in LANGUAGES or _PLURAL_ACRONYM.fullmatch(word) is not None \
        or opens_sentence and (low in common_words() or low in inflected_words() or low.endswith("ly"))


#: Articles that may stand between a title and a name ("Imam al- Hussein").
_PARTICLES_BEFORE = frozenset({"al", "el", "ibn", "bin", "abu"})
#: Titles that are adjectives in lower case ("a major Tal Afar offensive").
_ADJECTIVE_TITLES = frozenset({"major", "general", "foreign", "defence", "defense", "interior", "head", "chief",
                               "deputy", "official", "officials", "rep", "prime", "premier", "king"})


def _a_person(text: str, start: int, end: int) -> bool:
    """A name the gazetteer lacks that names a person: after a title or a word for a person ("the guerrilla leader
    Abdullah Ocalan", "Imam al-Hussein"; an Arabic article may stand between), described after it
    (`PERSON_APPOSITION`) or before it (`PERSON_APPOSED`: "the governor of Sevastopol, Mikhail Razvozhayev"), or
    shown by an image (`IMAGE_OF`: "a statue of Hugo Chavez")."""
    before = _WORDS_BEFORE.findall(text, max(0, start - 30), start)
    while before and before[-1].lower() in _PARTICLES_BEFORE:
        before.pop()
    if before:
        word = before[-1]
        low = word.lower()
        # a lower-case "major", "general", "foreign" is an adjective ("a major Tal Afar offensive"), not a title
        if low in PERSON_WORDS or low in TITLES and (word[0].isupper() or low not in _ADJECTIVE_TITLES):
            return True
    return PERSON_APPOSITION.match_at(text[end:end + 80]) is not None \
        or IMAGE_OF.search(text, max(0, start - 20), start) is not None \
        or text.endswith(", ", 0, start) and PERSON_APPOSED.search(text, max(0, start - 80), start) is not None



def _a_ship(text: str, start: int, end: int) -> bool:
    """A name the gazetteer lacks that names a ship: "the Magic Seas, a Greek-operated vessel" (`VESSEL_AFTER`),
    "the bulk carrier Eternity C" (`VESSEL_BEFORE`)."""
    return VESSEL_AFTER.match_at(text[end:end + 60]) is not None or \
        VESSEL_BEFORE.compiled.search(text, max(0, start - 12), start) is not None


def _not_a_place(words: list[str]) -> bool:
    """A name the gazetteer lacks that names no place: a body ("the Religious Council", "Health Ministry", "the
    Al-Saida Tribes"), an occasion ("the Queens Pride Parade"), an operation ("Operation Euphrates Shield"), an
    adjective of a group ("the Serb-held town of Ilidza", "a Sunni-dominated area"), or an armed group ("FARC")."""
    last = words[-1]
    return last.lower() in BODY_TAILS or last.lower() in OCCASION_TAILS or _GROUP_ADJECTIVE.search(last) is not None \
        or words[0].lower() in OPERATION_HEADS or words[0].lower() in OCCASION_HEADS or names_group(" ".join(words))


#: The features of a place the event word right before it, in its clause, acts on.
_ACTED_ON = (frozenset({"trig-side=before", "trig-clause=True"}), ("trig-dist=0", "trig-dist=1", "trig-dist=2-3"))


#: A village or town named as the object of a strike's noun: "a strike on the village of Chaung-U killed seven" (not
#: any place after "attacks on": "the 9/11 attacks on New York", "protested against the assault on Yugoslavia").
STRIKE_ON = Pattern(
    "the object of a strike's noun",
    r"\b(?:(?:air\s?|drone\s+|missile\s+)?strikes?|airstrikes?|attacks?|raids?|assaults?|bombings?|bombardment)\s+"
    r"on\s+the\s+(?:[\w-]+\s+){0,2}?(?:village|town|camp|district|neighbou?rhood)\s+of\s+$",
    "A drone strike on the village of [Kalehe] killed seven people.",
    "A drone strike killed seven people in the village near [Kalehe].", "before")


def struck_sites(text: str, cands: list[Candidate], feats: list[list[str]], vetoed: list[bool]) -> list[int]:
    """The candidates whose site the event word right before them acts on (`STRUCK_SITE`: "warplanes struck Sanaa's
    international airport"): the site is in that town, and the labelled newswire has too few such sentences for the
    model to learn that a possessive there names the event's place."""
    out = []
    for k, c in enumerate(cands):
        f = feats[k]
        if not vetoed[k] and text.startswith(("'s", "’s"), c.end) and _ACTED_ON[0].issubset(f) \
                and any(d in f for d in _ACTED_ON[1]) and STRUCK_SITE.match_at(text[c.end:c.end + 50]):
            out.append(k)
        elif not vetoed[k] and STRIKE_ON.search(text, max(0, c.start - 60), c.start):
            out.append(k)
    return out


#: An event told in a clause about the place, right after it: "Protests spread to Rangpur, where one protester was
#: killed" (the words up to the event word; not a background in the perfect or progressive, nor a speaker's claim).
WHERE_BEFORE_EVENT = Pattern(
    "an event told in a where-clause after the place",
    r"^,\s+where\s+(?!(?:[\w'’-]+\s+)*?(?:has|have|had|being|said|says|say)\s)(?:[\w'’-]+\s+){0,6}$",
    "Protests spread to [Rangpur], where one protester was [killed] on Tuesday.",
    "Fighting spread to [Rangpur], where rebels have [killed] dozens since May.", "between")  # [the event word]


def told_there(sent: Sentence, cands: list[Candidate], vetoed: list[bool]) -> list[int]:
    """The candidates an event word of their own where-clause tells of (`WHERE_BEFORE_EVENT`): the clause says what
    happened at the place; the labelled newswire marks one event word a sentence, so the model rarely sees a place
    followed by its own clause's event."""
    out = []
    for k, c in enumerate(cands):
        if vetoed[k] or not sent.text.startswith(",", c.end):
            continue
        nxt = cands[k + 1].start if k + 1 < len(cands) else len(sent.text)
        if any(c.end < t.start < nxt and WHERE_BEFORE_EVENT.match_at(sent.text[c.end:t.start]) for t in sent.triggers):
            out.append(k)
    return out


def coup_country(sent: Sentence, cands: list[Candidate], feats: list[list[str]], vetoed: list[bool]) -> list[int]:
    """The country a coup's sentence says it happened in, when it names one only ("Soldiers in Niger detained the
    president and declared that they had seized power"): the model, led by the nearer "detained", scores the country
    under the threshold. Only "coup" and "seized power" ("ousted", "toppled" also tell of invasions and of history)."""
    if not any(t.trigger.name == "coup" and _COUP_WORDS.search(sent.text, t.start, t.end) for t in sent.triggers):
        return []
    countries = [k for k, c in enumerate(cands) if c.kind == "country" and not vetoed[k]]
    return countries if len(countries) == 1 and "slot=locative" in feats[countries[0]] else []


_COUP_WORDS = re.compile(r"coup|seized power", re.I)


def rule_picks(sent: Sentence, cands: list[Candidate], feats: list[list[str]], vetoed: list[bool]) -> list[int]:
    """The candidates a rule makes event places, whatever the model's score (`struck_sites`, `told_there`,
    `coup_country`): shapes the labelled newswire has too few of for the model to learn."""
    return struck_sites(sent.text, cands, feats, vetoed) + told_there(sent, cands, vetoed) + coup_country(
        sent, cands, feats, vetoed)
