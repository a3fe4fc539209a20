"""Labelled event-place data: loading, the fixed split, mention labels and the field's measure.

Used by `scripts/train_event_places.py` (fit on *train*, choose the threshold on *dev*) and by
`benchmarks/eval_event_places.py` (report on *test*, never tuned on). Nothing here runs in the extraction path.

The split is by sentence text: a record's side is a hash of its normalised text with a fixed seed, so the
duplicates the data holds (the same sentence labelled twice) always fall on one side, and the split does not
depend on file order. 70 % train, 10 % dev, 20 % test.

The measure is Halterman (2019)'s: per record, the LOCATION tokens predicted as the event's place against the gold
ones, micro precision / recall / F1 over all records. A token is a run of word characters.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SPLIT_SEED = "geomap-event-location-2026"
#: Percent of records on each side, in the order they are cut from the hash.
SPLIT = (("test", 20), ("dev", 10), ("train", 70))
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass
class Record:
    id: str
    source: str
    text: str
    verb: tuple[int, int]
    locations: list[tuple[int, int]] = field(default_factory=list)


def read_records(path: Path) -> Iterator[Record]:
    """The shared training file (`event_location_train.jsonl.gz`), one Record a line."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            yield Record(str(r["id"]), r.get("source", ""), r["text"], (r["verb"]["start"], r["verb"]["end"]),
                         [(loc["start"], loc["end"]) for loc in r.get("locations", [])])


def split_of(text: str) -> str:
    """'train', 'dev' or 'test': fixed by the normalised sentence text, so duplicates stay together."""
    key = _SPACE.sub(" ", text.strip().lower())
    bucket = int(hashlib.sha256((SPLIT_SEED + key).encode("utf-8")).hexdigest(), 16) % 100
    edge = 0
    for name, share in SPLIT:
        edge += share
        if bucket < edge:
            return name
    return SPLIT[-1][0]


def tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Start offsets of the word tokens inside the spans (a token overlapping a span counts)."""
    out: set[int] = set()
    for s, e in spans:
        for m in _WORD.finditer(text, max(0, s - 40), min(len(text), e + 40)):
            if m.start() < e and m.end() > s:
                out.add(m.start())
    return out


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[int], gold: set[int]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"


@dataclass
class GoldArticle:
    """An article of the project's own gold sets, with its event points and forbidden (metonym) points."""

    path: Path
    events: list[tuple[float, float, float]]  # lat, lon, tol_km
    forbidden: list[tuple[float, float, float]]  # lat, lon, radius_km


def read_gold_set(gold: Path) -> list[GoldArticle]:
    """The articles of a gold file (`tests/data/*/gold.json` or the shared seed gold) that exist beside it."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    entries = [data] if "article" in data else [v for k, v in data.items() if not k.startswith("_")]
    out = []
    for e in entries:
        path = gold.parent / e["article"]
        if path.is_file():
            out.append(GoldArticle(path, [(g["lat"], g["lon"], g.get("tol_km", 25)) for g in e["events"]],
                                   [(g["lat"], g["lon"], g.get("radius_km", 50)) for g in e.get("forbidden", [])]))
    return out


def near(lat: float, lon: float, points: list[tuple[float, float, float]]) -> bool:
    from geopy.distance import great_circle

    return any(great_circle((lat, lon), (a, b)).km <= r for a, b, r in points)


def run_steps(doc, steps):
    """`doc` through pipeline steps (e.g. every step before the events step)."""
    for _, step in steps:
        doc = step(doc)
    return doc


def prepare(split: str, data: Path, steps) -> list[tuple[Record, object]]:
    """(record, Doc) for one side of the split, run through `steps` (the pipeline before the events step)."""
    from datetime import date

    from geomap.models import Article, Doc

    return [(rec, run_steps(Doc(Article(rec.id, date(2017, 1, 1), rec.text)), steps))
            for rec in read_records(data) if split_of(rec.text) == split]


def candidate_sets(doc, event_words_only: bool = True) -> Iterator[tuple[int, object, list, list]]:
    """(sentence offset, Sentence, candidates, their mentions) per sentence, exactly as the events step builds them
    (`sentence_candidates`): for training, for dev scoring and for the harness's recognition ceiling."""
    from geomap.events.extract import sentence_candidates
    from geomap.events.triggers import find_triggers

    by_sentence: dict[int, list] = {}
    for m in doc.mentions:
        if m.found_by == "toponyms":
            by_sentence.setdefault(m.sentence, []).append(m)
    for si, st in enumerate(doc.sentences):
        trig = find_triggers(st.text)
        if trig or not event_words_only:
            sent, cands, owners = sentence_candidates(st.text, st.start, by_sentence.get(si, []), trig,
                                                      persons=doc.persons)
            yield st.start, sent, cands, owners


def event_place_score(pairs: list[tuple[Record, object]], extractor) -> Score:
    """The field's measure for an events step over prepared docs: what `geoparse` marks `event` against gold."""
    s = Score()
    for rec, doc in pairs:
        doc = extractor(doc)
        s.add(tokens(rec.text, [(m.start, m.end) for m in doc.mentions if m.role == "event"]),
              tokens(rec.text, rec.locations))
    return s
