"""summary: events and fatalities by type, country (named), admin-1 and week; unknown fatalities counted apart."""

from __future__ import annotations

import pandas as pd

from geomap import summary


def _df() -> pd.DataFrame:
    return pd.DataFrame({
        "event_type": ["Battles", "Battles", "Protests"], "country_code": ["UA", "UA", ""],
        "admin1": ["UA.13", "UA.13", ""], "fatalities": [2, None, 0],
        "date": pd.to_datetime(["2024-03-01", "2024-03-05", "2024-03-05"])})


def test_summaries_add_up_and_read_as_names():
    df = _df()
    by_type = summary.summary(df, "Event type")
    assert by_type.to_dict("records")[0] == {"Event type": "Battles", "events": 2, "fatalities": 2,
                                             "fatalities unknown": 1}
    by_country = summary.summary(df, "Country")
    assert list(by_country["Country"]) == ["Ukraine (UA)", "(none: seas and places without a country)"]
    for by in summary.BY:
        t = summary.summary(df, by)
        assert t["events"].sum() == 3 and t["fatalities"].sum() == 2, by
    assert list(summary.summary(df, "Admin-1 region")["Admin-1 region"]) == ["Kyiv Oblast (UA.13)",
                                                                             "(none: no admin-1 region)"]
    assert list(summary.summary(df, "Week")["Week"]) == ["2024-02-26", "2024-03-04"]
    assert summary.summary(pd.DataFrame(), "Week").empty
