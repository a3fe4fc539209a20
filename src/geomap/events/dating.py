"""Which time expression dates an event, else the story's narrative time."""

from __future__ import annotations

import re
from datetime import date

from geomap.dates import TimeExpr
from geomap.models import Event
from geomap.patterns import Pattern

#: An old time expression further than this (in characters, weighted) from the event word dates something else.
MAX_DATE_DISTANCE = 90
#: Events that ended more than this long before publication are the story's history, not news, and are left out.
MAX_AGE_DAYS = 400
#: A sentence that may open with a date ("On Friday, ..."): only these are searched for a paragraph's time.
DATE_OPENER = re.compile(r"(?:On|Late|Early|Earlier|Last|Overnight|Yesterday|Today|This|In|Since|By|Between|\d|"
                         r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)")

Span = tuple[date, date, str]

#: A sentence told as what came next, with no date of its own: it happened when the story's last told event did
#: (or right after), not at the story's general time.
THEN_TOLD = Pattern(
    "told as what came next",
    r"\b(?:(?<!since )(?<!until )then(?![-\w])|afterwards|shortly\s+after(?:wards)?|soon\s+after(?:wards)?|"
    r"(?:minutes|moments|hours)\s+later)\b",
    "Rebels took the airport on Friday. A convoy then sped north to the dam.",
    "Rebels took the airport on Friday. A convoy sped north to the dam.")


def event_date(anchor: float, place: int, clause: tuple[int, int], dates: list[TimeExpr], narrative: Span,
               pub: date) -> Span:
    """The date of the event whose word sits at `anchor` and place at `place` (sentence offsets): the nearest
    usable time expression of its clause, else the story's time. A statement's date ("said on Saturday") is not
    the event's; an old date far from the event word dates something else ("... since the army seized power in a
    2021 coup") and must not turn the news into history."""
    c0, c1 = clause

    def dist(d: TimeExpr) -> float:
        mid = (d.start + d.end) / 2
        return abs(mid - anchor) + 0.1 * abs(mid - place) + (0 if c0 <= d.start < c1 else 150)

    usable = [d for d in dates if not d.reporting
              and (dist(d) <= MAX_DATE_DISTANCE or (pub - d.date_end).days <= MAX_AGE_DAYS)]
    if usable:
        best = min(usable, key=dist)
        return best.date, best.date_end, best.precision
    return narrative


def told_time(new: list[Event], dates: list[TimeExpr]) -> Span | None:
    """The date a sentence leaves the story at, for the next "a day later": its last event's, else its last date
    that dates no statement (None when it tells neither)."""
    if new:
        return new[-1].date, new[-1].date_end, new[-1].date_precision
    told = [d for d in dates if not d.reporting]
    return (told[-1].date, told[-1].date_end, told[-1].precision) if told else None


def redate(last: list[Event], kinds: set[str], dates: list[TimeExpr], pub: date) -> None:
    """A sentence that names no place but tells when the last sentence's undated happening was ("The death toll from
    the strike rose to 18 on Saturday. The missile hit a residential area on Friday evening."): its events (`last`:
    those of a sentence with no date of its own) take that day. Only events of a type the sentence's event words
    name (`kinds`), only a past day-precise date that dates no statement."""
    told = [d for d in dates if not d.reporting and not d.vague and d.precision == "day" and d.date <= pub]
    if not told:
        return
    for ev in last:
        if ev.event_type in kinds:
            ev.date, ev.date_end, ev.date_precision = told[0].date, told[0].date_end, told[0].precision
