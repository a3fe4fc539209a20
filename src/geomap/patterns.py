"""Named patterns as data: every regular expression the extractor relies on carries a sentence it must match and one
it must not, so a pattern cannot drift into matching everything (or nothing) without a test failing.

Examples are written for the pattern, never taken from a gold set. `tests/test_patterns.py` checks every
registered pattern against its two sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field


def lowered_text(text: str) -> str | None:
    """`text.lower()` when lower-casing keeps every offset (almost always), else None: what `*_lowered` take."""
    low = text.lower()
    return low if len(low) == len(text) else None


def lower_regex(regex: str) -> str:
    """A regex for lower-cased text equivalent to `regex` with re.I: literal capitals and capital ranges become
    lower-case; escapes (\\S, \\W, \\B, \\A, \\Z, \\D) and group names are kept."""
    out, i = [], 0
    while i < len(regex):
        ch = regex[i]
        if ch == "\\" and i + 1 < len(regex):
            out.append(regex[i:i + 2])
            i += 2
            continue
        if regex.startswith("(?P", i):  # a group's name is kept as written
            j = regex.index(">" if regex.startswith("(?P<", i) else ")", i) + 1
            out.append(regex[i:j])
            i = j
            continue
        out.append(ch.lower())
        i += 1
    return "".join(out)


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
    #: For case-insensitive patterns: the same pattern over lower-cased text without re.I (about twice as fast).
    lowered: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.regex, self.flags))
        low = re.compile(lower_regex(self.regex), self.flags & ~re.I) if self.flags & re.I else None
        object.__setattr__(self, "lowered", low)
        if self.name in REGISTRY:  # a pattern's name is its feature's name: two would be one feature
            raise ValueError(f"two patterns named {self.name!r}")
        REGISTRY[self.name] = self

    def search_lowered(self, text: str, lowered: str | None) -> re.Match | None:
        """`search` on `text`, given `lowered` = `text.lower()`, or None when lower-casing moved offsets (then the
        case-insensitive regex reads `text`). Matches then hold lower-cased text: for callers that read positions or
        compare lower-cased."""
        if self.lowered is not None and lowered is not None:
            return self.lowered.search(lowered)
        return self.compiled.search(text)

    def match_lowered(self, text: str, lowered: str | None) -> re.Match | None:
        if self.lowered is not None and lowered is not None:
            return self.lowered.match(lowered)
        return self.compiled.match(text)

    def finditer_lowered(self, text: str, lowered: str | None) -> Iterator[re.Match]:
        if self.lowered is not None and lowered is not None:
            return self.lowered.finditer(lowered)
        return self.compiled.finditer(text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self.compiled.search(text, pos, len(text) if endpos is None else endpos)

    def match_at(self, text: str) -> re.Match | None:
        return self.compiled.match(text)

    def finditer(self, text: str) -> Iterator[re.Match]:
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
