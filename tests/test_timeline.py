"""The timeline's counts and the reading of its chart selection back into a date window (no Streamlit)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
from test_app import make_store

from geomap import mapview, pagedata, timeline

SPAN = (date(2022, 12, 1), date(2022, 12, 9))


def ms(day: str, hour: int = 0) -> int:
    """Epoch milliseconds of `day` at `hour` UTC, as Vega reports a temporal selection."""
    return int(datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC).timestamp() * 1000)


def test_day_counts_are_long_form_iso_days(tmp_path):
    df = pagedata.events(make_store(tmp_path / "s.sqlite"))
    counts = timeline.day_counts(df)
    assert counts["events"].sum() == len(df) == 5
    assert set(counts["day"]) == {"2022-12-01", "2022-12-05", "2022-12-09"}
    row = counts[(counts["day"] == "2022-12-09")].iloc[0]
    assert row["next"] == "2022-12-10"
    assert timeline.day_counts(df.head(0)).empty


def test_the_chart_brushes_days_and_draws_the_chosen_window(tmp_path):
    df = pagedata.events(make_store(tmp_path / "s.sqlite"))
    spec = timeline.chart(timeline.day_counts(df), mapview.EVENT_COLORS, (date(2022, 12, 5), date(2022, 12, 9)))
    spec = spec.to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params[timeline.BRUSH]["select"]["encodings"] == ["x"]
    assert params[timeline.BRUSH]["value"] == {"x": ["2022-12-05", "2022-12-10"]}
    assert params[timeline.PICK]["select"]["fields"] == ["day"]
    whole = timeline.chart(timeline.day_counts(df), mapview.EVENT_COLORS).to_dict()
    assert all("value" not in p for p in whole["params"])  # the whole span: no brush drawn


def test_a_brush_becomes_the_days_it_covers():
    sel = {timeline.BRUSH: {"day": [ms("2022-12-03", 14), ms("2022-12-07", 9)]}}
    assert timeline.brushed(sel) == (date(2022, 12, 3), date(2022, 12, 7))
    # drawn from the window's own edges (midnight to midnight): the same window comes back
    exact = {timeline.BRUSH: {"day": [ms("2022-12-05"), ms("2022-12-10")]}}
    assert timeline.brushed(exact) == (date(2022, 12, 5), date(2022, 12, 9))
    assert timeline.brushed({}) is None and timeline.brushed({timeline.BRUSH: {}}) is None


def test_a_new_click_wins_over_an_old_brush_and_windows_stay_in_the_span():
    brush = {timeline.BRUSH: {"day": [ms("2022-11-20"), ms("2022-12-04", 12)]}}
    assert timeline.chosen_window(brush, None, SPAN) == (date(2022, 12, 1), date(2022, 12, 4))
    assert timeline.chosen_window(brush, brush, SPAN) is None  # nothing new: the slider stays where it is
    clicked = {**brush, timeline.PICK: [{"day": ms("2022-12-05")}]}
    assert timeline.chosen_window(clicked, brush, SPAN) == (date(2022, 12, 5), date(2022, 12, 5))
    assert timeline.chosen_window(clicked, clicked, SPAN) is None
    iso = {timeline.PICK: [{"day": "2022-12-09"}]}
    assert timeline.chosen_window(iso, None, SPAN) == (date(2022, 12, 9), date(2022, 12, 9))
    assert timeline.chosen_window({}, brush, SPAN) is None  # a cleared brush changes nothing


def test_per_day_stacks_types_in_codebook_order():
    df = pd.DataFrame({"date": ["2022-12-01", "2022-12-01", "2022-12-02"], "event_id": [1, 2, 3],
                       "event_type": ["Riots", "Battles", "Battles"]})
    tl = timeline.per_day(df)
    assert list(tl.columns) == ["Battles", "Riots"] and tl.loc["2022-12-01"].tolist() == [1, 1]
