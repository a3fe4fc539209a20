"""Checks the development set itself (tests/data/dev): a broken gold file would make every score meaningless.

The set is scored elsewhere (the lead's scoring test); here we only hold the data to the seed gold's format
(../shared/gold/seed_events.json) and to facts a gold file must not contradict: real coordinates, date ranges
that run forwards and sit near the publication date, ACLED types with their own sub-types, no gold event inside
its own article's forbidden circles, and `not_places` that actually occur in the text.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from geomap.articles import read_text_file
from geomap.models import EVENT_TYPES, Article

DEV = Path(__file__).parent / "data" / "dev"
GOLD_PATH = DEV / "gold.json"

#: ACLED's sub-event types per event type (ACLED codebook, 2023 edition).
SUB_TYPES: dict[str, set[str]] = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
EVENT_KEYS = {"place", "lat", "lon", "tol_km", "date", "type", "required"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance, the same formula as shared/tools/score_events.py."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _load_gold() -> dict[str, dict]:
    raw = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return {k: v for k, v in raw.items() if not k.startswith("_")}


GOLD = _load_gold()
STEMS = sorted(GOLD)


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return {p.stem: read_text_file(p) for p in sorted(DEV.glob("*.txt"))}


def test_gold_keys_and_text_files_match_one_to_one() -> None:
    texts = {p.stem for p in DEV.glob("*.txt")}
    assert len(texts) >= 24
    assert set(GOLD) == texts, f"gold without text: {set(GOLD) - texts}; text without gold: {texts - set(GOLD)}"
    for stem, g in GOLD.items():
        assert g["article"] == f"{stem}.txt"
        assert set(g) == {"article", "events", "forbidden", "not_places"}, stem


@pytest.mark.parametrize("stem", STEMS)
def test_article_parses_and_is_news_sized(stem: str, articles: dict[str, Article]) -> None:
    art = articles[stem]
    assert art.id == stem
    assert date(2020, 1, 1) <= art.published <= date(2026, 12, 31)
    assert not art.text.lstrip().lower().startswith("date"), "the date line leaked into the body"
    words = len(art.text.split())
    assert 120 <= words <= 400, f"{stem}: {words} words"


def check_events(stem: str, g: dict, published: date) -> None:
    """Every gold event of one article is well formed (shared with tests/test_valset.py)."""
    assert any(e["required"] for e in g["events"]), "every article needs a required event"
    for e in g["events"]:
        where = f"{stem}: {e.get('place')!r}"
        assert EVENT_KEYS <= set(e), f"{where} lacks {EVENT_KEYS - set(e)}"
        assert isinstance(e["place"], str) and e["place"].strip(), where
        assert isinstance(e["lat"], int | float) and -90 <= e["lat"] <= 90, where
        assert isinstance(e["lon"], int | float) and -180 <= e["lon"] <= 180, where
        assert isinstance(e["tol_km"], int | float) and 1 <= e["tol_km"] <= 1000, where
        assert isinstance(e["required"], bool), where
        assert e["type"] in EVENT_TYPES, where
        assert e["sub_type"] in SUB_TYPES[e["type"]], f"{where}: {e['sub_type']!r} is not a {e['type']} sub-type"
        assert isinstance(e["actors"], list) and all(isinstance(a, str) and a for a in e["actors"]), where
        fat = e["fatalities"]
        assert fat is None or (isinstance(fat, int) and not isinstance(fat, bool) and fat >= 0), where
        lo, hi = e["date"]
        assert ISO.match(lo) and ISO.match(hi), where
        d0, d1 = date.fromisoformat(lo), date.fromisoformat(hi)
        assert d0 <= d1, f"{where}: range runs backwards"
        assert published - timedelta(days=800) <= d0, f"{where}: more than two years before publication"
        # News reports what has happened; announced future events (talks, drills) are never required.
        if e["required"]:
            assert d1 <= published, f"{where}: required event ends after publication {published}"
        else:
            assert d1 <= published + timedelta(days=60), where


def check_forbidden_and_not_places(stem: str, g: dict, text: str) -> None:
    """Forbidden circles never hold a gold point; every not_place occurs in the text (shared with test_valset)."""
    for f in g["forbidden"]:
        assert set(f) == {"place", "lat", "lon", "radius_km"}, f
        assert -90 <= f["lat"] <= 90 and -180 <= f["lon"] <= 180, f
        assert 1 <= f["radius_km"] <= 3000, f
        for e in g["events"]:
            d = km(e["lat"], e["lon"], f["lat"], f["lon"])
            # A gold point inside a forbidden circle could never be matched: the scorer checks forbidden first.
            assert d > f["radius_km"], f"{stem}: gold {e['place']!r} lies {d:.0f} km from forbidden {f['place']!r}"
    assert g["not_places"], f"{stem}: every article names at least one person/organisation trap"
    for name in g["not_places"]:
        assert isinstance(name, str) and name in text, f"{stem}: not_place {name!r} does not occur in the text"


@pytest.mark.parametrize("stem", STEMS)
def test_events_are_well_formed(stem: str, articles: dict[str, Article]) -> None:
    assert GOLD[stem]["events"], "every article needs at least one gold event"
    check_events(stem, GOLD[stem], articles[stem].published)


@pytest.mark.parametrize("stem", STEMS)
def test_forbidden_and_not_places_are_consistent(stem: str, articles: dict[str, Article]) -> None:
    check_forbidden_and_not_places(stem, GOLD[stem], articles[stem].text)


def test_required_events_of_one_article_are_distinguishable() -> None:
    """Two required events at the same point must differ in date or type, or one prediction would satisfy both."""
    for stem, g in GOLD.items():
        seen = Counter((e["lat"], e["lon"], tuple(e["date"]), e["type"]) for e in g["events"] if e["required"])
        dup = [k for k, n in seen.items() if n > 1]
        assert not dup, f"{stem}: duplicate required events {dup}"


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


def test_no_country_point_that_matches_a_gold_event_is_forbidden() -> None:
    """A country named as the event's country ("in central Burkina Faso") may be predicted at its label point; a
    metonym circle (Ouagadougou) must not swallow that point, or a fair coarse answer would count as forbidden."""
    gaz = Path(__file__).parents[1] / "data" / "gazetteer.csv"
    if not gaz.exists():
        pytest.skip("data/gazetteer.csv not built")
    with gaz.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
        rows = csv.reader(line for line in fh if ",country," in line)
        col = {name: i for i, name in enumerate(header)}
        countries = [(r[col["name"]], float(r[col["lat"]]), float(r[col["lon"]]))
                     for r in rows if r[col["kind"]] == "country"]
    assert len(countries) > 150
    for stem, g in GOLD.items():
        for e in g["events"]:  # required or not: any gold event absorbs a prediction for precision
            for name, lat, lon in countries:
                if km(lat, lon, e["lat"], e["lon"]) > e["tol_km"]:
                    continue
                for f in g["forbidden"]:
                    assert km(lat, lon, f["lat"], f["lon"]) > f["radius_km"], \
                        f"{stem}: {name} label point matches {e['place']!r} but lies in forbidden {f['place']!r}"
