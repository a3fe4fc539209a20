"""The "(none)" filter option: selecting every option of a filter equals no filter (sea events have no country,
some events no actor or sub-event type)."""

from __future__ import annotations

from datetime import date

import pytest

from geomap import filters
from geomap.articles import from_text
from geomap.ingest import ingest_articles
from geomap.store import Store

TEXT = ("A Russian missile hit a cargo ship in the Black Sea on Monday, the navy said.\n\n"
        "Missiles hit Odesa on Friday.\n")
OTHER = "Protesters rallied in Kyiv on Friday against corruption, organisers said.\n"
# an article naming no one: a violent event would have ACLED's "Unidentified armed group", looting has no actor
NO_ACTOR = "Shops were looted in Kherson on Friday, officials said.\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("none") / "s.sqlite"
    with Store.open(path) as store:
        ingest_articles(store, [from_text(t, date(2024, 3, 2)) for t in (TEXT, OTHER, NO_ACTOR)])
    return path


def test_none_options_are_offered_and_select_all_equals_all(db):
    with Store.open(db) as store:
        df = store.events_frame()
    no_country = int((df["country_code"].fillna("") == "").sum())
    no_actor = int(sum(1 for a in df["actors"] if not a))
    assert no_country > 0 and no_actor > 0, "the text must yield a sea event and an event without an actor"
    opts = filters.choices(df)
    assert opts.countries[-1] == filters.NONE and opts.actors[-1] == filters.NONE
    with Store.open(db) as store:
        for key in ("countries", "actors", "sub_event_types"):
            every = filters.Filters(**{key: tuple(getattr(opts, key))})
            assert len(store.events_frame(**every.query_kwargs())) == len(df), key
        only_none = filters.Filters(countries=(filters.NONE,)).query_kwargs()
        assert len(store.events_frame(**only_none)) == no_country
        only_none = filters.Filters(actors=(filters.NONE,)).query_kwargs()
        assert len(store.events_frame(**only_none)) == no_actor
        assert len(store.events_frame(countries=[])) == 0  # everything deselected: nothing


def test_none_round_trips_through_the_url():
    f = filters.Filters(countries=("UA", filters.NONE))
    back = filters.filters_from_query(filters.filters_to_query(f, None), None)
    assert back.countries == ("UA", filters.NONE)
