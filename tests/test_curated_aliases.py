"""Curated aliases name one place, never a phrase or a common word that means something else elsewhere.

Whole phrases ("southern suburbs of Beirut"), generic names ("Baptist hospital", bare "Crocus") and another
village's name ("Aita al-Shaab" for Aitaroun) were once aliases written for one gold sentence; they turned
Baptist Hospital in Jacksonville into Gaza. They must stay out of the curated layer.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REMOVED = {"dist:beirut-dahiyeh": ["southern suburbs of beirut", "beirut's southern suburbs"],
           "dist:gaza-al-mawasi": ["mawasi humanitarian zone"], "fac:al-ahli": ["baptist hospital"],
           "fac:crocus-city-hall": ["crocus"], "vil:aitaroun": ["aita al-shaab"]}


@pytest.mark.parametrize("name", ["gazetteer_curated.csv", "gazetteer.csv"])
def test_removed_aliases_stay_out(name):
    with (ROOT / "data" / name).open(encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f) if r["id"] in REMOVED}
    assert set(rows) == set(REMOVED)
    for pid, gone in REMOVED.items():
        aliases = {a.strip().lower() for a in rows[pid]["aliases"].split("|")}
        assert not aliases & set(gone), (pid, aliases & set(gone))
