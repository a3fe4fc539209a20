"""Checks the development set itself (tests/data/dev): a broken gold file would make every score meaningless.

The set is scored elsewhere (the lead's scoring test); here we only hold the data to the seed gold's format
(../shared/gold/seed_events.json) and to facts a gold file must not contradict: real coordinates, date ranges
that run forwards and sit near the publication date, ACLED types with their own sub-types, no gold event inside
its own article's forbidden circles, and `not_places` that actually occur in the text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from goldsets import (
    load_gold,
    read_articles,
)

from geomap.models import EVENT_TYPES, Article

DEV = Path(__file__).parent / "data" / "dev"
GOLD = load_gold(DEV)


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return read_articles(DEV)


def test_set_covers_every_event_type_and_the_key_sub_types() -> None:
    events = [e for g in GOLD.values() for e in g["events"]]
    required = [e for e in events if e["required"]]
    assert {e["type"] for e in required} == set(EVENT_TYPES)
    subs = {e["sub_type"] for e in required}
    for wanted in ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                   "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
                   "Attack", "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention",
                   "Violent demonstration", "Agreement", "Non-violent transfer of territory",
                   "Looting/property destruction", "Disrupted weapons use", "Arrests"):
        assert wanted in subs, f"no required event of sub-type {wanted!r}"
    assert sum(e["fatalities"] is not None and e["fatalities"] > 0 for e in required) >= 10
    # Date shapes: single days, multi-day ranges, month ranges and dates before the publication day.
    spans = [(date.fromisoformat(e["date"][1]) - date.fromisoformat(e["date"][0])).days for e in required]
    assert spans.count(0) >= 20 and any(1 <= s <= 7 for s in spans) and any(s >= 27 for s in spans)


def test_set_has_multi_event_sentences_and_metonyms(articles: dict[str, Article]) -> None:
    multi = [s for s, g in GOLD.items() if sum(e["required"] for e in g["events"]) >= 4]
    assert len(multi) >= 4, multi
    with_forbidden = [s for s, g in GOLD.items() if g["forbidden"]]
    assert len(with_forbidden) >= len(GOLD) - 2
    # The seed article's publication-date rules need weekday, relative and explicit-date wording.
    joined = " ".join(a.text for a in articles.values()).lower()
    for phrase in ("on monday", "overnight", "yesterday", "last week", "earlier this month", "earlier this week",
                   "in october", "last month", "in december", "sept. 12", "april 1", "feb. 24"):
        assert phrase in joined, phrase
