"""The events-per-day chart under the map, as light HTML (templates/timeline.html).

Why not st.bar_chart: its Vega renderer is the single most expensive thing on the map page in the browser (~1 s of
main-thread work at 50,000 events, shared with the map's iframe). Plain positioned boxes cost a few milliseconds.
"""

from __future__ import annotations

import math

import pandas as pd

from geomap.mapview.palette import EVENT_COLORS, OTHER_COLOR, type_colors
from geomap.mapview.templating import render
from geomap.models import EVENT_TYPES


def _nice_max(v: float) -> int:
    """The smallest 1/2/5 x 10^k at or above v (a readable top for the count axis)."""
    if v <= 1:
        return 1
    k = 10 ** int(math.floor(math.log10(v)))
    return next(int(m * k) for m in (1, 2, 5, 10) if m * k >= v)


def _date_ticks(lo: pd.Timestamp, hi: pd.Timestamp, most: int = 10) -> list[pd.Timestamp]:
    """Round dates (month or year starts, or weeks for short spans) for the time axis, at most `most`."""
    for freq in ("W-MON", "MS", "QS", "YS"):
        ticks = list(pd.date_range(lo, hi, freq=freq))
        if len(ticks) <= most:
            return ticks or [lo]
    step = math.ceil(len(ticks) / most)
    return ticks[::step]


def _bars(counts: pd.DataFrame, days: pd.DatetimeIndex, lo: pd.Timestamp, width: float, top: int) -> list[dict]:
    """One bar per day with events: position, height, colour stops and the hover text."""
    types = [str(c) for c in counts.columns]
    color = {t: EVENT_COLORS.get(t, OTHER_COLOR) for t in types}
    bars = []
    for day, row in zip(days, counts.itertuples(index=False), strict=True):
        segs = [(t, int(c)) for t, c in zip(types, row, strict=True) if c > 0]
        total = sum(c for _, c in segs)
        if total <= 0:
            continue
        stops, acc = [], 0
        for t, c in segs:
            acc += c
            stops.append(f"{color[t]} 0 {acc / total * 100:.1f}%")
        bars.append({"left": f"{(day.normalize() - lo).days * width:.3f}", "height": f"{total / top * 100:.1f}",
                     "stops": ",".join(stops),
                     "tip": f"{day:%Y-%m-%d}: {total} — " + ", ".join(f"{t} {c}" for t, c in segs)})
    return bars


def timeline_html(tl: pd.DataFrame, height_px: int = 180) -> str:
    """Events per day stacked by event type (the output of `appstate.timeline`) as an HTML bar chart.

    Each day is one column of stacked segments; hovering shows its counts (the `title`). Type names come from the
    store: the template escapes them.
    """
    if tl is None or tl.empty:
        return ""
    days = pd.to_datetime(tl.index)
    lo, hi = days.min().normalize(), days.max().normalize()
    n_days = (hi - lo).days + 1
    counts = tl.fillna(0).astype(int)
    totals = counts.sum(axis=1)
    top = _nice_max(float(totals.max()))
    width = 100.0 / n_days
    ticks = [(f"{((t - lo).days + 0.5) * width:.3f}", f"{t:%Y-%m-%d}" if n_days <= 120 else f"{t:%b %Y}")
             for t in _date_ticks(lo, hi)]
    cls = {str(t): f"t{EVENT_TYPES.index(t)}" if t in EVENT_TYPES else "tx" for t in counts.columns}
    return render("timeline.html", height_px=height_px, width=width, days=len(counts), max=int(totals.max()),
                  classes=[(f"t{i}", c) for i, c in enumerate(type_colors())] + [("tx", OTHER_COLOR)],
                  grid=[(f"{f * 100:g}", f"{top * f:g}") for f in (0.5, 1.0)], bars=_bars(counts, days, lo, width, top),
                  ticks=ticks, key=[(cls[str(t)], str(t), int(counts[t].sum())) for t in counts.columns])
