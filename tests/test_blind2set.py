"""Checks the second set itself (tests/data/blind2), with the same rules as tests/test_valset.py.

Like the validation set, blind2 was written without reading the extractor; it has since been tuned and trained on, so
it is a regression set (its first, blind run is in its README). Its checks only hold if the gold is sound: gazetteer
coordinates, forward date ranges near publication, ACLED types and sub-types, no gold point inside a forbidden
circle, no fair country label point inside one, and `not_places` that occur in the text. The helpers come from
tests/goldsets.py rather than being copied, so the three sets cannot drift apart. Scoring is left to
../shared/tools/score_events.py, not asserted here.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from goldsets import (
    SUB_TYPES,
    load_gold,
    read_articles,
)

from geomap.models import Article

BLIND2 = Path(__file__).parent / "data" / "blind2"
GOLD = load_gold(BLIND2)
#: A wire dateline such as "NEW DELHI/ISLAMABAD, May 7 - ".
DATELINE = re.compile(r"^[A-Z][A-Z /]+, [A-Z][a-z]+\.? \d{1,2} - ")


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return read_articles(BLIND2)


def test_no_article_repeats_a_dev_or_val_text() -> None:
    mine = {p.read_text(encoding="utf-8") for p in BLIND2.glob("*.txt")}
    for other in ("dev", "val"):
        assert not mine & {p.read_text(encoding="utf-8") for p in (BLIND2.parent / other).glob("*.txt")}, other


def test_set_covers_the_briefed_styles(articles: dict[str, Article]) -> None:
    """The set was asked for a protest, an agreement, a future announcement, datelines and relative dates."""
    events = [e for g in GOLD.values() for e in g["events"]]
    required = [e for e in events if e["required"]]
    subs = {e["sub_type"] for e in required}
    assert {"Peaceful protest", "Agreement"} <= subs
    assert subs <= set().union(*SUB_TYPES.values())
    assert len({e["type"] for e in required}) >= 5
    published = {stem: a.published for stem, a in articles.items()}
    future = [stem for stem, g in GOLD.items() for e in g["events"]
              if date.fromisoformat(e["date"][0]) > published[stem]]
    assert future, "no announced future event"  # check_events already keeps future events out of `required`
    assert sum(e["fatalities"] is not None and e["fatalities"] > 0 for e in required) >= 5
    assert sum(len(g["forbidden"]) > 0 for g in GOLD.values()) == len(GOLD)
    joined = " ".join(a.text for a in articles.values())
    assert sum(bool(DATELINE.match(a.text.lstrip())) for a in articles.values()) >= 8, "datelines"
    for phrase in ("on Monday", "on Tuesday", "on Wednesday", "on Friday", "on Saturday", "overnight",
                   "last month", "In October", "in November", "over the weekend"):
        assert phrase.lower() in joined.lower(), phrase
