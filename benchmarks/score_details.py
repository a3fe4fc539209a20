"""What the shared scorer does not score: sub-event types, actors and fatalities, against our gold sets.

    .venv/bin/python benchmarks/score_details.py tests/data/dev tests/data/val

For every required gold event that a predicted event matches (same rule as ../shared/tools/score_events.py: within
tol_km, date range inside the gold range, same ACLED type; the nearest such prediction), it counts:
  sub-type   the predicted sub_event_type equals the gold `sub_type`
  actors     at least one gold actor appears among the predicted actors (case-insensitive, either contains the other);
             "by meaning" also matches ACLED's names to geomap's ("Military Forces of Russia" is "Russian forces",
             "Rapid Support Forces" is "RSF")
  fatalities the predicted count equals the gold count (both null counts as equal)
"""

from __future__ import annotations

import functools
import json
import math
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def actor_hit(gold: list[str], pred: list[str]) -> bool:
    g = [a.lower() for a in gold]
    p = [a.lower() for a in pred]
    return any(x in y or y in x for x in g for y in p)


@functools.cache
def _country_code(name: str) -> str | None:
    """A country's ISO-2 code by its name, from the gazetteer, for ACLED's "Military Forces of Russia"."""
    from geomap.gazetteer.default import load_gazetteer
    found = load_gazetteer().geocode(name, exactly_one=False) or []
    return next((loc.raw.get("country_code") for loc in found if loc.raw.get("kind") == "country"), None)


def canonical(actor: str) -> set[str]:
    """An actor's names in geomap's own terms: a state's forces by its ISO-2 code ("Military Forces of Russia",
    "Russian forces" -> "forces:RU"), a group by geomap's name for it ("Rapid Support Forces" -> "RSF")."""
    from geomap.events.actors import FORCE_COUNTRY, actors
    m = _ACLED_FORCES.match(actor)
    if m:
        code = _country_code(m.group(2).removeprefix("the "))
        return {f"forces:{code}"} if code else set()
    if actor in FORCE_COUNTRY:
        return {f"forces:{FORCE_COUNTRY[actor]}"}
    return {a.lower() for a in actors(actor)} | {actor.lower()}


_ACLED_FORCES = re.compile(r"(Military|Police) Forces of (.+?)(?: \(.*\))?$")


def actor_meant(gold: list[str], pred: list[str]) -> bool:
    """Do gold and predicted actors share one by meaning (`canonical`), or by name (`actor_hit`)?"""
    g = set().union(*(canonical(a) for a in gold)) if gold else set()
    p = set().union(*(canonical(a) for a in pred)) if pred else set()
    return bool(g & p) or actor_hit(gold, pred)


def score(folder: Path) -> dict[str, float]:
    gold = {k: v for k, v in json.loads((folder / "gold.json").read_text()).items() if not k.startswith("_")}
    out = subprocess.run([sys.executable, "-m", "geomap", "extract", *(str(folder / f"{k}.txt") for k in gold),
                          "--format", "jsonl"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    preds: dict[str, list[dict]] = {}
    for line in out.splitlines():
        ev = json.loads(line)
        preds.setdefault(ev["article"], []).append(ev)
    n = sub = act = act_n = fat = meant = 0
    for stem, g in gold.items():
        for ge in (e for e in g["events"] if e["required"]):
            lo, hi = ge["date"]
            near = [e for e in preds.get(stem, []) if km(e["lat"], e["lon"], ge["lat"], ge["lon"]) <= ge["tol_km"]
                    and lo <= e["date"] <= hi and lo <= e["date_end"] <= hi and e["event_type"] == ge["type"]]
            if not near:
                continue
            e = min(near, key=lambda e: km(e["lat"], e["lon"], ge["lat"], ge["lon"]))
            n += 1
            sub += e["sub_event_type"] == ge.get("sub_type")
            if ge.get("actors"):
                act_n += 1
                act += actor_hit(ge["actors"], e["actors"])
                meant += actor_meant(ge["actors"], e["actors"])
            fat += e["fatalities"] == ge.get("fatalities")
    return {"matched": n, "sub_type": sub / n if n else 0.0, "actors": act / act_n if act_n else 0.0,
            "actors_meant": meant / act_n if act_n else 0.0, "fatalities": fat / n if n else 0.0}


def main() -> None:
    for folder in sys.argv[1:] or ["tests/data/dev", "tests/data/val"]:
        s = score(ROOT / folder)
        print(f"{folder}: {s['matched']} fully matched required events | sub-type {s['sub_type']:.2f} | "
              f"actors {s['actors']:.2f} (by meaning {s['actors_meant']:.2f}) | fatalities {s['fatalities']:.2f}")


if __name__ == "__main__":
    main()
