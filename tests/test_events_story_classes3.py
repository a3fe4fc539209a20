"""Classes found by reading a fifth batch of wire stories written here (Goma, Ras Isa, Bannu, Komanda, Lima, Puntland,
Bara, Kharkiv, Cabo Delgado, Amhara, Balochistan, Beirut, Cuba, Kathmandu, Krasnodar, Chad) through
`geomap extract`: one test per class, on a tiny gazetteer and sentences written for the tests (none from a gold
set)."""

from __future__ import annotations

from datetime import date

import pytest
from tinyrun import run, tiny_pipeline

from geomap.events.actors import actors
from geomap.events.fatalities import fatalities
from geomap.gazetteer import Row

ROWS = [
    Row("t:peru", "Peru", "country", -9.0, -75.0, "PE", "", 34000000, 600.0),
    Row("t:lima", "Lima", "city", -12.04, -77.03, "PE", "PE.15", 9000000, 20.0, feature="capital"),
    Row("t:kyiv", "Kyiv", "city", 50.45, 30.52, "UA", "UA.12", 2900000, 15.0, feature="capital"),
    Row("t:ukraine", "Ukraine", "country", 49.0, 32.0, "UA", "", 38000000, 600.0),
    Row("t:beni", "Beni", "city", 0.49, 29.47, "CD", "CD.11", 330000, 6.0),
    Row("t:benue", "Benue", "region", 7.33, 8.75, "NG", "NG.08", 5700000, 150.0),
    Row("t:bara", "Bara", "city", 13.70, 30.37, "SD", "SD.56", 17000, 2.0),
    Row("t:fasher", "El Fasher", "city", 13.63, 25.35, "SD", "SD.55", 500000, 6.0),
    Row("t:quetta", "Quetta", "city", 30.19, 67.01, "PK", "PK.2", 1000000, 8.0),
    Row("t:gondar", "Gondar", "city", 12.60, 37.47, "ET", "ET.46", 350000, 6.0),
    Row("t:beirut", "Beirut", "city", 33.89, 35.50, "LB", "LB.04", 2000000, 10.0, feature="capital"),
    Row("t:lebanon", "Lebanon", "country", 33.9, 35.9, "LB", "", 5000000, 80.0),
    Row("t:mocimboa", "Mocimboa da Praia", "city", -11.35, 40.35, "MZ", "MZ.02", 30000, 3.0),
    Row("t:kisumu", "Kisumu", "city", -0.09, 34.77, "KE", "KE.17", 600000, 8.0),
    Row("t:cabaret", "Cabaret", "city", 18.74, -72.42, "HT", "HT.11", 4000, 1.0),
    Row("t:pap", "Port-au-Prince", "city", 18.54, -72.34, "HT", "HT.11", 1200000, 10.0, feature="capital"),
    Row("t:zulia", "Zulia", "region", 10.0, -72.0, "VE", "VE.23", 4000000, 150.0),
    Row("adm:UA.22", "Zhytomyr Oblast", "region", 50.5, 28.5, "UA", "UA.22", 1200000, 120.0,
        aliases=("Zhytomyr region",)),
]


@pytest.fixture(scope="module")
def nlp():
    return tiny_pipeline(ROWS)


def _events(doc) -> list[tuple]:
    return [(e.place.name, str(e.date), e.sub_event_type, e.fatalities) for e in doc.events]


def test_a_countrys_capital_is_the_capital_city(nlp):
    doc = run(nlp, "Police opened fire on marchers in Peru's capital on Friday, killing one man.")
    assert [(e.place.name, e.place_text) for e in doc.events] == [("Lima", "capital")]
    # the country's name places the event, the way the newswire labels mark it; the event is at the capital
    assert [(m.text, m.role) for m in doc.mentions] == [("Peru", "event"), ("capital", "mention")]


def test_the_countrys_capital_is_the_capital_of_the_storys_country(nlp):
    doc = run(nlp, "Ukraine said on Friday that drones had struck the country's capital overnight.")
    assert [e.place.name for e in doc.events] == ["Kyiv"]


def test_a_date_in_a_since_clause_dates_when_a_period_began(nlp):
    doc = run(nlp, "Drones struck Kyiv, in the heaviest attack since Russia began its summer offensive last month.")
    assert [str(e.date) for e in doc.events] == ["2024-05-10"]  # the story's day, not April


def test_a_vigil_of_worship_is_the_setting_of_an_attack(nlp):
    doc = run(nlp, "Rebels attacked a church in Beni during a night-long prayer vigil on Sunday, killing 12 people.")
    assert _events(doc) == [("Beni", "2024-05-05", "Attack", 12)]


def test_a_candlelight_vigil_is_still_a_protest(nlp):
    doc = run(nlp, "Hundreds held a candlelight vigil in Kyiv on Sunday to demand the release of prisoners.")
    assert [e.sub_event_type for e in doc.events] == ["Peaceful protest"]


def test_a_toll_over_the_past_decade_is_no_happening(nlp):
    doc = run(nlp, "Armed herders have killed thousands of villagers in Benue over the past decade.")
    assert doc.events == []


def test_an_earlier_happening_told_to_time_the_news_is_no_event(nlp):
    doc = run(nlp, "Paramilitary fighters killed 30 people in Bara on Sunday, days after seizing El Fasher.")
    assert _events(doc) == [("Bara", "2024-05-05", "Attack", 30)]


def test_a_group_claiming_the_attack_is_its_first_actor(nlp):
    doc = run(nlp, "A suicide bomber killed nine soldiers at a base in Quetta on Tuesday. A splinter faction of the "
              "Pakistani Taliban claimed the attack.")
    assert doc.events[0].actors[0] == "TTP"


def test_no_claim_names_no_actor(nlp):
    doc = run(nlp, "A suicide bomber killed nine soldiers at a base in Quetta on Tuesday. No group claimed "
              "responsibility, but the Pakistani Taliban have carried out similar attacks.")
    assert "TTP" not in doc.events[0].actors


def test_a_lasting_fight_told_as_background_is_no_clash(nlp):
    doc = run(nlp, "The strikes hit a bus station in Gondar on Sunday, where Fano militiamen have been fighting "
              "federal troops for two years.")
    assert [e.event_type for e in doc.events] == ["Explosions/Remote violence"]  # the strikes, no clash


def test_a_strike_counted_since_a_truce_is_the_strike_told(nlp):
    doc = run(nlp, "Israeli jets struck Beirut on Monday. It was the third strike on the Lebanese capital since a "
              "truce took effect in March.")
    assert [(e.place.name, e.sub_event_type) for e in doc.events] == [("Beirut", "Air/drone strike")]


def test_attackers_torching_homes_is_no_riot(nlp):
    doc = run(nlp, "The attackers torched dozens of homes in Mocimboa da Praia before fleeing.")
    assert [e.sub_event_type for e in doc.events] == ["Looting/property destruction"]


def test_a_lynching_is_mob_violence(nlp):
    doc = run(nlp, "A mob lynched three men accused of theft in Kisumu on Saturday.")
    assert _events(doc) == [("Kisumu", "2024-05-04", "Mob violence", 3)]
    assert doc.events[0].actors == ["Rioters"]


def test_victims_counted_before_they_were_killed():
    assert fatalities("Gunmen stopped a bus, forced seven passengers off and shot them dead.") == 7
    assert fatalities("Gunmen stopped a bus, forced seven passengers off and robbed them.") is None


def test_a_strike_with_no_weapon_told_is_from_the_air(nlp):
    doc = run(nlp, "A strike killed five journalists in a tent in Beirut on Sunday.")
    assert [e.sub_event_type for e in doc.events] == ["Air/drone strike"]


def test_communist_rebels_are_the_npa():
    assert actors("Suspected communist rebels ambushed an army truck on Monday.") == ["NPA"]


def test_a_groups_emblem_is_no_actor():
    assert actors("The driver had an Islamic State flag in his truck.") == []


def test_a_state_that_said_on_a_day_it_acted_is_the_actor():
    assert actors("Ukraine said on Sunday it had struck 40 aircraft at four air bases.")[0] == "Ukrainian forces"
    assert actors("Sudan's army said it had broken the siege of the city.") == ["Sudanese army"]


def test_a_count_with_an_appositive_before_were_killed():
    assert fatalities("Nine soldiers, including two officers, were killed in the ambush.") == 9


def test_troops_exchanging_small_arms_fire_clash(nlp):
    doc = run(nlp, "Indian and Pakistani troops exchanged small arms fire near Quetta overnight.")
    assert [e.sub_event_type for e in doc.events] == ["Armed clash"]


def test_victims_named_by_who_they_were_are_the_places_whole_toll(nlp):
    doc = run(nlp, "Russian drones struck overnight, killing at least 12 people including three children in the "
              "Zhytomyr region.")
    assert [e.fatalities for e in doc.events] == [12]


def test_a_named_victim_and_several_more():
    assert fatalities("An air strike killed the prime minister, Ahmed Ali, and several ministers.") == 4


def test_others_killed_in_a_next_sentence_add_to_the_toll(nlp):
    doc = run(nlp, "Gunmen shot dead a mayoral candidate at a rally in Kisumu on Sunday. Four other people were killed "
              "in the attack.")
    assert [e.fatalities for e in doc.events] == [5]


def test_police_in_a_country_firing_live_bullets_is_excessive_force(nlp):
    doc = run(nlp, "Police in Kenya fired tear gas and live bullets at protesters in Kisumu on Wednesday.")
    assert [(e.sub_event_type, e.actors[0]) for e in doc.events] == [
        ("Excessive force against protesters", "Police forces")]


def test_a_toll_of_days_told_next_is_no_days_toll(nlp):
    doc = run(nlp, "Police fired live bullets at protesters in Kisumu on Wednesday. An opposition party said hundreds "
              "had been killed in three days of protests.")
    assert [e.fatalities for e in doc.events] == [None]


def test_a_speech_verb_between_a_word_and_a_count_parts_them():
    assert fatalities("An opposition party said hundreds had been killed.") == 100  # not "An" = 1


def test_an_earlier_happenings_toll_is_its_own_places(nlp):
    doc = run(nlp, "Troops stormed Bara on Thursday, a day after an air strike on a market in Beni killed 40 people.")
    assert {e.place.name: e.fatalities for e in doc.events} == {"Bara": None, "Beni": 40}


def test_what_was_said_on_a_day_happened_by_then(nlp):
    doc = run(nlp, "An air strike on a monastery in Gondar killed 23 people, residents said on Saturday.",
              published=date(2024, 5, 13))
    assert [str(e.date) for e in doc.events] == ["2024-05-11"]


def test_a_day_declared_is_no_day_said(nlp):
    doc = run(nlp, "A missile killed 27 people in Kyiv, and the mayor declared Tuesday a day of mourning.",
              published=date(2024, 5, 13))
    assert [str(e.date) for e in doc.events] == ["2024-05-13"]


def test_myanmars_military_and_a_group_in_myanmar():
    assert actors("A Myanmar military air strike hit a village.") == ["Myanmar military"]
    assert actors("An armed group in Myanmar said it had captured the town.") == []


def test_a_common_word_told_as_a_town_is_the_town(nlp):
    doc = run(nlp, "Gang members killed 50 people in an attack on Cabaret, a town north of the Haitian capital.")
    assert [e.place.name for e in doc.events] == ["Cabaret"]


def test_a_common_word_with_no_kind_told_stays_a_word(nlp):
    doc = run(nlp, "The singer performed in a Cabaret, a club north of the Haitian capital.")
    assert "Cabaret" not in [m.place.name for m in doc.mentions if m.place is not None]


def test_protesters_who_blocked_a_road_and_set_cars_on_fire_riot(nlp):
    doc = run(nlp, "Protesters blocked a freeway and set several cars on fire in Kisumu on Sunday.")
    assert [e.sub_event_type for e in doc.events] == ["Violent demonstration"]


def test_rival_partisans_clashing_is_mob_violence(nlp):
    doc = run(nlp, "Two people were killed in clashes between supporters of rival parties in Kisumu on Sunday.")
    assert [(e.sub_event_type, e.actors) for e in doc.events] == [("Mob violence", ["Rioters"])]
    doc = run(nlp, "Two people were killed in clashes between supporters of the opposition and security forces in "
              "Kisumu on Sunday.")
    assert [e.sub_event_type for e in doc.events] == ["Violent demonstration"]  # against the police: no mob


def test_raids_that_arrested_people_are_arrests(nlp):
    doc = run(nlp, "Security forces arrested 15 people accused of plotting against the president in raids in Zulia "
              "on Sunday.")
    assert [e.sub_event_type for e in doc.events] == ["Arrests"]


def test_a_fire_at_a_building_that_killed_is_no_attack(nlp):
    assert run(nlp, "A fire at a shopping mall in Kisumu killed at least 61 people on Wednesday.").events == []
    assert [e.sub_event_type for e in run(nlp, "Gunmen set fire to a shopping mall in Kisumu on Wednesday, killing 61 "
                                               "people.").events] == ["Attack"]


def test_a_month_naming_a_truce_dates_no_strike(nlp):
    doc = run(nlp, "Israel has kept up near-daily strikes in Lebanon despite a November truce.")
    assert [str(e.date) for e in doc.events] == ["2024-05-10"]  # the story's time, not November


def test_excessive_force_names_the_protesters_as_its_victims(nlp):
    doc = run(nlp, "Police shot dead 16 people during protests in Kisumu on Wednesday.")
    assert [(e.sub_event_type, e.actors) for e in doc.events] == [
        ("Excessive force against protesters", ["Police forces", "Protesters"])]


def test_a_glide_bomb_names_its_state():
    assert actors("A Russian glide bomb attack on the city killed 13 people.") == ["Russian forces"]


def test_police_launching_a_raid_act():
    assert actors("Police launched a massive raid against the Comando Vermelho gang.") == [
        "Police forces", "Comando Vermelho"]
    assert actors("Security forces launched a manhunt in the forests.") == []  # a hunt after the news is no side


def test_jets_that_struck_and_a_drone_explosion_are_air_strikes(nlp):
    doc = run(nlp, "Israeli jets had struck army positions in Beirut on Monday. A drone explosion killed eight "
              "children in Kisumu on Monday.")
    assert [e.sub_event_type for e in doc.events] == ["Air/drone strike", "Air/drone strike"]


def test_a_campaign_entering_a_day_takes_nothing(nlp):
    doc = run(nlp, "Israel struck a television building in Beirut on Monday as its campaign entered a fifth day.")
    assert [e.event_type for e in doc.events] == ["Explosions/Remote violence"]


def test_a_toll_across_a_country_leaves_a_place_its_own_share(nlp):
    doc = run(nlp, "Israeli strikes across the Gaza Strip killed at least 51 people, including 12 members of one "
              "family in the southern city of Beni.")
    assert [e.fatalities for e in doc.events] == [12]
