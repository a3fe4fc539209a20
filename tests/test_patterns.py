"""Every named pattern and event word fires on its own example sentence and not on its counter-example."""

from __future__ import annotations

import pytest

import geomap.events  # noqa: F401  (registers the events package's patterns)
import geomap.events.acled  # noqa: F401
import geomap.events.extract  # noqa: F401
import geomap.events.fatalities  # noqa: F401
import geomap.events.model  # noqa: F401
import geomap.events.slots  # noqa: F401
import geomap.resolve  # noqa: F401
from geomap.events.triggers import TRIGGERS, find_triggers
from geomap.patterns import REGISTRY, lowered_text


def test_every_module_registers_patterns():
    assert len(REGISTRY) >= 30


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_pattern_matches_its_example_and_not_its_counter_example(name):
    p = REGISTRY[name]
    assert p.hits(p.match), f"{name!r} does not match {p.match!r}"
    assert not p.hits(p.miss), f"{name!r} matches {p.miss!r}"


@pytest.mark.parametrize("trigger", TRIGGERS, ids=lambda t: t.name)
def test_trigger_finds_its_example_and_not_its_counter_example(trigger):
    assert trigger in [f.trigger for f in find_triggers(trigger.match)], trigger.match
    assert trigger not in [f.trigger for f in find_triggers(trigger.miss)], trigger.miss


def test_trigger_names_are_unique():
    assert len({t.name for t in TRIGGERS}) == len(TRIGGERS)


NEWS = [
    "Russian missiles struck Kharkiv's northern outskirts on Tuesday, killing three, the governor said.",
    "The junta in Niamey denied that the embassy of France in Niamey was attacked by protesters.",
    "Officials fear the rebels could attack the town, 40 km north of Goma, unless a truce holds.",
    "IN ISTANBUL, POLICE FIRED TEAR GAS AT MARCHERS; İstanbul's governor banned the rally.",
    "Fighting raged in the Kyiv suburb of Irpin, and shells fell on Bucha and Hostomel overnight.",
]


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_lowered_fast_path_finds_what_the_pattern_finds(name):
    p = REGISTRY[name]
    for text in [p.match.replace("[", "").replace("]", ""), p.miss.replace("[", "").replace("]", ""), *NEWS]:
        for cut in range(0, len(text), 7):
            head, tail = text[:cut], text[cut:]
            a, b = p.compiled.search(head), p.search_lowered(head, lowered_text(head))
            assert (a and a.span()) == (b and b.span()), (name, head)
            a, b = p.compiled.match(tail), p.match_lowered(tail, lowered_text(tail))
            assert (a and a.span()) == (b and b.span()), (name, tail)
        assert [m.span() for m in p.compiled.finditer(text)] == \
            [m.span() for m in p.finditer_lowered(text, lowered_text(text))], (name, text)


@pytest.mark.parametrize("text", NEWS)
def test_triggers_fast_path_equals_the_case_insensitive_one(text):
    from geomap.events.triggers import _TRIGGER_RE

    slow = [(m.start(), m.end(), m.lastgroup) for m in _TRIGGER_RE.finditer(text)]
    assert [(f.start, f.end, f"t{TRIGGERS.index(f.trigger)}") for f in find_triggers(text)] == slow
