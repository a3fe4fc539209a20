"""Classes found in stop 33 in the train split's misses of the labelled newswire (`benchmarks/eval_event_places.py
--split train`, never dev or test) and in wire stories written for the purpose: one test per class, on a tiny
gazetteer and sentences written for the tests (none from a gold set)."""

from __future__ import annotations

from datetime import date

import pytest
from tinyrun import run, tiny_pipeline

from geomap.events.actors import actors
from geomap.events.extract import VETOES
from geomap.events.fatalities import shares
from geomap.events.model import Candidate, Sentence, features
from geomap.events.triggers import find_triggers
from geomap.gazetteer import Row

ROWS = [
    Row("t:nigeria", "Nigeria", "country", 9.0, 8.0, "NG", "", 200000000, 600.0),
    Row("t:kano", "Kano", "city", 12.0, 8.52, "NG", "NG.29", 3000000, 12.0),
    Row("t:maru", "Maru", "city", 12.33, 6.40, "NG", "NG.36", 30000, 2.0),
    Row("t:rwanda", "Rwanda", "country", -2.0, 29.9, "RW", "", 13000000, 150.0),
    Row("t:benue", "Benue", "region", 7.34, 8.82, "NG", "NG.26", 920000, 128.0, aliases=("Benue State",)),
    Row("t:kigali", "Kigali", "city", -1.95, 30.06, "RW", "RW.01", 1100000, 10.0, feature="capital"),
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


def test_forces_named_without_their_state_come_first_when_they_acted_first(nlp):
    doc = run(nlp, "Army warplanes bombed a Boko Haram convoy near Maru on Monday.")
    assert [e.actors for e in doc.events] == [["Nigerian forces", "Boko Haram"]]
    # the soldiers killed by the fighters are the second side
    doc = run(nlp, "Nine soldiers were killed when Boko Haram fighters attacked a base near Maru on Monday.")
    assert [e.actors[0] for e in doc.events] == ["Boko Haram"]


def test_a_state_force_that_lost_a_town_is_the_second_side_of_its_taking(nlp):
    doc = run(nlp, "A Nigerian army general and dozens of soldiers were killed when fighters overran a base in Maru on "
              "Tuesday. The army said Boko Haram attacked the garrison at dawn.")
    assert [(e.sub_event_type, e.actors) for e in doc.events if e.place.name == "Maru"] == [
        ("Non-state actor overtakes territory", ["Boko Haram", "Nigerian forces"])]


def test_a_south_sudanese_army_general_is_no_sudanese_army():
    assert actors("A South Sudanese army general was killed on Tuesday.") == ["South Sudanese forces"]
    assert actors("The Sudanese army shelled the town on Tuesday.") == ["Sudanese army"]


def test_those_who_avenged_a_strike_did_not_strike(nlp):
    doc = run(nlp, "Boko Haram fighters attacked a base in Maru in retaliation for air strikes in Kano on Monday.")
    got = {e.place.name: e.actors for e in doc.events}
    assert got["Maru"][0] == "Boko Haram" and got["Kano"] == ["Unidentified armed group"]
    # told after "after", the strikes are still the story's to attribute: no avenging is said
    doc = run(nlp, "Boko Haram fighters attacked a base in Maru after they struck Kano on Monday.")
    assert "Boko Haram" in {a for e in doc.events for a in e.actors}


def test_anglophone_separatists_are_the_ambazonian_separatists():
    assert actors("Anglophone separatists killed four soldiers in an ambush.") == ["Ambazonian separatists"]


def test_a_backer_named_as_an_adjective_is_no_event_place(nlp):
    doc = run(nlp, "Rwanda-backed rebels said on Monday they had captured Maru, the largest town in the north.")
    assert [e.place.name for e in doc.events] == ["Maru"]
    text = "Rwanda-backed rebels captured the town on Monday."  # vetoed, whatever the model's score
    assert VETOES.intersection(features(Sentence(text, find_triggers(text)), [Candidate(0, 6, "country")], 0))


def test_a_programme_is_a_body_not_a_place_in_the_town(nlp):
    doc = run(nlp, "Looters ransacked warehouses of the World Food Programme in Kano on Monday.")
    assert [e.place_text for e in doc.events] == ["Kano"]


def test_tourists_sprayed_with_gunfire_were_attacked_not_in_a_clash(nlp):
    doc = run(nlp, "Gunmen sprayed the tourists with gunfire at a market in Kano on Monday.")
    assert _types(doc) == [("Kano", "Violence against civilians", "Attack")]


def test_a_claim_put_out_in_a_statement_on_a_later_day_does_not_redate_the_attack(nlp):
    doc = run(nlp, "Gunmen attacked an army base in the town of Maru on Sunday, killing dozens of soldiers.\n\nThe "
              "assault began at dawn, when fighters stormed the base and checkpoints around the town, a source said."
              "\n\nBoko Haram said in a statement on Monday that it had seized the base and killed 100 soldiers.",
              published=date(2025, 5, 13))
    assert [(e.place.name, e.date) for e in doc.events] == [("Maru", date(2025, 5, 11))]  # one attack, on Sunday


def test_a_village_the_gazetteer_lacks_lies_in_the_state_after_a_compound_bearing(nlp):
    doc = run(nlp, "Gunmen killed 40 people in an attack on the village of Tsauni in Nigeria's north-central Benue "
              "state on Friday.")
    assert [(e.place_text, e.place.name) for e in doc.events] == [("Tsauni", "Benue")]


def test_a_capital_that_dismissed_a_claim_spoke(nlp):
    text = "The army said it had struck a rebel depot in Maru, a claim Kigali dismissed as propaganda."
    assert [e.place.name for e in run(nlp, text).events] == ["Maru"]
    k = text.index("Kigali")
    assert "slot=speaker after" in features(Sentence(text, find_triggers(text)), [Candidate(k, k + 6, "city")], 0)


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_each_clause_keeps_its_own_toll():
    text = "Ten soldiers were killed when their convoy was ambushed in Kano, and a bomb in Maru killed five people."
    assert shares(text, 10, _spans(text, "Kano", "Maru")) == [10, 5]
    # a clause with no toll of its own (stop 34): its place gets none; the toll stays with the place it is told of
    text = "Shelling killed seven civilians in Kano, and Maru was hit as well."
    assert shares(text, 7, _spans(text, "Kano", "Maru")) == [7, None]
    # no clause gives a toll: nothing to share
    text = "Shelling hit Kano, and Maru was hit as well."
    assert shares(text, None, _spans(text, "Kano", "Maru")) == [None, None]


def test_the_clause_tolls_reach_the_events(nlp):
    doc = run(nlp, "Ten soldiers were killed when their convoy was ambushed near Kano on Monday, and a truck bomb in "
              "Maru killed five people hours later.")
    assert sorted((e.place.name, e.fatalities) for e in doc.events) == [("Kano", 10), ("Maru", 5)]


def test_a_bomber_in_an_attack_claimed_by_a_group_is_the_groups():
    assert actors("A suicide bomber killed 13 soldiers in Kano on Wednesday, in an attack claimed by Boko Haram.") == [
        "Boko Haram"]
    # with no claim, the bomber stays unidentified beside the group named
    assert actors("A suicide bomber killed 13 soldiers in Kano, weeks after Boko Haram threatened the town.")[0] == \
        "Unidentified armed group"


def test_a_train_and_hostages(nlp):
    doc = run(nlp, "Gunmen opened fire on the Jaffar Express near Maru on Tuesday, killing 21 hostages.")
    assert [(e.place_text, e.fatalities) for e in doc.events] == [("Maru", 21)]


def test_a_state_that_struck_in_a_story_of_clashes_struck_from_afar(nlp):
    doc = run(nlp, "Clashes between rebels and troops killed 30 people in Maru on Monday.\n\nRwanda had struck the "
              "army's headquarters in Kano on Tuesday, saying it was acting to protect its border.")
    assert [(e.place.name, e.sub_event_type) for e in doc.events if e.place.name == "Kano"] == [
        ("Kano", "Air/drone strike")]


def test_a_sentence_carried_out_is_no_attack(nlp):
    assert run(nlp, "Nigeria on Sunday executed a man convicted of killing a guard in Kano in 2022.").events == []
    assert run(nlp, "A man jailed for killing a trader in Kano was freed on Monday.").events == []
    doc = run(nlp, "Militants executed five villagers in Kano on Sunday.")  # no trial: an attack
    assert _types(doc) == [("Kano", "Violence against civilians", "Attack")]


def test_hostages_killed_are_a_toll_of_the_attack_told_before(nlp):
    doc = run(nlp, "Militants blew up the railway track near Maru on Tuesday, officials said. At least 21 hostages "
              "were killed.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Maru", 21)]
