"""Lists of places: a list shares its slot, so the members of a list one of whose members is an event place are
event places too when they score at least `LIST_FLOOR` ("attacks on Akida and Mbuta villages")."""

from __future__ import annotations

from geomap.events.model import Candidate
from geomap.events.slots import DESCRIBES_BEFORE, LIST_AGAIN, LIST_JOIN
from geomap.patterns import Pattern

#: A list member scoring at least this is an event place when another member is (tuned on the dev split).
LIST_FLOOR = 0.2
LIST_NOUN = Pattern(
    "kind word after a list member", r"^\s+(?:villages?|towns?|cities|city|districts?|neighbou?rhoods?|provinces?|"
    r"regions?|areas?|camps?|governorates?|countryside)\b",
    "Gunmen raided [Akida] village and Mbuta village.", "Gunmen raided [Akida] and Mbuta villages.", "after")


def spread_over_lists(text: str, cands: list[Candidate], scores: list[float], threshold: float) -> list[bool]:
    """Event places at or above the threshold, and the other members of a list one of them is in ("attacks on
    Akida and Mbuta villages") when they score at least LIST_FLOOR: a list shares its slot."""
    picked = [sc >= threshold for sc in scores]
    k = 0
    while k < len(cands):
        j = k
        while j + 1 < len(cands) and _joined(text, cands[j], cands[j + 1]):
            j += 1
        if j > k and any(picked[k:j + 1]):
            for i in range(k, j + 1):
                picked[i] = picked[i] or scores[i] >= LIST_FLOOR
        k = j + 1
    return picked


#: Vetoes that tell the role of a whole list, read only at its first member: "taken to hospitals in Khuzdar and
#: Quetta", "sirens sounded in Tel Aviv and Jerusalem", "backed by Rwanda and Uganda", "sent reinforcements to
#: Latakia and Tartus".
LIST_VETOES = frozenset({"slot=a refuge", "slot=where sirens sounded", "slot=a backer", "slot=a route"})


def share_vetoes(text: str, cands: list[Candidate], feats: list[list[str]], vetoed: list[bool]) -> None:
    """Veto the later members of a list whose first member a list's veto (`LIST_VETOES`) holds (in place)."""
    for k in range(1, len(cands)):
        if not vetoed[k] and vetoed[k - 1] and _joined(text, cands[k - 1], cands[k]) \
                and LIST_VETOES.intersection(feats[k - 1]):
            vetoed[k] = True
            feats[k] = [*feats[k], *LIST_VETOES.intersection(feats[k - 1])]


def _joined(text: str, a: Candidate, b: Candidate) -> bool:
    """Do the words between two candidates join them in a list (`LIST_JOIN`, `LIST_AGAIN`), a generic word after
    the first dropped ("Akida village and")? Not a name describing the one before ("Batumi, the Black Sea port")."""
    gap = text[a.end:b.start]
    if gap.startswith(", the ") and DESCRIBES_BEFORE.match_at(text[b.end:b.end + 12]):
        return False
    m = LIST_NOUN.match_at(gap)
    gap = gap[m.end():] if m else gap
    return LIST_JOIN.match_at(gap) is not None or LIST_AGAIN.match_at(gap) is not None
