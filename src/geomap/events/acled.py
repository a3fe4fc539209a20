"""ACLED typing of one happening: which event words of a clause name it, and the codebook's precedence rules.

A clause with several event words is one happening, typed once: a protest met with tear gas is a "Protest with
intervention", met with live fire or deaths "Excessive force against protesters" (Violence against civilians); a
protest that throws stones is a riot; "killed" and "attack" take the type of the specific word beside them ("a
missile strike killed five" is a missile attack). Territory taken by rebels is "Non-state actor overtakes
territory", by an army "Government regains territory".
"""

from __future__ import annotations

from collections.abc import Callable

from geomap.events.triggers import BATTLE, EXPL, PROTEST, RIOT, STRAT, VAC, VIOLENT, Found, specific
from geomap.patterns import Pattern

NON_STATE = Pattern(
    "non-state actor", r"\b(?:rebels?|militants?|insurgents?|fighters|jihadists?|gunmen|militias?|Wagner|RSF|M23|"
    r"Houthis?|Hamas|Hezbollah|JNIM|al-Shabaab|Islamic State|HTS|Hayat Tahrir|separatists?|gangs?)\b",
    "Rebels captured the airport.", "Troops captured the airport.")
STATE = Pattern("state forces", r"\b(?:troops|forces|army|military|soldiers|marines|government)\b",
                "Government troops retook the town.", "Rebels retook the town.")
POLICE = Pattern("police", r"\b(?:police(?:men)?|security forces|riot squads?|gendarmes|soldiers|troops)\b",
                 "Riot police charged the marchers.", "Marchers sang in the square.")
#: "were killed", "was shot": who did it is elsewhere in the story, so a passive killing takes the story's type.
PASSIVE_HARM = Pattern("passive harm", r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?(?:killed|wounded|injured|"
                       r"shot|hurt)\b|\b(?:died|dead)\b", "Five people were killed overnight.",
                       "Gunmen killed five people overnight.")
LETHAL_FORCE = Pattern(
    "lethal force", r"\b(?:live (?:rounds|ammunition|fire)|opened fire|shot|shooting|killed|killing|dead|died)\b",
    "Police opened fire on the marchers.", "Police watched the marchers.")


def happening(primary: Found, clause: list[Found], stext: str, context: Callable[[], tuple[str, str] | None],
              deaths: int | None) -> tuple[str, str]:
    """The ACLED (type, sub-type) of the happening whose nearest event word is `primary`, among the event words
    of its clause. `context()` gives the specific type of the paragraph or article, for generic words."""
    t = primary.trigger
    etype, sub = t.event_type, t.sub_event_type
    kinds = {f.trigger.event_type for f in clause}
    if etype in (PROTEST, RIOT) or PROTEST in kinds:
        return _protest(clause, stext, deaths)
    if t.yields:
        etype, sub = specific(clause) or (etype, sub)
    elif t.generic or t.weak:
        own = specific(clause)
        active_killing = any(f.trigger.weak for f in clause) and not PASSIVE_HARM.search(stext)
        if own:
            etype, sub = own
        elif active_killing:
            etype, sub = VAC, "Attack"  # "gunmen killed 26 men": the killing is the happening
        else:
            etype, sub = context() or (etype, sub)
    if sub in ("Non-state actor overtakes territory", "Government regains territory"):
        if NON_STATE.search(stext):
            return BATTLE, "Non-state actor overtakes territory"
        if STATE.search(stext):
            return BATTLE, "Government regains territory"
    if etype == VAC and t.weak and any(f.trigger.event_type == BATTLE and not f.trigger.yields for f in clause):
        return BATTLE, "Armed clash"  # "killed in clashes": the clash
    if etype == BATTLE and any(f.trigger.event_type == VAC and not f.trigger.weak for f in clause):
        return VAC, "Attack"  # "gunmen stormed the hall and opened fire on the crowd": an attack on civilians
    if etype == EXPL and any(f.trigger.name == "drills" for f in clause):
        return STRAT, "Other"  # drills fire missiles without attacking anyone
    return etype, sub


def _protest(clause: list[Found], stext: str, deaths: int | None) -> tuple[str, str]:
    names = {f.trigger.name for f in clause}
    if "riot" in names:
        return RIOT, "Violent demonstration"
    force = "intervention" in names or (POLICE.search(stext) is not None
                                        and any(f.trigger.event_type in VIOLENT for f in clause))
    if force and LETHAL_FORCE.search(stext):
        return VAC, "Excessive force against protesters"
    if force:
        return PROTEST, "Protest with intervention"
    return PROTEST, "Peaceful protest"
