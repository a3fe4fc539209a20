"""The event feed beside the map: the filtered events, newest first, a page at a time (Liveuamap's main view).

Each row is the event's sentence with its place highlighted. Rows are Streamlit buttons (drawn by geomap.ui)
whose labels are Markdown, so the untrusted sentence is Markdown-escaped piece by piece (mapview.md_escape) and only
the highlight is markup.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geomap.mapview import md_escape

#: Rows per feed page: enough to scan a day's news, few enough that a rerun draws them at once.
PER_PAGE = 15
#: Longest sentence shown in a row (the full sentence is in the side panel).
MAX_CHARS = 240


@dataclass(frozen=True)
class FeedRow:
    """One feed row: the map's row id (what markers carry), the stable id, and the row's Markdown label."""

    event_id: str
    uid: str
    label: str


def newest_first(df: pd.DataFrame) -> pd.DataFrame:
    """The events newest first (latest date, then latest stored): what an analyst reads first."""
    if df is None or df.empty:
        return pd.DataFrame() if df is None else df
    return df.iloc[newest_order(df)]


def newest_order(df: pd.DataFrame) -> np.ndarray:
    """Row positions of `df` in `newest_first`'s order. Only the two key columns are sorted: the feed sorted the
    whole map frame (200,000 rows) on every rerun to show 15 of them."""
    keys = df[["date", "event_id"]].reset_index(drop=True)
    return keys.sort_values(["date", "event_id"], ascending=[False, False], kind="stable").index.to_numpy()


def n_pages(n_rows: int, per_page: int = PER_PAGE) -> int:
    return max(1, math.ceil(n_rows / per_page))


def page_rows(df: pd.DataFrame, page: int, per_page: int = PER_PAGE,
              fill: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> list[FeedRow]:
    """Page `page` (1-based, clamped) of the feed over `df`; `fill` adds what the labels need to the page's rows
    (the sentence, read by id) when `df` is the map's narrow frame."""
    if df is None or df.empty:
        return []
    page = min(max(1, page), n_pages(len(df), per_page))
    chunk = df.iloc[newest_order(df)[(page - 1) * per_page: page * per_page]]
    if fill is not None:
        chunk = fill(chunk)
    return [FeedRow(str(r["event_id"]), str(r.get("uid") or ""), row_label(r)) for r in chunk.to_dict("records")]


def highlighted(sentence: str, place_start: object, place: str) -> str:
    """The sentence as Markdown, every piece escaped, the place in bold on a highlight; long ones are cut around
    the place."""
    sentence, place = " ".join(str(sentence or "").split()), str(place or "")
    try:
        start = int(place_start)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        start = -1
    if not (place and 0 <= start and sentence[start:start + len(place)] == place):
        start = sentence.find(place) if place else -1
    if start < 0:
        return md_escape(sentence[:MAX_CHARS])
    lo = max(0, start - MAX_CHARS // 2)
    before, after = sentence[lo:start], sentence[start + len(place):start + len(place) + MAX_CHARS // 2]
    return ("…" if lo else "") + md_escape(before) + f":orange-background[**{md_escape(place)}**]" + md_escape(
        after) + ("…" if start + len(place) + MAX_CHARS // 2 < len(sentence) else "")


def row_label(rec: dict) -> str:
    """A feed row: date · type · place, then the sentence with the place highlighted."""
    d = rec.get("date")
    day = "date unknown" if d is None or pd.isna(d) else pd.Timestamp(d).strftime("%Y-%m-%d")  # NaT: unreadable
    head = " · ".join(md_escape(str(x)) for x in (day, rec.get("event_type") or "Event", rec.get("name") or ""))
    return f"**{head}**  \n" + highlighted(rec.get("sentence") or "", rec.get("place_start"), rec.get("place") or "")

