"""names: country names from the bundled Natural Earth layer, article titles instead of ids."""

from __future__ import annotations

import pandas as pd

from geomap import names


def test_country_codes_read_as_names():
    assert names.country_label("UA") == "Ukraine (UA)"
    assert names.country_label("BY") == "Belarus (BY)"
    assert names.country_label("QQ") == "QQ"  # unknown code: shown as is, never invented
    assert "none" in names.country_label(names.NONE)


def test_articles_read_as_titles():
    df = pd.DataFrame({"id": ["a1", "a2"], "title": ["Strikes on Kharkiv", ""]})
    titles = names.titles_of(df)
    assert names.article_label("a1", titles) == "Strikes on Kharkiv (a1)"
    assert names.article_label("a2", titles) == "a2"


def test_admin1_codes_read_as_names():
    assert names.admin1_label("UA.14") == "Luhansk Oblast (UA.14)"
    assert names.admin1_label("XX.99") == "XX.99"


def test_the_side_panel_names_region_and_country():
    from geomap.mapview import event_card_html

    card = event_card_html({"event_id": 1, "name": "Sievierodonetsk", "admin1": "UA.14", "country_code": "UA",
                            "precision": "city", "sentence": "Shelling hit Sievierodonetsk.", "place": "x"})
    assert "Sievierodonetsk, Luhansk Oblast, Ukraine (city)" in card and "UA.14" not in card
