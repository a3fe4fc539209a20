"""Toponym resolution: each mention to one gazetteer place, using the rest of the article as context.

An article about Ukraine that says "Donetsk" means the Ukrainian city, not the town in Rostov oblast; one about
Lebanon that says "Tripoli" means the Lebanese port. The score of a candidate is the gazetteer's prior (kind,
population, own name vs alias) plus how well it fits the article: its country is one the article is about, its
first-level region is one the article names, and it is the kind the words around it say ("Donetsk region", "the
town of Bakhmut").
"""

from __future__ import annotations

from collections import Counter

from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.lexicon import DEMONYM_COUNTRY
from geomap.models import Doc, Mention, Place

#: Words after a name that ask for a kind ("Kyiv region" -> the oblast, not the city).
HINT_KINDS = {"demonym": ("country",), "region": ("region",), "city": ("city",), "district": ("district", "city")}
HINT_SUFFIXES = {"demonym": (), "region": (" region", " oblast", " province"), "district": (" district",), "city": ()}


class Resolver:
    """Pipeline step `resolve`: fills Mention.place (None when no candidate fits)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or load_gazetteer()

    def candidates(self, m: Mention) -> list[tuple[Place, float]]:
        """(place, gazetteer prior) for a mention, restricted to the kind its context asks for when any fits."""
        if m.hint == "demonym":
            country = self.gaz.country(DEMONYM_COUNTRY.get(m.text.lower(), ""))
            return [(country, 0.0)] if country else []
        cands = self.gaz.scored_candidates(m.text)
        if not m.hint:
            return cands
        wanted = HINT_KINDS[m.hint]
        extra = [c for suffix in HINT_SUFFIXES[m.hint] for c in self.gaz.scored_candidates(m.text + suffix)]
        seen: set[str] = set()
        fitting = [c for c in extra + cands if c[0].kind in wanted and not (c[0].id in seen or seen.add(c[0].id))]
        return fitting or cands

    def context(self, doc: Doc, cands: list[list[tuple[Place, float]]]) -> tuple[Counter, Counter]:
        """Countries and first-level regions the article is about, from its least ambiguous mentions."""
        countries: Counter = Counter()
        regions: Counter = Counter()
        for cs in cands:
            if not cs:
                continue
            top = max(cs, key=lambda c: c[1])[0]
            codes = {c.country_code for c, _ in cs if c.country_code}
            weight = 1.0 if len(codes) <= 1 or top.kind in ("country", "region") else 0.4
            if top.country_code:
                countries[top.country_code] += weight
            if top.kind == "region" and top.admin1:
                regions[(top.country_code, top.admin1)] += weight
            elif top.admin1 and weight == 1.0:
                regions[(top.country_code, top.admin1)] += 0.5
        return countries, regions

    def score(self, p: Place, prior: float, countries: Counter, regions: Counter, total: float) -> float:
        s = prior
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
            m.place = max(cs, key=lambda c: self.score(*c, countries, regions, total))[0] if cs else None
        return doc
