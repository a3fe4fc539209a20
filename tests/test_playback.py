"""Play: starts at the chosen window, skips stretches without events, stops at the chosen end."""

from __future__ import annotations

from datetime import date

import pandas as pd

from geomap import playback

D = date


def test_play_starts_at_the_chosen_window_not_the_store_start():
    chosen = (D(2024, 3, 1), D(2024, 3, 31))
    intervals = ((D(2023, 1, 5), D(2023, 1, 5)), (D(2024, 3, 1), D(2024, 3, 1)), (D(2024, 3, 20), D(2024, 3, 21)))
    assert playback.next_window(chosen, "week", chosen, intervals) == (D(2024, 3, 1), D(2024, 3, 7))


def test_play_skips_empty_stretches_and_stops_at_the_chosen_end():
    chosen = (D(2024, 1, 1), D(2024, 6, 30))
    intervals = ((D(2024, 1, 10), D(2024, 1, 10)), (D(2024, 5, 2), D(2024, 5, 3)), (D(2024, 8, 1), D(2024, 8, 1)))
    w = playback.next_window(chosen, "week", chosen, intervals)
    assert w == (D(2024, 1, 10), D(2024, 1, 16))  # the empty first nine days are skipped
    w = playback.next_window(w, "week", chosen, intervals)
    assert w == (D(2024, 5, 2), D(2024, 5, 8))  # months of nothing skipped
    assert playback.next_window(w, "week", chosen, intervals) is None  # August is outside the chosen range


def test_a_long_event_keeps_every_window_it_overlaps():
    chosen = (D(2024, 1, 1), D(2024, 1, 31))
    intervals = ((D(2024, 1, 1), D(2024, 1, 20)),)
    w = playback.next_window(chosen, "week", chosen, intervals)
    seen = [w]
    while (w := playback.next_window(w, "week", chosen, intervals)) is not None:
        seen.append(w)
    assert seen == [(D(2024, 1, 1), D(2024, 1, 7)), (D(2024, 1, 8), D(2024, 1, 14)), (D(2024, 1, 15), D(2024, 1, 21))]


def test_nothing_to_play_in_an_empty_range():
    chosen = (D(2024, 2, 1), D(2024, 2, 28))
    assert playback.first_window(chosen, "day", ((D(2024, 1, 1), D(2024, 1, 2)),)) is None
    assert playback.first_window(chosen, "day", ()) is None


def test_intervals_of_a_frame_are_distinct_and_sorted():
    df = pd.DataFrame({"date": pd.to_datetime(["2024-03-02", "2024-03-01", "2024-03-02"]),
                       "date_end": pd.to_datetime(["2024-03-02", "2024-03-03", "2024-03-02"])})
    assert playback.intervals_of(df) == ((D(2024, 3, 1), D(2024, 3, 3)), (D(2024, 3, 2), D(2024, 3, 2)))
    assert playback.intervals_of(pd.DataFrame()) == ()


def test_without_intervals_play_steps_every_window():
    span = (D(2022, 1, 30), D(2022, 3, 3))
    w = playback.next_window(span, "month", span)
    assert w == (D(2022, 1, 30), D(2022, 2, 27))
    assert playback.next_window(w, "month", span) == (D(2022, 2, 28), D(2022, 3, 3))
