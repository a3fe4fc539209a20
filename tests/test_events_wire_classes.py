"""Classes found by reading wire stories written here (Sudan, Syria, Nigeria, Manipur, the West Bank, the Caucasus)
through `geomap extract`: one test per class, on a tiny gazetteer and sentences written for the tests (none from a
gold set)."""

from __future__ import annotations

from datetime import date

import pytest
from tinyrun import run, tiny_pipeline

from geomap.dates import find_dates
from geomap.events.actors import actors, unnamed_force
from geomap.events.model import features
from geomap.events.training import candidate_sets
from geomap.gazetteer import Row

ROWS = [
    Row("t:kafanchan", "Kafanchan", "city", 9.5833, 8.2917, "NG", "NG.1", 83000, 4.0),
    Row("t:hawul", "Hawul", "city", 10.45, 12.10, "NG", "NG.3", 20000, 2.0),
    Row("t:masisi", "Masisi", "city", -1.40, 28.82, "CD", "CD.2", 0, 2.0),
    Row("t:sake", "Sake", "city", -1.57, 29.04, "CD", "CD.2", 17151, 2.0),
    Row("t:sokoto", "Sokoto", "city", 13.06, 5.24, "NG", "NG.2", 1040000, 8.0),
    Row("t:sokoto-state", "Sokoto State", "region", 12.94, 5.53, "NG", "NG.2", 1160000, 120.0),
    Row("t:nigeria", "Nigeria", "country", 9.1, 8.7, "NG", "", 200000000, 600.0),
    Row("t:el-fasher", "El Fasher", "city", 13.63, 25.35, "SD", "SD.1", 500000, 6.0),
    Row("t:zamzam", "Zamzam camp", "district", 13.50, 25.28, "SD", "SD.1", 400000, 3.0, aliases=("Zamzam",)),
    Row("t:omdurman", "Omdurman", "city", 15.65, 32.48, "SD", "SD.2", 2400000, 12.0),
    Row("t:latakia", "Latakia", "city", 35.53, 35.79, "SY", "SY.1", 700000, 8.0),
    Row("t:latakia-gov", "Latakia Governorate", "region", 35.58, 35.99, "SY", "SY.1", 800000, 40.0),
    Row("t:tartus", "Tartus", "city", 34.89, 35.89, "SY", "SY.2", 450000, 6.0),
    Row("t:tartus-gov", "Tartus Governorate", "region", 34.93, 36.05, "SY", "SY.2", 540000, 35.0),
    Row("t:kuki", "Kuki", "city", 36.07, 139.67, "JP", "JP.1", 150000, 5.0),
    Row("t:bukavu", "Bukavu", "city", -2.51, 28.86, "CD", "CD.1", 870000, 8.0),
    Row("t:tbilisi", "Tbilisi", "city", 41.69, 44.83, "GE", "GE.1", 1100000, 10.0),
    Row("t:krasnogorsk", "Krasnogorsk", "city", 55.82, 37.33, "RU", "RU.1", 93000, 4.0),
    Row("t:crocus", "Crocus City Hall", "landmark", 55.826, 37.389, "RU", "RU.1", 0, 0.5),
    Row("t:butler-au", "Butler", "city", -31.64, 115.70, "AU", "AU.1", 13473, 2.0),
    Row("t:butler-pa", "Butler", "city", 40.86, -79.90, "US", "US.PA", 13289, 2.0),
    Row("t:pennsylvania", "Pennsylvania", "region", 40.97, -77.61, "US", "US.PA", 13000000, 200.0),
    Row("t:ankara", "Ankara", "city", 39.92, 32.85, "TR", "TR.1", 5000000, 15.0),
    Row("t:lebanon", "Lebanon", "country", 33.83, 35.83, "LB", "", 5500000, 60.0),
    Row("t:kursk", "Kursk Oblast", "region", 51.70, 36.24, "RU", "RU.41", 800000, 140.0, aliases=("Kursk region",)),
    Row("t:sudzha", "Sudzha", "city", 51.19, 35.27, "RU", "RU.41", 5000, 2.0),
    Row("t:russia", "Russia", "country", 60.0, 100.0, "RU", "", 144000000, 2000.0),
]


@pytest.fixture(scope="module")
def nlp():
    return tiny_pipeline(ROWS)


def test_pupils_abducted_from_a_school_were_taken_where_it_stands(nlp):
    # the abduction is 60 characters before the place: past the slots' usual window, yet the place is not an origin
    doc = run(nlp, "Gunmen kidnapped at least 15 pupils from an Islamic school in Gidan Bakuso village in Sokoto "
                   "state late on Friday.")
    assert [(e.place.name, e.sub_event_type) for e in doc.events] == [
        ("Sokoto State", "Abduction/forced disappearance")]


def test_a_kind_word_naming_the_gazetteers_place_settles_the_reading(nlp):
    # "Sokoto state" is the gazetteer's "Sokoto State", not the bigger-sounding city
    doc = run(nlp, "Bandits attacked a village in Sokoto state on Friday.")
    assert [m.place.name for m in doc.mentions if m.place] == ["Sokoto State"]


def test_a_plural_kind_word_before_a_list_covers_each_name(nlp):
    doc = run(nlp, "Security forces killed dozens of civilians in the coastal provinces of Latakia and Tartus.")
    assert [m.place.name for m in doc.mentions if m.place] == ["Latakia Governorate", "Tartus Governorate"]


@pytest.mark.parametrize("text, etype", [
    ("Hundreds of settlers rampaged through Kafanchan, torching cars and homes.", "Riots"),
    ("Troops battled militants in Kafanchan on Monday, killing five people.", "Battles"),
    ("Firefighters battled a huge blaze in Kafanchan on Monday.", None),
    ("Police were given shoot-on-sight orders in Kafanchan on Monday.", None),
])
def test_event_words_and_the_words_that_are_none(nlp, text, etype):
    assert [e.event_type for e in run(nlp, text).events] == ([etype] if etype else [])


@pytest.mark.parametrize("text, event", [
    ("A passenger jet crashed near Kafanchan on Monday, killing 38 people.", False),
    ("A bus overturned near Kafanchan on Monday, killing 12 passengers.", False),
    ("A military helicopter crashed near Kafanchan after it was shot down, killing 4 soldiers.", True),
])
def test_an_accident_is_no_event_unless_something_armed_caused_it(nlp, text, event):
    assert bool(run(nlp, text).events) is event


def test_a_state_capital_before_the_name_is_a_locative(nlp):
    doc = run(nlp, "Mobs torched houses in the state capital Kafanchan and in nearby farms.")
    feats = [features(sent, cs, k) for _, sent, cs, _ in candidate_sets(doc) for k in range(len(cs))]
    assert feats and "slot=locative" in feats[0]


def test_a_people_named_before_its_word_is_no_place(nlp):
    doc = run(nlp, "Clashes between the Meitei and Kuki communities killed 54 people in Kafanchan.")
    assert [m.text for m in doc.mentions if m.place] == ["Kafanchan"]
    assert [e.place.name for e in doc.events] == ["Kafanchan"]


def test_a_place_near_another_is_one_event_with_all_its_deaths(nlp):
    doc = run(nlp, "The RSF shelled the Zamzam displacement camp outside El Fasher, killing at least 18 people.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Zamzam camp", 18)]


def test_a_name_put_around_a_town_is_no_second_event_beside_the_town(nlp):
    doc = run(nlp, "In Omdurman, army drones struck RSF positions near the Halfaya bridge.")
    # the army's drones struck: the army acted first (ACLED's actor 1), the RSF was struck
    assert [(e.place.name, e.actors) for e in doc.events] == [("Omdurman", ["Sudanese army", "RSF"])]


@pytest.mark.parametrize("text, found", [
    ("Syrian rebels led by Hayat Tahrir al-Sham swept into the city.", ["Syrian rebels", "HTS"]),
    ("Syrian security forces and allied fighters killed dozens of civilians.", ["Syrian forces"]),
    ("Azerbaijan's military said it had taken full control of the region.", ["Azerbaijani forces"]),
    ("Russia said Ukraine attacked a power plant.", ["Ukrainian forces"]),  # the speaker did not attack
    ("Palestinian security forces clashed with stone-throwers.", ["Police forces"]),  # no militants
    ("Suspected Islamist militants set off a bomb during Mass.", ["Islamist militants"]),
])
def test_actors_named_by_demonym_or_state(text, found):
    assert actors(text) == found


@pytest.mark.parametrize("text, named, story, country, force", [
    ("Troops killed two militants in a firefight.", [], [], "PH", "Philippine forces"),
    ("The army said it struck a weapons depot.", [], ["Israeli forces"], "LB", None),  # Israel's, not Lebanon's
    ("Nine soldiers were killed in an ambush.", [], ["Nigerien forces"], "NE", "Nigerien forces"),
    ("Drones hit military and civilian targets.", [], [], "AM", None),  # an adjective, no agent
    ("In Omdurman, army drones struck positions.", ["RSF"], [], "SD", "Sudanese army"),
    ("The Arakan Army seized a border post.", ["Arakan Army"], [], "MM", None),
    ("UN peacekeeping troops patrolled the town.", [], [], "ML", None),
    ("Russian troops shelled the town.", ["Russian forces"], [], "UA", None),
])
def test_forces_named_without_their_state(text, named, story, country, force):
    assert unnamed_force(text, named, lambda: story, country) == force


@pytest.mark.parametrize("text, place", [
    ("M23 rebels captured Bukavu on Sunday. Looters ransacked a depot in the city's Kadutu district.", "Bukavu"),
    ("Police fired tear gas at protesters in Tbilisi. Protesters threw fireworks on Rustaveli Avenue.", "Tbilisi"),
])
def test_a_part_of_the_town_just_told_lies_in_it(nlp, text, place):
    doc = run(nlp, text)
    assert [e.place.name for e in doc.events] == [place, place]


def test_a_claim_of_the_attack_in_a_town_is_the_attack_told_at_a_site_in_it(nlp):
    doc = run(nlp, "Gunmen opened fire on concertgoers at Crocus City Hall on Friday, killing 60 people. Islamic "
                   "State claimed responsibility for the attack in Krasnogorsk.")
    # the claim names who the unnamed gunmen were: "Unidentified armed group" goes
    assert [(e.place.name, e.fatalities, e.actors) for e in doc.events] == [("Crocus City Hall", 60, ["Islamic State"])]


@pytest.mark.parametrize("text, sub", [
    ("A gunman opened fire at a campaign rally in Kafanchan on Saturday, killing one spectator.", "Attack"),
    ("A refugee was shot dead in a gunfight between rival armed groups in Kafanchan.", "Armed clash"),
])
def test_rallies_of_a_campaign_and_fights_between_sides(nlp, text, sub):
    assert [e.sub_event_type for e in run(nlp, text).events] == [sub]


def test_a_common_word_followed_by_its_region_is_the_place(nlp):
    doc = run(nlp, "Protesters marched in Butler, Pennsylvania, on Saturday.")
    assert [(m.place.name, m.place.country_code) for m in doc.mentions if m.place][0] == ("Butler", "US")


def test_a_people_adjective_is_no_unknown_place(nlp):
    doc = run(nlp, "A girl was wounded by shrapnel in a Bedouin village near Kafanchan.")
    assert "Bedouin" not in [m.text for m in doc.mentions]


def test_an_unknown_site_near_a_town_takes_the_towns_score(nlp):
    # the town is vetoed as the reference of the name before it; the pair is one event place, around the town
    doc = run(nlp, "Attackers killed five people at the headquarters of aerospace firm TUSAS near Ankara on Wednesday.")
    assert [(e.place_text, e.place.name, e.fatalities) for e in doc.events] == [("TUSAS", "near Ankara", 5)]


def test_an_envoys_post_is_no_event_place(nlp):
    doc = run(nlp, "Pagers exploded across Kafanchan on Tuesday. The ambassador to Lebanon was among the wounded.")
    assert [e.place.name for e in doc.events] == ["Kafanchan"]


def test_a_ceasefires_sentence_with_deaths_tells_the_violence(nlp):
    doc = run(nlp, "A ceasefire took effect in Kafanchan after a delay during which air strikes killed 13 people.")
    assert [(e.event_type, e.fatalities) for e in doc.events] == [("Explosions/Remote violence", 13)]


def test_an_attack_with_no_weapon_told_is_an_attack_by_people(nlp):
    doc = run(nlp, "The attacks took place in Kafanchan.")
    assert [(e.event_type, e.sub_event_type) for e in doc.events] == [("Violence against civilians", "Attack")]


def test_an_unknown_village_goes_in_the_region_that_holds_the_last_town(nlp):
    doc = run(nlp, "Troops pushed into Russia's Kursk region, fighting around Sudzha. A drone hit an ambulance near "
                   "the village of Kositsa, killing five civilians.")
    assert [e.place.name for e in doc.events] == ["Sudzha", "Kursk Oblast"]


def test_the_first_word_after_a_dateline_opens_the_sentence(nlp):
    doc = run(nlp, "KAFANCHAN, March 16 - Hundreds of thousands of people rallied in Kafanchan on Saturday.")
    assert [e.place.name for e in doc.events] == ["Kafanchan"]
    assert "Hundreds" not in [m.text for m in doc.mentions]


def test_a_state_army_as_a_side_of_the_fighting():
    assert actors("Fighting between Sudan's army and the Rapid Support Forces raged.") == ["Sudanese army", "RSF"]
    assert actors("Officials said Ukraine's army was tired.") == []  # named, but as no side of any fighting


def test_a_neighbourhood_the_gazetteer_lacks_lies_in_the_town_just_told(nlp):
    doc = run(nlp, "Gangs attacked a police station in Kafanchan overnight. At least 12 people were killed in clashes "
                   "between gangs and police in the Solino neighbourhood.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Kafanchan", 12)]


def test_a_name_in_a_clause_with_no_event_word_is_no_event_place(nlp):
    # the council's swearing-in is no event; the palace does not make the attacked town a mere container
    doc = run(nlp, "Gangs attacked a police station in Kafanchan overnight, residents said, as a new council was "
                   "sworn in at the Unity Palace.")
    assert [e.place_text for e in doc.events] == ["Kafanchan"]


@pytest.mark.parametrize("text, sub", [
    ("Police found the bodies of eight people dumped on a highway outside Kafanchan.", "Attack"),
    ("Dissidents detonated a motorcycle bomb outside a police station in Kafanchan.",
     "Remote explosive/landmine/IED"),
])
def test_bodies_found_and_vehicle_bombs(nlp, text, sub):
    assert [e.sub_event_type for e in run(nlp, text).events] == [sub]


@pytest.mark.parametrize("text, force", [
    ("Dissidents detonated a bomb outside a police station, the army said.", None),  # a source
    ("The army said it killed dozens of militants in air strikes.", "Burkinabe forces"),  # a source that acted
])
def test_an_army_quoted_is_no_agent_unless_it_acted(text, force):
    assert unnamed_force(text, [], list, "BF") == force


def test_new_armed_groups_by_name():
    assert actors("Rebels of the Ta'ang National Liberation Army seized the town.") == ["TNLA"]
    assert actors("Armed gangs attacked the police station.") == ["Gangs"]
    assert actors("Jihadists killed 70 people in an attack on the village.") == ["Islamist militants"]


def test_this_year_after_a_superlative_is_no_date_of_the_event():
    found = find_dates("Jihadists killed 70 people, in one of the deadliest assaults this year.", date(2024, 1, 30))
    assert [t.vague for t in found] == [True]
    assert [t.vague for t in find_dates("Attacks rose this year.", date(2024, 1, 30))] == [False]


def test_a_sentence_saying_where_the_told_attack_took_place_refines_a_countrys_event(nlp):
    doc = run(nlp, "A suicide bomber hit a convoy in Nigeria's northwest on Tuesday, killing six. The attack took "
                   "place near Kafanchan.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Kafanchan", 6)]


def test_a_sentence_opening_in_a_town_holds_the_sites_it_names(nlp):
    doc = run(nlp, "In Kafanchan, police fired tear gas at youths who threw stones near the Old Port.")
    assert [(e.place.name, e.actors) for e in doc.events] == [("Kafanchan", ["Rioters", "Police forces"])]


def test_a_place_is_typed_by_the_event_word_on_its_side_of_a_comma(nlp):
    doc = run(nlp, "Police shot dead a teenager during a traffic stop in Kafanchan, and more than 870 people were "
                   "arrested.")
    assert [e.sub_event_type for e in doc.events] == ["Attack"]


@pytest.mark.parametrize("text, sub, dead", [
    ("At least 91 people were killed in clashes between protesters and ruling party supporters, including 14 police "
     "officers at a station in Kafanchan.", "Violent demonstration", 14),
    ("Two bombs exploded at a memorial ceremony in Kafanchan, killing 84 people.",
     "Remote explosive/landmine/IED", 84),
])
def test_protesters_against_a_rival_crowd_a_places_share_and_bombs(nlp, text, sub, dead):
    assert [(e.sub_event_type, e.fatalities) for e in run(nlp, text).events] == [(sub, dead)]


def test_a_town_named_as_a_journeys_origin_holds_no_unknown_name(nlp):
    doc = run(nlp, "A bomber rammed a convoy near Besham as it was travelling from Kafanchan to the dam.")
    assert all(m.place is None or m.place.name != "near Kafanchan" for m in doc.mentions)


def test_south_sudans_forces_are_not_sudans():
    assert actors("Fighting between South Sudan's army and a rebel group killed 20.") == ["South Sudanese forces"]
    assert actors("South Sudanese troops clashed with rebels.") == ["South Sudanese forces"]


@pytest.mark.parametrize("text", [
    "Officials warned Nigeria against supplying the group in Kafanchan with more missiles.",
    "The quake, the deadliest in a century, struck near Kafanchan late on Friday.",
])
def test_weapons_supplied_and_a_quake_told_with_an_apposition_are_no_events(nlp, text):
    assert run(nlp, text).events == []


def test_a_demonym_before_one_weapon_names_the_force():
    assert actors("A Russian missile strike on a hotel killed one person.") == ["Russian forces"]


def test_a_toll_told_after_the_place_is_that_places(nlp):
    doc = run(nlp, "Troops seized the village of Hawul and shelled Kafanchan, where two civilians were killed.")
    assert [(e.place.name, e.fatalities) for e in doc.events] == [("Hawul", None), ("Kafanchan", 2)]


def test_the_place_an_event_word_takes_as_its_object_is_typed_by_it(nlp):
    doc = run(nlp, "Rebels captured the village of Hawul and shelled Kafanchan on Tuesday.")
    assert [(e.place.name, e.event_type) for e in doc.events] == [
        ("Hawul", "Battles"), ("Kafanchan", "Explosions/Remote violence")]


def test_a_disasters_deaths_are_no_event(nlp):
    assert run(nlp, "Heavy rain flooded parts of Kafanchan, killing at least 95 people.").events == []


def test_a_common_word_listed_with_a_town_of_its_country_is_a_town(nlp):
    doc = run(nlp, "Thousands were displaced by the fighting around Masisi and Sake last week.")
    assert [m.place.name for m in doc.mentions if m.place] == ["Masisi", "Sake"]
    assert [m.place for m in run(nlp, "He did it for the sake of peace in Masisi.").mentions if
            m.text == "sake"] == []


def test_a_street_with_no_event_told_before_lies_in_the_storys_first_town(nlp):
    doc = run(nlp, "Leaders met in Tbilisi, calling for a ceasefire in Kafanchan. Outside, protesters marched along "
                   "Rustaveli Avenue and police arrested 12.")
    assert [e.place.name for e in doc.events] == ["Tbilisi"]


@pytest.mark.parametrize("text, etype", [
    ("The mercenary chief led a short-lived mutiny, seizing Kafanchan and marching on the capital.", "Battles"),
    ("Thousands marched in Kafanchan in support of the coup.", "Protests"),  # a coup's supporters do protest
])
def test_a_mutinys_march_is_an_advance(nlp, text, etype):
    assert [e.event_type for e in run(nlp, text).events] == [etype]

