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
  mid-sentence they need to name a large city, or a town after a locative preposition ("in Split");
* all-capitals words of four letters or more (YASNO, NATO, subheads) are not places.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.lexicon import (
    CITY_WORDS,
    DEMONYM_COUNTRY,
    DEMONYMS,
    DISTRICT_WORDS,
    NEVER_PLACES,
    ORGANISATIONS,
    REGION_WORDS,
    STATE_ABBREVIATIONS,
    TITLES,
    common_words,
)
from geomap.models import Doc, Mention
from geomap.spans import SpanSet

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*|\d+", re.U)
_JOIN = re.compile(r"[ \t]+|[ \t]*-[ \t]*")  # what may stand between two words of one name
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|into|from|to|toward|towards|across|over|of|on)\s+(?:the\s+)?$", re.I)
_STATE_ABBR = re.compile(r"(?<=,)\s*(" + "|".join(re.escape(a) for a in sorted(STATE_ABBREVIATIONS, key=len,
                                                                                 reverse=True)) + r")(?!\w)")
_CAPITAL = re.compile(r"\bthe\s+(?:(?P<dem>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+)?(?P<cap>capital)\b(?!['’]s)"
                      r"(?!\s+(?:of|city|region|punishment|markets?|gains?|flight|spending|investment|letters?))")
_POSSESSIVE_GAP = re.compile(r"['’]s?[ \t]+")
_CONTRACTION = re.compile(r"['’](?:ve|re|d|ll|m|t)$", re.I)
_GENERIC_AFTER = REGION_WORDS | CITY_WORDS | DISTRICT_WORDS | {"river", "sea", "bridge", "plant", "airport"}
_NAME_TAIL_OK = _GENERIC_AFTER | TITLES | DEMONYMS


class Token(NamedTuple):
    start: int
    end: int
    text: str
    possessive: bool
    capitalised: bool
    lower: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens with offsets (plus `offset`); a trailing possessive 's is split off and flagged."""
    out = []
    for m in _TOKEN.finditer(text):
        s, w = m.start(), m.group()
        poss = False
        if w[-1] in "'’s" and len(w) > 2 and w[-2:] in ("'s", "’s"):
            w, poss = w[:-2], True
        elif w[-1] in "'’":
            w, poss = w[:-1], w[-2:-1] == "s"
        if w[0] == "-" or w[-1] == "-":
            w = w.strip("-")
        if w:
            out.append(Token(s + offset, s + offset + len(w), w, poss, w[0].isupper(), w.lower()))
    return out


def _run_breaker(tok: Token) -> bool:
    """Words that end a capitalised run: titles and demonyms ("Kyiv Mayor Vitali Klitschko")."""
    lw = tok.lower
    return lw in TITLES or lw in DEMONYMS or lw.split("-")[0] in DEMONYMS


def _is_sentence_initial(text: str, tok: Token) -> bool:
    """Nothing but whitespace, an opening quote/bracket, a colon, a dash or "..." before the token. Scans back over
    the whitespace only (copying the article up to every token made long articles quadratic)."""
    i = tok.start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] in "\"“‘'(:—-–" or text.endswith("...", 0, i)


def _is_dateline(text: str, first: Token, last: Token) -> bool:
    """An all-capitals place opening a paragraph and followed by a comma, dash or '(': a wire dateline."""
    before = text[max(0, first.start - 2): first.start]
    return (first.start == 0 or "\n" in before) and bool(re.match(r"\s*(?:,|\(|-|–|—)", text[last.end: last.end + 3]))


def _hint(text: str, start: int, end: int) -> str:
    """What the words around a name say it is: 'region', 'city' or 'district' ('' when silent)."""
    after = text[end: end + 30].lower().split()
    before = text[max(0, start - 30): start].lower().split()
    if after:
        w = after[0].strip(",.;:)\"'’")
        if w in REGION_WORDS:
            return "region"
        if w in DISTRICT_WORDS:
            return "district"
        if w in CITY_WORDS:
            return "city"
    if len(before) >= 2 and before[-1] == "of":
        w = before[-2]
        if w in CITY_WORDS:
            return "city"
        if w in REGION_WORDS:
            return "region"
        if w in DISTRICT_WORDS:
            return "district"
    if before and before[-1] == "the" and after and after[0].strip(",.") in ("city", "town"):
        return "city"
    return ""


class ToponymFinder:
    """Finds place-name mentions in a document's sentences (pipeline step `toponyms`)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or load_gazetteer()
        self.common = common_words()

    def _longest_match(self, text: str, toks: list[Token], i: int) -> int:
        """Length in tokens of the longest gazetteer name starting at toks[i] (0 if none)."""
        best = 0
        limit = min(len(toks), i + self.gaz.max_tokens)
        for j in range(i, limit):
            if j > i:
                gap = text[toks[j - 1].end: toks[j].start]
                # a possessive may sit inside a name ("People's Republic of China", "Martha's Vineyard")
                if not (_JOIN.fullmatch(gap) or toks[j - 1].possessive and _POSSESSIVE_GAP.fullmatch(gap)):
                    break
            if j > i and not toks[j].capitalised and toks[j].lower not in ("of", "al", "el", "de", "on", "upon",
                                                                              "the", "du", "la", "le", "am",
                                                                              "an", "nuclear", "power", "plant",
                                                                              "bridge", "river", "sea", "strait",
                                                                              "island", "air", "base", "oblast",
                                                                              "region", "district", "city", "gulf"):
                break
            if self.gaz.has(text[toks[i].start: toks[j].end]):
                best = j - i + 1
        return best

    def _run_end(self, text: str, toks: list[Token], i: int) -> int:
        """Index after the capitalised run starting at toks[i] (titles and demonyms end a run)."""
        j = i + 1
        while j < len(toks):
            gap = text[toks[j - 1].end: toks[j].start]
            if not _JOIN.fullmatch(gap) or toks[j - 1].possessive:
                break
            t = toks[j]
            if not t.capitalised or _run_breaker(t) or t.lower in _GENERIC_AFTER or t.lower in NEVER_PLACES:
                break
            j += 1
        return j

    def find(self, doc: Doc) -> list[Mention]:
        text = doc.article.text
        persons: set[str] = set()
        found: list[Mention] = []
        for si, sent in enumerate(doc.sentences):
            toks = tokenize(sent.text, sent.start)
            i = 0
            while i < len(toks):
                tok = toks[i]
                if not tok.capitalised:
                    i += 1
                    continue
                n = self._longest_match(text, toks, i)
                code = DEMONYM_COUNTRY.get(tok.lower) if n <= 1 else None
                if code and not tok.possessive:
                    # "Russian drones": a mention of Russia for geoparse, never an event place
                    found.append(Mention(tok.start, tok.end, tok.text, si, hint="demonym"))
                    i += 1
                    continue
                if n <= 1 and (_run_breaker(tok) or tok.lower in NEVER_PLACES):
                    i += 1  # titles, demonyms and function words may only open a longer name ("South Sudan")
                    continue
                run_end = self._run_end(text, toks, i)
                if n == 0:
                    # a capitalised run that is no place: remember its words as names if it looks like one
                    if run_end - i >= 2 or (i > 0 and toks[i - 1].lower in TITLES):
                        persons.update(t.lower for t in toks[i:run_end] if not self._notable(t.text))
                    i = max(run_end, i + 1)
                    continue
                m = self._accept(text, toks, i, n, run_end, persons)
                if m is not None:
                    m.sentence = si
                    found.append(m)
                    i += n
                else:
                    # "Vladimir Putin", "Kenya Red Cross": the words after the place name the person or body
                    persons.update(t.lower for t in toks[i + n:run_end] if not self._notable(t.text))
                    i = max(run_end, i + n)
        # "Louisville, Ky.", "Vancouver, B.C.": agency abbreviations of states and provinces after a comma.
        taken = SpanSet([(m.start, m.end) for m in found])
        for si, sent in enumerate(doc.sentences):
            for a in _STATE_ABBR.finditer(sent.text):
                start, end = sent.start + a.start(1), sent.start + a.end(1)
                if not taken.overlaps(start, end):
                    found.append(Mention(start, end, a.group(1), si, hint="state"))
        # "the capital", "the Ukrainian capital": the capital city (resolved from the demonym or the article's
        # main country) -- unless the city is named right after it ("the capital, Kyiv").
        starts = {m.start for m in found}
        for si, sent in enumerate(doc.sentences):
            for c in _CAPITAL.finditer(sent.text):
                dem = (c.group("dem") or "").lower()
                code = DEMONYM_COUNTRY.get(dem) if dem else ""
                start, end = sent.start + c.start("cap"), sent.start + c.end("cap")
                if code is None or not starts.isdisjoint(range(end + 1, end + 4)):
                    continue
                found.append(Mention(start, end, c.group("cap"), si, hint=f"capital:{code}" if code else "capital"))
        found.sort(key=lambda m: m.start)
        # Names learnt later in the article ("Henry Kissinger" after an early "Kissinger") apply everywhere.
        found = [m for m in found if m.hint == "demonym" or not (" " not in m.text and m.text.lower() in persons)]
        _spread_hints(text, found)
        return found

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
        if i > 0 and toks[i - 1].lower in TITLES and toks[i - 1].capitalised and n == 1:
            return None  # "Governor Kuleba"
        if i + n < run_end:
            return None  # the run goes on past the place: "Vladimir Putin", "Al Jazeera"
        if n == 1 and words[0] in persons:
            return None
        if len(surface) >= 4 and surface.isalpha() and surface.isupper() and not _is_dateline(text, first, last):
            return None  # YASNO, NATO; but "WASHINGTON (Reuters) -" is a dateline
        if n == 1 and surface.replace(".", "").isupper() and len(surface.replace(".", "")) <= 4 and not any(
                c.kind in ("country", "region") for c in self.gaz.candidates(surface)):
            return None  # acronyms (HIV, FAO, U.N.) unless they name a country or region (US, UK, UAE, NSW)
        if _CONTRACTION.search(surface):
            return None  # I've, We're
        if n == 1 and (words[0] in DEMONYMS or words[0] in TITLES or words[0] in ORGANISATIONS):
            return None
        if n == 1 and words[0] in self.common and not surface.isupper():  # "US" is not "us"
            cands = self.gaz.candidates(surface)
            if not any(c.kind in ("country", "region", "sea", "continent") for c in cands):
                if _is_sentence_initial(text, first):
                    return None  # "Reading the report, ...": at a sentence start the capital says nothing
                before = text[max(0, first.start - 20): first.start]
                pop = max((c.population for c in cands if c.kind == "city"), default=0)
                if not (pop >= 100_000 or pop >= 20_000 and _LOCATIVE_BEFORE.search(before)):
                    return None  # mid-sentence "Split" needs a big city, "in Hope" a town, "in Congress" is no place
        return Mention(first.start, last.end, surface, -1, hint=_hint(text, first.start, last.end))

    def __call__(self, doc: Doc) -> Doc:
        doc.mentions = self.find(doc)
        return doc


def _spread_hints(text: str, mentions: list[Mention]) -> None:
    """'the Solomyanskyi and Shevchenkivskyi districts': the plural kind word covers every name of the list."""
    for a, b in zip(reversed(mentions[:-1]), reversed(mentions[1:]), strict=True):
        if (not a.hint and b.hint in ("region", "city", "district")
                and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[a.end: b.start])
                and re.match(r"\s+\w+s\b", text[b.end: b.end + 30])):  # "Pokrovsk, Donetsk region" is no list
            a.hint = b.hint
