"""`alternation`: the same matches as one alternation regex, found by trying each alternative only where it can
start."""

from __future__ import annotations

import re

import pytest

from geomap.alternation import WordAlternation, first_chars, split_top


@pytest.mark.parametrize("regex, chars", [
    ("kill(?:ed|ing)", {"k"}),
    ("(?:unknown |masked )?gunm[ae]n", {"u", "m", "g"}),  # an optional word lets the next one start the match
    ("[a-c]x|dy", {"a", "b", "c", "d"}),
    (r"(?<!not )shot\b", {"s"}),  # look-arounds are zero width
    (r"\w+ed", None),  # a category: any word character
    ("[^a]b", None),  # a negated class
    ("(?:ab)*", None),  # can match nothing: may start anywhere
])
def test_first_chars_reads_what_a_match_can_start_with(regex, chars):
    assert first_chars(regex) == (frozenset(chars) if chars is not None else None)


def test_split_top_splits_only_outside_groups_and_classes():
    assert split_top(r"a|b(?:c|d)|[|x]|e\|f") == ["a", "b(?:c|d)", "[|x]", r"e\|f"]


ALTERNATIVES = ["kill(?:ed|ing)?", "killing fields", "(?:armed )?gunmen", r"\w+ists", "arm"]
TEXTS = ["Armed gunmen were killing; the killing fields of Arm-land and jihadists and armists.",
         "gunmen gunmen killed", "", "arm armed armies"]


@pytest.mark.parametrize("text", TEXTS)
def test_word_alternation_finds_what_one_regex_finds(text):
    # leftmost, the first alternative in order at each position ("killing" before "killing fields"), no overlaps; an
    # alternative whose first character cannot be told (\w+ists) is tried at every word
    one = re.compile(r"(?<!\w)(?=\w)(?:" + "|".join(f"(?P<a{i}>{a})\\b" for i, a in enumerate(ALTERNATIVES)) + ")")
    low = text.lower()
    expected = [(m.start(), m.end(), int(m.lastgroup[1:])) for m in one.finditer(low)]
    assert list(WordAlternation(ALTERNATIVES, tail=r"\b").finditer(low)) == expected


def test_labels_name_the_pattern_an_alternative_came_from():
    alt = WordAlternation(["shell(?:ed|ing)", "shot", "struck"], tail=r"\b", labels=[0, 1, 1])
    assert [i for _, _, i in alt.finditer("troops shot and struck and shelled")] == [1, 1, 0]
