"""Classes found in stop 38 in wire stories written for the purpose (never the test split): one test per class, on a
tiny gazetteer and sentences written for the tests (none from a gold set)."""

from __future__ import annotations

import pytest
from tinyrun import run, tiny_pipeline

from geomap.gazetteer import Row

ROWS = [
    Row("t:nigeria", "Nigeria", "country", 9.0, 8.0, "NG", "", 200000000, 600.0),
    Row("t:lagos", "Lagos", "city", 6.45, 3.39, "NG", "NG.05", 15000000, 25.0),
    Row("t:zamfara", "Zamfara", "region", 12.1, 6.2, "NG", "NG.57", 4000000, 150.0),
    Row("t:gusau", "Gusau", "city", 12.16, 6.66, "NG", "NG.57", 200000, 4.0),
    Row("t:bangladesh", "Bangladesh", "country", 24.0, 90.0, "BD", "", 170000000, 300.0),
    Row("t:dhaka", "Dhaka", "city", 23.81, 90.41, "BD", "BD.81", 9000000, 20.0),
    Row("t:ethiopia", "Ethiopia", "country", 9.0, 39.5, "ET", "", 120000000, 800.0),
    Row("t:gondar", "Gondar", "city", 12.6, 37.47, "ET", "ET.46", 300000, 6.0),
    Row("t:dessie", "Dessie", "city", 11.13, 39.63, "ET", "ET.46", 200000, 5.0),
    Row("t:israel", "Israel", "country", 31.5, 34.8, "IL", "", 9000000, 150.0),
    Row("t:nahariya", "Nahariya", "city", 33.0, 35.1, "IL", "IL.04", 60000, 3.0),
    Row("t:safed", "Safed", "city", 32.96, 35.5, "IL", "IL.04", 35000, 3.0),
]


@pytest.fixture(scope="module")
def nlp():
    return tiny_pipeline(ROWS)


def _types(doc) -> list[tuple[str, str]]:
    return [(e.place.name, e.sub_event_type) for e in doc.events]


def _actors(doc) -> list[list[str]]:
    return [e.actors for e in doc.events]


def test_an_arrest_demanded_ordered_or_warranted_is_no_arrest(nlp):
    doc = run(nlp, "Hundreds marched in Dhaka on Friday demanding the arrest of the officers.")
    assert _types(doc) == [("Dhaka", "Peaceful protest")]  # not met by force: nobody was arrested
    assert run(nlp, "A court in Lagos issued an arrest warrant for the former governor on Monday.").events == []
    # an arrest made still meets the protest with force
    doc = run(nlp, "Police arrested 40 protesters in Dhaka on Friday.")
    assert _types(doc) == [("Dhaka", "Protest with intervention")]


def test_a_peaceful_protest_has_no_armed_side(nlp):
    doc = run(nlp, "Protesters blocked a highway in Dhaka on Monday, demanding justice for the victims of the gunmen.")
    assert _actors(doc) == [["Protesters"]]
    # a force that met it is its side
    doc = run(nlp, "Police fired tear gas at protesters in Dhaka on Monday.")
    assert _actors(doc) == [["Police forces", "Protesters"]]


def test_civilians_killed_by_an_armed_hand_are_attacked_not_in_a_clash(nlp):
    doc = run(nlp, "Dozens of villagers were killed by gunmen in Zamfara on Monday.")
    assert _types(doc) == [("Zamfara", "Attack")]
    doc = run(nlp, "Police said 40 of the dead were farmers killed by bandits near Gusau.")
    assert _types(doc) == [("Gusau", "Attack")]
    # armed dead, in the passive, were a side of a clash
    doc = run(nlp, "Three soldiers were killed by militants near Gusau on Monday.")
    assert _types(doc) == [("Gusau", "Armed clash")]
    doc = run(nlp, "Two policemen were shot dead in Gusau on Monday.")
    assert _types(doc) == [("Gusau", "Armed clash")]


def test_a_strike_from_the_air_in_a_civil_war_is_the_states(nlp):
    text = ("Fighting between the army and Fano militiamen killed 30 people around Gondar over the weekend.\n\n"
            "Fano fighters also seized checkpoints outside Gondar, residents said.\n\n"
            "A drone strike on a minibus near Dessie killed 11 passengers on Sunday, residents said.")
    doc = run(nlp, text)
    strike = next(e for e in doc.events if e.place.name == "Dessie")
    assert (strike.sub_event_type, strike.actors) == ("Air/drone strike", ["Ethiopian forces"])
    # a group from abroad still struck the country it fights
    text = ("Hezbollah fired rockets and drones at northern Israel, the Israeli military said.\n\n"
            "Israeli troops shelled the border, the army said.\n\n"
            "A drone strike near Nahariya wounded two people on Sunday, medics said.")
    doc = run(nlp, text)
    strike = next(e for e in doc.events if e.place.name == "Nahariya")
    assert strike.actors == ["Hezbollah"]
