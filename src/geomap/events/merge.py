"""Repeats of one event within an article become one event with every reporting sentence."""

from __future__ import annotations

from geomap.models import Event


def _overlap(a: Event, b: Event) -> bool:
    return a.date <= b.date_end and b.date <= a.date_end


def merge_events(events: list[Event]) -> list[Event]:
    """One event per place, type and overlapping dates; every reporting sentence is kept. Deaths are the largest
    count any one sentence gave (two reports of one strike are not twice the deaths). Events are indexed by
    (place, type), so the cost is linear in the number of events for distinct places."""
    merged: list[Event] = []
    index: dict[tuple[str, str], list[Event]] = {}
    for ev in events:
        bucket = index.setdefault((ev.place.id, ev.event_type), [])
        m = next((m for m in bucket if _overlap(m, ev)), None)
        if m is None:
            bucket.append(ev)
            merged.append(ev)
            continue
        for s in ev.sentences:
            if s not in m.sentences:
                m.sentences.append(s)
        m.actors += [a for a in ev.actors if a not in m.actors]
        if ev.fatalities is not None:
            m.fatalities = max(m.fatalities or 0, ev.fatalities)
        m.event_score = max(m.event_score, ev.event_score)
        if (m.date_end - m.date) > (ev.date_end - ev.date):  # keep the sharper date
            m.date, m.date_end, m.date_precision = ev.date, ev.date_end, ev.date_precision
    return merged
