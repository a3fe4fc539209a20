"""Toponym resolution: each mention to one gazetteer place, using the rest of the article as context.

An article about Ukraine that says "Donetsk" means the Ukrainian city, not the town in Rostov oblast; one about
Lebanon that says "Tripoli" means the Lebanese port. The score of a candidate is the gazetteer's prior (kind,
population, own name vs alias) plus how well it fits the article: its country is one the article is about, its
first-level region is one the article names, and it is the kind the words around it say ("Donetsk region", "the
town of Bakhmut").
"""

from __future__ import annotations

import re
from collections import Counter

from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.lexicon import DEMONYM_COUNTRY, STATE_ABBREVIATIONS
from geomap.models import Doc, Mention, Place

#: Words after a name that ask for a kind ("Kyiv region" -> the oblast, not the city).
HINT_KINDS = {"state": ("region",), "demonym": ("country",), "region": ("region",), "city": ("city",),
              "district": ("district", "city")}
HINT_SUFFIXES = {"state": (), "demonym": (), "region": (" region", " oblast", " province"), "district": (" district",),
                 "city": ()}


# "the Lebanese city of Tripoli", "Lebanese Tripoli" -- but not "Russian assaults near Pokrovsk".
_DEMONYM_GAP = re.compile(r"\s*(?:(?:\w+\s+)?(?:city|town|village|port|capital|region|province|district|"
                          r"enclave|island)\s+of\s+(?:the\s+)?)?", re.I)
DEMONYM_PRIOR = -1.0  # marks a demonym's single candidate


class Resolver:
    """Pipeline step `resolve`: fills Mention.place (None when no candidate fits)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or load_gazetteer()

    def candidates(self, m: Mention) -> list[tuple[Place, float]]:
        """(place, gazetteer prior) for a mention, restricted to the kind its context asks for when any fits."""
        if m.hint.startswith("capital"):
            # "the Ukrainian capital" names its country; a bare "the capital" is settled in __call__ from context
            city = self.gaz.capital(m.hint[8:]) if m.hint != "capital" else None
            return [(city, 0.0)] if city else []
        if m.hint == "state":
            full, cc = STATE_ABBREVIATIONS[m.text]
            return [c for c in self.gaz.scored_candidates(full) if c[0].kind == "region" and c[0].country_code == cc]
        if m.hint == "demonym":
            country = self.gaz.country(DEMONYM_COUNTRY.get(m.text.lower(), ""))
            return [(country, DEMONYM_PRIOR)] if country else []
        cands = self.gaz.scored_candidates(m.text)
        if not m.hint:
            return cands
        wanted = HINT_KINDS[m.hint]
        extra = [c for suffix in HINT_SUFFIXES[m.hint] for c in self.gaz.scored_candidates(m.text + suffix)]
        seen: set[str] = set()
        fitting = [c for c in extra + cands if c[0].kind in wanted and not (c[0].id in seen or seen.add(c[0].id))]
        return fitting or cands

    @staticmethod
    def votes(cands: list[tuple[Place, float]]) -> tuple[str, float, tuple[str, str] | None, float]:
        """What one mention says the article is about: (country, weight, region, weight)."""
        if not cands:
            return "", 0.0, None, 0.0
        top = max(cands, key=lambda c: c[1])[0]
        codes = {c.country_code for c, _ in cands if c.country_code}
        weight = 1.0 if len(codes) <= 1 or top.kind in ("country", "region") else 0.4
        if cands[0][1] == DEMONYM_PRIOR:
            weight = 0.3  # "Russian forces" appear in every Ukraine story: a weak hint of where it is set
        region = (top.country_code, top.admin1) if top.admin1 else None
        rweight = weight if top.kind == "region" else (0.5 if weight == 1.0 else 0.0)
        return top.country_code, weight, region, rweight

    def local_hints(self, doc: Doc, i: int) -> set[str]:
        """Country codes the words right around mention i name: "the Lebanese city of Tripoli", "Tripoli, Lebanon"."""
        m, text, out = doc.mentions[i], doc.article.text, set()
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc.mentions):
                o = doc.mentions[j]
                between = text[o.end:m.start] if j < i else text[m.end:o.start]
                near = (j < i and o.hint == "demonym" and _DEMONYM_GAP.fullmatch(between)) or (
                    j > i and o.hint != "demonym" and re.fullmatch(r",\s*(?:the\s+)?", between))
                if near:
                    code = DEMONYM_COUNTRY.get(o.text.lower()) if o.hint == "demonym" else None
                    if code is None:
                        big = [c for c, _ in self.candidates(o) if c.kind in ("country", "region")]
                        code = big[0].country_code if big else None
                    if code:
                        out.add(code)
        return out

    def score(self, p: Place, prior: float, countries: Counter, regions: Counter, total: float,
              local: set[str]) -> float:
        s = prior
        if p.country_code and total:
            share = countries.get(p.country_code, 0.0) / total
            s += (1.0 if share else 0.0) + 3.0 * share
        if p.admin1 and regions:
            votes = regions.get((p.country_code, p.admin1), 0.0)
            if votes:  # the article's main region weighs more than one it names in passing
                s += 1.0 + 2.0 * votes / max(regions.values())
        if p.country_code in local:
            s += 5.0
        return s

    def __call__(self, doc: Doc) -> Doc:
        cands = [self.candidates(m) for m in doc.mentions]
        votes = [self.votes(cs) for cs in cands]
        countries: Counter = Counter()
        regions: Counter = Counter()
        for cc, w, reg, rw in votes:
            if cc:
                countries[cc] += w
            if reg and rw:
                regions[reg] += rw
        if countries:  # "the capital" of the country the article is most about
            main = countries.most_common(1)[0][0]
            city = self.gaz.capital(main)
            for i, m in enumerate(doc.mentions):
                if m.hint == "capital" and city is not None:
                    cands[i] = [(city, 0.0)]
        by_text: dict[str, list[int]] = {}
        for i, m in enumerate(doc.mentions):
            by_text.setdefault(m.text.lower(), []).append(i)
        contexts: dict[str, tuple[Counter, Counter, float]] = {}
        best: dict[int, float] = {}
        for i, (m, cs) in enumerate(zip(doc.mentions, cands, strict=True)):
            if not cs:
                m.place = None
                continue
            key = m.text.lower()
            if key not in contexts:
                # An ambiguous name must not vote for its own reading: take its mentions' votes out first.
                own_c: Counter = Counter()
                own_r: Counter = Counter()
                for j in by_text[key]:
                    cc, w, reg, rw = votes[j]
                    if cc:
                        own_c[cc] += w
                    if reg and rw:
                        own_r[reg] += rw
                ctx_c = countries - own_c
                contexts[key] = (ctx_c, regions - own_r, sum(ctx_c.values()))
            ctx_c, ctx_r, total = contexts[key]
            # A name that can be a country needs no "X, Y" hint: "U.S., France" is a list, not "Paris, France".
            local = set() if any(c.kind == "country" for c, _ in cs) else self.local_hints(doc, i)
            m.place, best[i] = max(((c[0], self.score(*c, ctx_c, ctx_r, total, local)) for c in cs),
                                   key=lambda ps: ps[1])
        # One sense per discourse: every mention of a name (with the same kind hint) takes the reading that the
        # best-supported mention got ("Pokrovsk, Donetsk region" settles a bare "Pokrovsk" elsewhere).
        settled: dict[tuple[str, str], int] = {}
        for i, m in enumerate(doc.mentions):
            if m.place is not None and m.hint != "demonym":
                k = (m.text.lower(), m.hint)
                if k not in settled or best[i] > best[settled[k]]:
                    settled[k] = i
        for m in doc.mentions:
            k = (m.text.lower(), m.hint)
            if m.place is not None and k in settled:
                m.place = doc.mentions[settled[k]].place
        return doc
