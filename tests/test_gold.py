"""Hold the pipeline to gold events with the shared scorer's own rules (distance, date range, ACLED type).

The seed article must pass `../shared/tools/score_events.py` with its default thresholds. The development set
(tests/data/dev, written by us) is scored the same way; its floor is the level reached when it was last tuned, so
a regression fails here instead of passing silently.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOMAP_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "tools" / "score_events.py"
LINE = re.compile(r"recall (?P<recall>[\d.]+) \(\d+/\d+\)\s+precision (?P<precision>[\d.]+) \(\d+/\d+\)\s+"
                  r"date (?P<date>[\d.]+)\s+type (?P<type>[\d.]+)\s+forbidden (?P<forbidden>\d+)")


def score(gold: Path, articles: Path, *extra: str) -> tuple[int, dict, str]:
    if not SCORER.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"shared scorer missing at {SCORER}")
        pytest.skip(f"shared scorer missing at {SCORER}")
    res = subprocess.run([sys.executable, str(SCORER), str(gold), str(articles), "--verbose", *extra],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    m = LINE.search(res.stdout)
    assert m, f"no score line in:\n{res.stdout}\n{res.stderr[-2000:]}"
    return res.returncode, {k: float(v) for k, v in m.groupdict().items()}, res.stdout


def test_seed_article_meets_the_gold():
    code, s, out = score(SHARED / "gold" / "seed_events.json", SHARED / "seed")
    print(out)
    assert code == 0, out
    assert s["recall"] == 1.0 and s["forbidden"] == 0, out
    assert s["precision"] >= 0.9 and s["date"] == 1.0 and s["type"] == 1.0, out


DATA = ROOT / "tests" / "data"
#: Floors a little under each set's level at the last change (see README "Accuracy and speed"). All three sets are
#: regression sets: written here, tuned on, and since the event-place model also its training data, so they guard
#: against regressions and measure nothing about unseen text (that is benchmarks/eval_event_places.py's job).
#: Blind first runs, for the record: val recall 0.76, precision 0.90, date 0.74, type 0.76, forbidden 5; blind2 0.68,
#: 0.95, 0.95, 0.76, 0. With the learned model (issue 9) type fell (dev 0.89 -> 0.78, val 0.86 -> 0.83, blind2
#: 0.83 -> 0.75) because a place now gets one event per sentence, typed by ACLED's precedence, where the rules gave
#: it one event per event word (more chances to hit the gold type, and the contradictory triples the issue named).
FLOORS = {
    "dev": {"recall": 0.97, "precision": 0.94, "date": 0.89, "type": 0.76, "forbidden": 0},
    "val": {"recall": 0.90, "precision": 0.95, "date": 0.78, "type": 0.80, "forbidden": 1},
    "blind2": {"recall": 0.87, "precision": 0.95, "date": 0.93, "type": 0.72, "forbidden": 0},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_article_set_holds_its_level(name):
    floor, folder = FLOORS[name], DATA / name
    _, s, out = score(folder / "gold.json", folder, "--min-recall", "0", "--min-precision", "0", "--min-date", "0",
                      "--min-type", "0")
    print(out)
    for key in ("recall", "precision", "date", "type"):
        assert s[key] >= floor[key], f"{name}: {key} {s[key]} < {floor[key]}\n{out}"
    assert s["forbidden"] <= floor["forbidden"], out
