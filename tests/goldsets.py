"""What the gold-set tests share (tests/data/dev, val, blind2): loading, and the checks a gold file must pass.

Not a test module itself; each set's test file calls these so the three sets are held to one standard.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pytest

from geomap.articles import read_text_file
from geomap.models import EVENT_TYPES, Article

GAZETTEER = Path(__file__).parents[1] / "data" / "gazetteer.csv"

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


def load_gold(folder: Path) -> dict[str, dict]:
    raw = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def read_articles(folder: Path) -> dict[str, Article]:
    return {p.stem: read_text_file(p) for p in sorted(folder.glob("*.txt"))}


def check_pairing(folder: Path, gold: dict[str, dict]) -> set[str]:
    """Every gold key has its text file and the reverse; returns the stems."""
    texts = {p.stem for p in folder.glob("*.txt")}
    assert set(gold) == texts, f"gold without text: {set(gold) - texts}; text without gold: {texts - set(gold)}"
    for stem, g in gold.items():
        assert g["article"] == f"{stem}.txt"
        assert set(g) == {"article", "events", "forbidden", "not_places"}, stem
    return texts


def check_article(stem: str, art: Article, first: date, last: date, min_words: int, max_words: int) -> None:
    assert art.id == stem
    assert first <= art.published <= last
    assert not art.text.lstrip().lower().startswith("date"), "the date line leaked into the body"
    words = len(art.text.split())
    assert min_words <= words <= max_words, f"{stem}: {words} words"


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


def check_distinct_required(gold: dict[str, dict]) -> None:
    """Two required events at the same point must differ in date or type, or one prediction would satisfy both."""
    for stem, g in gold.items():
        seen = Counter((e["lat"], e["lon"], tuple(e["date"]), e["type"]) for e in g["events"] if e["required"])
        dup = [k for k, n in seen.items() if n > 1]
        assert not dup, f"{stem}: duplicate required events {dup}"


@lru_cache(maxsize=1)
def gazetteer_points() -> tuple[frozenset[tuple[int, int]], tuple[tuple[str, float, float], ...]]:
    """All gazetteer points on a 0.01° grid, plus the country label points (read once per test session)."""
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
    return frozenset(grid), tuple(countries)


def check_points_in_gazetteer(gold: dict[str, dict]) -> None:
    """Coordinates were copied from data/gazetteer.csv; a typo would silently move a gold event."""
    grid, _ = gazetteer_points()
    bad = []
    for stem, g in gold.items():
        for p in [*g["events"], *g["forbidden"]]:
            if "approximate" in p["place"]:
                continue
            key = (round(p["lat"] * 100), round(p["lon"] * 100))
            if not any((key[0] + a, key[1] + b) in grid for a in (-1, 0, 1) for b in (-1, 0, 1)):
                bad.append(f"{stem}: {p['place']} ({p['lat']}, {p['lon']})")
    assert not bad, "points not in the gazetteer (mark them 'approximate' if intended):\n" + "\n".join(bad)


def check_country_points_not_forbidden(gold: dict[str, dict]) -> None:
    """A country named as the event's country ("in central Burkina Faso") may be predicted at its label point; a
    metonym circle (Ouagadougou) must not swallow that point, or a fair coarse answer would count as forbidden."""
    _, countries = gazetteer_points()
    assert len(countries) > 150
    for stem, g in gold.items():
        for e in g["events"]:  # required or not: any gold event absorbs a prediction for precision
            for name, lat, lon in countries:
                if km(lat, lon, e["lat"], e["lon"]) > e["tol_km"]:
                    continue
                for f in g["forbidden"]:
                    assert km(lat, lon, f["lat"], f["lon"]) > f["radius_km"], \
                        f"{stem}: {name} label point matches {e['place']!r} but lies in forbidden {f['place']!r}"
