"""The learned event-place decision: named features of a place in its sentence, weighed by a logistic model.

`features()` turns one candidate (a gazetteer mention, or an unknown capitalised name the gazetteer lacks) into
named binary features: its neighbouring words, the slots of `events.slots`, the nearest event word and its distance,
the other places of the sentence. `EventPlaceModel` holds one weight per feature name (`data/models/
event_places.json`, written by `scripts/train_event_places.py` from the labelled newswire of Halterman 2019) and
scores a candidate as the logistic of their sum: a probability-like score in [0, 1] that the candidate is where the
sentence's event happened. Scoring is a few dozen dict look-ups per place: no library is needed at run time.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from geomap.events import modality, slots
from geomap.events.actors import AVENGED
from geomap.events.triggers import Found
from geomap.lexicon import common_words
from geomap.models import PRECISION_RANK
from geomap.patterns import Pattern, lowered_text

MODEL_PATH = Path(__file__).resolve().parents[3] / "data" / "models" / "event_places.json"
_WORD = re.compile(r"[^\W_][\w'’.-]*|\S")
# An unknown place name: capitalised words, with the particles Arabic, French, Spanish, Portuguese and Dutch names
# carry inside them ("Deir ez-Zor", "Ras al-Ain", "Dar es Salaam", "La Gabarra"), and after a dotted "St.", "Mt." or
# "Ft." ("St. Mary's Cathedral" is one name, not "St" and "Mary's Cathedral").
UNKNOWN_NAME = Pattern(
    "unknown capitalised name",
    r"(?<![\w'’‘-])(?:(?:St|Mt|Ft)\.\s+)?(?:(?:[Aa]l|[Ee]l|[Ee]z|[Aa]d|[Aa]s|[Aa]sh|[Aa]t)-[‘’'ʿ]?)?[A-Z][\w’'-]*[\w]"
    r"(?:(?:\s+|-)(?:(?:al|el|ez|ad|as|ash|at|bin|ibn|abu|de|del|della|di|da|do|dos|das|du|des|la|le|les|es|van|"
    r"der|den|y|of)(?:\s+|-))?(?:(?:[Aa]l|el|ez|ad|as|ash|at)-[‘’'ʿ]?)?[A-Z][\w’'-]*[\w])*",
    "Fighting reached Ras al-Ain and [Deir ez-Zor] on Sunday.", "fighting reached the outskirts at dawn.",
    flags=0)
_PARTICLES = frozenset("al el ez ad as ash at bin ibn abu de del della di da do dos das du des la le les es van der "
                       "den y".split())
_ZERO = repeat(0.0)  # the weight of a feature the model never saw (map's second argument: never runs out)
_NUMBER = re.compile(r"^\d[\d,.]*$")
#: Beyond this many characters the words between a place and its event word are not read one by one.
BETWEEN_CHARS = 120
# Words for the neighbour features: a word with its inner apostrophes and dots, or one other character.


@dataclass
class Candidate:
    """A place-like span of a sentence (offsets in the sentence). `kind` is the gazetteer kind, or '' when the
    gazetteer lacks the name; `hint` the toponym step's hint ('region', 'city', 'demonym', ...)."""

    start: int
    end: int
    kind: str = ""
    hint: str = ""
    country: str = ""
    population: int = 0
    feature: str = ""


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 \
        else "13+"


def _norm(w: str) -> str:
    if _NUMBER.match(w):
        return "<num>"
    return w.lower()


class Words:
    """The sentence's words (`_WORD`), normalised once, so each candidate's neighbours are list slices, not regex runs
    over windows. Every method returns what `_WORD.findall` over the same window would, including a word the window
    cuts in two (it then falls back to that findall), so features do not depend on this shortcut."""

    def __init__(self, text: str, lowered: str | None = None):
        """`lowered`: `patterns.lowered_text(text)` when the caller has it (slicing it is `_norm` without a call)."""
        self.text = text
        spans = [m.span() for m in _WORD.finditer(text)]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        if lowered is None:
            self.norms = [_norm(text[a:b]) for a, b in spans]
        else:
            words = [lowered[a:b] for a, b in spans]
            self.norms = [("<num>" if w[0].isdecimal() and _NUMBER.match(w) else w) for w in words]

    def _cut(self, pos: int) -> bool:
        """Does a word run across `pos`?"""
        i = bisect_right(self.starts, pos - 1)
        return i > 0 and self.ends[i - 1] > pos

    def _slow(self, a: int, b: int) -> list[str]:
        return [_norm(w) for w in _WORD.findall(self.text, a, b)]

    def between(self, a: int, b: int) -> list[str]:
        """The words of text[a:b]."""
        if self._cut(a) or self._cut(b):
            return self._slow(a, b)
        return self.norms[bisect_left(self.starts, a):bisect_right(self.ends, b)]

    def before(self, pos: int, n: int) -> list[str]:
        """The n words ending by `pos` within 50 characters of it, padded with '<s>'."""
        lo = max(0, pos - 50)
        if self._cut(pos):
            got = self._slow(lo, pos)[-n:]
        else:
            i, j = bisect_left(self.starts, lo), bisect_right(self.ends, pos)
            got = self.norms[j - n:j] if j - i >= n else self._slow(lo, pos)[-n:] if self._cut(lo) else self.norms[i:j]
        return ["<s>"] * (n - len(got)) + got

    def after(self, pos: int, n: int) -> list[str]:
        """The n words starting from `pos` within 50 characters of it, padded with '</s>'."""
        hi = min(len(self.text), pos + 50)
        k = bisect_left(self.starts, pos)
        if self._cut(pos) or any(self.ends[t] > hi for t in range(k, min(k + n, len(self.ends)))
                                 if self.starts[t] < hi):
            got = self._slow(pos, hi)[:n]
        else:
            got = [self.norms[t] for t in range(k, min(k + n, len(self.ends))) if self.starts[t] < hi]
        return got + ["</s>"] * (n - len(got))


class Sentence:
    """One sentence's event words, clauses and modal words, found once for all its candidates."""

    def __init__(self, text: str, triggers: list[Found]):
        self.text = text
        self.lower = lowered_text(text)  # None when lower-casing moves offsets: the patterns then read `text`
        self.triggers = triggers
        self.first = len(text) - len(text.lstrip())  # offset of the first word: once, not per candidate
        self.clauses = slots.Clauses(text, self.lower)
        self.hypothetical = modality.modal_words(text, self.lower, self.first, triggers)
        self.negation = [m.start() for m in slots.NEGATION.finditer_lowered(text, self.lower)]
        self.background = slots.BACKGROUND.search_lowered(text, self.lower) is not None
        self.protest = any(t.trigger.event_type == "Protests" for t in triggers)
        self.times_by_earlier = " after " in text or " since " in text  # may tell an earlier happening as a time
        self.avenges = _AVENGED_WORD.search(text) is not None  # may tell a happening avenged
        opener = slots.SPEECH_OPENER.compiled.match(text)  # "In Kyiv, officials said ...": where Kyiv's name is
        self.speech_place = opener.span("place") if opener else None
        self._nearest: dict[tuple[int, int, int], tuple[Found | None, int]] = {}
        self.words = Words(text, self.lower)

    def words_between(self, a: int, b: int) -> int:
        """Words between two offsets, counted in a bounded window (far is far: 30+)."""
        if b - a > 240:
            return 30
        return len(self.text[a:b].split())

    def nearest_trigger(self, start: int, end: int, comma: int = 0) -> tuple[Found | None, int]:
        """The event word nearest the span (in words), preferring its own clause; and that distance. `comma`: what
        a comma between weighs, in words (the happening a place belongs to, for typing: `COMMA_WORDS`)."""
        if comma and len(self.triggers) < 2:
            comma = 0  # one event word: it is the nearest however weighed
        key = (start, end, comma)
        if key not in self._nearest:
            self._nearest[key] = self._find_nearest(start, end, comma)
        return self._nearest[key]

    def _find_nearest(self, start: int, end: int, comma: int = 0) -> tuple[Found | None, int]:
        if not self.triggers:
            return None, -1
        c0, c1 = self.clauses.around(start)
        best, best_key, best_d = None, None, -1
        for t in self.triggers:
            d = self.words_between(t.end, start) if t.end <= start else self.words_between(end, t.start)
            key = d + (0 if c0 <= t.start < c1 else 40) + (3 if t.trigger.generic or t.trigger.weak else 0)
            if comma and "," in (self.text[t.end:start] if t.end <= start else self.text[end:t.start]):
                key += comma  # "shot dead a teenager in Nanterre, and 870 were arrested": the shooting's place
            elif comma and t.end <= start and _OBJECT_GAP.fullmatch(self.text, t.end, start):
                key -= d  # "capturing the village of Buhruvatka and shelling Vovchansk": the place is its object
            if comma and self.avenges and end <= t.start and AVENGED.search(self.text, end, t.start):
                key += 40  # "struck sites including Muridke, in retaliation for last month's massacre": not it
            if best_key is None or key < best_key:
                best, best_key, best_d = t, key, d
        return best, best_d


#: The words `actors.AVENGED` needs, searched once per sentence before it is read between a place and a later event
#: word (which then names a happening avenged, another than the place's).
_AVENGED_WORD = re.compile(r"retaliat|response|revenge|reprisal|avenge", re.I)
#: Between an event word and the place that is its object: "capturing the village of", "shelled the border town of".
_OBJECT_GAP = re.compile(r"\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,2}?(?:of\s+)?")
#: What a comma between a place and an event word weighs, in words of distance, when choosing the word that types
#: the place's happening (not for the model's features: on the newswire labels it made no better event places).
COMMA_WORDS = 5


def _slot_table(patterns: tuple[Pattern, ...], method: str, fast: bool) -> list[tuple]:
    """(the bound search or match, whether it reads the lower-cased window, the feature name) per slot pattern: what
    `Pattern.search_lowered` / `match_lowered` decide per call, decided once (the slots run for every candidate)."""
    return [(getattr(p.lowered, method), True, "slot=" + p.name) if fast and p.lowered is not None
            else (getattr(p.compiled, method), False, "slot=" + p.name) for p in patterns]


_BEFORE_FAST, _BEFORE_SLOW = _slot_table(slots.BEFORE, "search", True), _slot_table(slots.BEFORE, "search", False)
_AFTER_FAST, _AFTER_SLOW = _slot_table(slots.AFTER, "match", True), _slot_table(slots.AFTER, "match", False)


#: A slot that settles what another one would say: (the slot found, the slot it cancels).
_CANCELS = (
    ("slot=police in the place", "slot=agent of an act"),  # "police in Dhaka fired": police act where they are
    ("slot=a crowd in the place", "slot=agent of an act"),  # "protesters in Kinshasa attacked the embassies"
    ("slot=taken from a place", "slot=came from positions in"),  # "abducted pupils from a school in Kaduna"
    ("slot=taken from a place", "slot=origin"),  # "escaped from a prison in Mozambique's capital Maputo"
    ("slot=driven out of the place", "slot=origin"),  # "ousted Iraqi troops from Kuwait": the fighting was there
)
#: Slots that say nothing of a place in a sentence with a protest word, where they describe the marchers: "marched
#: through Moscow calling for ...", "marched from a market in Bago".
_PROTEST_CANCELS = ("slot=speaking participle after", "slot=came from positions in")


def _cancel_slots(f: list[str], protest: bool, after: str) -> None:
    """Drop the slots another slot, a capitalised kind word or a protest word makes wrong (in place)."""
    for found, cancelled in _CANCELS:
        if found in f and cancelled in f:
            f.remove(cancelled)
    if "slot=qualifies the next place" in f and after.lstrip()[:1].isupper():
        f.remove("slot=qualifies the next place")  # "Saydabad District of Wardag": the kind word is in its name
    for cancelled in _PROTEST_CANCELS if protest else ():
        if cancelled in f:
            f.remove(cancelled)


def features(sent: Sentence, cands: list[Candidate], k: int) -> list[str]:
    """Named binary features of candidate k among the sentence's candidates."""
    c, text = cands[k], sent.text
    lo, hi = max(0, c.start - slots.WINDOW), c.end + slots.WINDOW
    before, after = text[lo: c.start], text[c.end: hi]
    low = sent.lower
    before_l, after_l = (low[lo: c.start], low[c.end: hi]) if low is not None else (None, None)
    far = sent.words.before(c.start, 4)
    word = far[2:] + sent.words.after(c.end, 2)
    own = sent.words.between(c.start, c.end) or ["<empty>"]
    f = [f"w-2={word[0]}", f"w-1={word[1]}", f"w-2,w-1={word[0]} {word[1]}", f"w+1={word[2]}", f"w+2={word[3]}",
         f"w-1,w+1={word[1]} {word[2]}", f"first={own[0]}", f"last={own[-1]}",
         f"kind={c.kind or '?'}", f"hint={c.hint}", f"len={min(len(own), 4)}"]
    if c.start <= sent.first:
        f.append("sentence-initial")
    f += [f"w-4={far[0]}", f"w-3={far[1]}", f"triggers={min(len(sent.triggers), 3)}"]
    if "(" in text[max(0, c.start - 2):c.start]:
        f.append("in-brackets")
    if low is not None:
        f += [name for fn, lowered, name in _BEFORE_FAST if fn(before_l if lowered else before)]
        f += [name for fn, lowered, name in _AFTER_FAST if fn(after_l if lowered else after)]
    else:
        f += [name for fn, _, name in _BEFORE_SLOW if fn(before)]
        f += [name for fn, _, name in _AFTER_SLOW if fn(after)]
    if "slot=came from positions in" in f and "slot=taken from a place" not in f \
            and slots.TAKEN_FROM.search(text, max(0, c.start - slots.WIDE_WINDOW), c.start):
        f.append("slot=taken from a place")  # "kidnapped 15 pupils from an Islamic school in ...": past the window
    if sent.times_by_earlier and slots.EARLIER_TIME_PLACE.compiled.search(
            text, max(0, c.start - slots.WIDE_WINDOW), c.start):
        f.append("slot=" + slots.EARLIER_TIME_PLACE.name)  # "two days after Iran struck ... bases in Pakistan"
    if "slot=a body or meeting in the place" in f and "slot=a building as target" not in f:
        f.append("seat of a body")  # "the junta in Niamey" -- but not "stormed parliament in Nairobi"
    _cancel_slots(f, sent.protest, after)
    if "slot=speaker after" in f and k == len(cands) - 1 and slots.WITNESSES_OF.compiled.search(before):
        f.remove("slot=speaker after")  # "Residents of Kalehe said shells landed in the town": no other place told
    if sent.speech_place and sent.speech_place[0] <= c.start < sent.speech_place[1]:
        f.append("slot=" + slots.SPEECH_OPENER.name)  # "In Kyiv, officials said strikes on Odesa ...": Kyiv spoke
    if "slot=possessive" in f and "slot=a part of the place" not in f and not slots.STRUCK_SITE.match_at(after):
        f.append("owner")  # "Kyiv's mayor": the place owns something; nothing happens there (but "stormed Haiti's
        # two biggest prisons": its sites)
    if sent.background:
        f.append("background")
    if sent.protest and slots.PROTEST_TOPIC.search_lowered(before, before_l):
        f.append("topic of a protest")  # "marched in Leeds against the strikes on Yemen": the protest is in Leeds
    f += _trigger_features(sent, c, word[1])
    f += _between_features(sent, cands, k)
    f += _neighbour_features(sent, cands, k)
    kind = c.kind or "?"
    f += [f"{kind}|{x}" for x in f if x.startswith(("slot=", "w-1=", "trig-dist=", "first", "last", "only"))]
    f += _name_features(c, text, own)
    if not c.kind:
        f.append(f"unknown,w-2,w-1={word[0]} {word[1]}")
    return f


def _name_features(c: Candidate, text: str, own: list[str]) -> list[str]:
    """What the name itself says: how big the gazetteer place is, or how an unknown name is written."""
    if c.kind:
        pop = "0" if c.population <= 0 else str(min(7, len(str(c.population))))
        return [f"pop-digits={pop}", f"feature={c.feature}"]
    name = text[c.start:c.end]
    out = []
    if name.isupper():
        out.append("shape=caps")
    if any(ch.isdigit() for ch in name):
        out.append("shape=digit")
    if len(own) == 1 and own[0] in common_words():
        out.append("common-word")
    if any(w in _PARTICLES for w in own[1:]) or "-" in name:
        out.append("shape=particle")
    return out


#: A clause of what the actor said, with no event word of its own (`slots.CLAUSE_BREAK` ends right after the word).
SPEECH_CLAUSE = Pattern("a speech clause opens", r"(?:saying|claiming|adding|insisting|arguing)$",
                        "Jets struck the port, saying", "Jets struck the port while saying nothing")
IN_SPEECH = "in a speech clause"


def _trigger_features(sent: Sentence, c: Candidate, prev: str) -> list[str]:
    t, d = sent.nearest_trigger(c.start, c.end)
    if t is None:
        return ["no-trigger"]
    side = "before" if t.start < c.start else "after"
    c0, c1 = sent.clauses.around(c.start)
    same = c0 <= t.start < c1
    kind = "generic" if t.trigger.generic else "weak" if t.trigger.weak else "specific"
    out = [f"trig-dist={_bucket(d)}", f"trig-side={side}", f"trig-type={t.trigger.event_type}",
           f"trig,w-1={t.trigger.name} {prev}",
           f"trig={t.trigger.name}", f"trig-kind={kind}", f"trig-clause={same}",
           f"trig-side,dist={side} {_bucket(d)}", f"trig-dist,w-1={_bucket(d)} {prev}",
           f"trig,kind={t.trigger.name} {c.kind or '?'}"]
    out += modality.features(sent.text, sent.hypothetical, sent.negation, sent.protest, t, c.start, c.end)
    if not same and SPEECH_CLAUSE.compiled.search(sent.text, max(0, c0 - 12), c0):
        out.append(IN_SPEECH)  # ", saying it was protecting the Druze in Sweida": a purpose told, no event here
    return out


def _between_features(sent: Sentence, cands: list[Candidate], k: int) -> list[str]:
    """What stands between the place and its nearest event word: each word (by side), the words themselves when
    they are few ("killed in the town of"), how many other places, and the event word as written ("shot")."""
    c = cands[k]
    t, _ = sent.nearest_trigger(c.start, c.end)
    if t is None:
        return []
    a, b, side = (t.end, c.start, "<") if t.end <= c.start else (c.end, t.start, ">")
    out = [f"trig-word={sent.text[t.start:t.end].lower()}"]
    if b - a > BETWEEN_CHARS:
        return out + ["between=far"]
    words = sent.words.between(a, b)
    out += [f"between{side}{w}" for w in dict.fromkeys(words)]
    if len(words) <= 4:
        out.append(f"between{side}=" + " ".join(words))
    others = sum(1 for o in cands if o is not c and a <= o.start < b)
    out.append(f"places-between={min(others, 2)}")
    return out


def _rank(kind: str) -> int:
    """Fine-to-coarse rank; a name the gazetteer lacks ranks as a town."""
    return PRECISION_RANK[kind or "city"]



def _neighbour_features(sent: Sentence, cands: list[Candidate], k: int) -> list[str]:
    c, text = cands[k], sent.text
    n = len(cands)
    out = [f"places={_bucket(n)}", "only" if n == 1 else "first" if k == 0 else "last" if k == n - 1 else "middle"]
    if k > 0:
        prev = cands[k - 1]
        gap = text[prev.end: c.start]
        if slots.LIST_JOIN.match_at(gap):
            out.append("list-after-place")
        if slots.NEAR_AFTER_PLACE.match_at(gap) and not (
                _rank(prev.kind) > _rank(c.kind) and slots.FROM.search(text, max(0, prev.start - 40), prev.start)):
            out.append("near-after-place")  # not "laborers from Bihar near Dibrugarh": a state is near no town
        if gap.strip() in (",", "of", "in") and _rank(c.kind) > _rank(prev.kind):
            out.append("contains-previous")  # "Sanaa, Yemen", "the village of X in Y"
    if k + 1 < n:
        nxt = cands[k + 1]
        gap = text[c.end: nxt.start].strip()
        if gap in (",", "of", "in") and _rank(nxt.kind) > _rank(c.kind):
            out.append("inside-next")
    mine = sent.nearest_trigger(c.start, c.end)[1]
    closer = sum(1 for o in cands if o is not c and 0 <= sent.nearest_trigger(o.start, o.end)[1] < mine)
    out.append(f"trigger-rank={min(closer, 2)}")  # 0: no other place is nearer to an event word
    finer = any(o is not c and _rank(o.kind) < _rank(c.kind) and (not c.country or o.country == c.country)
                for o in cands)
    if finer:
        out.append("finer-place-in-sentence")
    return out


def _margin(d: float) -> str:
    return "<-2" if d < -2 else "-2..-1" if d < -1 else "-1..0" if d < 0 else "0..1" if d < 1 else "1..2" \
        if d < 2 else ">2"


def kind_of(feats: list[str]) -> str:
    """The gazetteer kind a candidate's features name ('?': a name the gazetteer lacks)."""
    return next((f[5:] for f in feats if f.startswith("kind=")), "?")


def stack_features(z: list[float | None], kinds: list[str]) -> list[list[str]]:
    """Each candidate against the others of its sentence under a first-stage score `z` (a logit; None: vetoed):
    its rank, its margin over the best other, how many others score above even (each also by the gazetteer kind).
    One place alone is weighed unlike the weaker of two."""
    live = [v for v in z if v is not None]
    out: list[list[str]] = []
    for v, kind in zip(z, kinds, strict=True):
        if v is None:
            out.append([])
            continue
        others = list(live)
        others.remove(v)
        rank = sum(1 for o in others if o > v)
        f = [f"s1-rank={min(rank, 2)}", f"s1={min(9, max(0, int(10 / (1 + math.exp(-v)))))}",
             f"s1-margin={_margin(v - max(others))}" if others else "s1-alone",
             f"s1-above-even={min(2, sum(1 for o in others if o > 0))}"]
        out.append(f + [f"{kind}|{x}" for x in f if not x.startswith("s1=")])
    return out


class EventPlaceModel:
    """A logistic model over named features, loaded from JSON: {"bias", "threshold", "weights": {name: w}}.
    With `stage1` (another such model), a sentence's candidates are first scored by it, and the model weighs
    `stack_features` of those scores beside the named features."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float = 0.5, meta: dict | None = None,
                 stage1: EventPlaceModel | None = None):
        self.weights, self.bias, self.threshold, self.meta = weights, bias, threshold, meta or {}
        self.stage1 = stage1

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> EventPlaceModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        first = data.get("stage1")
        stage1 = cls(first["weights"], first["bias"]) if first else None
        return cls(data["weights"], data["bias"], data.get("threshold", 0.5), data.get("meta"), stage1)

    def logit(self, feats: list[str]) -> float:
        return self.bias + sum(map(self.weights.get, feats, _ZERO))

    def score(self, feats: list[str]) -> float:
        z = self.logit(feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def score_sentence(self, feats: list[list[str]], vetoed: list[bool]) -> list[float]:
        """The scores of one sentence's candidates (a vetoed one scores 0)."""
        if self.stage1 is None:
            return [0.0 if v else self.score(f) for f, v in zip(feats, vetoed, strict=True)]
        z = [None if v else self.stage1.logit(f) for f, v in zip(feats, vetoed, strict=True)]
        kinds = [kind_of(f) for f in feats]
        return [0.0 if v else self.score(f + s) for f, v, s in zip(feats, vetoed, stack_features(z, kinds),
                                                                        strict=True)]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"meta": self.meta, "bias": self.bias, "threshold": self.threshold,
                "weights": dict(sorted(self.weights.items()))}
        if self.stage1 is not None:
            data["stage1"] = {"bias": self.stage1.bias, "weights": dict(sorted(self.stage1.weights.items()))}
        path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")


_LOADED: EventPlaceModel | None = None


def use_model(model: EventPlaceModel | None) -> None:
    """Make `model` the process's default (None: the shipped file again), e.g. to evaluate a candidate model."""
    global _LOADED
    _LOADED = model


def default_model() -> EventPlaceModel:
    """The shipped model, loaded once per process."""
    global _LOADED
    if _LOADED is None:
        _LOADED = EventPlaceModel.load()
    return _LOADED
