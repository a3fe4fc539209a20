"""The checks every gold set (tests/data/dev, val, blind2) must pass, run over each set and each of its articles.

Set-specific coverage checks (which rules a set exercises) stay in test_devset.py, test_valset.py and
test_blind2set.py. A broken gold file would make every score meaningless, so these hold the data to the seed gold's
format and to facts a gold file must not contradict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from goldsets import (
    check_article,
    check_country_points_not_forbidden,
    check_distinct_required,
    check_events,
    check_forbidden_and_not_places,
    check_pairing,
    check_points_in_gazetteer,
    load_gold,
    read_articles,
)

from geomap.models import Article

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class GoldSet:
    folder: str
    first: date  # publication dates allowed
    last: date
    min_words: int
    max_words: int
    min_articles: int
    max_articles: int
    gazetteer_points: bool  # every point copied from data/gazetteer.csv unless marked approximate


SETS = {
    "dev": GoldSet("dev", date(2020, 1, 1), date(2026, 12, 31), 120, 400, 24, 10_000, False),
    "val": GoldSet("val", date(2020, 1, 1), date(2026, 12, 31), 120, 350, 15, 18, True),
    "blind2": GoldSet("blind2", date(2022, 1, 1), date(2025, 12, 31), 150, 300, 10, 10, True),
}


@cache
def gold(name: str) -> dict[str, dict]:
    return load_gold(DATA / SETS[name].folder)


@cache
def articles(name: str) -> dict[str, Article]:
    return read_articles(DATA / SETS[name].folder)


ARTICLES = [(name, stem) for name in SETS for stem in sorted(gold(name))]


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_keys_and_text_files_match_one_to_one(name: str) -> None:
    s = SETS[name]
    assert s.min_articles <= len(check_pairing(DATA / s.folder, gold(name))) <= s.max_articles


@pytest.mark.parametrize("name, stem", ARTICLES)
def test_article_parses_and_is_news_sized(name: str, stem: str) -> None:
    s = SETS[name]
    check_article(stem, articles(name)[stem], s.first, s.last, s.min_words, s.max_words)


@pytest.mark.parametrize("name, stem", ARTICLES)
def test_events_are_well_formed(name: str, stem: str) -> None:
    assert gold(name)[stem]["events"], "every article needs at least one gold event"
    check_events(stem, gold(name)[stem], articles(name)[stem].published)


@pytest.mark.parametrize("name, stem", ARTICLES)
def test_forbidden_and_not_places_are_consistent(name: str, stem: str) -> None:
    check_forbidden_and_not_places(stem, gold(name)[stem], articles(name)[stem].text)


@pytest.mark.parametrize("name", sorted(SETS))
def test_required_events_of_one_article_are_distinguishable(name: str) -> None:
    check_distinct_required(gold(name))


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_country_point_that_matches_a_gold_event_is_forbidden(name: str) -> None:
    check_country_points_not_forbidden(gold(name))


@pytest.mark.parametrize("name", [n for n, s in SETS.items() if s.gazetteer_points])
def test_every_point_is_a_gazetteer_point_unless_marked_approximate(name: str) -> None:
    check_points_in_gazetteer(gold(name))
