"""The cross-article merge policy: when a new report is an event already stored, and how reports fold into one.

The same event reported by several articles is stored once (`events`) with one `event_sources` row per article.
Same event = same event type, overlapping dates, and the same place within its precision (see `merge_target`).
Fine-precision places are found through a grid cell per event, so the lookup never scans a latitude band.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta

from geomap.geo import haversine_km
from geomap.models import DATE_PRECISIONS, Event

#: Grid cell size in degrees for the merge lookup of fine-precision events.
CELL_DEG = 0.1
#: How far apart two reports of a fine-precision place may lie and still be the same place (km). Coarser places
#: (region, country, sea, continent) merge only on the same gazetteer place: two regions are never "near" each other.
MERGE_TOLERANCE_KM = {"landmark": 1.0, "district": 3.0, "city": 5.0}
#: A date range longer than this never merges (a "year" report would swallow everything).
MAX_SPAN_DAYS = 400

#: A stored event's merged fields: (date, date_end, date_precision, actors, fatalities).
Merged = tuple[date, date, str, list[str], int | None]


def cell_of(lat: float, lon: float) -> int:
    """Integer id of the CELL_DEG grid cell holding (lat, lon)."""
    row = math.floor((lat + 90.0) / CELL_DEG)
    col = math.floor((lon + 180.0) / CELL_DEG)
    return row * 10_000 + col


def cells_around(lat: float, lon: float, km: float) -> list[int]:
    """Every grid cell within `km` of the point (a little more: whole cells)."""
    nlat = max(1, math.ceil(km / (111.0 * CELL_DEG)))
    nlon = max(1, min(50, math.ceil(km / (111.0 * CELL_DEG * max(0.02, math.cos(math.radians(lat)))))))
    row = math.floor((lat + 90.0) / CELL_DEG)
    col = math.floor((lon + 180.0) / CELL_DEG)
    ncols = round(360 / CELL_DEG)
    return sorted({(row + dr) * 10_000 + (col + dc) % ncols
                   for dr in range(-nlat, nlat + 1) for dc in range(-nlon, nlon + 1)})


def date_precision_of(start: date, end: date) -> str:
    """The precision a date range's length implies (for merged ranges and reports stored without one)."""
    span = (end - start).days + 1
    return "day" if span <= 1 else "week" if span <= 7 else "month" if span <= 31 else "year"


def fold(acc: Merged, d0: date, d1: date, prec: str, actors: Iterable[str], fatalities: int | None) -> Merged:
    """The store's merge rule, one report at a time: the date range narrows to what both allow, actors are united,
    fatalities take the highest report (later reports usually update tolls upwards)."""
    a0, a1, aprec, a_actors, a_fat = acc
    start, end = max(a0, d0), min(a1, d1)
    if (start, end) == (a0, a1):
        new_prec = aprec
    elif (start, end) == (d0, d1):
        new_prec = prec
    else:
        new_prec = date_precision_of(start, end)
    if new_prec not in DATE_PRECISIONS:
        new_prec = date_precision_of(start, end)
    merged_actors = a_actors + [a for a in actors if a not in a_actors]
    if fatalities is not None:
        a_fat = fatalities if a_fat is None else max(a_fat, fatalities)
    return start, end, new_prec, merged_actors, a_fat


def merge_target(c: sqlite3.Connection, aid: int, ev: Event) -> int | None:
    """The stored event this report duplicates, or None.

    Same event = same event type, overlapping dates, and the same place within its precision: the same gazetteer
    place, or — for landmark/district/city — a place of the same precision within MERGE_TOLERANCE_KM. A report
    never merges into an event its own article already reports (the pipeline keeps those apart on purpose),
    and date ranges longer than MAX_SPAN_DAYS never merge. Ties go to the nearest, then the oldest event.
    """
    if (ev.date_end - ev.date).days > MAX_SPAN_DAYS:
        return None
    p = ev.place
    d0, d1 = ev.date.isoformat(), ev.date_end.isoformat()
    lo = (ev.date - timedelta(days=MAX_SPAN_DAYS)).isoformat()  # bounds the index range scan on `date`
    not_mine = "AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event = e.id AND s.article = ?)"
    rows = c.execute(
        "SELECT e.id, e.lat, e.lon FROM events e WHERE e.place_id = ? AND e.event_type = ? "
        f"AND e.date BETWEEN ? AND ? AND e.date_end >= ? {not_mine} ORDER BY e.id LIMIT 1",
        (p.id, ev.event_type, lo, d1, d0, aid)).fetchall()
    if rows:
        return rows[0][0]
    tol = MERGE_TOLERANCE_KM.get(p.kind)
    if tol is None:
        return None
    cells = cells_around(p.lat, p.lon, tol)
    marks = ",".join("?" * len(cells))
    rows = c.execute(
        f"SELECT e.id, e.lat, e.lon FROM events e WHERE e.cell IN ({marks}) AND e.event_type = ? "
        f"AND e.date BETWEEN ? AND ? AND e.date_end >= ? AND e.precision = ? {not_mine}",
        (*cells, ev.event_type, lo, d1, d0, p.kind, aid)).fetchall()
    best: tuple[float, int] | None = None
    for eid, lat, lon in rows:
        dist = haversine_km(p.lat, p.lon, lat, lon)
        if dist <= tol and (best is None or (dist, eid) < best):
            best = (dist, eid)
    return best[1] if best else None


def merge_into(c: sqlite3.Connection, eid: int, ev: Event) -> None:
    """Fold one more report into a stored event (see `fold`)."""
    d0, d1, dprec, actors_json, fat = c.execute(
        "SELECT date, date_end, date_precision, actors, fatalities FROM events WHERE id = ?", (eid,)).fetchone()
    acc: Merged = (date.fromisoformat(d0), date.fromisoformat(d1), dprec, json.loads(actors_json), fat)
    start, end, prec, actors, fat = fold(acc, ev.date, ev.date_end, ev.date_precision, ev.actors, ev.fatalities)
    c.execute("UPDATE events SET date = ?, date_end = ?, date_precision = ?, actors = ?, fatalities = ?, "
              "source_count = source_count + 1, event_score = max(event_score, ?) WHERE id = ?",
              (start.isoformat(), end.isoformat(), prec, json.dumps(actors, ensure_ascii=False), fat,
               ev.event_score, eid))


def refold(c: sqlite3.Connection, eid: int) -> None:
    """Recompute a stored event from the reports it still has, in the order they were stored, as if the others had
    never come; an event with no report left goes. The earliest remaining report becomes the primary source (its
    article, sentence and place text); the place and the stable uid stay the event's."""
    rows = c.execute(
        "SELECT article, sentence, place, place_start, sub_event_type, date, date_end, date_precision, "
        "actors, fatalities FROM event_sources WHERE event = ? ORDER BY article", (eid,)).fetchall()
    if not rows:
        c.execute("DELETE FROM events WHERE id = ?", (eid,))
        return
    acc: Merged | None = None
    for *_, d0, d1, prec, actors, fat in rows:
        r0, r1 = date.fromisoformat(d0), date.fromisoformat(d1)
        prec = prec if prec in DATE_PRECISIONS else date_precision_of(r0, r1)
        acc = (r0, r1, prec, json.loads(actors), fat) if acc is None else fold(
            acc, r0, r1, prec, json.loads(actors), fat)
    assert acc is not None
    start, end, prec, actors, fat = acc
    first = rows[0]  # the earliest remaining report is the event's primary source
    c.execute("UPDATE events SET article = ?, sentence = ?, place = ?, place_start = ?, sub_event_type = ?, "
              "date = ?, date_end = ?, date_precision = ?, actors = ?, fatalities = ?, source_count = ?, "
              "event_score = (SELECT max(s.event_score) FROM event_sources s WHERE s.event = events.id) "
              "WHERE id = ?",
              (*first[:5], start.isoformat(), end.isoformat(), prec, json.dumps(actors, ensure_ascii=False),
               fat, len(rows), eid))
