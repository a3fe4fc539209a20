"""Time expressions resolved against the publication date (2022-12-19 was a Monday)."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.dates import anchored, find_dates

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


def test_a_statement_put_out_on_a_day_dates_the_statement_not_the_event():
    (t,) = find_dates("The group said in a statement on Monday that it had seized the base.", PUB)
    assert t.reporting and t.said
    (t,) = find_dates("Fighters seized the base on Monday, the group said in a statement.", PUB)
    assert not t.reporting


def test_a_month_naming_a_disaster_dates_the_disaster():
    (t,) = find_dates("Fighting has intensified since a truce agreed after the March earthquake expired.", PUB)
    assert t.vague


def test_vague_spans_are_flagged():
    (t,) = find_dates("Drills have been held annually since 2012.", PUB)
    assert t.vague


def test_may_as_a_verb_is_not_a_month():
    assert find_dates("Officials May say more. It may rain.", PUB) == []


def test_the_day_before_counts_back_from_the_sentence_date():
    ts = find_dates("Residents rallied on Saturday for the mayor, seized the day before.", PUB)
    assert [t.date for t in ts] == [date(2022, 12, 17), date(2022, 12, 16)]


# One rule for a month-day and a month without a year: the latest occurrence at most two weeks after publication.
@pytest.mark.parametrize("text, published, start", [
    ("on Jan. 5", date(2022, 12, 28), "2023-01-05"),  # days ahead: the coming one
    ("in January", date(2022, 12, 28), "2023-01-01"),
    ("on Dec. 28", date(2023, 1, 3), "2022-12-28"),  # just past, over the year boundary
    ("in December", date(2023, 1, 3), "2022-12-01"),
    ("on Jan. 5", date(2022, 12, 10), "2022-01-05"),  # weeks ahead: read as the past one
    ("in January", date(2022, 12, 10), "2022-01-01"),
    ("on Oct. 1", date(2023, 8, 10), "2022-10-01"),  # the two kinds agree (once "Oct. 1" was this year,
    ("in October", date(2023, 8, 10), "2022-10-01"),  # "October" last year)
    ("on Oct. 1", date(2023, 9, 25), "2023-10-01"),
    ("in October", date(2023, 9, 25), "2023-10-01"),
    ("last January", date(2022, 12, 28), "2022-01-01"),  # "last" and "since" ask for a month already begun
    ("since January", date(2022, 12, 28), "2022-01-01"),
    ("next January", date(2022, 12, 28), "2023-01-01"),
    ("on Feb. 29", date(2025, 3, 10), "2024-02-29"),  # the latest year that has the day
])
def test_a_date_without_a_year_takes_the_latest_occurrence_up_to_two_weeks_ahead(text, published, start):
    (t,) = find_dates(f"Troops arrived {text} there.", published)
    assert t.date.isoformat() == start


def test_a_month_day_range_without_a_year_is_upcoming_when_days_ahead():
    (t,) = find_dates("Drills will run from Sept. 12 to Sept. 16.", date(2025, 9, 10))
    assert (t.date, t.date_end) == (date(2025, 9, 12), date(2025, 9, 16))


@pytest.mark.parametrize("text, start, end", [
    ("next Monday", "2022-12-26", "2022-12-26"),
    ("last Monday", "2022-12-12", "2022-12-12"),
    ("this weekend", "2022-12-17", "2022-12-18"),
    ("next weekend", "2022-12-24", "2022-12-25"),
    ("earlier this week", "2022-12-19", "2022-12-19"),
    ("later this week", "2022-12-19", "2022-12-25"),
    ("next month", "2023-01-01", "2023-01-31"),
    ("later this month", "2022-12-19", "2022-12-31"),
    ("earlier this year", "2022-01-01", "2022-12-19"),
    ("last year", "2021-01-01", "2021-12-31"),
    ("late November", "2022-11-21", "2022-11-30"),
    ("early November", "2022-11-01", "2022-11-10"),
    ("several days ago", "2022-12-14", "2022-12-17"),
    ("2022-02-30", None, None),  # no such day
])
def test_relative_expressions_count_from_publication(text, start, end):
    got = [(t.date.isoformat(), t.date_end.isoformat()) for t in find_dates(f"It happened {text}.", PUB)]
    assert got == ([(start, end)] if start else [])


def test_dates_beyond_the_calendar_are_dropped_not_raised():
    assert find_dates("Talks resume next month.", date(9999, 12, 31)) == []
    assert find_dates("Talks resume next year.", date(9999, 12, 31)) == []


# Relative shifts: counted from a date of their own sentence, else left for the event step (`anchored`), since
# "a day later" counted from publication would put the event after the report.
@pytest.mark.parametrize("text, start, end, precision", [
    ("Troops shelled the town on Friday and returned two days later.", "2022-12-18", "2022-12-18", "day"),
    ("Police took the port on Saturday; the previous night, gunmen had fled.", "2022-12-16", "2022-12-16", "day"),
    ("Police took the port on Saturday; the following week, gunmen fled.", "2022-12-22", "2022-12-26", "week"),
    ("Militants struck on Sunday, and later that day the army answered.", "2022-12-18", "2022-12-18", "day"),
])
def test_a_shift_counts_from_its_sentences_date(text, start, end, precision):
    t = find_dates(text, PUB)[-1]
    assert (str(t.date), str(t.date_end), t.precision, t.shift) == (start, end, precision, None)


def test_a_shift_without_a_date_before_it_waits_for_the_story():
    back, fwd, few, weeks = (find_dates(t, PUB)[0] for t in (
        "Two months earlier, rebels held the hills.", "A day later, the army came.",
        "A few days later, the talks resumed.", "Several weeks later, the road reopened."))
    assert (back.shift, back.vague, str(back.date), back.precision) == ((-2, "month"), False, "2022-10-01", "month")
    assert (fwd.shift, fwd.vague) == ((1, "day"), True)  # from publication it would be tomorrow: no date yet
    assert few.shift == (3, "few days") and weeks.shift == (1, "month")


def test_anchored_counts_from_the_story_time_and_keeps_a_coarser_one():
    later = find_dates("A day later, the army came.", PUB)[0]
    assert anchored(later, (date(2022, 3, 1), date(2022, 3, 1), "day")).date == date(2022, 3, 2)
    january = anchored(later, (date(2022, 1, 1), date(2022, 1, 31), "month"))
    assert (january.date, january.date_end, january.precision, january.vague) == (
        date(2022, 1, 1), date(2022, 1, 31), "month", False)


def test_before_or_after_a_named_thing_is_no_shift():
    # "a week before the election" counts from the election, which this module cannot date
    assert find_dates("Gunmen struck a week before the election.", PUB) == []
    assert find_dates("Shops shut the day after Christmas.", PUB) == []


def test_a_month_of_last_year_is_that_month():
    (t,) = find_dates("Rebels have held the town since August last year.", PUB)
    assert (str(t.date), str(t.date_end), t.precision, t.vague) == ("2021-08-01", "2021-08-31", "month", True)
    (t,) = find_dates("Rebels took the town in March this year.", PUB)
    assert (str(t.date), t.precision, t.vague) == ("2022-03-01", "month", False)
