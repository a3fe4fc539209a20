"""Who took territory: ACLED types a place taken by rebels as "Non-state actor overtakes territory", by the state's
own forces as "Government regains territory" (a foreign state's forces take it like a non-state actor)."""

from __future__ import annotations

import re

from geomap.events.forces import FORCE_COUNTRY
from geomap.patterns import Pattern

NON_STATE = Pattern(
    "non-state actor", r"\b(?:rebels?|militants?|insurgents?|fighters|jihadists?|gunmen|militias?|Wagner|RSF|M23|"
    r"Houthis?|Hamas|Hezbollah|JNIM|al-Shabaab|Islamic State|HTS|Hayat Tahrir|separatists?|gangs?|Taliban|militiamen|"
    r"Boko Haram|ISIS|ISIL|ISWAP|al-Qaeda|bandits|armed groups?|Rapid Support Forces|Syrian Democratic Forces|SDF|"
    r"Arakan Army|PKK|Allied Democratic Forces|ADF|CODECO|FARC|ELN|attackers|assailants|raiders|kidnappers)\b",
    "Rebels captured the airport.", "Troops captured the airport.")
STATE = Pattern("state forces", r"\b(?:[\w-]+\s+loyal\s+to\s+the\s+(?:government|regime|army)|pro-government\s+[\w-]+|"
                r"troops|forces|army|military|soldiers|marines|government|police)\b",
                "Fighters loyal to the government retook the town.", "Rebels retook the town.")
#: People captured, who are held, not a place taken: "captured two rebel commanders", "captured him" (not "captured
#: the rebel stronghold": a person's word that qualifies a place is no person; nor "captured Kabbani from the
#: jihadists": a place taken from them).
PEOPLE_CAPTURED = Pattern(
    "people captured",
    r"^(?:captur(?:ed|ing)|seiz(?:ed|ing))\s+(?:(?!(?:from|in|at|near|to|with|of|after|during|on|by|her)\b)[\w-]+\s+)"
    r"{0,3}?(?:fighters?|soldiers?|commanders?|militants?|rebels|suspects?|gunmen|insurgents?|officers?|policem[ae]n|"
    r"hostages?|prisoners?|civilians|leaders?|members?|him|them|jihadists?|militiam[ae]n|kidnappers?|assailants?|"
    r"attackers?)(?![\w-])(?!\s+(?:base|positions?|stronghold|camp|headquarters|post|checkpoint|outpost|"
    r"territory)\b)", "captured two rebel commanders near the border", "captured the rebel stronghold near the border")
#: An actor word that introduces a report ("the army said rebels took ...") is the speaker, not the taker.
SPEAKER = Pattern("speaker", r"^\s+(?:has\s+|had\s+)?(?:said|says|reported|announced|claimed|stated)\b",
                  "The [army] said rebels took the town.", "The [army] took the town.", "after")
#: A side named only as the helper of the one that took the territory: "government forces backed by clan militias".
BACKED_BY = Pattern("the helpers of a side",
                    r"\b(?:(?:backed|supported|aided|assisted|helped)\s+by|and\s+(?:their\s+|its\s+)?"
                    r"(?:allied|pro-government|government-allied))\s+(?:[\w-]+\s+){0,2}$",
                    "Government forces and allied clan [militias] retook the town.",
                    "Government forces and clan [militias] retook the town.", "before")


def taker(stext: str, at: int) -> str | None:
    """Who took the territory: the actor named nearest before the event word, not counting a speaker ("the RSF
    claiming to have seized ...", "the army said rebels took ...": the RSF, the rebels), else the first named as its
    agent after it ("retaken by Ukrainian forces"); None when it names none. Where one phrase names both, the longer
    reading wins ("fighters loyal to the government": the government's side). "Army" or "Forces" ending a
    capitalised name ("the Ta'ang National Liberation Army", "Rapid Support Forces") names a group, not the
    state."""
    found = [(m.start(), len(m.group()), m.end(), "Non-state actor overtakes territory")
             for m in NON_STATE.finditer(stext)]
    found += [(m.start(), len(m.group()), m.end(), "Government regains territory") for m in STATE.finditer(stext)
              if not _NAMED_FORCE.search(stext[max(0, m.end() - 60):m.end()])]  # bounded: linear in the text
    before = [f for f in found if f[0] < at and not SPEAKER.search(stext[f[2]:f[2] + 20])
              and not BACKED_BY.search(stext, max(0, f[0] - 40), f[0])]
    if before:
        return max(before)[3]
    after = [f for f in found if f[0] < at or _BY.search(stext, at, f[0])]  # "was retaken by Ukrainian forces"; not
    # the loser told as the object: "the group said it had seized the last military outpost"
    return min(after, key=lambda f: (f[0], -f[1]))[3] if after else None


_BY = re.compile(r"\bby\b")


def foreign_taker(sub: str, actors: list[str], country: str) -> str:
    """ACLED types territory taken by a foreign state's forces like a non-state actor's: "government regains
    territory" is the government of the place's own country retaking it. The taker is the first state force named
    ("Russian forces captured Niu-York": Ukraine's village, taken by a foreign state)."""
    if sub != "Government regains territory":
        return sub
    taker = next((FORCE_COUNTRY[a] for a in actors if a in FORCE_COUNTRY), country)
    return sub if taker == country else "Non-state actor overtakes territory"


#: "... Liberation Army", "... Support Forces": a capitalised word, then the capitalised force word, at the end.
_NAMED_FORCE = re.compile(r"[A-Z][\w'’-]*\s+(?:Army|Forces|Military)$")
