"""Time expressions in news text, resolved against the article's publication date.

News dates are relative: "on Monday" in an article published on Monday 2022-12-19 is that day; "in October" in
December is October of the same year, in February the previous October. Each expression becomes a closed date range
with a precision (`day`, `week`, `month`, `year`), so uncertainty is kept instead of pretending to a single day.
An expression right after a speech verb ("said on Monday") dates the *report*, not the event: it is flagged so the
event step can prefer another expression or the article's narrative time.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from geomap.lexicon import NUMBER_WORDS
from geomap.spans import SpanSet

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_MD = (_MONTH.format(g="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d{2}))?"
       r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(g="m2") + r"(?:,?\s+(?P<y2>(?:19|20)\d{2}))?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SPEECH = re.compile(
    r"\b(?:said|says|say|told(?:\s+\w+){0,2}|announced|reported|stated|claimed|confirmed|denied|added|wrote|"
    r"posted|tweeted|warned|urged|called\s+for|called|declared|accused)\s*,?\s*$", re.I)

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
    ("day_before", re.compile(r"\b(?:the\s+(?:day|night)\s+before|a\s+day\s+(?:earlier|before)|the\s+previous\s+"
                              r"(?:day|night))\b", re.I)),
    ("today", re.compile(r"\b(?:today|this\s+morning|this\s+evening|tonight|earlier\s+today)\b", re.I)),
    ("days_ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a\s+few|several)\s+days\s+ago\b", re.I)),
    ("weekend", re.compile(r"\b(?:over|at|during)\s+the\s+weekend\b|\b(?P<we>last|this|next)\s+weekend\b", re.I)),
    ("week", re.compile(r"\b(?P<wk>last|this|next|earlier\s+this|later\s+this)\s+week\b", re.I)),
    ("month_rel", re.compile(r"\b(?P<mr>last|this|next|earlier\s+this|later\s+this|early\s+this|late\s+last)\s+"
                             r"month\b", re.I)),
    ("year_rel", re.compile(r"\b(?P<yr>last|this|next|earlier\s+this)\s+year\b", re.I)),
    ("month", re.compile(r"\b(?P<mprep>in|during|since|until|by|early|late|mid-?|last|this|next)?\s*"
                         r"(?P<mn>January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)(?:\s+(?P<my>(?:19|20)\d{2}))?\b")),
    ("year", re.compile(r"\b(?P<yprep>in|during|since|until|by)\s+(?P<yy>(?:19|20)\d{2})\b")),
    # "a 2015 peace deal", "the 2020 war": a year used as an adjective dates the noun after it
    ("year_adj", re.compile(r"\b(?P<ya>(?:19|20)\d{2})\s+(?=(?:\w+\s+)?(?:deal|war|agreement|accord|election|uprising|"
                            r"invasion|coup|ceasefire|truce|attack|offensive|revolution|referendum|treaty)s?\b)")),
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


def _year_for(month: int, day: int, published: date) -> int:
    """Year of a month/day given without one: the same year, unless that puts it far in the future."""
    y = published.year
    try:
        d = date(y, month, day)
    except ValueError:
        return y
    return y - 1 if (d - published).days > 120 else y


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _md(m: re.Match, published: date, prefix: str = "") -> date | None:
    g = m.groupdict()
    mon = g.get(prefix + "m1") or g.get(prefix + "m2")
    day = g.get(prefix + "d1") or g.get(prefix + "d2")
    year = g.get(prefix + "y1") or g.get(prefix + "y2")
    if not mon or not day:
        return None
    mi = MONTHS[mon.lower().rstrip(".")[:4] if mon.lower().startswith("sept") else mon.lower().rstrip(".")[:3]]
    di = int(day)
    yi = int(year) if year else _year_for(mi, di, published)
    return _safe(yi, mi, di)


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _week_of(d: date) -> tuple[date, date]:
    start = d - timedelta(days=d.weekday())
    return start, start + timedelta(days=6)


def _resolve(kind: str, m: re.Match, pub: date) -> tuple[date, date, str, bool] | None:
    """(start, end, precision, vague) for one match, or None when it is not a usable date."""
    g = m.groupdict()
    if kind == "range_md":
        a = _md(m, pub, "a_")
        if a is None:
            return None
        if g.get("bd"):
            b = _safe(a.year, a.month, int(g["bd"]))
        else:
            b = _md(m, pub, "b_")
        if b is None or b < a:
            return None
        return a, b, "day" if a == b else ("week" if (b - a).days <= 7 else "month"), False
    if kind == "range_dash":
        mi = MONTHS[g["rm"].lower().rstrip(".")[:3]]
        d1, d2 = int(g["rd1"]), int(g["rd2"])
        y = int(g["ry"]) if g.get("ry") else _year_for(mi, d1, pub)
        a, b = _safe(y, mi, d1), _safe(y, mi, d2)
        if not a or not b or b < a:
            return None
        return a, b, "week" if (b - a).days <= 7 else "month", False
    if kind == "iso":
        d = _safe(int(g["iy"]), int(g["im"]), int(g["id"]))
        return (d, d, "day", False) if d else None
    if kind == "md":
        d = _md(m, pub)
        return (d, d, "day", False) if d else None
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        mod = (g.get("wmod") or "").lower()
        back = (pub.weekday() - wd) % 7
        if mod == "next":
            d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        elif mod == "last" and back == 0:
            d = pub - timedelta(days=7)
        else:
            d = pub - timedelta(days=back)
        return d, d, "day", mod == "since"
    if kind == "overnight":
        return pub - timedelta(days=1), pub, "day", False
    if kind == "day_before":  # relative to the sentence's other date when there is one (see find_dates)
        d = pub - timedelta(days=1)
        return d, d, "day", False
    if kind == "yesterday":
        d = pub - timedelta(days=1)
        return d, d, "day", False
    if kind == "today":
        return pub, pub, "day", False
    if kind == "days_ago":
        n = g["n"].lower()
        if n.isdigit() or n in NUMBER_WORDS:
            d = pub - timedelta(days=int(n) if n.isdigit() else NUMBER_WORDS[n])
            return d, d, "day", False
        return pub - timedelta(days=5), pub - timedelta(days=2), "week", False
    if kind == "weekend":  # the Saturday-Sunday on or before publication (next one for "next weekend")
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if (g.get("we") or "").lower() == "next":
            sat += timedelta(days=7)
        elif (g.get("we") or "").lower() == "last" and pub.weekday() >= 5:
            sat -= timedelta(days=7)
        return sat, sat + timedelta(days=1), "week", False
    if kind == "year_adj":
        y = int(g["ya"])
        return date(y, 1, 1), date(y, 12, 31), "year", False
    if kind == "week":
        wk = " ".join(g["wk"].lower().split())
        this_start, this_end = _week_of(pub)
        if wk == "last":
            return this_start - timedelta(days=7), this_start - timedelta(days=1), "week", False
        if wk == "next":
            return this_start + timedelta(days=7), this_end + timedelta(days=7), "week", False
        if wk == "earlier this":
            return this_start, pub, "week", False
        if wk == "later this":
            return pub, this_end, "week", False
        return this_start, this_end, "week", False
    if kind == "month_rel":
        mr = " ".join(g["mr"].lower().split())
        first = pub.replace(day=1)
        if mr in ("last", "late last"):
            prev = first - timedelta(days=1)
            return *_month_range(prev.year, prev.month), "month", False
        if mr == "next":
            nxt = first + timedelta(days=32)
            return *_month_range(nxt.year, nxt.month), "month", False
        if mr in ("earlier this", "early this"):
            return first, pub, "month", False
        if mr == "later this":
            return pub, _month_range(pub.year, pub.month)[1], "month", False
        return *_month_range(pub.year, pub.month), "month", False
    if kind == "year_rel":
        yr = " ".join(g["yr"].lower().split())
        y = pub.year + {"last": -1, "next": 1}.get(yr, 0)
        end = pub if yr == "earlier this" else date(y, 12, 31)
        return date(y, 1, 1), end, "year", False
    if kind == "month":
        mi = MONTHS[g["mn"].lower()]
        prep = (g.get("mprep") or "").lower()
        if not prep and not g.get("my"):
            # A bare month name ("May") is too often a verb or a name to trust without a preposition or year.
            if mi == 5:
                return None
        if g.get("my"):
            y = int(g["my"])
        elif prep == "next":
            y = pub.year + (1 if mi <= pub.month else 0)
        else:
            y = pub.year if mi <= pub.month else pub.year - 1
        a, b = _month_range(y, mi)
        if prep == "early":
            b = a + timedelta(days=9)
        elif prep == "late":
            a = b - timedelta(days=9)
        return a, b, "month", prep in ("since", "until", "by")
    if kind == "year":
        y = int(g["yy"])
        return date(y, 1, 1), date(y, 12, 31), "year", g["yprep"].lower() in ("since", "until", "by")
    return None


#: A cheap test before each pattern: most sentences hold no weekday, no "week", no digit.
_NEEDS: dict[str, re.Pattern] = {
    "range_md": re.compile(r"\d"), "range_dash": re.compile(r"\d"), "iso": re.compile(r"\d"), "md": re.compile(r"\d"),
    "weekday": re.compile(r"day"), "overnight": re.compile(r"night", re.I), "yesterday": re.compile(r"yesterday", re.I),
    "today": re.compile(r"today|morning|evening|tonight", re.I), "day_before": re.compile(r"day|night", re.I),
    "days_ago": re.compile(r"ago", re.I), "week": re.compile(r"week", re.I), "weekend": re.compile(r"weekend", re.I),
    "year_adj": re.compile(r"\d{4}"), "month_rel": re.compile(r"month", re.I),
    "year_rel": re.compile(r"year", re.I), "month": re.compile(r"uary|March|April|May|June|July|August|ember|"
                                                             r"October"),
    "year": re.compile(r"\d{4}"),
}


def find_dates(text: str, published: date) -> list[TimeExpr]:
    """Every time expression in `text` (a sentence), left to right, overlapping matches removed."""
    taken = SpanSet()
    out: list[TimeExpr] = []
    for kind, pat in _PATTERNS:
        if not _NEEDS[kind].search(text):
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if kind == "month" and m.group("mprep") is None:
                s = m.start("mn")
            if taken.overlaps(s, e):
                continue
            try:
                res = _resolve(kind, m, published)
            except OverflowError:  # "next week" from 9999-12-31: outside what a date can hold
                res = None
            if res is None:
                continue
            a, b, prec, vague = res
            before = text[max(0, s - 40): s]
            reporting = bool(_SPEECH.search(re.sub(r"\s*\b(?:on|late|early)\s*$", "", before, flags=re.I)))
            taken.add(s, e)
            out.append(TimeExpr(s, e, text[s:e].strip(), a, b, prec, reporting, vague))
    out.sort(key=lambda t: t.start)
    # "seized on Friday ... the day before" counts back from the sentence's own date, not from publication.
    ref: TimeExpr | None = None  # the latest earlier day-precise, non-reporting expression
    for i, t in enumerate(out):
        if ref is not None and ref.date > date.min and re.match(r"(?:the|a)\s+(?:day|night|previous)", t.text, re.I):
            d = ref.date - timedelta(days=1)
            out[i] = TimeExpr(t.start, t.end, t.text, d, d, "day", t.reporting, t.vague)
        if t.precision == "day" and not t.reporting:
            ref = out[i]
    return out
