"""How the places sharing one name are ordered: one prior per row, plus a bonus or penalty for how it bears the name.

Ranking ("prior") of the places sharing one name, highest first::

    log10(max(population, floor(kind)) + 1) + 1 if the name is the place's own name (not an alias) + boost

`boost` is a column: curated rows carry +3, user overrides +10, and curated "patch" rows lift a few famous places
(Odesa over Odessa, Texas).  `weak_aliases` (a column) match at -4: that is how a region answers to its bare stem
without beating the city of the same name, and how a town's stray GeoNames alias ("Turkey", a historical
"Pokrovsk") stays below the real bearer of the name.
"""

from __future__ import annotations

import math

#: Population floor per kind for ranking: a country outranks any city of the same name, a sea most regions.
#: Districts and landmarks only come from the curated/user layers (GeoNames rows are all "city"), so their floor
#: lets "Solomianskyi district" beat GeoNames' populated section "Solomyanka" that lists it as an alias.
KIND_FLOOR = {"country": 1e8, "continent": 1e9, "sea": 1e7, "region": 0.0, "city": 0.0, "district": 1e5,
              "landmark": 1e5}
PRIMARY_BONUS = 1.0
WEAK_PENALTY = 4.0
OVERRIDE_BOOST = 10.0


def prior(kind: str, population: int, boost: float) -> float:
    """Name-independent part of the ranking score (see the module docstring)."""
    return math.log10(max(float(population), KIND_FLOOR.get(kind, 0.0)) + 1.0) + boost
