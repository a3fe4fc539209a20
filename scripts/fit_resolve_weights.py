"""Fit the resolver's weight table (data/models/resolve_weights.json) on the training 70 % of TR-News and GeoVirus.

    .venv/bin/pip install -e '.[train]'            # scikit-learn, for this script only
    .venv/bin/python scripts/fit_resolve_weights.py [--out data/models/resolve_weights.json]

Learning to rank with a pairwise logistic regression (RankNet's linear form): every recognised gold toponym whose
mention has several candidate places is one group; its positive is the place meant: of the candidates within 161 km
of the gold point, the one the gazetteer's prior ranks first (GeoVirus puts "Maryland" 14 km from the town Maryland
City and tens of km from the state's point: both are right by the measure, and nearest-first made the town the
positive and the state a negative); when none is that near, the nearest if it is a country or region whose own
extent holds the gold point (the corpora put countries' points by different conventions, and the weights must learn
which place is meant, not whose point convention is used). Every other candidate is a negative. A pair's features
are the positive's minus the negative's, labelled 1, and their negation, labelled 0; the model has no intercept, so
its coefficients are the weights of `geomap.resolve.FEATURES`. The regularisation is chosen by 5-fold
cross-validation grouped by article, on the share of groups whose positive scores highest. The distance feature
depends on the first-pass readings, which depend on the weights, so the fit runs twice, the second time from the
first fit's weights.

The held-out 30 % (benchmarks/eval_toponyms.py) is never read here. Deterministic: the same inputs give the same
file.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_toponyms import CORPORA, SEED, split_docs  # noqa: E402

from geomap import config  # noqa: E402
from geomap.gazetteer import load_gazetteer  # noqa: E402
from geomap.geo import haversine_km  # noqa: E402
from geomap.models import Article, Doc  # noqa: E402
from geomap.resolve import FEATURES, Context, Resolver, Weights  # noqa: E402
from geomap.text import sentencize  # noqa: E402
from geomap.toponyms import ToponymFinder  # noqa: E402

Cs = (0.01, 0.1, 1.0, 10.0, 100.0)


def parsed_docs() -> list[tuple[Doc, list[tuple]]]:
    """The training articles through sentences and toponyms, with their gold toponyms."""
    finder = ToponymFinder(load_gazetteer())
    out = []
    for corpus in CORPORA:
        for d in split_docs(corpus, "train"):
            doc = Doc(Article(id=d["id"], published=date(2000, 1, 1), text=d["text"]))
            out.append((finder(sentencize(doc)), d["gold"]))
    return out


def groups(resolver: Resolver, docs: list[tuple[Doc, list[tuple]]]) -> list[tuple[int, np.ndarray, int]]:
    """(article number, candidate features, index of the place meant) per recognised ambiguous gold toponym."""
    out = []
    for n, (doc, gold) in enumerate(docs):
        table = resolver.feature_table(doc)
        for s, e, _surface, lat, lon in gold:
            i = next((k for k, m in enumerate(doc.mentions) if m.start < e and s < m.end and table[k]), None)
            if i is None or len(table[i]) < 2:
                continue
            feats = np.array([f for _, f in table[i]], dtype=float)
            dist = [haversine_km(p.lat, p.lon, lat, lon) for p, _ in table[i]]
            near = [k for k, d in enumerate(dist) if d <= 161.0]
            if near:  # right by the measure; of several, the likeliest by the gazetteer alone
                out.append((n, feats, max(near, key=lambda k: feats[k][0])))
                continue
            best = int(np.argmin(dist))
            place = table[i][best][0]
            if place.kind in ("country", "region", "continent", "sea") and dist[best] <= place.radius_km:
                out.append((n, feats, best))
    return out


def pairs(gs: list[tuple[int, np.ndarray, int]]) -> tuple[np.ndarray, np.ndarray]:
    xs = []
    for _, feats, pos in gs:
        diff = feats[pos] - np.delete(feats, pos, axis=0)
        xs += [diff, -diff]
    x = np.vstack(xs)
    y = np.concatenate([np.r_[np.ones(len(d)), np.zeros(len(d))] for d in xs[::2]])
    return x, y


def top1(w: np.ndarray, gs: list[tuple[int, np.ndarray, int]]) -> float:
    return float(np.mean([int(np.argmax(feats @ w)) == pos for _, feats, pos in gs])) if gs else 0.0


def fit(gs: list[tuple[int, np.ndarray, int]], c: float) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    x, y = pairs(gs)
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(x, y)
    return model.coef_[0]


def choose_c(gs: list[tuple[int, np.ndarray, int]]) -> tuple[float, dict[float, float]]:
    from sklearn.model_selection import GroupKFold

    articles = np.array([n for n, _, _ in gs])
    scores = {}
    for c in Cs:
        hits = []
        for tr, te in GroupKFold(n_splits=5).split(articles, groups=articles):
            w = fit([gs[k] for k in tr], c)
            hits.append(top1(w, [gs[k] for k in te]) * len(te))
        scores[c] = sum(hits) / len(gs)
    return max(Cs, key=lambda c: (round(scores[c], 4), -c)), scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=config.RESOLVE_WEIGHTS)
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    gaz = load_gazetteer()
    docs = parsed_docs()
    # start from the current table (its features that still exist) or from the gazetteer prior alone
    old = json.loads(a.out.read_text(encoding="utf-8")) if a.out.exists() else {}
    weights = Weights({k: v for k, v in old.get("weights", {"prior": 1.0}).items() if k in FEATURES},
                      Context(**old.get("context", {})))
    start = None
    for r in range(a.rounds):
        resolver = Resolver(gaz, weights)
        gs = groups(resolver, docs)
        before = top1(np.array(weights.vector), gs)
        start = before if start is None else start
        c, cv = choose_c(gs)
        w = fit(gs, c)
        w = w / w[FEATURES.index("prior")] if w[FEATURES.index("prior")] > 0 else w
        print(f"round {r + 1}: {len(gs)} groups, top-1 {before:.3f} -> {top1(w, gs):.3f} (train), "
              f"CV by C {', '.join(f'{k:g}: {v:.3f}' for k, v in cv.items())}; C = {c:g}")
        weights = Weights({f: round(float(v), 4) for f, v in zip(FEATURES, w, strict=True)}, weights.context)
    final_groups = groups(Resolver(gaz, weights), docs)
    out = {
        "weights": weights.weights,
        "context": weights.context.__dict__,
        "provenance": {
            "script": "scripts/fit_resolve_weights.py",
            "data": [f"{c.name}: training 70 % (benchmarks/eval_toponyms.py, seed {SEED})" for c in CORPORA],
            "model": f"pairwise logistic regression, no intercept, C = {c:g} (5-fold CV grouped by article)",
            "groups": len(final_groups),
            "top1_train_before": round(start or 0.0, 4),
            "top1_train_after": round(top1(np.array(weights.vector), final_groups), 4),
            "cv_top1": {f"{k:g}": round(v, 4) for k, v in cv.items()},
        },
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
