"""Checks the blind validation set itself (tests/data/val), the way tests/test_devset.py checks the dev set.

The validation set was written without looking at the extractor; it has since been tuned and trained on, so it is a
regression set (its first, blind run is in its README). Its checks only hold if the gold is sound: real coordinates
(each point is a gazetteer entry unless marked approximate), date ranges that run forwards and sit near the
publication date, ACLED types with their own sub-types, no gold event inside its own article's forbidden circles, no
country label point that a fair coarse answer would use inside a forbidden circle, and `not_places` that actually
occur in the text. Scoring the set is left to the scorer (`../shared/tools/score_events.py tests/data/val/gold.json
tests/data/val`), not asserted here.
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

VAL = Path(__file__).parent / "data" / "val"
GOLD = load_gold(VAL)


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return read_articles(VAL)


def test_no_article_repeats_a_dev_set_text() -> None:
    dev = {p.read_text(encoding="utf-8") for p in (VAL.parent / "dev").glob("*.txt")}
    assert not dev & {p.read_text(encoding="utf-8") for p in VAL.glob("*.txt")}


def test_set_is_varied_enough_to_measure_generalisation(articles: dict[str, Article]) -> None:
    required = [e for g in GOLD.values() for e in g["events"] if e["required"]]
    assert {e["type"] for e in required} == set(EVENT_TYPES)
    assert sum(e["fatalities"] is not None and e["fatalities"] > 0 for e in required) >= 8
    spans = [(date.fromisoformat(e["date"][1]) - date.fromisoformat(e["date"][0])).days for e in required]
    assert spans.count(0) >= 10 and any(1 <= s <= 7 for s in spans) and any(s >= 27 for s in spans)
    assert sum(len(g["forbidden"]) > 0 for g in GOLD.values()) >= len(GOLD) - 1
    assert sum(sum(e["required"] for e in g["events"]) >= 3 for g in GOLD.values()) >= 4
    joined = " ".join(a.text for a in articles.values()).lower()
    for phrase in ("on monday", "on friday", "overnight", "last week", "earlier this month", "last month",
                   "in october", "in december", "in august", "late on saturday", "the city of", "region"):
        assert phrase in joined, phrase
