"""Checks the blind validation set itself (tests/data/val), the way tests/test_devset.py checks the dev set.

The validation set was written without looking at the extractor, so its score says how well the rules generalise.
That only holds if the gold is sound: real coordinates (each point is a gazetteer entry unless marked approximate),
date ranges that run forwards and sit near the publication date, ACLED types with their own sub-types, no gold
event inside its own article's forbidden circles, no country label point that a fair coarse answer would use inside
a forbidden circle, and `not_places` that actually occur in the text. Scoring the set is left to the scorer
(`../shared/tools/score_events.py tests/data/val/gold.json tests/data/val`), not asserted here.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from test_devset import check_events, check_forbidden_and_not_places, km

from geomap.articles import read_text_file
from geomap.models import EVENT_TYPES, Article

VAL = Path(__file__).parent / "data" / "val"
GOLD_PATH = VAL / "gold.json"
GAZETTEER = Path(__file__).parents[1] / "data" / "gazetteer.csv"


def _load_gold() -> dict[str, dict]:
    raw = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return {k: v for k, v in raw.items() if not k.startswith("_")}


GOLD = _load_gold()
STEMS = sorted(GOLD)


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return {p.stem: read_text_file(p) for p in sorted(VAL.glob("*.txt"))}


@pytest.fixture(scope="module")
def gazetteer_points() -> tuple[set[tuple[int, int]], list[tuple[str, float, float]]]:
    """All gazetteer points on a 0.01° grid, plus the country label points."""
    if not GAZETTEER.exists():
        pytest.skip("data/gazetteer.csv not built")
    grid: set[tuple[int, int]] = set()
    countries: list[tuple[str, float, float]] = []
    with GAZETTEER.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        col = {name: i for i, name in enumerate(next(reader))}
        for row in reader:
            try:
                lat, lon = float(row[col["lat"]]), float(row[col["lon"]])
            except (ValueError, IndexError):
                continue
            grid.add((round(lat * 100), round(lon * 100)))
            if row[col["kind"]] == "country":
                countries.append((row[col["name"]], lat, lon))
    return grid, countries


def test_gold_keys_and_text_files_match_one_to_one() -> None:
    texts = {p.stem for p in VAL.glob("*.txt")}
    assert 15 <= len(texts) <= 18
    assert set(GOLD) == texts, f"gold without text: {set(GOLD) - texts}; text without gold: {texts - set(GOLD)}"
    for stem, g in GOLD.items():
        assert g["article"] == f"{stem}.txt"
        assert set(g) == {"article", "events", "forbidden", "not_places"}, stem


def test_no_article_repeats_a_dev_set_text() -> None:
    dev = {p.read_text(encoding="utf-8") for p in (VAL.parent / "dev").glob("*.txt")}
    assert not dev & {p.read_text(encoding="utf-8") for p in VAL.glob("*.txt")}


@pytest.mark.parametrize("stem", STEMS)
def test_article_parses_and_is_news_sized(stem: str, articles: dict[str, Article]) -> None:
    art = articles[stem]
    assert art.id == stem
    assert date(2020, 1, 1) <= art.published <= date(2026, 12, 31)
    assert not art.text.lstrip().lower().startswith("date"), "the date line leaked into the body"
    words = len(art.text.split())
    assert 120 <= words <= 350, f"{stem}: {words} words"


@pytest.mark.parametrize("stem", STEMS)
def test_events_are_well_formed(stem: str, articles: dict[str, Article]) -> None:
    check_events(stem, GOLD[stem], articles[stem].published)


@pytest.mark.parametrize("stem", STEMS)
def test_forbidden_and_not_places_are_consistent(stem: str, articles: dict[str, Article]) -> None:
    check_forbidden_and_not_places(stem, GOLD[stem], articles[stem].text)


def test_every_point_is_a_gazetteer_point_unless_marked_approximate(gazetteer_points) -> None:
    """Coordinates were copied from data/gazetteer.csv; a typo would silently move a gold event."""
    grid, _ = gazetteer_points
    bad = []
    for stem, g in GOLD.items():
        for p in [*g["events"], *g["forbidden"]]:
            if "approximate" in p["place"]:
                continue
            key = (round(p["lat"] * 100), round(p["lon"] * 100))
            near = any((key[0] + a, key[1] + b) in grid for a in (-1, 0, 1) for b in (-1, 0, 1))
            if not near:
                bad.append(f"{stem}: {p['place']} ({p['lat']}, {p['lon']})")
    assert not bad, "points not in the gazetteer (mark them 'approximate' if intended):\n" + "\n".join(bad)


def test_no_country_point_that_matches_a_gold_event_is_forbidden(gazetteer_points) -> None:
    _, countries = gazetteer_points
    assert len(countries) > 150
    for stem, g in GOLD.items():
        for e in g["events"]:
            for name, lat, lon in countries:
                if km(lat, lon, e["lat"], e["lon"]) > e["tol_km"]:
                    continue
                for f in g["forbidden"]:
                    assert km(lat, lon, f["lat"], f["lon"]) > f["radius_km"], \
                        f"{stem}: {name} label point matches {e['place']!r} but lies in forbidden {f['place']!r}"


def test_required_events_of_one_article_are_distinguishable() -> None:
    for stem, g in GOLD.items():
        seen = Counter((e["lat"], e["lon"], tuple(e["date"]), e["type"]) for e in g["events"] if e["required"])
        assert not [k for k, n in seen.items() if n > 1], stem


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
