"""ACLED codebook values geomap can fill from what it knows: disorder type, actor types and their interaction,
civilian targeting, the ISO numeric code and the ACLED region of a country.

Every value is a lookup in a named table; where geomap does not know (an actor it cannot type, a country without a
code) the value is None and the export leaves the column empty — nothing is invented.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from geomap import config
from geomap.events.forces import FORCE_COUNTRY, SHARED_HOMES

#: ACLED's disorder type by event type; sub-event types that count as both political violence and demonstrations
#: are in DISORDER_BY_SUB_EVENT.
DISORDER_BY_EVENT = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT = {"Excessive force against protesters": "Political violence; Demonstrations",
                         "Mob violence": "Political violence; Demonstrations"}

#: ACLED actor types (inter1/inter2 codes).
STATE_FORCES, REBEL_GROUP, POLITICAL_MILITIA, IDENTITY_MILITIA = 1, 2, 3, 4
RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL_FORCES = 5, 6, 7, 8
#: Actors whose type does not depend on where they act. Groups whose ACLED type changed over time or differs by
#: country (the Taliban, the Houthis, Hamas, the RSF) are left out: their type is unknown, not guessed.
ACTOR_TYPES = {
    "Protesters": PROTESTERS, "Rioters": RIOTERS, "Civilians": CIVILIANS,
    "Unidentified armed group": POLITICAL_MILITIA, "Wagner Group": EXTERNAL_FORCES,
    "M23": REBEL_GROUP, "JNIM": REBEL_GROUP, "Islamic State": REBEL_GROUP, "al-Shabaab": REBEL_GROUP,
    "Boko Haram": REBEL_GROUP, "Druze militia": IDENTITY_MILITIA, "Bedouin militia": IDENTITY_MILITIA,
    "Clan militia": IDENTITY_MILITIA,
}


def disorder_type(event_type: str, sub_event_type: str = "") -> str | None:
    return DISORDER_BY_SUB_EVENT.get(sub_event_type) or DISORDER_BY_EVENT.get(event_type)


def actor_type(actor: str, country_code: str | None) -> int | None:
    """The ACLED type of `actor` in an event in `country_code`: a state's forces are state forces at home and
    external forces abroad (ACLED's rule); the police act in the country of the event."""
    if actor == "Police forces":
        return STATE_FORCES
    home = FORCE_COUNTRY.get(actor)
    if home:
        if not country_code:
            return None  # at sea or unplaced: home or abroad is unknown
        return STATE_FORCES if home == country_code or (actor, country_code) in SHARED_HOMES else EXTERNAL_FORCES
    return ACTOR_TYPES.get(actor)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor types, lower first ("17"); one actor alone is its type and 0."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def civilian_targeting(event_type: str) -> str | None:
    """ "Civilian targeting" for violence against civilians (civilians are its target by definition); other
    events may target civilians too, but the text does not say so reliably enough to mark them."""
    return "Civilian targeting" if event_type == "Violence against civilians" else None


@lru_cache(maxsize=1)
def country_codes() -> dict[str, tuple[int, str]]:
    """{ISO-2: (ISO 3166 numeric code, ACLED region)} from data/country_codes.csv (built by
    scripts/build_country_codes.py from Natural Earth); empty when the file is missing."""
    try:
        with (config.DATA_DIR / "country_codes.csv").open(encoding="utf-8", newline="") as fh:
            return {r["iso2"]: (int(r["iso_numeric"]), r["acled_region"]) for r in csv.DictReader(fh)}
    except (OSError, KeyError, ValueError):
        return {}
