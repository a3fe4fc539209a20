"""Repeats of one event within an article become one event with every reporting sentence."""

from __future__ import annotations

from geomap.events import acled
from geomap.models import Event, Place


def _overlap(a: Event, b: Event) -> bool:
    return a.date <= b.date_end and b.date <= a.date_end


def merge_events(events: list[Event]) -> list[Event]:
    """One event per place, type and overlapping dates; every reporting sentence is kept. An event typed only by its
    paragraph or article (a generic "attack") is the event told before at its place on overlapping dates, whatever
    that one's type. Deaths are the largest count any one sentence gave (two reports of one strike are not twice the
    deaths). Events are indexed by (place, type) and place, so the cost is linear in the number of events for
    distinct places."""
    merged: list[Event] = []
    index: dict[tuple[str, str], list[Event]] = {}
    at: dict[str, list[Event]] = {}
    for ev in events:
        bucket = index.setdefault((ev.place.id, ev.event_type), [])
        m = next((m for m in bucket if _overlap(m, ev)), None)
        if m is None and ev.borrowed_type:  # "claimed the Swat attack": the attack told before at Swat
            m = next((m for m in at.get(ev.place.id, ()) if _overlap(m, ev)), None)
        if m is None:
            bucket.append(ev)
            at.setdefault(ev.place.id, []).append(ev)
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


def _holds(outer: Place, inner: Place) -> bool:
    """The same place, or a country or first-level region that holds the other."""
    if outer.id == inner.id:
        return True
    if not outer.country_code or outer.country_code != inner.country_code:
        return False
    return outer.kind == "country" or outer.kind == "region" and bool(outer.admin1) and outer.admin1 == inner.admin1


def fold_headline(events: list[Event], end: int) -> list[Event]:
    """A headline's event that the story goes on to tell is that event (`end`: where the headline ends, -1: none).
    The headline says least ("Strike kills 30 in Sagaing", "Protesters clash with police in Nairobi"), so the
    story's place, type, date and actors are kept; the headline's sentence joins it, and its deaths count once. The
    story's event at the same place (or inside the headline's country or region) is the one; failing that, its first
    event in the same country ("Strikes kill 15 in Gaza" over a story told village by village). An event only the
    headline tells, in a country the story has no event in, stays."""
    heads = [e for e in events if e.sentence_start < end]
    if not heads:
        return events
    story = [e for e in events if e.sentence_start >= end]
    kept = []
    for h in heads:
        m = next((e for e in story if _holds(h.place, e.place) or _holds(e.place, h.place)), None) or next(
            (e for e in story if h.place.country_code and e.place.country_code == h.place.country_code), None)
        if m is None:
            kept.append(h)
            continue
        if h.sentence not in m.sentences:
            m.sentences.insert(0, h.sentence)
        m.actors = m.actors or h.actors  # a headline's actors may be those of its other happening ("as X fires")
        if h.fatalities is not None:
            m.fatalities = max(m.fatalities or 0, h.fatalities)
        m.event_score = max(m.event_score, h.event_score)
    return kept + story


def met_with_force(events: list[Event], stext: str, since: int, deaths: int | None) -> bool:
    """"Police fired tear gas to disperse them.": a sentence with no place whose event word is force used on a
    crowd tells how the last event told ended when that is a protest told since `since` (the start of the paragraph
    before). The protest becomes one met with force (ACLED: intervention, or excessive force when it killed), with
    the sentence, its deaths and the police among its actors. False when the last event is no such protest."""
    ev = events[-1] if events else None
    if ev is None or ev.sentence_start < since or ev.event_type != acled.PROTEST:
        return False
    ev.event_type, ev.sub_event_type = acled.force_on_protest(stext)
    ev.sentences.append(stext)
    if deaths is not None:
        ev.fatalities = max(ev.fatalities or 0, deaths)
    if acled.POLICE.search(stext) and "Police forces" not in ev.actors:
        ev.actors = [a for a in ev.actors if a != "Protesters"] + ["Police forces", "Protesters"]
    return True
