"""Which of a settlement's GeoNames aliases are weak: the ones that name something else (see demote_city_aliases)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from difflib import SequenceMatcher

from ..names import normalize
from ..rows import Row

#: Another settlement must have at least this population for a city's alias equal to its name to count as a
#: historical name (Engels, once Pokrovsk; Lazurnyi listing Chornobyl).
HISTORICAL_MIN_POP = 1000
#: ... and at least this share of the city's population: a village of 4 k called Calcutta must not take "Calcutta"
#: from Kolkata (a name that much bigger keeps winning its old names), but Pokrovsk (60 k) does take it from Engels.
HISTORICAL_SHARE = 0.1
#: Above this similarity an alias is a spelling of the city's own name (Odessa/Odesa), not another name.
VARIANT_RATIO = 0.6


def demote_city_aliases(cities: list[Row], regions: list[Row], countries: list[Row]) -> tuple[list[Row], dict]:
    """Make weak the GeoNames aliases that name something else, so they rank below the real bearer of the name:

    * a country's or region's name on a settlement outside it (New Providence, NJ lists "Turkey", Bozeman lists
      "Missouri", Floridablanca lists "Florida");
    * another settlement's own name that is not a spelling of this one's, when that settlement is not tiny next to
      this one (Engels lists its historical name Pokrovsk, Lazurnyi lists Chornobyl): GeoNames' alternate names
      do not say which are historical.

    Curated patches can make such an alias strong again (they are applied after this).
    """
    owners: dict[str, list[tuple[str, int]]] = defaultdict(list)  # key -> [(country code or admin1, population)]
    for r in countries:
        for n in (r.name, *r.aliases):
            owners[normalize(n)].append((r.country_code, max(r.population, 10**6)))
    for r in regions:
        for n in (r.name, *r.aliases):
            owners[normalize(n)].append((r.admin1, r.population))
    own_names: dict[str, int] = {}
    for c in cities:
        k = normalize(c.name)
        own_names[k] = max(own_names.get(k, 0), c.population)
    out: list[Row] = []
    n_area = n_hist = 0
    for c in cities:
        own = normalize(c.name)
        strong: list[str] = []
        weak: list[str] = []
        for a in c.aliases:
            k = normalize(a)
            holders = owners.get(k, ())
            if any(code not in (c.country_code, c.admin1) and pop >= HISTORICAL_SHARE * c.population
                   for code, pop in holders) and not any(code in (c.country_code, c.admin1) for code, _ in holders):
                weak.append(a)
                n_area += 1
            elif (k != own and own_names.get(k, 0) >= max(HISTORICAL_MIN_POP, HISTORICAL_SHARE * c.population)
                  and SequenceMatcher(None, k, own).ratio() < VARIANT_RATIO):
                weak.append(a)
                n_hist += 1
            else:
                strong.append(a)
        out.append(replace(c, aliases=tuple(strong), weak_aliases=(*c.weak_aliases, *weak)) if weak else c)
    return out, {"weak_aliases_area_names": n_area, "weak_aliases_other_places": n_hist}
