"""Time expressions resolved against the publication date (2022-12-19 was a Monday)."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.dates import find_dates

PUB = date(2022, 12, 19)


@pytest.mark.parametrize("text, start, end, precision", [
    ("on Monday", "2022-12-19", "2022-12-19", "day"),
    ("on Sunday", "2022-12-18", "2022-12-18", "day"),
    ("last Friday", "2022-12-16", "2022-12-16", "day"),
    ("overnight", "2022-12-18", "2022-12-19", "day"),
    ("yesterday", "2022-12-18", "2022-12-18", "day"),
    ("last week", "2022-12-12", "2022-12-18", "week"),
    ("next week", "2022-12-26", "2023-01-01", "week"),
    ("earlier this month", "2022-12-01", "2022-12-19", "month"),
    ("in October", "2022-10-01", "2022-10-31", "month"),
    ("in October 2021", "2021-10-01", "2021-10-31", "month"),
    ("Feb. 24", "2022-02-24", "2022-02-24", "day"),
    ("on 24 February 2022", "2022-02-24", "2022-02-24", "day"),
    ("between Dec. 21 and Dec. 27", "2022-12-21", "2022-12-27", "week"),
    ("Dec. 21-27", "2022-12-21", "2022-12-27", "week"),
    ("two days ago", "2022-12-17", "2022-12-17", "day"),
    ("last month", "2022-11-01", "2022-11-30", "month"),
])
def test_expression(text, start, end, precision):
    (t,) = find_dates(f"Something happened {text} there.", PUB)
    assert (t.date.isoformat(), t.date_end.isoformat(), t.precision) == (start, end, precision)


def test_month_after_publication_is_last_year():
    (t,) = find_dates("Troops arrived in November.", date(2023, 2, 10))
    assert t.date == date(2022, 11, 1)


def test_speech_verb_marks_the_report_date():
    ts = find_dates("Moscow said on Monday forces would hold drills between Dec. 21 and Dec. 27.", PUB)
    assert [t.reporting for t in ts] == [True, False]


def test_vague_spans_are_flagged():
    (t,) = find_dates("Drills have been held annually since 2012.", PUB)
    assert t.vague


def test_may_as_a_verb_is_not_a_month():
    assert find_dates("Officials May say more. It may rain.", PUB) == []


def test_the_day_before_counts_back_from_the_sentence_date():
    ts = find_dates("Residents rallied on Saturday for the mayor, seized the day before.", PUB)
    assert [t.date for t in ts] == [date(2022, 12, 17), date(2022, 12, 16)]
