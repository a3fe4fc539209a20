"""Named patterns as data: every regular expression the extractor relies on carries a sentence it must match and one
it must not, so a pattern cannot drift into matching everything (or nothing) without a test failing.

Examples are written for the pattern, never taken from a gold set. `tests/test_patterns.py` checks every
registered pattern against its two sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Every Pattern made, by name (filled at import time by the modules that define them).
REGISTRY: dict[str, Pattern] = {}


@dataclass(frozen=True)
class Pattern:
    """A regex with a name and two example sentences. `side` says which text the pattern reads when it is about a
    place: "before" (the text before the place, the pattern ends with `$`), "after" (the text after it, anchored at
    the start), "between" (the text between two places, both in brackets) or "" (anywhere in the sentence). In
    examples, the place is written in [brackets]."""

    name: str
    regex: str
    match: str
    miss: str
    side: str = ""
    flags: int = re.I
    compiled: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.regex, self.flags))
        REGISTRY[self.name] = self

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self.compiled.search(text, pos, len(text) if endpos is None else endpos)

    def match_at(self, text: str) -> re.Match | None:
        return self.compiled.match(text)

    def finditer(self, text: str):
        return self.compiled.finditer(text)

    def hits(self, example: str) -> bool:
        """Does the pattern fire on an example sentence (the place in [brackets] for before/after patterns)?"""
        if not self.side:
            return self.compiled.search(example.replace("[", "").replace("]", "")) is not None
        if self.side == "between":
            gap = example.split("]", 1)[1].split("[", 1)[0]
            return self.compiled.match(gap) is not None
        before, rest = example.split("[", 1)
        after = rest.split("]", 1)[1]
        if self.side == "before":
            return self.compiled.search(before[-80:]) is not None
        return self.compiled.match(after[:80]) is not None
