"""Time expressions in news text, resolved against the article's publication date.

News dates are relative: "on Monday" in an article published on Monday 2022-12-19 is that day. Each expression
becomes a closed date range with a precision (`day`, `week`, `month`, `year`), so uncertainty is kept instead of
pretending to a single day.

A month-day ("on Oct. 1") or a month ("in October") without a year gets one rule: its latest occurrence that begins
no more than `LOOKAHEAD_DAYS` (two weeks) after publication. A report's events have mostly already happened, so
"in October" or "on Oct. 1" in a February article is last October; but what is only days away is more likely
upcoming than a year old, so "on Jan. 5" or "in January" in an article of Dec. 28 is the coming January. Only
"last"/"since" + month ask for a month already begun, and "next" + month for one still to come.

An expression right after a speech verb ("said on Monday") dates the *report*, not the event: it is flagged so the
event step can prefer another expression or the article's narrative time.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.parser import parserinfo
from dateutil.relativedelta import relativedelta

from geomap.lexicon import NUMBER_WORDS
from geomap.patterns import Pattern
from geomap.spans import SpanSet

_MONTH = r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_MD = (_MONTH.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d{2}))?"
       r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(g="m2") + r"(?:,?\s+(?P<y2>(?:19|20)\d{2}))?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: A superlative before "this year" or "this month" makes the expression a comparison's span.
SUPERLATIVE_BEFORE = Pattern(
    "a superlative before a span",
    r"\b(?:deadliest|worst|largest|biggest|bloodiest|heaviest|highest|most\s+\w+|first|fiercest)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    "It was the deadliest attack [this year] in the north.", "The attack happened [this year] in the north.",
    "before")
#: A toll's new figure dates the count, not the killing: "the death toll rose to 18 on Saturday".
TOLL_UPDATED = Pattern(
    "a toll's update before a date",
    r"\b(?:rose|risen|climbed|jumped|increased|reached)\s+to\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?"
    r"[\d,]+(?:\s+(?:people|dead|deaths))?\s+(?:on\s+|by\s+)?$",
    "The toll from the blast rose to 18 [on Saturday].", "The blast killed 18 people [on Saturday].", "before")
#: A date in a "since ..." clause dates when a period began, not a happening: "the deadliest attack since Washington
#: began its campaign last month".
PERIOD_BEGAN_BEFORE = Pattern(
    "the start of a period before a date",
    r"\b(?:since|until|before)\s+(?:[\w.'’-]+\s+){1,6}?(?:began|begun|started|launched|erupted|broke\s+out|"
    r"took\s+(?:power|office|control)|seized\s+power|came\s+to\s+power)\s+(?:[\w'’-]+\s+){0,5}$",
    "It was the deadliest attack since the army began its offensive [last month].",
    "The army began its offensive [last month] after the talks failed.", "before")
#: Verbs that report words said; `_SPEECH` adds those of a statement's other acts ("declared Tuesday a day of
#: mourning"), whose date is no more the event's but tells nothing of when it happened.
_SAID_VERBS = r"said|says|say|told(?:\s+\w+){0,2}|reported|stated|confirmed|added"
#: How the words were put out, between the verb and the date: "JNIM said in a statement on Monday".
_MEDIUM = r"(?:\s+(?:in|on|via)\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+)?(?:statement|post|video|message|" \
          r"interview|briefing|speech|communiqu[eé])(?:\s+(?:read|broadcast|aired|issued|released|published|posted)" \
          r"(?:\s+(?:on|by)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?)?)?"  # "in a statement read on state television on Sunday"
_SPEECH = re.compile(r"\b(?:" + _SAID_VERBS + r"|announced|claimed|denied|wrote|posted|tweeted|warned|urged|"
                     r"called\s+for|called|declared|accused)" + _MEDIUM + r"\s*,?\s*$", re.I)
_SAID = re.compile(r"\b(?:" + _SAID_VERBS + r")" + _MEDIUM + r"\s*,?\s*$", re.I)

#: A month used as an adjective dates its noun, not the sentence's happening: "despite a November ceasefire".
MONTH_ADJECTIVE_AFTER = Pattern(
    "a month naming a thing", r"^\s+(?:[\w-]+\s+)?(?:deal|agreement|accord|ceasefire|truce|election|vote|referendum|"
    r"coup|summit|offensive|uprising|invasion|talks|earthquake|quake|flood|cyclone|storm|hurricane|typhoon|"
    r"landslide)s?\b",
    "Strikes went on despite a [November] ceasefire.", "Strikes went on in [November] and December.", "after")

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("range_md", re.compile(r"\b(?:between|from)\s+(?P<a>" + _MD.replace("(?P<", "(?P<a_") + r")\s+(?:and|to|until)\s+"
                            r"(?P<b>" + _MD.replace("(?P<", "(?P<b_") + r"|(?P<bd>\d{1,2})(?:st|nd|rd|th)?)\b", re.I)),
    ("range_dash", re.compile(_MONTH.format(g="rm") + r"\s+(?P<rd1>\d{1,2})\s*[-–]\s*(?P<rd2>\d{1,2})\b"
                              r"(?:,?\s+(?P<ry>(?:19|20)\d{2}))?", re.I)),
    ("iso", re.compile(r"\b(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})\b")),
    ("md", re.compile(r"\b(?:" + _MD + r")\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<wmod>last|this|next|early|late|on|since|by)\s+)?(?P<wd>" + _WEEKDAY + r")"
                           r"(?:\s+(?:night|morning|evening|afternoon))?\b")),
    ("overnight", re.compile(r"\b(?:overnight|last\s+night)\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("shift", re.compile(r"\b(?P<sn>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)\s+"
                         r"(?P<su>day|night|week|month|year)s?\s+(?:(?P<sd>later|earlier)\b|(?P<sp>before|after)"
                         r"(?=\s*(?:[,.;]|$)))", re.I)),
    ("day_before", re.compile(r"\b(?:the\s+(?:day|night)\s+before|the\s+previous\s+(?:day|night)|"
                              r"the\s+(?P<nx>next|following)\s+(?P<nu>day|morning|night|evening|week)|"
                              r"(?P<nd>the\s+day\s+after)(?=\s*(?:[,.;]|$))|"
                              r"(?P<same>(?:the\s+same|later\s+that|that)\s+(?:day|night|morning|evening)))\b", re.I)),
    ("today", re.compile(r"\b(?:today|this\s+morning|this\s+evening|tonight|earlier\s+today)\b", re.I)),
    ("days_ago", re.compile(r"\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)\s+"
                            r"(?P<u>day|week|month)s?\s+ago\b", re.I)),
    ("weekend", re.compile(r"\b(?:over|at|during)\s+the\s+weekend\b|\b(?P<we>last|this|next)\s+weekend\b", re.I)),
    ("week", re.compile(r"\b(?P<wk>last|this|next|earlier\s+this|later\s+this|earlier\s+in\s+the)\s+week\b", re.I)),
    ("month_rel", re.compile(r"\b(?P<mr>last|this|next|earlier\s+this|later\s+this|early\s+this|late\s+last)\s+"
                             r"month\b", re.I)),
    ("month", re.compile(r"\b(?P<mprep>in|during|since|until|by|early|late|mid-?|last|this|next)?\s*"
                         r"(?P<mn>January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)(?:\s+(?P<my>(?:19|20)\d{2})|\s+(?P<mly>last|this|next)\s+year)?\b")),
    ("year_rel", re.compile(r"\b(?P<yr>last|this|next|earlier\s+this)\s+year\b", re.I)),
    ("year", re.compile(r"\b(?P<yprep>in|during|since|until|by)\s+(?P<yy>(?:19|20)\d{2})\b")),
    # "a 2015 peace deal", "the 2020 war": a year used as an adjective dates the noun after it
    ("year_adj", re.compile(r"\b(?P<ya>(?:19|20)\d{2})\s+(?=(?:\w+\s+)?(?:deal|war|agreement|accord|election|uprising|"
                            r"invasion|coup|ceasefire|truce|attack|offensive|revolution|referendum|treaty|murder|"
                            r"killing|bombing|massacre|shooting|assassination|beheading|raid|uprising)s?\b)")),
]


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    date: date
    date_end: date
    precision: str
    reporting: bool = False  # dates a statement ("said on Monday"), not an event
    vague: bool = False  # "since 2012": a span that started long ago, no good as an event date
    shift: tuple[int, str] | None = None  # "a day later" not yet counted from a date of its own sentence
    said: bool = False  # dates words said ("said on Saturday"): what they tell happened by then


#: How far past publication a month-day or month without a year may lie and still be read as upcoming (see the
#: module docstring).
LOOKAHEAD_DAYS = 14

_NAMES = parserinfo()
Resolved = tuple[date, date, str, bool]  # (start, end, precision, vague)


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept", "oct"), else None."""
    return _NAMES.month(name.rstrip("."))


def _words(value: str) -> str:
    """A modifier with its inner whitespace normalised: "earlier  this" -> "earlier this"."""
    return " ".join(value.lower().split())


def _year_for(month: int, day: int, published: date, lookahead: int = LOOKAHEAD_DAYS) -> int | None:
    """Year of a month/day given without one: the latest occurrence that is no more than `lookahead` days after
    publication (None when the day exists in none of the years around it, like Feb. 29 far from a leap year)."""
    latest = published + timedelta(days=lookahead)
    for year in (published.year + 1, published.year, published.year - 1):
        d = _safe(year, month, day)
        if d is not None and d <= latest:
            return year
    return None


def _safe(y: int | None, m: int, d: int) -> date | None:
    """The date, or None for a day the calendar lacks ("Feb. 30") or a year not found."""
    try:
        return date(y, m, d) if y is not None else None
    except ValueError:
        return None


def _md(g: dict, published: date, prefix: str = "") -> date | None:
    """The month-day (optionally with its year) in groups m1/d1/y1 or d2/m2/y2 under `prefix`."""
    mon = g.get(prefix + "m1") or g.get(prefix + "m2")
    day = g.get(prefix + "d1") or g.get(prefix + "d2")
    year = g.get(prefix + "y1") or g.get(prefix + "y2")
    mi = month_number(mon) if mon and day else None
    if mi is None:
        return None
    di = int(day)
    return _safe(int(year) if year else _year_for(mi, di, published), mi, di)


def _month_span(d: date) -> tuple[date, date]:
    """First and last day of the month of `d`."""
    return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _on_or_before(d: date, wd: int) -> date:
    """The latest weekday `wd` (0 = Monday) on or before `d`. Plain arithmetic: dateutil's relativedelta costs ten
    times as much, and a weekday is in every other news sentence."""
    return d - timedelta(days=(d.weekday() - wd) % 7)


def _day(d: date) -> Resolved:
    return d, d, "day", False


def _range_md(g: dict, pub: date) -> Resolved | None:
    a = _md(g, pub, "a_")
    if a is None:
        return None
    b = _safe(a.year, a.month, int(g["bd"])) if g.get("bd") else _md(g, pub, "b_")
    if b is None or b < a:
        return None
    return a, b, "day" if a == b else ("week" if (b - a).days <= 7 else "month"), False


def _range_dash(g: dict, pub: date) -> Resolved | None:
    mi = month_number(g["rm"])
    d1, d2 = int(g["rd1"]), int(g["rd2"])
    y = int(g["ry"]) if g.get("ry") else _year_for(mi, d1, pub)
    a, b = _safe(y, mi, d1), _safe(y, mi, d2)
    if not a or not b or b < a:
        return None
    return a, b, "week" if (b - a).days <= 7 else "month", False


def _iso(g: dict, pub: date) -> Resolved | None:
    d = _safe(int(g["iy"]), int(g["im"]), int(g["id"]))
    return _day(d) if d else None


def _month_day(g: dict, pub: date) -> Resolved | None:
    d = _md(g, pub)
    return _day(d) if d else None


#: Weekday modifiers: days to step from publication before taking the latest such weekday. Bare "on Friday" is the
#: latest Friday on or before publication, "last Friday" the latest one before it, "next Friday" the first after it.
_WEEKDAY_STEP = {"next": 7, "last": -1}


def _weekday(g: dict, pub: date) -> Resolved:
    mod = (g.get("wmod") or "").lower()
    d = _on_or_before(pub + timedelta(days=_WEEKDAY_STEP.get(mod, 0)), _NAMES.weekday(g["wd"]))
    return d, d, "day", mod == "since"


def _days_ago(g: dict, pub: date) -> Resolved | None:
    """"three days ago" is that day; "two weeks ago" the week around the day 14 days back; "a month ago" the month
    before publication's; "a few"/"several" days ago the days 2-5 back ("a few weeks ago": too vague to date)."""
    n, unit = _words(g["n"]).lower(), (g.get("u") or "day").lower()
    k = 1 if n in ("a", "an") else int(n) if n.isdigit() else NUMBER_WORDS.get(n)
    if k is None:
        if unit != "day":
            return None
        return pub - timedelta(days=5), pub - timedelta(days=2), "week", False  # "a few", "several"
    if unit == "week":
        mid = pub - timedelta(days=7 * k)
        return mid - timedelta(days=3), mid + timedelta(days=3), "week", False
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 - k, 12)
        return _month_span(date(y, m + 1, 1)) + ("month", False)
    return _day(pub - timedelta(days=k))


def _weekend(g: dict, pub: date) -> Resolved:
    """The Saturday-Sunday on or before publication (the next one for "next weekend")."""
    sat = _on_or_before(pub, 5)
    we = (g.get("we") or "").lower()
    if we == "next":
        sat += timedelta(days=7)
    elif we == "last" and pub.weekday() >= 5:
        sat -= timedelta(days=7)
    return sat, sat + timedelta(days=1), "week", False


#: "... week": (first, last) day as offsets from this week's Monday; None stands for the publication day.
_WEEK_SPANS: dict[str, tuple[int | None, int | None]] = {
    "last": (-7, -1), "next": (7, 13), "this": (0, 6), "earlier this": (0, None), "later this": (None, 6)}


def _week(g: dict, pub: date) -> Resolved:
    """A week told relative to the publication; "earlier in the week" is the six days before it, which from a Monday
    are mostly the week before."""
    if _words(g["wk"]) == "earlier in the":
        return pub - timedelta(days=6), pub - timedelta(days=1), "week", False
    monday = _on_or_before(pub, 0)
    lo, hi = _WEEK_SPANS[_words(g["wk"])]
    a = pub if lo is None else monday + timedelta(days=lo)
    b = pub if hi is None else monday + timedelta(days=hi)
    return a, b, "week", False


#: "... month": months from the publication's month; "earlier this" ends and "later this" starts at publication.
_MONTH_SHIFT = {"last": -1, "late last": -1, "next": 1}


def _month_rel(g: dict, pub: date) -> Resolved:
    mr = _words(g["mr"])
    a, b = _month_span(pub + relativedelta(months=_MONTH_SHIFT.get(mr, 0)))
    if mr in ("earlier this", "early this"):
        b = pub
    elif mr == "later this":
        a = pub
    return a, b, "month", False


def _year_rel(g: dict, pub: date) -> Resolved:
    yr = _words(g["yr"])
    y = pub.year + {"last": -1, "next": 1}.get(yr, 0)
    return date(y, 1, 1), pub if yr == "earlier this" else date(y, 12, 31), "year", False


def _month_year(g: dict, pub: date, prep: str) -> int | None:
    """The year of a named month: its own, the next occurrence after "next", one already begun after "last" or
    "since", else the module's year rule."""
    mi = month_number(g["mn"])
    if g.get("my"):
        return int(g["my"])
    if g.get("mly"):  # "in August last year"
        return pub.year + {"last": -1, "this": 0, "next": 1}[g["mly"]]
    if prep == "next":
        return pub.year + (1 if mi <= pub.month else 0)
    return _year_for(mi, 1, pub, 0 if prep in ("last", "since") else LOOKAHEAD_DAYS)


def _month(g: dict, pub: date) -> Resolved | None:
    prep = (g.get("mprep") or "").lower()
    mi = month_number(g["mn"])
    if mi == 5 and not prep and not g.get("my"):
        return None  # a bare "May" is too often a verb or a name to trust without a preposition or year
    a, b = _month_span(date(_month_year(g, pub, prep), mi, 1))
    if prep == "early":
        b = a + timedelta(days=9)
    elif prep == "late":
        a = b - timedelta(days=9)
    return a, b, "month", prep in ("since", "until", "by")


def _year(g: dict, pub: date) -> Resolved:
    y = int(g["yy"])
    return date(y, 1, 1), date(y, 12, 31), "year", g["yprep"].lower() in ("since", "until", "by")


def _year_adj(g: dict, pub: date) -> Resolved:
    y = int(g["ya"])
    return date(y, 1, 1), date(y, 12, 31), "year", False


#: "a few days later": how many units a vague count stands for.
_FEW = 3
#: A shift finer than its reference date's precision keeps the reference's span.
_COARSER = ("day", "week", "month", "year")
Shift = tuple[int, str]  # (signed count, unit): (-2, "month") for "two months earlier"
#: The pattern kinds that step from another date ("a day later", "the day before"), read by `_shift`.
_SHIFT_KINDS = ("shift", "day_before")
_SHIFT_PRECISION = {"day": "day", "few days": "week", "week": "week", "month": "month", "year": "year"}


def _shift(g: dict) -> Shift:
    """The signed count and unit of a "shift" or "day_before" match."""
    if g.get("same"):
        return 0, "day"
    if g.get("nx"):
        return 1, "week" if g["nu"].lower() == "week" else "day"
    if g.get("nd"):
        return 1, "day"
    if not g.get("su"):
        return -1, "day"  # "the day before", "the previous night"
    n, unit = g["sn"].lower(), g["su"].lower()
    few = not n.isdigit() and n not in NUMBER_WORDS and n not in ("a", "an")  # "a few", "several"
    count = _FEW if few else int(n) if n.isdigit() else NUMBER_WORDS.get(n, 1)
    if unit == "night" or (few and unit == "day"):
        unit = "few days" if few else "day"  # "a few days later": about three days on, known to the week
    elif few and unit == "week":
        count, unit = 1, "month"  # "several weeks later": about a month on
    later = (g.get("sd") or g.get("sp") or "").lower() in ("later", "after")
    return count if later else -count, unit


def _shifted(ref: date, shift: Shift) -> Resolved:
    """The span `shift` away from a reference date: a day, the days around a week's step, a whole month or year.
    Unanchored (counted from publication), only a step back is a usable date: "two days later" says nothing then."""
    n, unit = shift
    if unit == "day":
        a = b = ref + timedelta(days=n)
    elif unit in ("week", "few days"):
        mid = ref + timedelta(days=n if unit == "few days" else 7 * n)
        a, b, unit = mid - timedelta(days=2), mid + timedelta(days=2), "week"
    elif unit == "month":
        a, b = _month_span(ref + relativedelta(months=n))
    else:
        a, b = date(ref.year + n, 1, 1), date(ref.year + n, 12, 31)
    return a, b, unit, n >= 0


def anchored(t: TimeExpr, ref: tuple[date, date, str]) -> TimeExpr:
    """A relative expression ("a day later", "two months earlier", "the next day") counted from `ref` (a span and
    its precision): the story's time told before it. Other expressions are returned as they are."""
    if t.shift is None:
        return t
    start, end, precision = ref
    if _COARSER.index(precision) > _COARSER.index(_SHIFT_PRECISION[t.shift[1]]):
        a, b, prec = start, end, precision  # "the next day" after "in January" is still January
    else:
        a, b, prec, _ = _shifted(start, t.shift)
    return TimeExpr(t.start, t.end, t.text, a, b, prec, t.reporting, False, said=t.said)


#: One resolver per pattern kind: (the match's groups, publication date) -> (start, end, precision, vague) or None
#: when the match is no usable date. The relative kinds (`_SHIFT_KINDS`) are resolved by `_shift` and `_shifted`.
_RESOLVERS: dict[str, Callable[[dict, date], Resolved | None]] = {
    "range_md": _range_md, "range_dash": _range_dash, "iso": _iso, "md": _month_day, "weekday": _weekday,
    "overnight": lambda g, pub: (pub - timedelta(days=1), pub, "day", False),
    "yesterday": lambda g, pub: _day(pub - timedelta(days=1)),
    "today": lambda g, pub: _day(pub), "days_ago": _days_ago, "weekend": _weekend, "week": _week,
    "month_rel": _month_rel, "year_rel": _year_rel, "month": _month, "year": _year, "year_adj": _year_adj,
}


def _resolve(kind: str, m: re.Match, pub: date) -> Resolved | None:
    """(start, end, precision, vague) for one match, or None when it is not a usable date."""
    return _RESOLVERS[kind](m.groupdict(), pub)


_MONTH_CUE = re.compile(r"uary|March|April|May|June|July|August|ember|October")
_DIGIT = re.compile(r"\d")
#: Cheap tests for the relative patterns: a word they need, read once per sentence.
_DAY_BEFORE_CUE = re.compile(r"previous|next|following|(?:day|night) (?:before|after)|(?:same|that) "
                             r"(?:day|night|morn|even)")
_SHIFT_END_CUE = re.compile(r"(?:before|after)\s*(?:[,.;]|$)")
_DIGITS4 = re.compile(r"\d{4}")


class _Cues:
    """What the cheap tests read, found once per sentence."""

    __slots__ = ("text", "low", "digit", "digits4")

    def __init__(self, text: str):
        self.text, self.low = text, text.lower()
        self.digit = _DIGIT.search(text) is not None
        self.digits4 = self.digit and _DIGITS4.search(text) is not None


#: A cheap test before each pattern: most sentences hold no weekday, no "week", no digit. Each test reads what
#: `_Cues` found once per sentence: substring tests of the lower-cased text and two regexes, not one regex per pattern.
_NEEDS: dict[str, Callable[[_Cues], bool]] = {
    "range_md": lambda c: c.digit, "range_dash": lambda c: c.digit, "iso": lambda c: c.digit, "md": lambda c: c.digit,
    "weekday": lambda c: "day" in c.text, "overnight": lambda c: "night" in c.low,
    "yesterday": lambda c: "yesterday" in c.low,
    "today": lambda c: any(w in c.low for w in ("today", "morning", "evening", "tonight")),
    "day_before": lambda c: _DAY_BEFORE_CUE.search(c.low) is not None,
    "shift": lambda c: "later" in c.low or "earlier" in c.low or _SHIFT_END_CUE.search(c.low) is not None,
    "days_ago": lambda c: "ago" in c.low,
    "week": lambda c: "week" in c.low, "weekend": lambda c: "weekend" in c.low, "year_adj": lambda c: c.digits4,
    "month_rel": lambda c: "month" in c.low, "year_rel": lambda c: "year" in c.low,
    "month": lambda c: _MONTH_CUE.search(c.text) is not None, "year": lambda c: c.digits4,
}


def find_dates(text: str, published: date) -> list[TimeExpr]:
    """Every time expression in `text` (a sentence), left to right, overlapping matches removed."""
    taken = SpanSet()
    out: list[TimeExpr] = []
    cues = _Cues(text)
    for kind, pat in _PATTERNS:
        if not _NEEDS[kind](cues):
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if kind == "month" and m.group("mprep") is None:
                s = m.start("mn")
            if taken.overlaps(s, e):
                continue
            shift = _shift(m.groupdict()) if kind in _SHIFT_KINDS else None
            try:  # a shift counts from publication here; the sentence's own date or the event step count it again
                res = _shifted(published, shift) if shift is not None else _resolve(kind, m, published)
            except (OverflowError, ValueError):  # "next week" from 9999-12-31: outside what a date can hold
                res = None
            if res is None:
                continue
            a, b, prec, vague = res
            before = text[max(0, s - 40): s]
            if kind in ("year_rel", "month_rel") and SUPERLATIVE_BEFORE.search(before):
                vague = True  # "one of the deadliest assaults this year": a comparison, not when it happened
            if kind == "month" and m.group("mprep") is None and MONTH_ADJECTIVE_AFTER.match_at(text[e:e + 40]):
                vague = True  # "a November ceasefire": when the ceasefire was agreed
            if PERIOD_BEGAN_BEFORE.search(text, max(0, s - 90), s):
                vague = True  # "since Washington began its campaign last month": when a period began
            bare = re.sub(r"\s*\b(?:on|late|early)\s*$", "", text[max(0, s - 80): s], flags=re.I)
            reporting = bool(_SPEECH.search(bare) or TOLL_UPDATED.search(before))
            taken.add(s, e)
            out.append(TimeExpr(s, e, text[s:e].strip(), a, b, prec, reporting, vague, shift,
                                reporting and _SAID.search(bare) is not None))
    out.sort(key=lambda t: t.start)
    # "seized on Friday ... the day before" counts back from the sentence's own date, not from publication; a
    # relative expression with no such date is left for the event step to count from the story's time.
    ref: TimeExpr | None = None  # the latest earlier day-precise, non-reporting expression
    for i, t in enumerate(out):
        if ref is not None and t.shift is not None:
            out[i] = anchored(t, (ref.date, ref.date, "day"))
        if t.precision == "day" and not t.reporting and not out[i].vague:
            ref = out[i]
    return out
