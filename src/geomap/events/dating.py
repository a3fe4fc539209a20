"""Which time expression dates an event, else the story's narrative time."""

from __future__ import annotations

import re
from datetime import date, timedelta

from geomap.dates import TimeExpr
from geomap.events.fatalities import AFTER_CLAUSE
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

#: A sentence that only says where the happening just told took place.
LOCATES_TOLD = Pattern(
    "where the told happening took place",
    r"\b(?:the|this|that|these|those)\s+(?:attack|bombing|blast|explosion|strike|ambush|incident|assault|raid|shooting|"
    r"massacre|killing)s?\s+(?:took\s+place|happened|occurred|was\s+carried\s+out|struck|hit|targeted)\b|"
    r"\bclaimed\s+(?:responsibility\s+for\s+)?(?:the|this|that|these|those)\s+(?:attack|bombing|blast|explosion|"
    r"ambush|assault|raid|shooting|massacre|killing)s?\s+(?:on|at|in|near)\b",  # "claimed the attack on a train near"
    "The attack took place near Besham in Shangla district.", "Another attack hit Besham in Shangla district.")


#: An earlier happening told after the news's event word, its date its own: "handing Russia its biggest gain since it
#: captured Bakhmut in May", "The raids followed the defection of a commander last month". Not "since Monday": there
#: the date follows at once and starts the news's own span.
EARLIER_TOLD = Pattern(
    "an earlier happening told after the event",
    r"\b(?:since\s+(?:it|they|he|she|the|a|an|its|their|his|her)|(?:followed|following)\s+(?:the|a|an|its|their|"
    r"his|her))\s",
    "Troops took the town, their biggest gain since they captured the port in May.",
    "Troops have held the town since May.")
#: How far past `EARLIER_TOLD` its happening's date may stand.
EARLIER_TOLD_REACH = 90


def _of_earlier(text: str, anchor: float, place: int, dates: list[TimeExpr]) -> list[TimeExpr]:
    """`dates` less those that date an earlier happening told after the event word at `anchor` and the place at
    `place` (`EARLIER_TOLD`); a place told in that happening's words ("since the fall of Bakhmut in May") keeps
    them."""
    if "since" not in text and "follow" not in text:
        return dates
    cuts = [m.end() for m in EARLIER_TOLD.finditer(text) if m.start() > max(anchor, place)]
    return [d for d in dates if not any(c <= d.start <= c + EARLIER_TOLD_REACH for c in cuts)]


def event_date(anchor: float, place: int, clause: tuple[int, int], dates: list[TimeExpr], narrative: Span,
               pub: date, text: str = "") -> Span:
    """The date of the event whose word sits at `anchor` and place at `place` (sentence offsets): the nearest
    usable time expression of its clause, else the story's time, or the day of a statement about it when that day
    is earlier (it happened by then). A statement's date ("said on Saturday") is otherwise not the event's; an old
    date far from the event word dates something else ("... since the army seized power in a 2021 coup") and must
    not turn the news into history, nor one of an earlier happening told after the event word (`EARLIER_TOLD`)."""
    c0, c1 = clause

    def dist(d: TimeExpr) -> float:
        mid = (d.start + d.end) / 2
        return abs(mid - anchor) + 0.1 * abs(mid - place) + (0 if c0 <= d.start < c1 else 150)

    usable = [d for d in _of_earlier(text, anchor, place, dates) if not d.reporting
              and (dist(d) <= MAX_DATE_DISTANCE or (pub - d.date_end).days <= MAX_AGE_DAYS)]
    if usable:
        best = min(usable, key=dist)
        return best.date, best.date_end, best.precision
    said = [d for d in dates if d.said and d.precision == "day" and d.date_end < narrative[0]]
    if said:  # "... killed 23, residents said on Saturday" in a Monday story: it happened by Saturday
        return said[0].date, said[0].date_end, said[0].precision
    return narrative


def told_time(new: list[Event], dates: list[TimeExpr]) -> Span | None:
    """The date a sentence leaves the story at, for the next "a day later" or "then": its latest event's (not a
    happening it tells as avenged or as what the news followed: "in retaliation for last month's killing of 26
    tourists"), else its last date that dates no statement (None when it tells neither)."""
    if new:
        last = max(new, key=lambda e: e.date_end)
        return last.date, last.date_end, last.date_precision
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


class StoryClock:
    """The story's time as its sentences are read. It starts at `start` (the dateline's day or publication); the
    lead's first recent event date then sets it, and later flashbacks ("Hama fell on Thursday") do not move it:
    undated sentences belong to the main story. A date opening a sentence ("On Friday, Russia fired ...") sets the
    time of the rest of its paragraph; "then" tells the next happening at the last told one's time."""

    def __init__(self, start: Span, pub: date):
        self.narrative, self.pub = start, pub
        self.lead_set = False
        self.para_time: tuple[int, Span] | None = None
        self.last_told: Span | None = None  # the last date told: "a day later" counts from it

    def when(self, text: str, paragraph: int, dates: list[TimeExpr]) -> Span:
        """The time of a sentence's events that no expression of their own dates (`dates`: the sentence's)."""
        if dates and dates[0].start <= 3 and not dates[0].reporting:
            self.para_time = (paragraph, (dates[0].date, dates[0].date_end, dates[0].precision))
        if not dates and self.last_told and (THEN_TOLD.search(text) or LOCATES_TOLD.search(text)):
            return self.last_told  # "A convoy then sped north ...", "The attacks took place in ...": when the last
            # told event happened
        return self.para_time[1] if self.para_time and self.para_time[0] == paragraph else self.narrative

    def told(self, new: list[Event], dates: list[TimeExpr], happening: bool = False) -> None:
        """A sentence was read, with its events `new` (`happening`: it has an event word): the lead may set the
        story's time, by its first event's date, or by its own date when it tells a happening it places nowhere
        ("Thai and Cambodian troops fought along the border on Friday"); "a day earlier" counts from the last
        event, not from a date told aside."""
        if not self.lead_set:
            spans = [(ev.date, ev.date_end, ev.date_precision) for ev in new] or [
                (d.date, d.date_end, d.precision) for d in dates if happening and not d.reporting]
            for span in spans:
                if span[2] in ("day", "week") and 0 <= (self.pub - span[0]).days <= 7:
                    self.narrative, self.lead_set = span, True
                    break
        if new or self.last_told is None:
            self.last_told = told_time(new, dates) or self.last_told


#: The happening told after it took place the day before the news: "Jets struck Sanaa's airport on Tuesday, a day
#: after a Houthi missile landed near Ben Gurion airport".
A_DAY_AFTER = Pattern("the day before the news", r"\ba\s+day\s+after\s+",
                      "Jets struck the port on Tuesday, a day after a missile landed near the airport.",
                      "Jets struck the port on Tuesday, a day before talks began at the airport.")


def news_dates(text: str, place: int, dates: list[TimeExpr], places: list[int]) -> list[TimeExpr]:
    """The dates that may date the news at `place`, told before what it followed at other event places (`places`:
    where the sentence's event places start): "attacked posts along the border, after Islamabad carried out air
    strikes in Kabul earlier in the week" -- not a week or a month told after "after", when the happening it
    followed took place there. A day told there may be the news's too ("five were killed in Kharkiv after a missile
    hit the city on Monday"), a year makes it history as well, and with no place of its own the happening told after
    may date the news ("bodies were found in Bucha after Russian troops withdrew last week")."""
    cut = AFTER_CLAUSE.search(text) if "after" in text else None
    if cut is None or place >= cut.start() or not any(p > cut.start() for p in places):
        return dates
    return [d for d in dates if d.start < cut.start() or d.precision not in ("week", "month")]


def told_after(text: str, place: int, dates: list[TimeExpr], span: Span) -> tuple[Span, int, int] | None:
    """The date and the words (start, end) of the happening at `place` in a sentence that tells what the news
    followed, each side's own actors acting in its words. After "a day after" (`A_DAY_AFTER`) with no date of its
    own: the day before the news's (`span`); after "after" (`fatalities.AFTER_CLAUSE`: "Pakistani shelling killed 12
    in Poonch, after India struck camps in Pakistan"): the news's; before either: the news, up to it. None: the
    sentence tells no such happening."""
    cut = A_DAY_AFTER.search(text) if "a day after" in text else None
    cut = cut or (AFTER_CLAUSE.search(text) if "after" in text else None)
    if cut is None:
        return None
    if place < cut.start():
        return span, 0, cut.start()
    if not cut.group().startswith("a day") or any(d.start >= cut.end() and not d.reporting for d in dates):
        return span, cut.end(), len(text)
    one = timedelta(days=1)
    return (span[0] - one, span[1] - one, span[2]), cut.end(), len(text)
