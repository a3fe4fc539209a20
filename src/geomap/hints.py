"""Kind hints: what the words around a place name say it is ("the Kyiv region", "the town of Bakhmut", "the
Solomyanskyi and Shevchenkivskyi districts"). The resolver prefers readings of the hinted kind."""

from __future__ import annotations

import re

from geomap.lexicon import CITY_WORDS, DEMONYMS, DISTRICT_WORDS, REGION_WORDS
from geomap.models import Mention
from geomap.patterns import Pattern

#: A kind word that belongs to the name before it: "the Tillaberi region of " says nothing of what follows.
KIND_OF_A_NAME = Pattern("an admin kind word of the name before",
                         r"([A-Z][\w'’-]+)\s+(?:region|province|state|district|governorate|oblast|county|territory|"
                         r"department)\s+of\s+$",
                         "Attacks hit villages in the Tillaberi region of [Niger] on Monday.",
                         "Attacks hit villages in the region of [Kherson] on Monday.", "before", flags=0)


def _kind_of_a_name(text: str, start: int) -> bool:
    """Is the kind word before "of" a name's own ("the Tillaberi region of Niger"), not the place's after it ("the
    Ukrainian city of Dnipro": a demonym names no place)?"""
    m = KIND_OF_A_NAME.compiled.search(text, max(0, start - 40), start)
    return m is not None and m.group(1).lower() not in DEMONYMS


def kind_hint(text: str, start: int, end: int) -> str:
    """What the words around a name say it is: 'region', 'city', 'district' or 'part' (of a town: "the Karrada
    neighbourhood") ('' when silent)."""
    after = text[end: end + 30].lower().split()
    before = text[max(0, start - 30): start].lower().split()
    word = after[0] if after else ""
    if word.endswith(("'s", "’s")):
        word = word[:-2]  # "Katsina state's Malumfashi district"
    word = word.strip(",.;:)\"'’")
    kind = "region" if word in _REGIONAL else _words_kind(word) if word else ""  # "the Donetsk regional prosecutor"
    if not kind and len(before) >= 2 and before[-1] == "of" and not _kind_of_a_name(text, start):
        kind = _words_kind(before[-2])  # "the region of Kherson"; not "the Tillaberi region of Niger"
    if not kind and (m := _KIND_INCLUDING.search(text, max(0, start - 40), start)):
        kind = _words_kind(m.group(1).lower())  # "in several cities, including Chittagong"
    return kind


def spread_hints(text: str, mentions: list[Mention]) -> None:
    """'the Solomyanskyi and Shevchenkivskyi districts', 'the provinces of Latakia and Tartus', 'cities including
    Chittagong and Khulna': the plural kind word covers every name of the list."""
    listed: set[int] = set()  # names given their hint by a plural kind word after the list
    for a, b in zip(reversed(mentions[:-1]), reversed(mentions[1:]), strict=True):
        if (not a.hint and b.hint in _KIND_HINTS and _LIST_GAP.fullmatch(text[a.end: b.start])
                and (id(b) in listed or re.match(r"\s+\w+s\b", text[b.end: b.end + 30]))):  # "Pokrovsk, Donetsk
            a.hint = b.hint  # region" is no list; "the Kyiv, Sumy and Poltava regions" is, back to its first name
            listed.add(id(a))
    for a, b in zip(mentions[:-1], mentions[1:], strict=True):
        if (not b.hint and a.hint in _KIND_HINTS and _LIST_GAP.fullmatch(text[a.end: b.start])
                and (_PLURAL_KIND_OF.search(text, max(0, a.start - 30), a.start)
                     or _KIND_INCLUDING.search(text, max(0, a.start - 40), a.start))):
            b.hint = a.hint
    for m in mentions:
        tail = _LIST_THEN_KIND.match(text, m.end) if not m.hint else None
        if tail:  # "the Salah al-Din and Abu Salim neighbourhoods": the last name is one the gazetteer lacks
            m.hint = _words_kind(tail.group("k")[:-1])


#: Hints a list's kind word gives every name of the list.
_KIND_HINTS = ("region", "city", "district", "part")
#: A part of a town ("the Abu Salim neighbourhood"): never a region or a country (`resolve`).
PART_WORDS = frozenset("neighbourhood neighborhood neighbourhoods neighborhoods quarter".split())
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
#: A list's next names, then a plural kind word: "... and Abu Salim neighbourhoods", "... and Deir ez-Zor provinces".
_LIST_THEN_KIND = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s+(?:(?:[A-Z]|(?:al|el|ez|ad|as|ash)-[A-Z])[\w'’-]*\s+){1,3}"
                             r"(?P<k>[a-z]+s)\b")


#: Adjectives of a region's bodies after its name: "the Donetsk regional prosecutor" is the oblast's, not the city's.
_REGIONAL = frozenset({"regional", "provincial"})


def _words_kind(word: str) -> str:
    """'region', 'part', 'district' or 'city' for a kind word ('' for another word)."""
    return ("region" if word in REGION_WORDS else "part" if word in PART_WORDS else "district"
            if word in DISTRICT_WORDS else "city" if word in CITY_WORDS else "")
#: "in several cities, including Chittagong and Khulna": a plural kind word, then the list it includes.
_KIND_INCLUDING = re.compile(r"\b(\w+s),?\s+(?:including|such\s+as|like|notably|especially)\s+(?:the\s+)?$")
#: "the provinces of Latakia and Tartus": a plural kind word before the list.
_PLURAL_KIND_OF = re.compile(r"\b\w+s\s+of\s+(?:the\s+)?$")
