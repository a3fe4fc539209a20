"""The ACLED export (issue 14): the codebook's columns in its order, each filled from what geomap found and empty
where it does not know; the codebook lookups one decision per test."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from geomap import codebook
from geomap.articles import from_text
from geomap.export import ACLED_COLUMNS, EXPORT_COLUMNS, acled_row, write_records
from geomap.ingest import ingest_articles
from geomap.store import Store

#: The ACLED codebook's column order (2023 onwards), written out here so that a change to the export is a change
#: to this test too.
CODEBOOK = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
            "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country "
            "admin1 admin2 admin3 location latitude longitude geo_precision source source_scale notes fatalities "
            "tags timestamp").split()

ARTICLE = ("Russian missiles struck Kharkiv on Monday, killing three people, regional officials said.\n\n"
           "In Nairobi, police fired tear gas at protesters on Tuesday.")


def test_the_columns_are_the_codebook_s_then_geomap_s():
    assert ACLED_COLUMNS == CODEBOOK
    assert EXPORT_COLUMNS[: len(CODEBOOK)] == CODEBOOK and len(set(EXPORT_COLUMNS)) == len(EXPORT_COLUMNS)


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list[dict]:
    store = Store(tmp_path_factory.mktemp("acled") / "s.sqlite")
    ingest_articles(store, [from_text(ARTICLE, date(2024, 5, 15), article_id="wire-1", source="Wire")])
    out = io.StringIO()
    write_records(store.event_records(), "csv", out)
    store.close()
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_a_strike_abroad_is_political_violence_by_external_forces(rows):
    kharkiv = next(r for r in rows if r["location"] == "Kharkiv")
    assert kharkiv["event_date"] == "2024-05-13" and kharkiv["year"] == "2024" and kharkiv["time_precision"] == "1"
    assert kharkiv["disorder_type"] == "Political violence"
    assert kharkiv["actor1"] == "Russian forces" and kharkiv["inter1"] == "8" and kharkiv["interaction"] == "80"
    assert (kharkiv["iso"], kharkiv["region"], kharkiv["country"]) == ("804", "Europe", "Ukraine")
    assert kharkiv["admin1"] == "Kharkiv Oblast" and kharkiv["fatalities"] == "3"
    assert kharkiv["source"] == "Wire" and kharkiv["timestamp"].isdigit()
    assert kharkiv["assoc_actor_1"] == kharkiv["admin2"] == kharkiv["source_scale"] == kharkiv["tags"] == ""


def test_a_protest_met_with_tear_gas_is_a_demonstration_in_eastern_africa(rows):
    nairobi = next(r for r in rows if r["location"] == "Nairobi")
    assert nairobi["event_type"] == "Protests" and nairobi["disorder_type"] == "Demonstrations"
    assert (nairobi["iso"], nairobi["region"], nairobi["country"]) == ("404", "Eastern Africa", "Kenya")
    assert {nairobi["inter1"], nairobi["inter2"]} == {"1", "6"} and nairobi["interaction"] == "16"


def test_state_forces_at_home_and_abroad():
    assert codebook.actor_type("Ukrainian forces", "UA") == codebook.STATE_FORCES
    assert codebook.actor_type("Ukrainian forces", "RU") == codebook.EXTERNAL_FORCES
    assert codebook.actor_type("Ukrainian forces", None) is None  # at sea: home or abroad unknown
    assert codebook.actor_type("Police forces", "KE") == codebook.STATE_FORCES


def test_actors_whose_type_is_unknown_stay_empty():
    assert codebook.actor_type("Houthis", "YE") is None
    row = acled_row({"actors": ["Houthis", "US forces"], "country_code": "", "event_type": "Battles"})
    assert row["inter1"] == row["inter2"] == row["interaction"] == "" and row["iso"] == row["region"] == ""


def test_interaction_puts_the_lower_type_first():
    assert codebook.interaction(7, 1) == 17 and codebook.interaction(6, None) == 60
    assert codebook.interaction(None, 1) is None


def test_disorder_types_and_civilian_targeting():
    assert codebook.disorder_type("Protests", "Excessive force against protesters") == \
        "Political violence; Demonstrations"
    assert codebook.disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert codebook.disorder_type("Strategic developments", "Looting/property destruction") == \
        "Strategic developments"
    assert codebook.civilian_targeting("Violence against civilians") == "Civilian targeting"
    assert codebook.civilian_targeting("Explosions/Remote violence") is None


def test_every_force_actor_has_a_home_country():
    """A new force word in the actor tables must name its state, or the export cannot type it."""
    from geomap.events.forces import COUNTRY_FORCE, DEMONYM_FORCE, FORCE_COUNTRY

    forces = {a for a in {*COUNTRY_FORCE.values(), *DEMONYM_FORCE.values()}
              if a.endswith((" forces", " army", " military"))}
    assert forces <= set(FORCE_COUNTRY)
    assert set(codebook.country_codes()) >= set(FORCE_COUNTRY.values())
