"""Toponym resolution: each mention to one gazetteer place, using the rest of the article as context.

An article about Ukraine that says "Donetsk" means the Ukrainian city, not the town in Rostov oblast; one about
Lebanon that says "Tripoli" means the Lebanese port. The score of a candidate is the gazetteer's prior (kind,
population) plus how well it fits the article: its country is one the article is about, its first-level region
is one the article names, and it is the kind the words around it say ("Donetsk region", "the town of Bakhmut").
"""

from __future__ import annotations

import math
from collections import Counter

from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.models import Doc, Mention, Place

KIND_PRIOR = {"country": 9.0, "sea": 7.5, "continent": 7.0, "region": 5.0, "landmark": 3.0, "district": 2.5,
              "city": 0.0}
#: Words after a name that ask for a kind ("Kyiv region" -> the oblast, not the city).
HINT_KINDS = {"region": ("region",), "city": ("city",), "district": ("district", "city")}
HINT_SUFFIXES = {"region": (" region", " oblast", " province"), "district": (" district",), "city": ()}


def _prior(p: Place) -> float:
    pop = math.log10(p.population + 10) if p.kind in ("city", "district") else 0.0
    return KIND_PRIOR.get(p.kind, 0.0) + pop


class Resolver:
    """Pipeline step `resolve`: fills Mention.place (None when no candidate fits)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or load_gazetteer()

    def candidates(self, m: Mention) -> list[Place]:
        """Candidates for a mention, restricted to the kind its context asks for when any fits."""
        cands = self.gaz.candidates(m.text)
        if not m.hint:
            return cands
        wanted = HINT_KINDS[m.hint]
        extra = [c for suffix in HINT_SUFFIXES[m.hint] for c in self.gaz.candidates(m.text + suffix)]
        fitting = [c for c in extra + cands if c.kind in wanted]
        seen: set[str] = set()
        fitting = [c for c in fitting if not (c.id in seen or seen.add(c.id))]
        return fitting or cands

    def context(self, doc: Doc, cands: list[list[Place]]) -> tuple[Counter, Counter]:
        """Countries and first-level regions the article is about, from its least ambiguous mentions."""
        countries: Counter = Counter()
        regions: Counter = Counter()
        for cs in cands:
            if not cs:
                continue
            top = max(cs, key=_prior)
            codes = {c.country_code for c in cs if c.country_code}
            weight = 1.0 if len(codes) <= 1 or top.kind in ("country", "region") else 0.4
            if top.country_code:
                countries[top.country_code] += weight
            if top.kind == "region" and top.admin1:
                regions[(top.country_code, top.admin1)] += weight
            elif top.admin1 and weight == 1.0:
                regions[(top.country_code, top.admin1)] += 0.5
        return countries, regions

    def score(self, p: Place, countries: Counter, regions: Counter, total: float) -> float:
        s = _prior(p)
        if p.country_code and total:
            share = countries.get(p.country_code, 0.0) / total
            s += (2.0 if share else 0.0) + 4.0 * share
        if p.admin1 and regions.get((p.country_code, p.admin1)):
            s += 2.0
        return s

    def __call__(self, doc: Doc) -> Doc:
        cands = [self.candidates(m) for m in doc.mentions]
        countries, regions = self.context(doc, cands)
        total = sum(countries.values())
        for m, cs in zip(doc.mentions, cands, strict=True):
            m.place = max(cs, key=lambda p: self.score(p, countries, regions, total)) if cs else None
        return doc
