"""Checks the second blind set itself (tests/data/blind2), with the same rules as tests/test_valset.py.

Like the validation set, blind2 was written without reading the extractor, so its score measures generalisation
only if the gold is sound: gazetteer coordinates, forward date ranges near publication, ACLED types and sub-types,
no gold point inside a forbidden circle, no fair country label point inside one, and `not_places` that occur in the
text. The helpers are imported from tests/test_devset.py rather than copied, so the three sets cannot drift apart.
Scoring is left to ../shared/tools/score_events.py, not asserted here.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from test_devset import SUB_TYPES, check_events, check_forbidden_and_not_places, km

from geomap.articles import read_text_file
from geomap.models import Article

BLIND2 = Path(__file__).parent / "data" / "blind2"
GOLD_PATH = BLIND2 / "gold.json"
#: A wire dateline such as "NEW DELHI/ISLAMABAD, May 7 - ".
DATELINE = re.compile(r"^[A-Z][A-Z /]+, [A-Z][a-z]+\.? \d{1,2} - ")
GAZETTEER = Path(__file__).parents[1] / "data" / "gazetteer.csv"


def _load_gold() -> dict[str, dict]:
    raw = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return {k: v for k, v in raw.items() if not k.startswith("_")}


GOLD = _load_gold()
STEMS = sorted(GOLD)


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return {p.stem: read_text_file(p) for p in sorted(BLIND2.glob("*.txt"))}


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
    texts = {p.stem for p in BLIND2.glob("*.txt")}
    assert len(texts) == 10
    assert set(GOLD) == texts, f"gold without text: {set(GOLD) - texts}; text without gold: {texts - set(GOLD)}"
    for stem, g in GOLD.items():
        assert g["article"] == f"{stem}.txt"
        assert set(g) == {"article", "events", "forbidden", "not_places"}, stem


def test_no_article_repeats_a_dev_or_val_text() -> None:
    mine = {p.read_text(encoding="utf-8") for p in BLIND2.glob("*.txt")}
    for other in ("dev", "val"):
        assert not mine & {p.read_text(encoding="utf-8") for p in (BLIND2.parent / other).glob("*.txt")}, other


@pytest.mark.parametrize("stem", STEMS)
def test_article_parses_and_is_news_sized(stem: str, articles: dict[str, Article]) -> None:
    art = articles[stem]
    assert art.id == stem
    assert date(2022, 1, 1) <= art.published <= date(2025, 12, 31)
    assert not art.text.lstrip().lower().startswith("date"), "the date line leaked into the body"
    words = len(art.text.split())
    assert 150 <= words <= 300, f"{stem}: {words} words"


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
            if not any((key[0] + a, key[1] + b) in grid for a in (-1, 0, 1) for b in (-1, 0, 1)):
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
