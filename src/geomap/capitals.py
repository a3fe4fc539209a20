"""Capitals named by a word, not a name: "the capital", "the Ukrainian capital", "Peru's capital", "the country's
capital". Each becomes a mention with a `capital:<country code>` hint (a bare `capital` when the country is the
article's), which resolution turns into that country's capital city."""

from __future__ import annotations

import re
from collections.abc import Callable

from geomap.lexicon import DEMONYM_COUNTRY
from geomap.models import Doc, Mention
from geomap.patterns import Pattern

#: Words after "capital" that make it no city: "capital punishment", "capital markets", "the capital of".
_NOT_THE_CITY = r"(?!['’]s)(?!\s+(?:of|city|region|punishment|markets?|gains?|flight|spending|investment|letters?)\b)"
_CAPITAL = re.compile(r"\bthe\s+(?:(?P<dem>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+)?(?P<cap>capital)\b" + _NOT_THE_CITY)
#: "Peru's capital": the capital of the country just named, read after the owner's name.
OWNED_CAPITAL = Pattern(
    "a country's capital", r"^['’]s\s+(?P<cap>capital)\b" + _NOT_THE_CITY,
    "Police clashed with protesters in [Peru]'s capital on Wednesday.",
    "Police clashed with protesters in [Peru]'s capital markets on Wednesday.", "after")
#: "the country's capital": the capital of the article's country.
THE_COUNTRYS_CAPITAL = Pattern(
    "the country's capital", r"\bthe\s+(?:country|nation)['’]s\s+(?P<cap>capital)\b" + _NOT_THE_CITY,
    "Drones struck the country's capital overnight.", "Investors left the country's capital markets overnight.",
    flags=0)


def capitals(doc: Doc, found: list[Mention], country_of: Callable[[str], str | None]) -> list[Mention]:
    """"the capital", "the Ukrainian capital", "Peru's capital", "the country's capital": the capital city (resolved
    from the demonym, the country named, or the article's main country) -- unless the city is named right after it
    ("the capital, Kyiv"; not "the capital, Haitian officials said": a demonym names no city)."""
    starts = {m.start for m in found if m.hint != "demonym"}
    out: list[Mention] = []

    def add(si: int, start: int, end: int, text: str, code: str) -> None:
        if starts.isdisjoint(range(end + 1, end + 4)):
            out.append(Mention(start, end, text, si, hint=f"capital:{code}" if code else "capital"))

    text = doc.article.text
    for m in found:
        c = OWNED_CAPITAL.match_at(text[m.end:m.end + 60]) if text[m.end:m.end + 1] in ("'", "’") else None
        code = country_of(m.text) if c and m.hint != "demonym" else None
        if c and code:
            add(m.sentence, m.end + c.start("cap"), m.end + c.end("cap"), c.group("cap"), code)
    for si, sent in enumerate(doc.sentences):
        if "capital" not in sent.text:
            continue  # most sentences: neither pattern can match
        for c in _CAPITAL.finditer(sent.text):
            dem = (c.group("dem") or "").lower()
            code = DEMONYM_COUNTRY.get(dem) if dem else ""
            if code is not None:
                add(si, sent.start + c.start("cap"), sent.start + c.end("cap"), c.group("cap"), code)
        for c in THE_COUNTRYS_CAPITAL.finditer(sent.text):
            add(si, sent.start + c.start("cap"), sent.start + c.end("cap"), c.group("cap"), "")
    return out
