"""The shipped event-place model is reproducible: retraining from the shared data gives the same figures.

Slow (about two minutes): it runs `scripts/train_event_places.py --check`, which retrains in memory with the fixed seed
and split and compares its F1 over train folds and dev pooled (within 0.005) and on dev alone (within 0.01) with those
recorded in `data/models/event_places.json`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "train" / "event_location" / "event_location_train.jsonl.gz"
MODEL = ROOT / "data" / "models" / "event_places.json"


def test_shipped_model_records_its_provenance():
    meta = json.loads(MODEL.read_text(encoding="utf-8"))["meta"]
    assert meta["script"] == "scripts/train_event_places.py" and len(meta["data_sha256"]) == 64
    assert 0 < meta["dev"]["f1"] <= 1 and meta["seed"] == 13


@pytest.mark.slow
def test_retraining_reproduces_the_dev_figure():
    if not DATA.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"training data missing at {DATA}")
        pytest.skip(f"training data missing at {DATA}")
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_event_places.py"), "--check"],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
