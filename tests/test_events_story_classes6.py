"""Classes found by reading 168 more wire stories written here in fourteen batches (El Fasher, Sagaing, Krasnodar,
Eilat, Maiduguri, Acapulco, Gaza, Ashulia, Petite Riviere de l'Artibonite, Sweida, Maru, Tripoli, Syzran, Dori, Lima,
Ramat Gan, Keana) through `geomap extract`: one test per class, on a tiny gazetteer and sentences written for the tests
(none from a gold set)."""

from __future__ import annotations

import pytest
from tinyrun import run, tiny_pipeline

from geomap.events.actors import actors
from geomap.events.fatalities import fatalities
from geomap.events.triggers import find_triggers
from geomap.gazetteer import Row

ROWS = [
    Row("t:ukraine", "Ukraine", "country", 49.0, 32.0, "UA", "", 40000000, 500.0),
    Row("t:odesa", "Odesa", "city", 46.48, 30.72, "UA", "UA.17", 1000000, 12.0),
    Row("t:zaporizhzhia", "Zaporizhzhia", "city", 47.84, 35.14, "UA", "UA.26", 700000, 10.0),
    Row("t:zaporizhzhia_obl", "Zaporizhzhia Oblast", "region", 47.5, 35.5, "UA", "UA.26", 1600000, 90.0,
        aliases=("Zaporizhzhia region",)),
    Row("t:russia", "Russia", "country", 60.0, 90.0, "RU", "", 145000000, 2000.0),
    Row("t:nigeria", "Nigeria", "country", 9.0, 8.0, "NG", "", 200000000, 600.0),
    Row("t:maiduguri", "Maiduguri", "city", 11.85, 13.16, "NG", "NG.08", 800000, 10.0),
    Row("t:mexico", "Mexico", "country", 23.0, -102.0, "MX", "", 126000000, 1000.0),
    Row("t:acapulco", "Acapulco", "city", 16.86, -99.89, "MX", "MX.12", 700000, 10.0),
    Row("t:guerrero", "Guerrero", "region", 17.5, -100.0, "MX", "MX.12", 3500000, 150.0,
        aliases=("Guerrero state",)),
    Row("t:israel", "Israel", "country", 31.5, 34.9, "IL", "", 9000000, 150.0),
    Row("t:eilat", "Eilat", "city", 29.56, 34.95, "IL", "IL.01", 50000, 4.0),
    Row("t:ramon", "Ramon", "city", 16.78, 121.53, "PH", "PH.02", 50000, 3.0),
    Row("t:france", "France", "country", 46.0, 2.0, "FR", "", 68000000, 500.0),
    Row("t:newcaledonia", "New Caledonia", "region", -21.3, 165.5, "NC", "", 270000, 200.0),
    Row("t:myanmar", "Myanmar", "country", 21.0, 96.0, "MM", "", 54000000, 600.0),
    Row("t:sagaing", "Sagaing Region", "region", 24.0, 95.0, "MM", "MM.10", 5000000, 200.0,
        aliases=("Sagaing region", "Sagaing")),
    Row("t:kani", "Kani", "city", 35.43, 137.06, "JP", "JP.09", 100000, 5.0),
    Row("t:sudan", "Sudan", "country", 15.0, 30.0, "SD", "", 45000000, 800.0),
    Row("t:elfasher", "El Fasher", "city", 13.63, 25.35, "SD", "SD.02", 500000, 8.0),
    Row("t:abushouk", "Abu Shouk", "district", 13.66, 25.33, "SD", "SD.02", 50000, 1.5),
    Row("t:gazastrip", "Gaza Strip", "region", 31.42, 34.37, "PS", "PS.GZ", 2000000, 25.0),
    Row("t:khanyounis", "Khan Younis", "city", 31.35, 34.30, "PS", "PS.GZ", 200000, 4.0),
    Row("t:rafah", "Rafah", "city", 31.29, 34.25, "PS", "PS.GZ", 200000, 4.0),
    Row("t:gazacity", "Gaza City", "city", 31.50, 34.47, "PS", "PS.GZ", 600000, 6.0),
    Row("t:bangladesh", "Bangladesh", "country", 24.0, 90.0, "BD", "", 170000000, 300.0),
    Row("t:dhaka", "Dhaka", "city", 23.81, 90.41, "BD", "BD.13", 10000000, 20.0, feature="capital"),
    Row("t:syria", "Syria", "country", 35.0, 38.0, "SY", "", 22000000, 300.0),
    Row("t:sweida", "Sweida", "city", 32.71, 36.57, "SY", "SY.10", 100000, 4.0),
    Row("t:mauritius", "Mauritius", "country", -20.3, 57.6, "MU", "", 1300000, 40.0),
    Row("t:petiteriviere", "Petite Rivière", "city", -20.20, 57.45, "MU", "MU.12", 5331, 1.0),
    Row("t:philippines", "Philippines", "country", 13.0, 122.0, "PH", "", 110000000, 700.0),
    Row("t:maguindanao", "Maguindanao", "region", 7.07, 124.45, "PH", "PH.14", 1800000, 57.0),
    Row("t:maru", "Maru", "city", 12.33, 6.40, "NG", "NG.36", 30000, 2.0),
    Row("t:burkina", "Burkina Faso", "country", 12.3, -1.5, "BF", "", 22000000, 300.0),
    Row("t:boulsa", "Boulsa", "city", 12.66, -0.57, "BF", "BF.52", 20000, 2.0),
    Row("t:dori", "Dori", "city", 14.03, -0.03, "BF", "BF.50", 40000, 2.0),
    Row("t:muzaffarabad", "Muzaffarabad", "city", 34.37, 73.47, "PK", "PK.6", 700000, 8.0),
]


@pytest.fixture(scope="module")
def nlp():
    return tiny_pipeline(ROWS)


def _types(doc) -> list[tuple[str, str]]:
    return [(e.place.name, e.sub_event_type) for e in doc.events]


def test_a_fire_a_strike_set_is_the_strike(nlp):
    doc = run(nlp, "A Russian missile strike set fire to a grain warehouse in Odesa on Monday.")
    assert _types(doc) == [("Odesa", "Shelling/artillery/missile attack")]
    # a crowd's arson stays a riot
    doc = run(nlp, "Rioters set fire to a grain warehouse in Odesa on Monday.")
    assert [e.event_type for e in doc.events] == ["Riots"]


def test_a_bomb_hidden_somewhere_is_an_explosive_device(nlp):
    doc = run(nlp, "A bomb planted under a bench exploded at a market in Maiduguri on Monday, killing two people.")
    assert _types(doc) == [("Maiduguri", "Remote explosive/landmine/IED")]
    # a bomb dropped from the air is no hidden one
    doc = run(nlp, "A bomb dropped by a jet exploded in Maiduguri on Monday, killing two people.")
    assert [e.place.name for e in doc.events] == ["Maiduguri"]
    assert doc.events[0].sub_event_type != "Remote explosive/landmine/IED"


def test_a_victim_counted_in_a_tally_is_no_new_event(nlp):
    doc = run(nlp, "Gunmen shot dead a radio reporter in Acapulco on Monday. He was the third reporter killed in "
              "Guerrero state this year.")
    assert [e.place.name for e in doc.events] == ["Acapulco"]
    # a killing told as news is one
    doc = run(nlp, "Gunmen shot dead a radio reporter in Acapulco on Monday. A third reporter was killed in Guerrero "
              "state on Tuesday.")
    assert [e.place.name for e in doc.events] == ["Acapulco", "Guerrero"]


def test_a_name_after_a_countrys_possessive_is_in_that_country(nlp):
    doc = run(nlp, "The rebels fired a missile at Israel's Ramon airport near the southern city of Eilat on Friday.")
    assert {m.place.country_code for m in doc.mentions if m.place is not None} == {"IL"}
    # the airport the gazetteer lacks lies near the city (since stop 38 "near the southern city of" is read as
    # "near", as "outside El Fasher" was): around Eilat, at the precision of an area
    assert [e.place.name for e in doc.events] == ["near Eilat"]
    # the same name with no country told before it keeps its reading, and so does a territory after its owner's
    doc = run(nlp, "The rebels fired a missile at Ramon on Friday.")
    assert [m.place.country_code for m in doc.mentions] == ["PH"]
    doc = run(nlp, "Riots broke out in France's New Caledonia on Monday.")
    assert [m.place.name for m in doc.mentions if m.place is not None] == ["France", "New Caledonia"]


def test_a_township_in_a_named_region_is_no_foreign_city(nlp):
    doc = run(nlp, "Myanmar's military bombed a village in the Sagaing region on Sunday, killing 20 people. The jet "
              "hit a monastery in Kani township shortly after noon.")
    assert "JP" not in {m.place.country_code for m in doc.mentions if m.place is not None}
    assert [(e.place.country_code, e.fatalities) for e in doc.events] == [("MM", 20)]
    # said to lie in a region of another country, a town is no foreign city either
    doc = run(nlp, "Jets bombed a market in Kani in the central Sagaing region on Sunday.")
    assert "JP" not in {m.place.country_code for m in doc.mentions if m.place is not None}
    # named alone, the city keeps its reading
    doc = run(nlp, "A fire destroyed a market in Kani on Sunday.")
    assert [m.place.country_code for m in doc.mentions] == ["JP"]


def test_the_shells_told_again_tell_where_in_the_town(nlp):
    doc = run(nlp, "Paramilitary fighters shelled a camp on the outskirts of El Fasher on Monday, killing 14 "
              "civilians. The shells fell on the Abu Shouk camp.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Abu Shouk", 14)]
    # another shelling told next is another event
    doc = run(nlp, "Paramilitary fighters shelled a camp on the outskirts of El Fasher on Monday, killing 14 "
              "civilians. Other shells fell on the Abu Shouk camp on Tuesday.")
    assert [e.place.name for e in doc.events] == ["El Fasher", "Abu Shouk"]


def test_a_regions_toll_stays_there_when_a_later_sentence_lists_its_towns(nlp):
    doc = run(nlp, "Air strikes across the Gaza Strip killed more than 400 people on Tuesday. Strikes hit homes in "
              "Khan Younis, Rafah and Gaza City.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [
        ("Gaza Strip", 400), ("Khan Younis", None), ("Rafah", None), ("Gaza City", None)]
    # one town named next tells where the region's happening was
    doc = run(nlp, "Air strikes across the Gaza Strip killed 40 people on Tuesday. Strikes hit homes in Rafah.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Rafah", 40)]


def test_workers_demanding_something_are_protesters(nlp):
    doc = run(nlp, "Police opened fire on garment workers demanding unpaid wages in Dhaka on Monday, killing one.")
    assert _types(doc) == [("Dhaka", "Excessive force against protesters")]
    # kidnappers demanding a ransom are no protest
    assert "protest" not in [f.trigger.name for f in find_triggers("Kidnappers demanding a ransom killed a trader.")]


def test_the_head_of_a_longer_name_is_no_place_alone(nlp):
    doc = run(nlp, "Gangs burned dozens of homes in the town of Petite Riviere de l'Artibonite overnight.")
    assert "MU" not in {m.place.country_code for m in doc.mentions if m.place is not None}
    # a compass word after it names a part of the place the gazetteer has
    doc = run(nlp, "Militants ambushed a patrol in Maguindanao del Sur on Tuesday.")
    assert [m.place.name for m in doc.mentions if m.place is not None] == ["Maguindanao"]
    # the name alone keeps its reading
    doc = run(nlp, "A storm flooded homes in Petite Riviere overnight.")
    assert [m.place.country_code for m in doc.mentions] == ["MU"]


def test_forces_withdrawing_from_a_named_city_leave_it(nlp):
    doc = run(nlp, "Syrian security forces withdrew from the city of Sweida on Tuesday under a ceasefire deal.")
    assert [(e.place.name, e.sub_event_type) for e in doc.events] == [("Sweida", "Non-violent transfer of territory")]


def test_a_toll_over_counted_sites_in_one_place_is_that_places(nlp):
    doc = run(nlp, "Bandits killed at least 17 people in raids on three villages in Maru on Tuesday night.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Maru", 17)]
    # sites counted beside the one place named: that place is one of them
    doc = run(nlp, "Missiles hit six sites on Tuesday, killing 30 people, including in Muzaffarabad.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Muzaffarabad", 5)]


def test_an_abduction_that_kills_is_an_attack(nlp):
    doc = run(nlp, "Gunmen killed two teachers and abducted 20 pupils from a school in Maru on Tuesday.")
    assert _types(doc) == [("Maru", "Attack")]
    doc = run(nlp, "Gunmen abducted 20 pupils from a school in Maru on Tuesday.")
    assert _types(doc) == [("Maru", "Abduction/forced disappearance")]


def test_homes_burned_by_the_dozen_are_property_destroyed(nlp):
    doc = run(nlp, "Gangs burned dozens of homes in Maru overnight.")
    assert _types(doc) == [("Maru", "Looting/property destruction")]
    # people burned inside their homes were attacked
    doc = run(nlp, "Gunmen killed 20 villagers in Maru overnight; some were burned inside their homes.")
    assert _types(doc) == [("Maru", "Attack")]


def test_an_act_done_in_protest_is_no_protest(nlp):
    doc = run(nlp, "An armed group abducted a bank official outside his home in Dhaka on Thursday, and the bank "
              "suspended its operations in protest.")
    assert _types(doc) == [("Dhaka", "Abduction/forced disappearance")]
    # people killed in protests were at one; a town's protest and a gathering in protest are protests
    for text in ("Two people were killed in protests in the capital.", "A Berlin protest drew thousands.",
                 "Thousands joined an anti-Putin protest.", "Hundreds gathered in protest outside parliament."):
        assert "protest" in [f.trigger.name for f in find_triggers(text)], text


def test_police_in_a_place_told_at_length_are_the_agents(nlp):
    assert actors("Police in Bangladesh's crowded capital Dhaka arrested 40 people on Monday.") == ["Police forces"]
    # police in a place who only speak are no agents
    for said in ("said", "say", "reported that"):
        assert "Police forces" not in actors(f"Police in the city {said} the gunmen killed two traders."), said


def test_the_dead_told_with_their_kin_or_guards_all_count(nlp):
    assert fatalities("Gunmen killed a village chief and his two sons at their home.") == 3
    assert fatalities("The bomb killed the officer and two of his bodyguards.") == 3
    assert fatalities("Officials said 14 civilians and one soldier had been killed since Thursday.") == 15
    # wounded kin are no dead
    assert fatalities("Gunmen wounded a village chief and his two sons at their home.") is None


def test_a_strike_on_an_oil_facility_is_no_figure_of_speech(nlp):
    doc = run(nlp, "Russian forces struck a Ukrainian oil refinery in Odesa overnight.")
    assert [e.place.name for e in doc.events] == ["Odesa"]
    # a company striking oil attacked nothing
    assert find_triggers("The company struck oil off the coast of Odesa.") == []


def test_a_capture_aimed_at_is_no_capture(nlp):
    doc = run(nlp, "The army began an offensive to capture Dori on Monday.")
    assert _types(doc) == [("Dori", "Armed clash")]
    # one done is
    doc = run(nlp, "Jihadists launched an offensive and captured Dori on Monday.")
    assert [e.sub_event_type for e in doc.events] == ["Non-state actor overtakes territory"]


def test_a_route_between_two_towns_is_one_event_place(nlp):
    doc = run(nlp, "Jihadists killed 17 soldiers in an attack on an army convoy between Boulsa and Dori on Monday.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Boulsa", 17)]
    # two towns attacked are two places
    doc = run(nlp, "Jihadists attacked army posts in Boulsa and Dori on Monday, killing 17 soldiers.")
    assert [e.place.name for e in doc.events] == ["Boulsa", "Dori"]


def test_an_ousted_leader_named_is_no_coup(nlp):
    assert "coup" not in [f.trigger.name for f in find_triggers(
        "Clashes erupted between police and gunmen loyal to ousted president Omar al-Bashir on Thursday.")]
    assert "coup" not in [f.trigger.name for f in find_triggers("Niger's ousted president remains detained.")]
    assert [f.trigger.name for f in find_triggers("The army ousted President Bazoum on Wednesday.")] == ["coup"]


def test_a_demonyms_gunfire_names_its_forces(nlp):
    assert actors("Israeli gunfire killed at least 10 people waiting for aid near Rafah.") == ["Israeli forces"]


def test_a_day_named_after_a_town_is_no_place(nlp):
    doc = run(nlp, "A gunman opened fire at a Kani Day street festival in Dhaka on Saturday, killing 11 people.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Dhaka", 11)]
    # a country's day keeps its country
    doc = run(nlp, "Crowds marked Bangladesh Day in Dhaka on Saturday.")
    assert [m.text for m in doc.mentions] == ["Bangladesh", "Dhaka"]


def test_a_collapse_is_an_accident_no_attack(nlp):
    doc = run(nlp, "Thousands of people gathered in Dhaka on Tuesday to mark a month since a station canopy "
              "collapsed, killing 16 people.")
    assert "Violence against civilians" not in [e.event_type for e in doc.events]
    # a collapse an attack caused stays the attack's
    doc = run(nlp, "A missile hit a school in Dhaka on Tuesday and its roof collapsed, killing 16 people.")
    assert [e.event_type for e in doc.events] == ["Explosions/Remote violence"]


def test_forces_at_a_towns_outskirts_have_not_taken_it(nlp):
    assert "capture" not in [f.trigger.name for f in find_triggers("Russian forces pushed into the outskirts of Sumy.")]
    assert [f.trigger.name for f in find_triggers("Rebels pushed into the town on Sunday.")] == ["capture"]


def test_sides_named_by_their_border_guards(nlp):
    assert actors("Azerbaijani and Armenian border guards exchanged fire overnight.") == [
        "Azerbaijani forces", "Armenian forces"]


def test_bodies_found_with_their_kinds_told(nlp):
    doc = run(nlp, "The bodies of 16 people, including eight police officers, were found in a mass grave near "
              "Acapulco on Monday.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Acapulco", 16)]


def test_a_protest_met_with_deadly_force_later_told_is_one_event(nlp):
    doc = run(nlp, "Thousands of protesters marched through Dhaka on Wednesday. Police used tear gas and one "
              "demonstrator was shot dead near the Parliament building in Dhaka.")
    assert [(e.place.name, e.sub_event_type, e.fatalities) for e in doc.events] == [
        ("Dhaka", "Excessive force against protesters", 1)]
    # force told at another town is another event
    doc = run(nlp, "Thousands of protesters marched through Dhaka on Wednesday. Police used tear gas and one "
              "demonstrator was shot dead in Maru.")
    assert [e.place.name for e in doc.events] == ["Dhaka", "Maru"]


def test_a_count_before_a_comma_and_a_family_counted(nlp):
    assert fatalities("Jets bombed a monastery, killing 23, residents said on Saturday.") == 23
    assert fatalities("The blast killed 1,200 people.") == 1200
    assert fatalities("A strike on a house killed a family of five.") == 5
    assert fatalities("A strike on a house wounded a family of five.") is None


def test_a_regional_body_names_the_region(nlp):
    doc = run(nlp, "Russian glide bombs hit Zaporizhzhia on Thursday, killing five people, the Zaporizhzhia regional "
              "prosecutor said.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Zaporizhzhia", 5)]
    assert [m.place.kind for m in doc.mentions if m.hint != "demonym"] == ["city", "region"]


def test_the_wounded_told_before_an_attacker_killed_are_no_dead(nlp):
    assert fatalities("A gunman opened fire at a bus stop, wounding three people before he was shot dead.") == 1
    assert fatalities("A gunman opened fire at a bus stop, wounding three people before he fled.") is None


def test_a_looting_that_killed_is_an_attack(nlp):
    doc = run(nlp, "Gunmen killed seven people and burned dozens of houses in Maru on Sunday.")
    assert _types(doc) == [("Maru", "Attack")]
    # with no one killed it stays the destruction
    doc = run(nlp, "Gunmen burned dozens of houses in Maru on Sunday.")
    assert _types(doc) == [("Maru", "Looting/property destruction")]


def test_a_body_found_is_one_dead(nlp):
    assert fatalities("Police found the body of a missing candidate in a ditch outside Acapulco.") == 1
    assert fatalities("Police found the car of a missing candidate in a ditch outside Acapulco.") is None
