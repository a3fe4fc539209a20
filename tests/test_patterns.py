"""Every named pattern and event word fires on its own example sentence and not on its counter-example."""

from __future__ import annotations

import pytest

import geomap.events  # noqa: F401  (registers the events package's patterns)
import geomap.events.acled  # noqa: F401
import geomap.events.fatalities  # noqa: F401
import geomap.events.model  # noqa: F401
import geomap.events.slots  # noqa: F401
from geomap.events.triggers import TRIGGERS, find_triggers
from geomap.patterns import REGISTRY


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
