"""Classes found in stop 33 in the train split's misses of the labelled newswire (`benchmarks/eval_event_places.py
--split train`, never dev or test) and in wire stories written for the purpose: one test per class, on a tiny
gazetteer and sentences written for the tests (none from a gold set)."""

from __future__ import annotations

import pytest
from tinyrun import run, tiny_pipeline

from geomap.gazetteer import Row

ROWS = [
    Row("t:nigeria", "Nigeria", "country", 9.0, 8.0, "NG", "", 200000000, 600.0),
    Row("t:kano", "Kano", "city", 12.0, 8.52, "NG", "NG.29", 3000000, 12.0),
    Row("t:maru", "Maru", "city", 12.33, 6.40, "NG", "NG.36", 30000, 2.0),
]


@pytest.fixture(scope="module")
def nlp():
    return tiny_pipeline(ROWS)


def _types(doc) -> list[tuple[str, str, str]]:
    return [(e.place.name, e.event_type, e.sub_event_type) for e in doc.events]


def test_people_shot_while_waiting_for_aid_are_civilians_whatever_they_are_called(nlp):
    doc = run(nlp, "Gunfire killed at least 25 Nigerians waiting for food aid in Kano on Tuesday, officials said.")
    assert _types(doc) == [("Kano", "Violence against civilians", "Attack")]
    # fighters waiting for orders are an armed side: a clash
    doc = run(nlp, "Gunfire killed at least 25 fighters waiting for orders in Kano on Tuesday, officials said.")
    assert _types(doc) == [("Kano", "Battles", "Armed clash")]
