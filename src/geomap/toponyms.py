"""Toponym recognition: capitalised word runs looked up in the gazetteer, then filtered like a careful reader would.

No statistical NER here: the PyPI spaCy models tag Kyiv as a PERSON (DESIGN §4) and cannot be loaded offline
anyway. Instead every capitalised n-gram (longest first) is checked against the gazetteer's names, and the
candidates are filtered with evidence from the text:

* person names: a run of capitalised words that is longer than the place it contains ("Vladimir Putin",
  "Henry Kissinger") is a name, and its words are remembered for the whole article ("Kissinger wrote" later on);
  a title before a word ("Governor Kuleba") makes it a person too;
* demonyms and titles ("Russian", "President") are never places;
* common English words ("Nice", "Reading", "Split") need more than a capital letter: at the start of a sentence
  or a quote the capital says nothing, so there they are kept only when they name a country, region or sea; in
  mid-sentence they need to name a large city, a town after a locative preposition ("in Split"), or any town
  after its kind word ("the town of Sake");
* all-capitals words of four letters or more (YASNO, NATO, subheads) are not places.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geomap.capitals import capitals
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.hints import kind_hint, spread_hints
from geomap.lexicon import (
    BODY_TAILS,
    DEMONYM_COUNTRY,
    DEMONYM_PLACE,
    DEMONYMS,
    KIND_OF_WORDS,
    KIND_WORDS,
    NEVER_PLACES,
    ORGANISATIONS,
    STATE_ABBREVIATIONS,
    TITLES,
    common_words,
    inflected_words,
)
from geomap.models import Doc, Mention
from geomap.named_after import (
    AGE_AFTER,
    GROUP_NAMED_AFTER,
    HOLIDAY_AFTER,
    PEOPLE_AFTER,
    SAINT_BUILDING,
    SAINT_CHURCH,
    STREET_AFTER,
    VESSEL_AFTER,
    VESSEL_BEFORE,
    WEAPON_AFTER,
)
from geomap.patterns import Pattern
from geomap.spans import SpanSet

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*|\d+", re.U)
#: Arabic articles and particles that open a transliterated name before a hyphen: "al-Bab", "ez-Zor", "el-Sheikh".
_PARTICLE = re.compile(r"(?:a[lnrsdtz]|ash|el|e[sz]|ed|et|ul|ur|um|ibn|bin|bint|abu|bani|beni)-[A-Z]")
#: Lower-case words that may stand inside a name: "Dar es Salaam", "Rio de Janeiro", "Stoke-on-Trent", "Bosnia and
#: Herzegovina", "Frankfurt am Main", plus the generic words of curated names ("Zaporizhzhia nuclear power plant").
_NAME_INNER = frozenset(
    """of al el de on upon the du la le am an and es ez as ad ash at az ar ur ul um en sur sous les au aux des da do
    dos das del della di der den van von y bei im nuclear power plant bridge river sea strait island air base oblast
    region district city gulf""".split())
#: Romance particles joining the words of one name: what follows one after a capitalised word is no place alone.
_NAME_JOINERS = frozenset({"del", "della", "dello", "dos", "das"})
_EZAFE = frozenset({"e", "i", "ye", "yi"})
#: ... and before a capitalised word, these join the name before them to it ("Petite Riviere de l'Artibonite").
_HEAD_JOINERS = _NAME_JOINERS | {"de", "du", "des", "do", "da"}
_COMPASS_TAILS = frozenset({"sur", "norte", "sud", "nord", "est", "este", "oeste", "ouest", "occidental", "oriental",
                            "centro", "centre", "central"})
#: An English word opening a body's name is its place only when it is the own name of a city this big ("Reading
#: Borough Council", "Nice Police"): "Independence Day" and "Mobile Network Operators" name no place.
BODY_WORD_POP = 250_000
_JOIN = re.compile(r"[ \t]+|-")  # what may stand between two words of one name (a spaced dash is punctuation)
#: ... and after these abbreviations, their dot: "Fort St. John", "Mt. Kenya", "Ft. Worth".
_DOTTED = frozenset({"st", "ste", "mt", "ft", "pt"})
_SAINTS = frozenset({"st", "saint", "ste"})
_DOT_GAP = re.compile(r"\.[ \t]+")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|into|from|to|toward|towards|across|over|of|on)\s+(?:the\s+)?$", re.I)
#: "the town of Sake", "the village of Hope": a kind word says a common word is the name of a place of that kind.
_KIND_OF_BEFORE = re.compile(r"\b(?:" + KIND_OF_WORDS + r")\s+of\s+$", re.I)
#: "Cabaret, a town north of the capital": an appositive says a common word is the name of a place of that kind.
KIND_APPOSITIVE = Pattern(
    "a place's kind told after it", r"^\s*,\s+an?\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|port|settlement|commune|"
    r"suburb|neighbou?rhood|hamlet)\b",
    "Gangs attacked [Cabaret], a town north of the capital.", "Gangs attacked [Cabaret], a club north of the capital.",
    "after")
#: Abbreviations with two dots or more ("B.C.", "N.Y.", "P.E.I.") cannot be words: they name their state anywhere,
#: except after a number ("500 B.C.").
_DOTTED_ABBR = re.compile(r"(?<![\w.])(?<!\d )(" + "|".join(re.escape(a) for a in sorted(
    (a for a in STATE_ABBREVIATIONS if a.count(".") >= 2), key=len, reverse=True)) + r")(?!\w)")
_STATE_ABBR = re.compile(r"(?<=,)\s*(" + "|".join(re.escape(a) for a in sorted(STATE_ABBREVIATIONS, key=len,
                                                                                 reverse=True)) + r")(?!\w)")
_POSSESSIVE_GAP = re.compile(r"['’]s?[ \t]+")
_CONTRACTION = re.compile(r"['’](?:ve|re|d|ll|m|t)$", re.I)
#: A hyphen and a digit after a name make it a model's designation, no place ("Mi-8", "Su-25", "T-72"); a Persian
#: ezafe after it makes it the head of a longer name the gazetteer lacks ("Qala-e-Bakhtiar" is no Qala in Azerbaijan).
_DESIGNATION = re.compile(r"-\d|-(?:e|i|ye|yi)-[A-Z]")
#: A saint's title before a name ("the Mar Elias church").
_SAINT_TITLE_BEFORE = re.compile(r"\b(?:Mar|Mor|St\.?|Saint|Ste\.?|San|Santa|Sveti|Sfantul) $")
#: "Masisi and " before a name: the town it is listed with.
_LISTED_AFTER = re.compile(r"\b([A-Z][\w'’-]+)\s*(?:,|,?\s+and|,?\s+or)\s+$")
#: ", Pennsylvania" after a name: the region or country it is in.
_QUALIFIER = re.compile(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")
_GENERIC_AFTER = KIND_WORDS | {
    "river", "sea", "bridge", "plant", "airport", "cantonment", "garrison", "barracks"}
_NAME_TAIL_OK = _GENERIC_AFTER | TITLES | DEMONYMS


def _saint_church(text: str, start: int) -> bool:
    """Does the name at `start` (or the title just before it) open a saint's church (`SAINT_CHURCH`)?"""
    title = _SAINT_TITLE_BEFORE.search(text, max(0, start - 7), start)
    return SAINT_CHURCH.compiled.match(text, title.start() if title else start) is not None


class Token(NamedTuple):
    start: int
    end: int
    text: str
    possessive: bool
    capitalised: bool
    lower: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens with offsets (plus `offset`); a trailing possessive 's is split off and flagged.

    A hyphenated word is split at its hyphens ("Seattle-based", "India-Pakistan", "mid-Ohio"), so a place inside it
    is a token of its own; names with hyphens ("Ivano-Frankivsk", "Rostov-on-Don") still match, since a hyphen may
    join the words of one name. An Arabic article or particle before a hyphen stays with its name and makes it a
    name ("al-Bab", "Deir ez-Zor", "Sharm el-Sheikh")."""
    out = []
    for m in _TOKEN.finditer(text):
        s, w = m.start(), m.group()
        if w[-1] not in "'’s-" and "-" not in w:  # most words: nothing to split off
            # an elided particle before a capital ("Côte d'Ivoire", "Val d'Oise") reads as a capitalised word
            cap = w[0].isupper() or w[1:2] in ("'", "’") and w[2:3].isupper()
            out.append(Token(s + offset, s + offset + len(w), w, False, cap, w.lower()))
            continue
        poss = False
        if w[-1] in "'’s" and len(w) > 2 and w[-2:] in ("'s", "’s"):
            w, poss = w[:-2], True
        elif w[-1] in "'’":
            w, poss = w[:-1], w[-2:-1] == "s"
        if w[0] == "-" or w[-1] == "-":
            lead = len(w) - len(w.lstrip("-"))
            w, s = w.strip("-"), s + lead
        if not w:
            continue
        if "-" in w and not _PARTICLE.match(w):
            k = s
            parts = w.split("-")
            for n, part in enumerate(parts):
                if part:
                    last = n == len(parts) - 1
                    out.append(Token(k + offset, k + offset + len(part), part, poss and last, part[0].isupper(),
                                     part.lower()))
                k += len(part) + 1
            continue
        out.append(Token(s + offset, s + offset + len(w), w, poss, w[0].isupper() or "-" in w, w.lower()))
    return out


def _run_breaker(tok: Token) -> bool:
    """Words that end a capitalised run: titles and demonyms ("Kyiv Mayor Vitali Klitschko")."""
    lw = tok.lower
    return lw in TITLES or lw in DEMONYMS or lw.split("-")[0] in DEMONYMS


def _is_sentence_initial(text: str, tok: Token) -> bool:
    """Nothing but whitespace, an opening quote/bracket, a colon, a dash or "..." before the token. Scans back over
    the whitespace only (copying the article up to every token made long articles quadratic)."""
    if tok.start and text[tok.start - 1] == "-":
        return False  # "mid-Ohio", "Seattle-based": the hyphen glues it to a word
    i = tok.start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] in "\"“‘'(:—-–" or text.endswith("...", 0, i)


def _joined_tail(text: str, toks: list[Token], i: int) -> bool:
    """Is toks[i] joined to a capitalised word before it by a Romance particle (`_NAME_JOINERS`)? Then it is the
    tail of a longer name the gazetteer lacks: "Maguindanao del Sur" holds no Sur in Oman. So does a Persian ezafe
    between hyphens: "Qala-e-Bakhtiar" holds no Bakhtiar in Iran."""
    if i < 2 or not toks[i - 2].capitalised:
        return False
    gaps = text[toks[i - 2].end:toks[i - 1].start], text[toks[i - 1].end:toks[i].start]
    if toks[i - 1].lower in _EZAFE:
        return gaps == ("-", "-")
    return toks[i - 1].lower in _NAME_JOINERS and all(_JOIN.fullmatch(g) for g in gaps)


def _joined_head(text: str, toks: list[Token], j: int) -> bool:
    """Does a Romance particle and a capitalised word follow the name ending before toks[j] (`_HEAD_JOINERS`)? Then
    the name is the head of a longer one the gazetteer lacks (the longest match took the gazetteer's own): "Petite
    Riviere de l'Artibonite" holds no Petite Riviere in Mauritius. A compass word after it names a part of the place
    (`_COMPASS_TAILS`: "Maguindanao del Sur" lies in the Maguindanao the gazetteer has), which keeps its name."""
    if j + 1 >= len(toks) or toks[j].lower not in _HEAD_JOINERS or toks[j].capitalised:
        return False
    nxt = toks[j + 1]
    return nxt.capitalised and nxt.lower not in _COMPASS_TAILS and text[toks[j - 1].end:toks[j].start] == " " \
        and text[toks[j].end:nxt.start] == " "


def _is_dateline(text: str, first: Token, last: Token) -> bool:
    """An all-capitals place opening a paragraph and followed by a comma, dash or '(': a wire dateline."""
    line_start = text.rfind("\n", 0, first.start) + 1
    follows = text[last.end: last.end + 3]
    return not text[line_start: first.start].strip() and bool(re.match(r"\s*(?:,|\(|-|–|—)", follows))


class ToponymFinder:
    """Finds place-name mentions in a document's sentences (pipeline step `toponyms`)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or load_gazetteer()
        # A sentence-opening "Cases" or "Samples" is no alias of a village; "Leeds" and "Wales" stay names.
        self.common = common_words() | {w for w in inflected_words() if not any(
            own for _, _, own, _ in self.gaz.matches(w))}

    def _longest_match(self, text: str, toks: list[Token], i: int) -> int:
        """Length in tokens of the longest gazetteer name starting at toks[i] (0 if none)."""
        best = 0
        limit = min(len(toks), i + self.gaz.max_tokens)
        for j in range(i, limit):
            if j > i:
                gap = text[toks[j - 1].end: toks[j].start]
                # a possessive may sit inside a name ("People's Republic of China", "Martha's Vineyard")
                if not (_JOIN.fullmatch(gap) or toks[j - 1].possessive and _POSSESSIVE_GAP.fullmatch(gap)
                        or toks[j - 1].lower in _DOTTED and _DOT_GAP.fullmatch(gap)):
                    break
            # a lower-case word hyphened to the name may join it too ("Mazar-e-Sharif", "Sidi-bel-Abbes",
            # "Pakistan-administered Kashmir"): the gazetteer decides
            if j > i and not toks[j].capitalised and toks[j].lower not in _NAME_INNER \
                    and text[toks[j - 1].end: toks[j].start] != "-":
                break
            if self.gaz.has(text[toks[i].start: toks[j].end]) and not (
                    toks[i].lower == "the" and not any(t.capitalised for t in toks[i + 1: j + 1])):
                best = j - i + 1  # not "The city" opening a sentence (an alias of the City of London)
        return best

    def _conjunct_split(self, text: str, toks: list[Token], i: int, n: int) -> int:
        """The length of a name "X and Y" cut to "X" when its last conjunct runs on into a longer name: "the West
        Bank and Gaza Strip" is two places, not the alias "West Bank and Gaza" and a stray "Strip". "Trinidad and
        Tobago Police" keeps its name (no "Tobago Police" in the gazetteer)."""
        if n < 3 or i + n >= len(toks):
            return n
        for a in range(i + 1, i + n - 1):
            if toks[a].lower == "and" and self._longest_match(text, toks, a + 1) > i + n - a - 1 \
                    and self.gaz.has(text[toks[i].start: toks[a - 1].end]):
                return a - i
        return n

    def _run_end(self, text: str, toks: list[Token], i: int) -> int:
        """Index after the capitalised run starting at toks[i] (titles and demonyms end a run)."""
        j = i + 1
        while j < len(toks):
            gap = text[toks[j - 1].end: toks[j].start]
            if not (_JOIN.fullmatch(gap) or toks[j - 1].lower in _DOTTED and _DOT_GAP.fullmatch(gap)) \
                    or toks[j - 1].possessive:
                break
            t = toks[j]
            if not t.capitalised or _run_breaker(t) or t.lower in _GENERIC_AFTER or t.lower in NEVER_PLACES:
                break
            j += 1
        return j

    def find(self, doc: Doc) -> list[Mention]:
        """Every place mention of the document, in text order: gazetteer names, agency state abbreviations and
        "the capital"; names learnt as persons anywhere in the article are dropped."""
        persons = doc.persons
        found: list[Mention] = []
        for si, sent in enumerate(doc.sentences):
            found.extend(self._sentence_names(doc.article.text, tokenize(sent.text, sent.start), si, persons))
        found = _state_abbreviations(doc, found)
        found.extend(capitals(doc, found, self.gaz.country_of))
        found.sort(key=lambda m: m.start)
        # Names learnt later in the article ("Henry Kissinger" after an early "Kissinger") apply everywhere.
        found = [m for m in found if m.hint == "demonym" or not (" " not in m.text and m.text.lower() in persons)]
        spread_hints(doc.article.text, found)
        return found

    def _sentence_names(self, text: str, toks: list[Token], si: int, persons: set[str]) -> list[Mention]:
        """The gazetteer names and demonyms among one sentence's capitalised runs; the words of runs that look like
        a person's or a body's name go into `persons`."""
        found: list[Mention] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            if not tok.capitalised:
                i += 1
                continue
            n = self._conjunct_split(text, toks, i, self._longest_match(text, toks, i))
            if n <= 1 and (DEMONYM_COUNTRY.get(tok.lower) or tok.lower in DEMONYM_PLACE) and not tok.possessive:
                # "Russian drones": a mention of Russia for geoparse, never an event place
                found.append(Mention(tok.start, tok.end, tok.text, si, hint="demonym"))
                i += 1
                continue
            if n <= 1 and (_run_breaker(tok) or tok.lower in NEVER_PLACES or tok.lower in KIND_WORDS):
                i += 1  # titles, demonyms and function words may only open a longer name ("South Sudan")
                continue
            run_end = self._run_end(text, toks, i)
            m, resume = self._run_place(text, toks, i, n, run_end, persons)
            if m is not None:
                m.sentence = si
                found.append(m)
            i = max(run_end, i + 1) if resume is None else resume
        return found

    def _run_place(self, text: str, toks: list[Token], i: int, n: int, run_end: int,
                   persons: set[str]) -> tuple[Mention | None, int | None]:
        """The place a capitalised run starting at toks[i] names (the gazetteer's n-token name there, or one ending
        the run), and the token index to go on from (None: after the run). Learns the run's other words as names."""
        if n == 0:
            tail = self._tail_place(text, toks, i, run_end) if run_end - i >= 2 else None
            m = self._accept(text, toks, tail[0], tail[1], run_end, persons) if tail else None
            if m is not None:
                persons.update(t.lower for t in toks[i:tail[0]] if not self._notable(t.text))
                return m, run_end
            # a capitalised run that is no place: remember its words as names if it looks like one
            if run_end - i >= 2 or (i > 0 and toks[i - 1].lower in TITLES):
                persons.update(t.lower for t in toks[i:run_end] if not self._notable(t.text))
            return None, None
        m = self._accept(text, toks, i, n, run_end, persons)
        if m is not None:
            return m, i + n
        # "Vladimir Putin", "Kenya Red Cross": the words after the place name the person or body
        persons.update(t.lower for t in toks[i + n:run_end] if not self._notable(t.text))
        return None, max(run_end, i + n)

    def _modifies(self, text: str, toks: list[Token], i: int, n: int, persons: set[str]) -> bool:
        """A notable place that opens a longer name whose next word is a common English word or follows a hyphen
        names the body's place: "U.S. Department of Justice", "Kentucky State Police", "Winnipeg Free Press",
        "Canada-EU deal", "India-Pakistan border" -- not "Vladimir Putin" or "Al Jazeera", whose next word is none."""
        nxt = toks[i + n]
        surface = text[toks[i].start: toks[i + n - 1].end]
        if not self._notable(surface):
            return False
        if n == 1 and toks[i].lower in self.common and not any(
                own and p.population >= BODY_WORD_POP for p, _, own, _ in self.gaz.matches(surface)):
            return False  # "Drug Enforcement Administration" (an alias of Durg), "Independence Day", "Mobile Network"
        if text[toks[i + n - 1].end: nxt.start] == "-":
            return True
        return nxt.lower in self.common and nxt.lower not in persons and not nxt.text.isupper()

    def _tail_place(self, text: str, toks: list[Token], i: int, run_end: int) -> tuple[int, int] | None:
        """A notable place that ends a capitalised run after a common word or an acronym: "Environment Canada",
        "CBC Toronto", "Taco Bell Canada", "Current Hong Kong legislation" -- where the place names the body's or
        the thing's country or city. Not after a first name ("Michael Jordan": `michael` is no common word).
        Returns (token index, length in tokens) or None."""
        for k in range(i + 1, run_end):
            n = self._longest_match(text, toks, k)
            if n and k + n == run_end:
                prev, surface = toks[k - 1], text[toks[k].start: toks[k + n - 1].end]
                if prev.possessive or not (prev.lower in self.common or prev.text.isupper() and len(prev.text) <= 5) \
                        or _CONTRACTION.search(prev.text) or n == 1 and toks[k].lower in BODY_TAILS:
                    return None  # "Trillium Health Centre", "the Adjustment Act": the body's kind word, no place
                # "Later Pokrovsk was shelled": a common word opening the sentence says nothing, any place follows
                opener = k - 1 == i and prev.lower in self.common and (i == 0 or _is_sentence_initial(text, prev))
                if not opener and not self._notable(surface):
                    return None
                return k, n
        return None

    def _notable(self, word: str) -> bool:
        """A word that names a country, region or sizeable city: never learnt as a person's name ("Taco Bell
        Canada" must not make every later "Canada" a person; "John Steele" may make "Steele" one)."""
        return any(c.kind in ("country", "region", "sea", "continent") or c.population >= 100_000
                   for c in self.gaz.candidates(word))

    def _accept(self, text: str, toks: list[Token], i: int, n: int, run_end: int,
                persons: set[str]) -> Mention | None:
        first, last = toks[i], toks[i + n - 1]
        surface = text[first.start: last.end]
        words = [t.lower for t in toks[i: i + n]]
        if n == 1 and (i > 0 and toks[i - 1].lower in TITLES and toks[i - 1].capitalised
                       or _joined_tail(text, toks, i)) or _joined_head(text, toks, i + n):
            return None  # "Governor Kuleba", "Maguindanao del Sur", "Petite-Riviere de l'Artibonite"
        if i + n < run_end and not self._modifies(text, toks, i, n, persons):
            return None  # the run goes on past the place: "Vladimir Putin", "Al Jazeera"
        if n == 1 and words[0] in persons:
            return None
        if len(surface) >= 4 and surface.isalpha() and surface.isupper() and not _is_dateline(text, first, last) \
                and not any(c.kind == "country" for c in self.gaz.candidates(surface)):
            return None  # YASNO, NATO; but "WASHINGTON (Reuters) -" is a dateline, and USSR a country
        if n == 1 and surface.replace(".", "").isupper() and len(surface.replace(".", "")) <= 4 and not any(
                c.kind in ("country", "region") for c in self.gaz.candidates(surface)) \
                and not _is_dateline(text, first, last):
            return None  # acronyms (HIV, FAO, U.N.) unless they name a country or region (US, UK, UAE, NSW) or
            # open a dateline ("JOS, Nigeria, April 8 -")
        if _CONTRACTION.search(surface):
            return None  # I've, We're
        if last.possessive and words[0] in _SAINTS and SAINT_BUILDING.compiled.match(text, first.start):
            return None
        if _saint_church(text, first.start):
            return None
        if self._names_other(text, last.end, surface) or VESSEL_BEFORE.compiled.search(text, max(0, first.start - 12),
                                                                                     first.start):
            return None
        if n == 1 and (words[0] in DEMONYMS or words[0] in TITLES or words[0] in ORGANISATIONS):
            return None
        if n == 1 and words[0] in self.common and not surface.isupper():  # "US" is not "us"
            cands = self.gaz.candidates(surface)
            if not any(c.kind in ("country", "region", "sea", "continent") for c in cands):
                if _is_sentence_initial(text, first):
                    return None  # "Reading the report, ...": at a sentence start the capital says nothing
                before = text[max(0, first.start - 20): first.start]
                pop = max((c.population for c in cands if c.kind == "city"), default=0)
                if not (pop >= 100_000 or pop >= 20_000 and _LOCATIVE_BEFORE.search(before)
                        or pop > 0 and (_KIND_OF_BEFORE.search(before) or KIND_APPOSITIVE.match_at(
                            text[last.end:last.end + 50])) or self._qualified(text, last.end, cands)
                        or self._listed(before, cands)):
                    return None  # mid-sentence "Split" needs a big city, "in Hope" a town, "in Congress" is no place
        return Mention(first.start, last.end, surface, -1, hint=kind_hint(text, first.start, last.end))

    def _qualified(self, text: str, end: int, cands: list) -> bool:
        """Is the name followed by the region or country one of its readings lies in ("Butler, Pennsylvania",
        "Hope, Arkansas")? Then a common word is that place."""
        m = _QUALIFIER.match(text, end)
        if m is None:
            return False
        outer = [r for r in self.gaz.candidates(m.group(1)) if r.kind in ("region", "country")]
        return any(c.country_code == r.country_code and (r.kind == "country" or c.admin1 == r.admin1)
                   for c in cands if c.kind == "city" for r in outer)

    def _listed(self, before: str, cands: list) -> bool:
        """Is the name listed after a place of its country ("around Masisi and Sake")? Then a common word is a
        town of that list."""
        m = _LISTED_AFTER.search(before)
        if m is None:
            return False
        codes = {c.country_code for c in self.gaz.candidates(m.group(1)) if c.kind == "city"}
        return any(c.kind == "city" and c.country_code in codes for c in cands)

    def _names_other(self, text: str, end: int, surface: str) -> bool:
        """Does what follows the name make it the name of something else: a street or square named after the place
        ("Palestine Square" in Tehran), a criminal group ("the Sinaloa Cartel"), a people ("the Kuki communities";
        not a country's or region's "Anbar tribesmen"), a holiday ("a Lapu-Lapu Day festival"), a model or weapon
        ("a Mi-8 helicopter", "Su-25 jets", "Apache helicopters"), a ship ("the Magic Seas, a Greek-operated vessel";
        "the tanker Sounion" is read by the caller), a person of some age ("Jordan, 23,")?"""
        if STREET_AFTER.compiled.match(text, end) or _DESIGNATION.match(text, end) \
                or GROUP_NAMED_AFTER.compiled.match(text, end) or VESSEL_AFTER.match_at(text[end:end + 60]) \
                or AGE_AFTER.match_at(text[end:end + 6]):  # (both anchored with ^: matched on the slice)
            return True
        return any(p.compiled.match(text, end) for p in (PEOPLE_AFTER, HOLIDAY_AFTER, WEAPON_AFTER)) \
            and not any(c.kind in ("country", "region") for c in self.gaz.candidates(surface))

    def __call__(self, doc: Doc) -> Doc:
        doc.mentions = self.find(doc)
        return doc


def _state_abbreviations(doc: Doc, found: list[Mention]) -> list[Mention]:
    """`found` with the agency abbreviations of states and provinces: "Louisville, Ky.", "Vancouver, B.C." after a
    comma; the dotted ones ("in B.C.", "the N.Y. attorney general") anywhere -- where no other mention stands. After
    a comma the abbreviation wins over a gazetteer name that is its letters ("Churchill, Man." is Manitoba, not
    Man in Côte d'Ivoire)."""
    after_comma = [list(_STATE_ABBR.finditer(sent.text)) for sent in doc.sentences]
    letters = {(sent.start + a.start(1), sent.start + a.end(1) - 1)
               for sent, hits in zip(doc.sentences, after_comma, strict=True) for a in hits}
    found = [m for m in found if (m.start, m.end) not in letters]
    out: list[Mention] = []
    taken = SpanSet([(m.start, m.end) for m in found])
    for si, sent in enumerate(doc.sentences):
        for a in [*after_comma[si], *_DOTTED_ABBR.finditer(sent.text)]:
            start, end = sent.start + a.start(1), sent.start + a.end(1)
            if not taken.overlaps(start, end):
                out.append(Mention(start, end, a.group(1), si, hint="state"))
                taken.add(start, end)
    return found + out


#: A capitalised kind word that ends a place's name as written: "Aleppo City", "Hasakah Governorate", "Donetsk
#: Oblast", and the airport named after a town ("Deir Ezzor Military Airport"). The gazetteer resolves the name
#: without it, so the toponym step finds "Aleppo"; the word is still part of the toponym (the newswire labels count
#: it: 180 of the training split's labelled places end in City, District, Governorate or Province, while a
#: lower-case "city" or "district" after the name is left out of 160 others). Not when a capitalised word follows:
#: "U.S. District Court", "Westminster City Council" name bodies.
NAME_SUFFIX = Pattern(
    "kind word ending a name",
    r" (?:City|Governorate|Province|District|Region|Oblast|County|Prefecture|Municipality|"
    r"(?:(?:International|Military) )?(?:Airport|Air Base|Airbase))\b(?![ -]+[A-Z])",
    "Shells hit [Homs] City overnight.", "A [Homs] City Council member spoke.", "after", flags=0)


def name_suffixes(doc: Doc) -> Doc:
    """Pipeline step `suffixes`: widen each place mention over a kind word that ends its name (`NAME_SUFFIX`), and
    the event placed there. Runs after the event step, so resolution and the event model read the bare name."""
    text = doc.article.text
    widened: dict[tuple[int, str], str] = {}
    for m in doc.mentions:
        x = NAME_SUFFIX.compiled.match(text, m.end) if m.place is not None and m.hint != "demonym" else None
        if x is not None:
            widened[(m.start, m.text)] = m.text = text[m.start:x.end()]
            m.end = x.end()
    for ev in doc.events if widened else ():
        ev.place_text = widened.get((ev.place_start, ev.place_text), ev.place_text)
    return doc
