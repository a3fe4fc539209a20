"""What makes an event told only possible or denied: the modal and negative words of a sentence, and whether one
bears on an event word and a place (the model's "hypothetical-between" and "negation-between" features, which veto
the place: `extract.VETOES`)."""

from __future__ import annotations

import re

from geomap.events import slots
from geomap.events.triggers import Found
from geomap.patterns import Pattern

#: "Possible" or "potential" makes an event word hypothetical only this many characters after it ("a possible
#: [attack]", "potential air [strikes]").
MODAL_ADJECTIVE_REACH = 25
_MODAL_ADJECTIVES = ("possible", "potential")  # (`slots.HYPOTHETICAL`'s words that are adjectives)


def modal_words(text: str, lower: str | None, first: int, triggers: list[Found]) -> list[int]:
    """Offsets of the sentence's hypothetical words (`slots.HYPOTHETICAL`). "May" after the first word is the month
    ("fighting on 18 May in Beledweyne"), not the modal verb; "possible" and "potential" make only an event word
    right after them possible ("a possible attack", not "protested against a possible war")."""
    out = []
    for m in slots.HYPOTHETICAL.finditer_lowered(text, lower):
        p = m.start()
        if text[p:p + 3] == "May" and p > first:
            continue
        if text[p:p + 9].lower().startswith(_MODAL_ADJECTIVES) and not any(
                p < t.start <= p + MODAL_ADJECTIVE_REACH for t in triggers):
            continue
        out.append(p)
    return out


def features(text: str, hypothetical: list[int], negation: list[int], protest: bool, t: Found, start: int,
             end: int) -> list[str]:
    """"hypothetical-between" when a modal word bears on the event word `t` and the place [start, end) (not a
    protest's demand before the day that dates it, nor what the agents of `t` demanded); "negation-between" when a
    negative word does."""
    out = []
    lo, hi = sorted((t.start, start))
    hyp = [p for p in hypothetical if _governs(text, p, lo, hi, 60) and not _agents_demand(text, p, t, start)]
    if hyp and not (protest and all(text[p:p + 6].lower().startswith(_DEMANDS) for p in hyp)
                    and DATED_SETTING.match_at(text[end:end + 16])):
        out.append("hypothetical-between")
    if any(_governs(text, p, lo, hi, 25) for p in negation):
        out.append("negation-between")
    return out


#: A day right after a place makes it the sentence's setting: "police fired tear gas at protesters demanding
#: Kanu's release in the capital Abuja on Monday" (a protest's demand names what it wants, undated).
DATED_SETTING = Pattern(
    "a place dated by a day after it",
    r"^,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    "Police fired tear gas at protesters demanding reforms in the capital [Abuja] on Monday.",
    "Protesters demanding a ceasefire in [Gaza] marched in London on Monday.", "after", flags=0)
#: The hypothetical words that are a protest's demand (`slots.HYPOTHETICAL`): "demanding", "calling for", "urging".
_DEMANDS = ("demand", "call", "urg")
_DEMAND_WORD = re.compile(r"\b(?:" + "|".join(_DEMANDS) + ")", re.I)

#: Event words in their past form that are not "-ed" words, and the words before an event word that make it a noun.
_PAST_FORMS = frozenset({"shot", "struck", "hit", "fought", "blew", "threw", "beat", "took", "set"})
_NOUN_BEFORE = frozenset({"the", "a", "an", "of", "to", "for", "by", "and", "or", "against", "on", "in", "their",
                          "his", "her", "its", "any", "more"})


def _agents_demand(text: str, p: int, t: Found, place: int) -> bool:
    """Is the demand at `p` only what the agents of the event word `t` wanted ("Kidnappers demanding a ransom killed
    a businessman in X", "protesters demanding his release clashed with police in X")? Then `t` is the sentence's
    verb, after the demand's object, and what it tells happened at the `place` after it; "demanding an end to the
    shelling of X" keeps its veto."""
    if p >= t.start or place < t.end or not _DEMAND_WORD.search(text, max(0, p - 30), p + 6):  # or its "end to"
        return False
    word = text[t.start:t.end].lower().split()[0]
    if not (word.endswith("ed") or word in _PAST_FORMS):
        return False
    before = text[max(0, t.start - 14):t.start].split()
    return bool(before) and before[-1].lower() not in _NOUN_BEFORE


def _governs(text: str, p: int, lo: int, hi: int, reach: int) -> bool:
    """Does a modal or negative word at `p` bear on the event word and place spanning [lo, hi)? Between them it does;
    before them only within `reach` characters and not across a comma ("Demanding their release, the rebels
    captured seven soldiers near Trincomalee": the demand is not hypothetical about the capture)."""
    if lo <= p < hi:
        return True
    return lo - reach <= p < lo and "," not in text[p:lo]
