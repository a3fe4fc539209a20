"""Many named alternatives matched at word starts, each tried only where its first character allows.

The event words and the actor names are each one long alternation (`(?P<t0>...)|(?P<t1>...)|...`) run over every
sentence. Python's `re` tries every alternative at every word start, so each pattern added costs every sentence: the
actor names took 31 µs a sentence and, 12 names later, 45. `WordAlternation` gives the same matches as that one
regex run with `finditer` -- leftmost, at each position the first alternative in order that matches there, no
overlaps -- but at a word starting with "k" it tries only the alternatives that can start with "k". Which characters
an alternative can start with is read from the parsed regex (`first_chars`); where that cannot be told, the
alternative is tried everywhere, so the result never differs, only the speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import _constants as sre  # the parsed form of a regex; public in all but name since Python 3.11
from re import _parser as sre_parse

#: A character range wider than this is read as "any character" (its set would be large and useless).
_MAX_RANGE = 256
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def first_chars(regex: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of `regex` can start with (None: any, or not known; flags only for parsing, so for a
    case-insensitive use give the lower-cased regex and match lower-cased text)."""
    try:
        chars, nullable = _first(sre_parse.parse(regex, flags))
    except (re.error, TypeError, ValueError):
        return None
    return None if chars is None or nullable else frozenset(chars)


def _first(items) -> tuple[set[str] | None, bool]:
    """(first characters or None for any, whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the next item starts the match (a superset of what can start it)
        if op is sre.LITERAL:
            return out | {chr(av)}, False
        if op is sre.IN:
            chars = _in_chars(av)
            return (None, False) if chars is None else (out | chars, False)
        if op in (sre.BRANCH, sre.SUBPATTERN) or op in _REPEATS:
            subs = av[1] if op is sre.BRANCH else [av[-1]]
            nullable = op in _REPEATS and av[0] == 0
            for sub in subs:
                chars, empty = _first(sub)
                if chars is None:
                    return None, False
                out |= chars
                nullable = nullable or empty
            if not nullable:
                return out, False
            continue
        return None, False  # any character, a category, a back-reference: not told
    return out, True


def _in_chars(av) -> set[str] | None:
    """The characters of a `[...]` class, or None when it is negated, holds a category or a wide range."""
    chars: set[str] = set()
    for op, arg in av:
        if op is sre.LITERAL:
            chars.add(chr(arg))
        elif op is sre.RANGE and arg[1] - arg[0] <= _MAX_RANGE:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return chars


def split_top(regex: str) -> list[str]:
    """The top-level alternatives of `regex` ("a|b(?:c|d)" -> ["a", "b(?:c|d)"]): its `|` outside groups and
    classes."""
    parts, depth, in_class, i, last = [], 0, False, 0, 0
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or regex[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(regex[last:i])
            last = i + 1
        i += 1
    return parts + [regex[last:]]


class WordAlternation:
    """Alternatives matched where `start` holds (a word start), each followed by `tail`: the matches of
    `start(?:(?P<a0>alt0)tail|(?P<a1>alt1)tail|...)`. `finditer` yields (start, end, index of the alternative). For
    lower-cased text, build it from lower-cased alternatives."""

    def __init__(self, alternatives: Sequence[str], tail: str = "", flags: int = 0, start: str = r"(?<!\w)(?=\w)",
                 labels: Sequence[int] | None = None):
        """`labels`: what `finditer` yields for each alternative (default: its index), so that the top-level
        alternatives of one pattern (`split_top`) can be tried apart and still name it."""
        self._labels = list(labels) if labels is not None else list(range(len(alternatives)))
        firsts = [first_chars(a, flags) for a in alternatives]
        anywhere = [i for i, f in enumerate(firsts) if f is None]
        keys = sorted(set().union(*(f for f in firsts if f is not None)))
        self._by_char: dict[str, re.Pattern] = {}
        for c in keys:
            idx = sorted({i for i, f in enumerate(firsts) if f is not None and c in f} | set(anywhere))
            self._by_char[c] = self._compile(alternatives, idx, tail, flags)
        self._anywhere = self._compile(alternatives, anywhere, tail, flags) if anywhere else None
        starts = "" if anywhere else "[" + "".join(re.escape(c) for c in keys) + "]"
        self._starts = re.compile(start + (f"(?={starts})" if starts else ""), flags)

    @staticmethod
    def _compile(alternatives: Sequence[str], idx: list[int], tail: str, flags: int) -> re.Pattern:
        return re.compile("(?:" + "|".join(f"(?P<a{i}>{alternatives[i]}){tail}" for i in idx) + ")", flags)

    def finditer(self, text: str) -> Iterator[tuple[int, int, int]]:
        end = 0
        for s in self._starts.finditer(text):
            pos = s.start()
            if pos < end:
                continue
            rx = self._by_char.get(text[pos], self._anywhere)
            m = rx.match(text, pos) if rx is not None else None
            if m is not None:
                end = m.end()
                yield pos, end, self._labels[int(m.lastgroup[1:])]  # type: ignore[index]
