"""Toponym recognition and resolution on a fixed 70/30 split of TR-News and GeoVirus, scored by the shared tool.

    .venv/bin/python benchmarks/eval_toponyms.py                  # the held-out 30 % of both corpora
    .venv/bin/python benchmarks/eval_toponyms.py --part train     # the 70 % that fitting and tuning may use
    .venv/bin/python benchmarks/eval_toponyms.py --part all --verbose

The split is by article: each corpus's articles are shuffled with a fixed seed and the last 30 % of that order is
held out (as Mordecai 3 evaluated on the last 30 % of each corpus). Weights are fitted and rules tuned on the 70 %
only (`scripts/fit_resolve_weights.py` reads the same split from here); the 30 % is for reporting.

Scoring is `../shared/tools/score_toponyms.py` itself: the chosen articles are written to a temporary corpus file
and the tool is run on it, so the figures follow its rules exactly (spans, acc@161, acc@161 of found, precision).

`--areas` adds geomap's own diagnostic of acc@161 of found: how many of the misses are the place meant at another
point. A country's or region's point is a convention: GeoVirus takes Wikipedia's (China at 35 N 103 E, England at
London), TR-News mostly Google's (Canada at 56.1 N 106.3 W), GeoNames and geomap another (China 35 N 105 E, Canada
60 N 95 W, 750 km from TR-News's). A miss counts as "same place" when the gold point lies inside the extent
(`radius_km`) of the place geomap chose. This is not the shared tool's measure and is never reported as acc@161.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from geomap.gazetteer import load_gazetteer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOMAP_SHARED", ROOT.parent / "shared"))
TOOL = SHARED / "tools" / "score_toponyms.py"
CORPORA = (SHARED / "bench" / "TR-News.xml", SHARED / "bench" / "GeoVirus.xml")
SEED = 20240610
TRAIN_SHARE = 0.7
_LINE = re.compile(r"spans (?P<spans>[\d.]+) \| acc@161 (?P<acc161>[\d.]+) \| acc@161\|found (?P<found>[\d.]+) \| "
                   r"median (?P<median>[\d.]+|nan) km \| mean (?P<mean>[\d.]+|nan) km \| "
                   r"precision (?P<precision>[\d.]+)")


def scorer():
    """The shared scoring tool as a module (its `load` reads a corpus the way it scores it)."""
    spec = importlib.util.spec_from_file_location("score_toponyms", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def split_indices(n: int, seed: int = SEED) -> tuple[list[int], list[int]]:
    """(train, held-out) article indices: a seeded shuffle, the last 30 % held out; each list in corpus order."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    cut = round(n * TRAIN_SHARE)
    return sorted(order[:cut]), sorted(order[cut:])


def split_articles(corpus: Path, part: str) -> list[ET.Element]:
    """The <article> elements of one part ('train', 'test' or 'all') of a corpus."""
    arts = ET.parse(corpus).getroot().findall("article")
    train, test = split_indices(len(arts))
    keep = {"train": train, "test": test, "all": range(len(arts))}[part]
    return [arts[i] for i in keep]


def split_docs(corpus: Path, part: str) -> list[dict]:
    """The same part as documents with gold toponyms, read by the shared tool's own loader."""
    with tempfile.TemporaryDirectory() as d:
        path = write_part(corpus, part, Path(d))
        return scorer().load(str(path))


def write_part(corpus: Path, part: str, folder: Path) -> Path:
    root = ET.Element("articles")
    root.extend(split_articles(corpus, part))
    out = folder / f"{corpus.stem}-{part}.xml"
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return out


def evaluate(corpus: Path, part: str, verbose: bool = False) -> tuple[dict[str, float], str]:
    """Run the shared tool on one part of a corpus: (figures, the tool's output)."""
    with tempfile.TemporaryDirectory() as d:
        path = write_part(corpus, part, Path(d))
        r = subprocess.run([sys.executable, str(TOOL), str(path), *(["--verbose"] if verbose else [])],
                           cwd=ROOT, capture_output=True, text=True, timeout=1800)
    m = _LINE.search(r.stdout)
    if not m:
        sys.exit(f"no score line from {TOOL.name}:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return {k: float(v) for k, v in m.groupdict().items()}, r.stdout


def same_place_misses(corpus: Path, part: str) -> tuple[int, int, int]:
    """(recognised gold toponyms, within 161 km, beyond 161 km but inside the chosen place's extent), from one
    geoparse run on the part; a gold toponym's reading is the nearest of the mentions that overlap it, as the
    shared tool matches them."""
    tool = scorer()
    docs = split_docs(corpus, part)
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "corpus.jsonl"
        src.write_text("".join(json.dumps({k: doc[k] for k in ("id", "published", "title", "text")}) + "\n"
                               for doc in docs), encoding="utf-8")
        r = subprocess.run([sys.executable, "-m", "geomap", "geoparse", str(src), "--format", "jsonl"], cwd=ROOT,
                           capture_output=True, text=True, timeout=1800, check=True)
    pred: dict[str, list[dict]] = {}
    for line in r.stdout.splitlines():
        if line.startswith("{"):
            m = json.loads(line)
            if m.get("lat") is not None:
                pred.setdefault(str(m["article"]), []).append(m)
    gaz = load_gazetteer()
    found = near = same = 0
    for doc in docs:
        for s, e, _surface, lat, lon in doc["gold"]:
            over = [p for p in pred.get(doc["id"], []) if p["start"] < e and s < p["end"]]
            if not over:
                continue
            found += 1
            km, p = min((tool.km(lat, lon, p["lat"], p["lon"]), p) for p in over)
            place = gaz.get(p["place_id"].split("#")[0]) if p.get("place_id") else None
            near += km <= 161
            same += km > 161 and place is not None and km <= place.radius_km
    return found, near, same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=("test", "train", "all"), default="test")
    ap.add_argument("--verbose", action="store_true", help="print the tool's list of errors and misses")
    ap.add_argument("--areas", action="store_true",
                    help="also count the misses that are the place meant at another point (see above)")
    ap.add_argument("corpora", nargs="*", type=Path, default=list(CORPORA))
    a = ap.parse_args()
    if not TOOL.is_file():
        sys.exit(f"shared scorer missing at {TOOL}")
    for corpus in a.corpora:
        figures, out = evaluate(corpus, a.part, a.verbose)
        if a.verbose:
            print(out, end="")
        print(f"{corpus.stem} [{a.part}]: spans {figures['spans']:.3f} | acc@161 {figures['acc161']:.3f} | "
              f"acc@161|found {figures['found']:.3f} | median {figures['median']:.0f} km | "
              f"precision {figures['precision']:.3f}")
        if a.areas:
            found, near, same = same_place_misses(corpus, a.part)
            print(f"  of {found} recognised: {near} within 161 km, {same} more are the place meant at another point "
                  f"(acc@161|found {near / found:.3f}; with those {(near + same) / found:.3f})")


if __name__ == "__main__":
    main()
