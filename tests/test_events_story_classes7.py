"""Classes found in stop 32 by sorting the train split's misses of the labelled newswire (`benchmarks/
eval_event_places.py --split train`, never dev or test) into buckets and reading the sentences with no event at all:
one test per class, on a tiny gazetteer and sentences written for the tests (none from a gold set)."""

from __future__ import annotations

from datetime import date

import pytest
from tinyrun import run, tiny_pipeline

from geomap.events.fatalities import fatalities
from geomap.events.triggers import find_triggers
from geomap.gazetteer import Row

ROWS = [
    Row("t:ukraine", "Ukraine", "country", 49.0, 32.0, "UA", "", 40000000, 500.0),
    Row("t:odesa", "Odesa", "city", 46.48, 30.72, "UA", "UA.17", 1000000, 12.0),
    Row("t:japan", "Japan", "country", 36.0, 138.0, "JP", "", 125000000, 800.0),
    Row("t:tokyo", "Tokyo", "city", 35.69, 139.69, "JP", "JP.40", 9000000, 20.0, feature="capital"),
    Row("t:nigeria", "Nigeria", "country", 9.0, 8.0, "NG", "", 200000000, 600.0),
    Row("t:kano", "Kano", "city", 12.0, 8.52, "NG", "NG.29", 3000000, 12.0),
    Row("t:maru", "Maru", "city", 12.33, 6.40, "NG", "NG.36", 30000, 2.0),
    Row("t:plateau", "Plateau", "region", 9.2, 9.5, "NG", "NG.49", 3000000, 100.0, aliases=("Plateau State",)),
    Row("t:jordan", "Jordan", "country", 31.0, 36.0, "JO", "", 11000000, 150.0),
    Row("t:blacksea", "Black Sea", "sea", 43.0, 35.0, "", "", 0, 400.0),
    Row("t:kenya", "Kenya", "country", 0.5, 37.9, "KE", "", 55000000, 500.0),
    Row("t:kikuyu", "Kikuyu", "city", -1.25, 36.66, "KE", "KE.13", 300000, 5.0),
    Row("t:newcastle_gb", "Newcastle upon Tyne", "city", 54.98, -1.61, "GB", "GB.ENG", 300000, 8.0,
        aliases=("Newcastle",)),
    Row("t:newcastle_za", "Newcastle", "city", -27.76, 29.93, "ZA", "ZA.02", 5000, 3.0),
    Row("t:rome", "Rome", "city", 41.89, 12.51, "IT", "IT.07", 2800000, 15.0, feature="capital",
        aliases=("Rim", "Roma")),
]


@pytest.fixture(scope="module")
def nlp():
    return tiny_pipeline(ROWS)


def _events(doc) -> list[tuple[str, str]]:
    return [(e.place.name, e.event_type) for e in doc.events]


def test_feared_killed_is_a_reported_toll(nlp):
    doc = run(nlp, "Ten villagers were feared killed when gunmen attacked Maru on Monday.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Maru", 10)]
    doc = run(nlp, "Twelve people are feared dead after gunmen attacked Maru on Monday.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Maru", 12)]
    # a fear of what may come is still no event
    doc = run(nlp, "Villagers feared the gunmen would attack Maru again.")
    assert doc.events == []


def test_a_possible_thing_protested_against_leaves_the_protest_real(nlp):
    doc = run(nlp, "Some 2,000 people protested against a possible war with the north at a park in Tokyo on Sunday.")
    assert _events(doc) == [("Tokyo", "Protests")]
    # "possible" before an event word keeps it possible
    doc = run(nlp, "Officials warned on Sunday of a possible attack on Odesa.")
    assert doc.events == []


def test_demonstrated_meaning_showed_is_no_protest(nlp):
    for text in ("The vote in Odesa demonstrated that support for the mayor had fallen.",
                 "Her popularity in Tokyo was demonstrated at the last election.",
                 "The team demonstrated its skill in Odesa on Sunday."):
        assert [f.trigger.event_type for f in find_triggers(text)] == [], text
    for text in ("Hundreds of pensioners demonstrated in Odesa on Sunday.",
                 "Hundreds of students demonstrated their support for the mayor in Odesa on Sunday."):
        assert _events(run(nlp, text)) == [("Odesa", "Protests")], text


def test_a_crowd_in_a_sports_report_still_protests(nlp):
    doc = run(nlp, "Hundreds of fans marched in Tokyo on Sunday to protest the clashes after the World Cup qualifier.")
    assert _events(doc) == [("Tokyo", "Protests")]
    # play is still no fight
    doc = run(nlp, "The striker scored twice as Odesa stormed back against Tokyo in the World Cup qualifier.")
    assert doc.events == []


def test_an_english_word_is_no_foreign_citys_other_name(nlp):
    for text in ("Gunmen killed ten villagers in Rim, Plateau State, on Monday.",
                 "Gunmen killed ten villagers in the Rim district of Riyom LGA of Plateau State on Monday."):
        doc = run(nlp, text)
        assert "IT" not in {m.place.country_code for m in doc.mentions if m.place is not None}, text
        assert [(e.place.name, e.fatalities) for e in doc.events] == [("Plateau", 10)], text
    # the city's other name that is no English word keeps its reading, and so does the word named alone
    doc = run(nlp, "Police fired tear gas at protesters in Roma on Monday, days after gunmen attacked Maru.")
    assert [m.place.name for m in doc.mentions if m.place is not None] == ["Rome", "Maru"]
    doc = run(nlp, "Police fired tear gas at protesters in Rim on Monday.")
    assert [m.place.name for m in doc.mentions if m.place is not None] == ["Rome"]
    # a word that is also a town's own name is no mere other name: "Newcastle" keeps its reading
    doc = run(nlp, "Doctors in Newcastle developed the treatment, while gunmen attacked Maru on Monday.")
    assert [m.place.name for m in doc.mentions if m.place is not None] == ["Newcastle upon Tyne", "Maru"]


def test_captured_a_title_or_attention_is_no_capture(nlp):
    for text in ("She captured gold in the heptathlon in Tokyo last year.",
                 "The runner captured his second national title in Odesa on Saturday.",
                 "The trial in Tokyo has captured national attention.",
                 "The party captured 40 percent of the vote in Odesa."):
        assert run(nlp, text).events == [], text
    for text in ("Rebels captured the gold mining town near Odesa on Saturday.",
                 "Troops captured 40 percent of the region around Odesa on Saturday.",
                 "The gunman who was captured in Odesa on Saturday has been charged."):
        assert [e.place.name for e in run(nlp, text).events] == ["Odesa"], text


def test_deaths_at_a_protest_are_excessive_force_and_kept(nlp):
    doc = run(nlp, "Two people were killed in protests against the fuel price rise in Odesa on Tuesday, police said.")
    assert [(e.sub_event_type, e.fatalities, e.actors) for e in doc.events] == [
        ("Excessive force against protesters", 2, ["Protesters"])]
    # a toll the protest is about stays out of it
    doc = run(nlp, "Thousands protested in Odesa over a roof collapse that killed 15 people.")
    assert [(e.sub_event_type, e.fatalities) for e in doc.events] == [("Peaceful protest", 0)]


def test_a_crowd_fighting_the_police_is_a_violent_demonstration_against_them(nlp):
    for text in ("Students clashed with riot police in Odesa on Monday.",
                 "Clashes between students and riot police in Odesa left 20 injured on Monday."):
        doc = run(nlp, text)
        assert [(e.sub_event_type, e.actors) for e in doc.events] == [
            ("Violent demonstration", ["Rioters", "Police forces"])], text
    # soldiers against rebels are armed sides, and the police are no side of a complaint made to them
    doc = run(nlp, "Soldiers clashed with rebels near Odesa on Monday.")
    assert [e.sub_event_type for e in doc.events] == ["Armed clash"]
    doc = run(nlp, "Gunmen killed a farmer in Odesa on Monday and his family filed a complaint with police.")
    assert "Police forces" not in doc.events[0].actors


def test_what_the_agents_demanded_leaves_their_act_real(nlp):
    for text in ("Kidnappers demanding a ransom killed a trader in Maru on Monday.",
                 "Gunmen demanding money from traders shot dead two men in Maru on Monday."):
        assert [e.place.name for e in run(nlp, text).events] == ["Maru"], text
    # a demand's own object stays what was demanded: the march is the event, not the shelling it wants ended
    doc = run(nlp, "Protesters demanding an end to the shelling of Odesa marched in Tokyo on Sunday.")
    assert _events(doc) == [("Tokyo", "Protests")]


def test_a_name_with_an_age_or_a_ship_described_after_it_is_no_place(nlp):
    doc = run(nlp, "A police officer shot Jordan, 23, outside a bar in Odesa on Monday.")
    assert [m.place.name for m in doc.mentions if m.place is not None] == ["Odesa"]
    doc = run(nlp, "Missiles struck the Odesa, a Ukrainian-flagged tanker, in the Black Sea on Monday.")
    assert [m.place.name for m in doc.mentions if m.place is not None and m.hint != "demonym"] == ["Black Sea"]
    # the country in a list, the city as the place struck
    doc = run(nlp, "Protesters marched in Jordan, Odesa and Tokyo on Monday.")
    assert [m.place.name for m in doc.mentions if m.place is not None] == ["Jordan", "Odesa", "Tokyo"]


def test_a_distance_away_from_a_building_in_the_town_is_in_the_town(nlp):
    doc = run(nlp, "A suicide bomber blew up a car 200 metres away from the party offices in Odesa, killing three "
              "people.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Odesa", 3)]
    # fire that came from positions in a town was not aimed at it
    doc = run(nlp, "Troops shelled the villages from their positions in Odesa on Monday.")
    assert "Odesa" not in [e.place.name for e in doc.events]


def test_a_siege_told_with_its_length_is_background(nlp):
    doc = run(nlp, "The rebels have besieged Maru, the last army stronghold in the region, for more than a year.")
    assert doc.events == []
    doc = run(nlp, "The rebels besieged Maru, the last army stronghold in the region, on Monday.")
    assert [e.place.name for e in doc.events] == ["Maru"]


def test_a_separate_suicide_bombing_does_not_type_the_storys_other_attacks(nlp):
    doc = run(nlp, "Gunmen stormed a passenger train in Plateau State on Tuesday and took dozens of passengers hostage."
              "\n\nThe train had left Kano in the morning and was attacked near Maru.\n\nIn a separate attack, a "
              "suicide bomber killed five people at a market in Kano on Sunday.")
    types = {e.place.name: e.sub_event_type for e in doc.events}
    assert types["Kano"] == "Suicide bomb" and types["Maru"] != "Suicide bomb"


def test_the_dead_told_by_two_kinds_add_up(nlp):
    doc = run(nlp, "An air strike hit a school in Maru on Monday, killing 20 students and two teachers.")
    assert [e.fatalities for e in doc.events] == [22]
    assert fatalities("The blast killed 20 students and two hours later a second bomb went off.") == 20


def test_resistance_fighters_are_the_side_that_took_the_town(nlp):
    doc = run(nlp, "The army bombed villages near Tokyo. Resistance fighters said they had captured a police station "
              "in Maru on Sunday.")
    assert [(e.place.name, e.actors) for e in doc.events if e.place.name == "Maru"] == [
        ("Maru", ["Resistance fighters"])]


def test_the_side_that_took_a_town_is_not_its_helper(nlp):
    doc = run(nlp, "Government forces backed by clan militias retook Maru on Monday after heavy fighting.")
    assert [e.sub_event_type for e in doc.events] == ["Government regains territory"]


def test_a_lead_told_by_the_countrys_demonym_after_a_headline_is_an_event_and_sets_the_time(nlp):
    doc = run(nlp, "Kenyan police kill 31 in protests, rights body says\n\nKenyan police shot dead at least 31 people "
              "during anti-government protests on Monday, a rights body said.\n\nProtesters burned a police station "
              "in Kikuyu.", date(2025, 7, 8))
    assert [(e.place.name, e.sub_event_type, e.fatalities, str(e.date)) for e in doc.events][0] == (
        "Kenya", "Excessive force against protesters", 31, "2025-07-07")
    # the headline, dated by nothing, does not set the story's time: the lead's Monday does
    assert [(e.place.name, str(e.date)) for e in doc.events][1] == ("Kikuyu", "2025-07-07")


def test_strikes_told_as_often_or_a_fight_as_raging_since_are_background(nlp):
    for text in ("Jets have struck Maru several times this year.",
                 "Fighting between the army and the militia has raged around Maru since August 2023."):
        assert run(nlp, text).events == [], text
    assert [e.place.name for e in run(nlp, "Jets struck Maru twice on Monday, killing three.").events] == ["Maru"]


def test_a_happening_someone_is_blamed_for_is_no_new_one(nlp):
    doc = run(nlp, "A truck bomb killed six people in Kano on Thursday.\n\nThe president blamed rebel dissidents for "
              "the Kano bombing and a gang for the drone attack on a police helicopter.", date(2025, 8, 22))
    assert [(e.place.name, e.fatalities, str(e.date)) for e in doc.events] == [("Kano", 6, "2025-08-21")]
    assert find_triggers("The president blamed rebel dissidents for the Kano bombing and a gang for the drone attack "
                         "on a police helicopter.") == []
    # what the blamed did, told as such, is an event
    assert [e.place.name for e in run(nlp, "The army blamed the rebels, who attacked a bus in Kano on Monday.").events
            ] == ["Kano"]


def test_a_headline_toll_of_several_attacks_is_not_one_attacks(nlp):
    doc = run(nlp, "Attacks in Nigeria kill 18\n\nA truck bomb killed six people in Kano on Thursday.\n\nHours "
              "earlier, gunmen killed 12 villagers in Maru.")
    assert sorted((e.place.name, e.fatalities) for e in doc.events) == [("Kano", 6), ("Maru", 12)]


def test_a_ship_that_sank_is_no_place(nlp):
    doc = run(nlp, "On Sunday the rebels attacked the Odesa, which sank on Monday after its crew abandoned ship.")
    assert [m.place for m in doc.mentions if m.text == "Odesa"] in ([], [None])


def test_a_toll_told_before_a_meanwhile_clause_is_its_own_sides(nlp):
    doc = run(nlp, "Jets struck a ministry in Kano on Wednesday, killing three people, as fighting between the army "
              "and a militia continued in Maru.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Kano", 3), ("Maru", None)]
