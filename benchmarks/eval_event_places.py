"""Event-place accuracy on real newswire: Halterman (2019)'s measure on the held-out part of the shared data.

    .venv/bin/python benchmarks/eval_event_places.py [--split test|dev|train] [--data PATH] [--errors N]

For every record of the split (the fixed split of `geomap.events.training`, by sentence text), the sentence goes
through geomap's whole pipeline; the tokens of the places marked `event` are scored against the record's gold
LOCATION tokens (micro precision / recall / F1 over records). Printed in the same run:
  geomap                    the pipeline's `role == "event"` (what `geomap geoparse` prints), including event
                            places the gazetteer lacks
  every place is the event  every resolved place (not demonyms) of geomap's own recognition
  nearest place to the verb the one resolved place nearest the record's event verb
  recognition ceiling       every gold token covered by a candidate: a resolved mention, or (in a sentence with an
                            event word) a capitalised name the gazetteer lacks -- the recall bound of any decision
Rows are also given for the records with at least one gold place (the assistants missed many places, so an empty
record is not always a sentence without one), and for the records whose marked verb is no patrol: issue 9 rules that a
place with no ACLED event (a patrol, a visit, a speech) is not an event place, while the data labels where the patrol
went (patrol records hold about a quarter of the gold tokens geomap misses in the train split).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from geomap.events.training import Score, candidate_sets, overlaps, read_records, split_of, tokens  # noqa: E402
from geomap.models import Article  # noqa: E402
from geomap.pipeline import default_pipeline  # noqa: E402

DATA = ROOT.parent / "shared" / "train" / "event_location" / "event_location_train.jsonl.gz"
#: A record whose marked verb is a patrol ("patrolled", "patrolling", "patrols").
PATROL = re.compile(r"patroll?(?:s|ed|ing)?\b", re.I)
#: The records' publication date is unknown; a fixed one keeps the run reproducible (places do not depend on it).
PUBLISHED = date(2017, 1, 1)


def candidate_spans(doc) -> list[tuple[int, int]]:
    """Every span the event step scores, and the gazetteer's places of sentences without an event word."""
    return [(offset + c.start, offset + c.end) for offset, _, cands, _ in candidate_sets(doc, event_words_only=False)
            for c in cands]


def evaluate(split: str, data: Path, errors: int) -> dict[str, Score]:
    nlp = default_pipeline()
    names = ("geomap", "every place is the event", "nearest place to the verb", "recognition ceiling")
    scores = {k: Score() for k in names} | {k + " (located)": Score() for k in names} | {
        "geomap (no patrol records)": Score(), "every place (no patrol records)": Score()}
    shown = 0
    for rec in read_records(data):
        if split_of(rec.text) != split:
            continue
        doc = nlp(Article(rec.id, PUBLISHED, rec.text))
        places = [m for m in doc.mentions if m.place is not None and m.hint != "demonym" and m.found_by == "toponyms"]
        gold = tokens(rec.text, rec.locations)
        verb = (rec.verb[0] + rec.verb[1]) / 2
        nearest = min(places, key=lambda m: abs((m.start + m.end) / 2 - verb), default=None)
        preds = {
            "geomap": tokens(rec.text, [(m.start, m.end) for m in doc.mentions if m.role == "event"]),
            "every place is the event": tokens(rec.text, [(m.start, m.end) for m in places]),
            "nearest place to the verb": tokens(rec.text, [(nearest.start, nearest.end)] if nearest else []),
        }
        preds["recognition ceiling"] = gold & tokens(rec.text, candidate_spans(doc))
        for k, p in preds.items():
            scores[k].add(p, gold)
            if rec.locations:
                scores[k + " (located)"].add(p, gold)
        if not PATROL.match(rec.text, rec.verb[0]):
            scores["geomap (no patrol records)"].add(preds["geomap"], gold)
            scores["every place (no patrol records)"].add(preds["every place is the event"], gold)
        if shown < errors and preds["geomap"] != gold:
            shown += 1
            marks = [m.text + ("*" if m.role == "event" else "") + ("+" if overlaps((m.start, m.end), rec.locations)
                                                                         else "") for m in doc.mentions]
            print(f"- {rec.text[:200]}\n  gold {[rec.text[s:e] for s, e in rec.locations]}  found {marks}")
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=("train", "dev", "test"))
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="print the first N records geomap gets wrong")
    ap.add_argument("--model", type=Path, help="an event-place model file other than the shipped one")
    args = ap.parse_args(argv)
    if args.model:
        from geomap.events import model

        model.use_model(model.EventPlaceModel.load(args.model))
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    scores = evaluate(args.split, args.data, args.errors)
    n = sum(1 for r in read_records(args.data) if split_of(r.text) == args.split)
    print(f"\nsplit {args.split}: {n} records, {time.perf_counter() - t0:.1f} s")
    for k, s in scores.items():
        print(f"{k:38s} {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
