"""Toponym resolution: each mention to one gazetteer place, using the rest of the article as context.

An article about Ukraine that says "Donetsk" means the Ukrainian city, not the town in Rostov oblast; one about
Lebanon that says "Tripoli" means the Lebanese port; a village named in a list of Donetsk-front places is the one
near them, not its namesake 700 km away. Every candidate place of a mention gets one score, a weighted sum of named
features (`FEATURES`): the gazetteer's prior (population, kind, own name or alias), how well its country and
first-level region fit the article's other places, whether the words right around the name point to it ("Tripoli,
Lebanon", "the Lebanese city of Tripoli", "Kyiv region", "the town of Bakhmut"), and how close it lies to the other
places the article names. The weights are data (`data/models/resolve_weights.json`), fitted on the training 70 % of
TR-News and GeoVirus by `scripts/fit_resolve_weights.py`; no weight here is set by hand. How the article's context
is counted (`Context`) is a set of rules, written in that file too.

Two passes: the first reads every mention without the distance feature, the second scores again with each
candidate's distance to the first-pass readings of the article's other names. Then one sense per discourse: every
mention of a name takes the reading of its best-supported mention.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import mul
from pathlib import Path

from geomap import config
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.geo import haversine_km
from geomap.lexicon import ACTOR_COUNTRY, DEMONYM_COUNTRY, DEMONYM_PLACE, STATE_ABBREVIATIONS
from geomap.models import Doc, Mention, Place
from geomap.resolve_context import (  # noqa: F401  (re-exported)
    _NO_ANCHOR,
    APPOSITION,
    COHERENCE_CELL,
    COHERENCE_READINGS,
    LIST_GAP,
    LIST_MIN,
    OWNER_OF_TOWN,
    Candidate,
    coherence,
    held_regions,
    kind_class,
    list_siblings,
    office_kinds,
)
from geomap.resolve_unread import drop_lone_foreign_towns

#: Words after a name that ask for a kind ("Kyiv region" -> the oblast, not the city).
HINT_KINDS = {"state": ("region",), "demonym": ("country",), "region": ("region",), "city": ("city",),
              "district": ("district", "city"), "part": ("district", "city")}
HINT_SUFFIXES = {"state": (), "demonym": (), "region": (" region", " oblast", " province", " state", " governorate"),
                 "district": (" district",), "city": (), "part": ()}

# "the Lebanese city of Tripoli", "Lebanese Tripoli" -- but not "Russian assaults near Pokrovsk".
_DEMONYM_GAP = re.compile(r"\s*(?:(?:\w+\s+)?(?:city|town|village|port|capital|region|province|district|"
                          r"enclave|island)\s+of\s+(?:the\s+)?)?", re.I)
#: Matched over the lower-cased article (the names are looked up lower-cased anyway): faster than re.I.
_ACTOR = re.compile(r"\b(?:" + "|".join(sorted((re.escape(a.lower()) for a in ACTOR_COUNTRY), key=len, reverse=True))
                    + r")\b")
DEMONYM_PRIOR = -1.0  # marks a demonym's single candidate
_ADJECTIVE_KINDS = ("continent", "region", "sea", "country")  # what "Basque" or "European" may name

#: What one mention says the article is about: (country, weight, (country, admin1) region, weight).
Vote = tuple[str, float, tuple[str, str] | None, float]
#: Candidates scored per mention (the gazetteer lists them best prior first; "Santa Maria" has 156).
MAX_CANDIDATES = 40

#: The named features of a (mention, candidate place) pair, in the order of the weight table.
FEATURES = (
    "prior",            # the gazetteer's ranking score for this name: log10 population (kind floor) + own name + boost
    "own_name",         # the name is the place's own name, not an alias
    "weak_alias",       # the name is only a weak alias of the place (a region's bare stem, a stray GeoNames alias)
    "kind_country", "kind_region", "kind_admin2", "kind_district", "kind_landmark", "kind_sea", "kind_continent",
    "country_context",  # the article's other places vote for this place's country (1/0)
    "country_share",    # ... and their share of all the article's country votes
    "region_context",   # the article's other places vote for this place's first-level region (1/0)
    "region_share",     # ... relative to the article's main region
    "local_country",    # the words next to the name name its country: "Tripoli, Lebanon", "the Lebanese city of"
    "local_region",     # ... or its first-level region: "Crawford County, Pennsylvania", "Paris, Ky."
    "hint_kind",        # the words around the name ask for this kind: "Kyiv region", "the town of Bakhmut", "the
                        # Ohio Gov." (`office_kinds`); or for the region that holds the place named right before
                        # it: "Buffalo, New York" is the state (`held_regions`)
    "coherence",        # closeness to the nearest reading (any, not only the best) of another name of the article:
                        # "Edmonton" and "Enfield" together are the two London neighbourhoods 4 km apart
    "list_kind",        # share of the other names of its list ("Ohio, Kansas and Iowa") whose best reading is of
                        # this kind (country, region, city ...): "Wyoming" among states is the state
    "proximity",        # closeness to the nearest of the article's other (unambiguous) places: 1 / (1 + gap_km / 50)
)
assert FEATURES[-1] == "proximity"  # pass 2 replaces the last feature and adds its weighted value


@dataclass(frozen=True)
class Context:
    """How the article's other places vote for countries and regions (not fitted: counting rules)."""

    vote_unambiguous: float = 1.0  # a name whose candidates all lie in one country, or whose best is a country/region
    vote_ambiguous: float = 0.4  # a name whose candidates span several countries
    vote_demonym: float = 0.3  # "Russian forces" appear in every Ukraine story: a weak hint of where it is set
    vote_actor: float = 0.5  # "M23", "Houthis": a group that fights in one country
    region_from_city: float = 0.5  # a city votes for its region at this weight
    proximity_km: float = 50.0  # the gap at which the proximity feature is 1/2


@dataclass(frozen=True)
class Weights:
    """The resolver's weight table: one weight per feature (`FEATURES`) and the context-counting rules."""

    weights: dict[str, float]
    context: Context
    source: str = ""

    @property
    def vector(self) -> tuple[float, ...]:
        return tuple(self.weights.get(f, 0.0) for f in FEATURES)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Weights:
        p = Path(path) if path else config.RESOLVE_WEIGHTS
        data = json.loads(p.read_text(encoding="utf-8"))
        unknown = set(data["weights"]) - set(FEATURES)
        if unknown:
            raise ValueError(f"{p}: unknown feature(s) {', '.join(sorted(unknown))}")
        return cls(weights={k: float(v) for k, v in data["weights"].items()},
                   context=Context(**data.get("context", {})), source=str(p))



def _features(c: Candidate, hint_kinds: tuple[str, ...], ctx_c: Counter, ctx_r: Counter, total: float,
              local: set[str], siblings: Counter, near: dict[str, float], held: set[str]) -> list[float]:
    """The feature vector of one candidate, in `FEATURES` order (proximity is 0 until pass 2); `held`: the regions
    that would hold the place named right before (`held_regions`)."""
    p = c.place
    n_sib = sum(siblings.values())
    share = ctx_c.get(p.country_code, 0.0) / total if p.country_code and total else 0.0
    rvotes = ctx_r.get((p.country_code, p.admin1), 0.0) if p.admin1 and ctx_r else 0.0
    kind = "admin2" if p.feature == "admin2" else p.kind
    return [
        c.prior,
        1.0 if c.own else 0.0,
        1.0 if c.weak else 0.0,
        1.0 if kind == "country" else 0.0,
        1.0 if kind == "region" else 0.0,
        1.0 if kind == "admin2" else 0.0,
        1.0 if kind == "district" else 0.0,
        1.0 if kind == "landmark" else 0.0,
        1.0 if kind == "sea" else 0.0,
        1.0 if kind == "continent" else 0.0,
        1.0 if share else 0.0,
        share,
        1.0 if rvotes else 0.0,
        rvotes / max(ctx_r.values()) if rvotes else 0.0,
        1.0 if p.country_code in local else 0.0,
        1.0 if p.admin1 in local and kind != "region" else 0.0,
        1.0 if hint_kinds and p.kind in hint_kinds or kind == "region" and p.admin1 in held else 0.0,
        near.get(p.id, 0.0),
        siblings[kind_class(p)] / n_sib if n_sib else 0.0,
        0.0,
    ]


class Resolver:
    """Pipeline step `resolve`: fills Mention.place (None when no candidate fits)."""

    def __init__(self, gazetteer: Gazetteer | None = None, weights: Weights | None = None):
        self.gaz = gazetteer or load_gazetteer()
        self.weights = weights or Weights.load()
        self._w = self.weights.vector
        self.ctx = self.weights.context

    # ---- candidates and what each mention says about the article
    def _matches(self, name: str) -> list[Candidate]:
        return [Candidate(*m) for m in self.gaz.matches(name)]

    def candidates(self, m: Mention) -> list[Candidate]:
        """The readings of a mention, best gazetteer prior first; for a kind hint ("Kyiv region") the places of
        that kind, also under the hinted form ("Kyiv" + " region"), come first."""
        if m.hint.startswith("capital"):
            # "the Ukrainian capital" names its country; a bare "the capital" is settled in __call__ from context
            city = self.gaz.capital(m.hint[8:]) if m.hint != "capital" else None
            return [Candidate(city, 0.0)] if city else []
        if m.hint == "state":
            full, cc = STATE_ABBREVIATIONS[m.text]
            return [c for c in self._matches(full) if c.place.kind == "region" and c.place.country_code == cc]
        if m.hint == "demonym":
            low = m.text.lower()
            place = self.gaz.country(DEMONYM_COUNTRY[low]) if low in DEMONYM_COUNTRY else next(
                (p for p in self.gaz.candidates(DEMONYM_PLACE.get(low, "")) if p.kind in _ADJECTIVE_KINDS), None)
            return [Candidate(place, DEMONYM_PRIOR)] if place else []
        cands = self._matches(m.text)[:MAX_CANDIDATES]
        if m.hint not in HINT_KINDS:
            return cands
        wanted = HINT_KINDS[m.hint]
        extra = [c for suffix in HINT_SUFFIXES[m.hint] for c in self._matches(m.text + suffix)]
        seen: set[str] = set()
        named = [c for c in extra if c.place.kind in wanted and not (c.place.id in seen or seen.add(c.place.id))]
        if named:
            return named  # "Sokoto state" is the gazetteer's "Sokoto State": the text names it, not the city
        fitting = [c for c in cands if c.place.kind in wanted and not (c.place.id in seen or seen.add(c.place.id))]
        if m.hint == "part":  # "the Salah al-Din neighbourhood" is no Iraqi governorate: a name the gazetteer lacks
            return fitting
        return fitting + [c for c in cands if c.place.id not in seen]

    def votes(self, cands: list[Candidate]) -> Vote:
        """What one mention says the article is about: (country, weight, region, weight)."""
        if not cands:
            return "", 0.0, None, 0.0
        ctx = self.ctx
        top = max(cands, key=lambda c: c.prior).place
        codes = {c.place.country_code for c in cands if c.place.country_code}
        weight = ctx.vote_unambiguous if len(codes) <= 1 or top.kind in ("country", "region") else ctx.vote_ambiguous
        if cands[0].prior == DEMONYM_PRIOR:
            weight = ctx.vote_demonym
        region = (top.country_code, top.admin1) if top.admin1 else None
        if top.kind == "region":
            rweight = weight
        else:
            rweight = ctx.region_from_city if weight == ctx.vote_unambiguous else 0.0
        return top.country_code, weight, region, rweight

    def local_hints(self, doc: Doc, i: int) -> set[str]:
        """Country codes and admin-1 codes ("US.PA") the words right around mention i name: "the Lebanese city of
        Tripoli", "Tripoli, Lebanon", "Lebanon's northern city of Tripoli", "Crawford County, Pennsylvania", "Paris,
        Ky."."""
        m, text, out = doc.mentions[i], doc.article.text, set()
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc.mentions):
                o = doc.mentions[j]
                between = text[o.end:m.start] if j < i else text[m.end:o.start]
                near = (j < i and o.hint == "demonym" and _DEMONYM_GAP.fullmatch(between)) or (
                    j > i and o.hint != "demonym" and APPOSITION.match_at(between)) or (
                    j < i and o.hint != "demonym" and OWNER_OF_TOWN.match_at(between))
                if not near:
                    continue
                code = DEMONYM_COUNTRY.get(o.text.lower()) if o.hint == "demonym" else None
                if code is None:
                    big = [c.place for c in self.candidates(o) if c.place.kind in ("country", "region")]
                    code = big[0].country_code if big else None
                    if big and big[0].kind == "region" and big[0].admin1:
                        out.add(big[0].admin1)
                if code:
                    out.add(code)
        return out

    def actor_votes(self, doc: Doc) -> Counter:
        """Groups that fight in one country ("M23" -> DR Congo, "Houthis" -> Yemen) vote for it, as demonyms do."""
        found = set(_ACTOR.findall(doc.article.text.lower()))
        return Counter({ACTOR_COUNTRY[w]: self.ctx.vote_actor for w in found})

    # ---- the score
    def score(self, features: list[float]) -> float:
        """The weighted sum of one candidate's features (`FEATURES` order)."""
        return sum(map(mul, self._w, features))

    def feature_table(self, doc: Doc) -> list[list[tuple[Place, list[float]]]]:
        """Per mention, every candidate with its feature vector (what `__call__` scores; the fitting script reads
        it). Changes nothing in `doc`."""
        return self._resolve(doc, table=True)  # type: ignore[return-value]

    def __call__(self, doc: Doc) -> Doc:
        self._resolve(doc, table=False)
        return doc

    def _context(self, doc: Doc, cands: list[list[Candidate]]) -> tuple[list[Vote], Counter, Counter]:
        votes = [self.votes(cs) for cs in cands]
        countries, regions = _tally(votes)
        countries.update(self.actor_votes(doc))
        return votes, countries, regions

    def _resolve(self, doc: Doc, table: bool) -> list[list[tuple[Place, list[float]]]] | None:
        """Score every mention's candidates in two passes and set each mention's place (or, with `table`, return
        the feature table and change nothing)."""
        mentions = doc.mentions
        cands = [self.candidates(m) for m in mentions]
        votes, countries, regions = self._context(doc, cands)
        if countries:  # "the capital" of the country the article is most about
            city = self.gaz.capital(countries.most_common(1)[0][0])
            for i, m in enumerate(mentions):
                if m.hint == "capital" and city is not None:
                    cands[i] = [Candidate(city, 0.0)]
        keys = [m.text.lower() for m in mentions]
        rows = self._first_pass(doc, cands, keys, votes, countries, regions, table)
        scored = self._second_pass(mentions, rows, keys, votes, table)
        if table:
            return [[(c, f) for c, f, _ in sc] for sc in scored]
        best = _choose(mentions, rows, scored)
        _one_sense_per_discourse(mentions, keys, best)
        drop_lone_foreign_towns(mentions, doc.article.text, self._own_name)
        return None

    def _own_name(self, name: str) -> bool:
        """Is `name` some place's own name, not only another name of places ("Newcastle" is towns' own name; "Rim"
        only Rome's other name)? The gazetteer's matches say so for each reading."""
        return any(own for _, _, own, _ in self.gaz.matches(name))

    def _first_pass(self, doc: Doc, cands: list[list[Candidate]], keys: list[str], votes: list[Vote],
                    countries: Counter, regions: Counter, table: bool) -> list[list[tuple[Place, list[float]]]]:
        """Per mention, every candidate with its feature vector (proximity still 0). A mention with one candidate
        needs no score, so it gets no features unless the table is asked for."""
        top_places = [max(cs, key=lambda c: c.prior).place if cs else None for cs in cands]
        tops = [p.id if p is not None else "" for p in top_places]
        siblings = list_siblings(doc, top_places)
        near = coherence(cands, keys, self.ctx.proximity_km)
        by_text: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            by_text.setdefault(k, []).append(i)
        contexts: dict[str, tuple[Counter, Counter, float]] = {}
        rows: list[list[tuple[Place, list[float]]]] = []
        for i, (m, cs) in enumerate(zip(doc.mentions, cands, strict=True)):
            if len(cs) <= 1 and not table:
                rows.append([(c.place, []) for c in cs])
                continue
            key = keys[i]
            if key not in contexts:
                # An ambiguous name must not vote for its own reading: take its mentions' votes out first, and those
                # of other names for one of its readings ("Mexico City" is no evidence that "Mexico" is the city).
                ids = {c.place.id for c in cs}
                same = {j for j, t in enumerate(tops) if t in ids and keys[j] != key}
                own_c, own_r = _tally(votes[j] for j in [*by_text[key], *same])
                ctx_c = countries - own_c
                contexts[key] = (ctx_c, regions - own_r, sum(ctx_c.values()))
            ctx_c, ctx_r, total = contexts[key]
            # A name that can be a country needs no "X, Y" hint: "U.S., France" is a list, not "Paris, France".
            local = set() if any(c.place.kind == "country" for c in cs) else self.local_hints(doc, i)
            cs = [c for c in cs if c.place.country_code in local] or cs  # "Lebanon's city of Tripoli": said outright
            hk = HINT_KINDS.get(m.hint, ()) or office_kinds(doc.article.text, m.end)
            held = held_regions(doc, cands, i)
            rows.append([(c.place, _features(c, hk, ctx_c, ctx_r, total, local, siblings[i], near[i], held))
                         for c in cs])
        return rows

    def _second_pass(self, mentions: list[Mention], rows: list[list[tuple[Place, list[float]]]], keys: list[str],
                     votes: list[Vote], table: bool) -> list[list[tuple[Place, list[float], float]]]:
        """Each candidate's score plus the proximity term: its gap to the nearest first-pass reading of another name
        of the article, among the names whose readings all lie in one country ("Avdiivka" anchors "Orlivka"; an
        ambiguous "Washington" anchors nothing)."""
        scored = [[(c, f, self.score(f)) for c, f in row] if len(row) > 1 or table else [] for row in rows]
        first = [max(sc, key=lambda x: x[2])[0] if sc else (row[0][0] if row else None)
                 for row, sc in zip(rows, scored, strict=True)]
        anchors: dict[str, dict[str, Place]] = {}  # name -> its first-pass readings that may anchor others
        for i, p in enumerate(first):
            if (p is not None and p.kind not in _NO_ANCHOR and mentions[i].hint != "demonym"
                    and votes[i][1] == self.ctx.vote_unambiguous):
                anchors.setdefault(keys[i], {})[p.id] = p
        # The score is linear: pass 2 adds w * proximity. A candidate further than w below the first pass's best
        # cannot win (proximity is at most 1), so only the fitting script needs it for every candidate.
        w = self._w[-1]
        # A name repeated through a long article has the same anchors each time: each (name, candidate) once.
        others_of: dict[str, list[Place]] = {}
        prox_of: dict[tuple[str, str], float] = {}
        for i, sc in enumerate(scored):
            if keys[i] not in others_of:
                others_of[keys[i]] = [p for k, ps in anchors.items() if k != keys[i] for p in ps.values()]
            others = others_of[keys[i]]
            if not sc or not others:
                continue
            top = max(x[2] for x in sc)
            out = []
            for c, f, s1 in sc:
                if table or w > 0 and s1 >= top - w:
                    if (keys[i], c.id) not in prox_of:
                        prox_of[keys[i], c.id] = self._proximity(c, others)
                    prox = prox_of[keys[i], c.id]
                    f = f[:-1] + [prox] if table else f
                    s1 += w * prox
                out.append((c, f, s1))
            scored[i] = out
        return scored

    def _proximity(self, c: Place, others: list[Place]) -> float:
        """1 / (1 + gap / proximity_km), the gap being the distance between the two places' extents."""
        gap = min(haversine_km(c.lat, c.lon, o.lat, o.lon) - c.radius_km - o.radius_km for o in others)
        return 1.0 / (1.0 + max(0.0, gap) / self.ctx.proximity_km)


def _tally(votes: Iterable[Vote]) -> tuple[Counter, Counter]:
    """The country and region vote totals of some mentions."""
    countries: Counter = Counter()
    regions: Counter = Counter()
    for cc, w, reg, rw in votes:
        if cc:
            countries[cc] += w
        if reg and rw:
            regions[reg] += rw
    return countries, regions


def _choose(mentions: list[Mention], rows: list[list[tuple[Place, list[float]]]],
            scored: list[list[tuple[Place, list[float], float]]]) -> dict[int, float]:
    """Set each mention's place to its best-scoring candidate (a lone candidate wins outright, with an infinite
    score); returns each mention's winning score."""
    best: dict[int, float] = {}
    for i, m in enumerate(mentions):
        if scored[i]:
            m.place, best[i] = max(((c, s1) for c, _, s1 in scored[i]), key=lambda ps: ps[1])
        else:
            m.place = rows[i][0][0] if rows[i] else None
            best[i] = math.inf if rows[i] else -math.inf
    return best


def _one_sense_per_discourse(mentions: list[Mention], keys: list[str], best: dict[int, float]) -> None:
    """Every mention of a name (with the same kind hint) takes the reading that its best-supported mention got
    ("Pokrovsk, Donetsk region" settles a bare "Pokrovsk" elsewhere)."""
    settled: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        if m.place is not None and m.hint != "demonym":
            k = (keys[i], m.hint)
            if k not in settled or best[i] > best[settled[k]]:
                settled[k] = i
    for i, m in enumerate(mentions):
        k = (keys[i], m.hint)
        if m.place is not None and k in settled:
            m.place = mentions[settled[k]].place
