"""feed: newest first, paged, the place highlighted and every piece of untrusted text escaped."""

from __future__ import annotations

import pandas as pd

from geomap import feed


def _df(n: int) -> pd.DataFrame:
    return pd.DataFrame({"event_id": list(range(1, n + 1)), "uid": [f"e{i:03d}" for i in range(1, n + 1)],
                         "date": pd.to_datetime([f"2024-03-{1 + i % 20:02d}" for i in range(n)]),
                         "event_type": ["Battles"] * n, "name": ["Kyiv"] * n, "place": ["Kyiv"] * n,
                         "sentence": ["Shelling hit Kyiv today."] * n, "place_start": [13] * n})


def test_newest_first_and_paged():
    df = _df(40)
    rows = [r for p in range(1, feed.n_pages(40) + 1) for r in feed.page_rows(df, p)]
    assert len(rows) == 40 and len({r.uid for r in rows}) == 40
    order = df.set_index(df["event_id"].astype(str)).loc[[r.event_id for r in rows], "date"].tolist()
    assert order == sorted(order, reverse=True)
    assert feed.page_rows(df, 99) == feed.page_rows(df, feed.n_pages(40))  # clamped
    assert feed.page_rows(pd.DataFrame(), 1) == []


def test_newest_order_is_the_full_sort_without_copying_the_frame():
    # the feed sorts only the keys: same order as sorting the frame, missing dates last, any index
    df = _df(30)
    df.loc[[3, 17], "date"] = pd.NaT
    df.index = [f"r{i}" for i in range(30)][::-1]
    expected = df.sort_values(["date", "event_id"], ascending=[False, False], kind="stable")
    assert df.iloc[feed.newest_order(df)].index.tolist() == expected.index.tolist()
    assert feed.newest_first(df).index.tolist() == expected.index.tolist()
    assert [r.event_id for r in feed.page_rows(df, 1)] == [str(i) for i in expected["event_id"].head(feed.PER_PAGE)]


def test_place_highlighted_and_markup_escaped():
    label = feed.highlighted("Drones hit [Kyiv](http://x) *now* <b>x</b>", 11, "[Kyiv](http://x)")
    assert ":orange-background[**" in label
    assert "](http" not in label and "\\[Kyiv\\]" in label and "\\*now\\*" in label and "\\<b\\>" in label
    assert feed.highlighted("No place here", -1, "Lviv") == "No place here"


def test_an_event_without_a_readable_date_is_listed_last_not_a_crash():
    df = _df(3)
    df.loc[1, "date"] = pd.NaT  # a row the store could not read a date from
    rows = feed.page_rows(df, 1)
    assert [r.event_id for r in rows][-1] == "2"
    assert rows[-1].label.startswith("**date unknown · Battles · Kyiv**")
