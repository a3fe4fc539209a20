"""Issue 12, row 1: run time grows linearly with the text, whatever its shape.

Ratio checks, not timings: ten times the text may cost about ten times the time (the bound 30 leaves room for a
noisy shared machine); the quadratic and cubic costs these guard against gave ratios of 100 to 1,000.
`benchmarks/bench_scaling.py` prints the absolute numbers.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from geomap.dates import find_dates
from geomap.models import Article, Doc
from geomap.pipeline import default_pipeline
from geomap.text import MAX_SENTENCE, split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_scaling import SHAPES  # noqa: E402

PUBLISHED = date(2022, 12, 19)
#: Linear code measures 10-17x here ("no-punct", idle, this build and the one before it alike); full test runs,
#: with the browser tests' processes around, gave 21.0x and 21.4x. A quadratic cost gives 100x or more.
MAX_RATIO = 30.0


def _cpu_seconds(fn: Callable[[], object]) -> float:
    t = time.process_time()  # CPU time: other users' load on a shared machine does not count
    fn()
    return time.process_time() - t


def _cost_ratio(big: Callable[[], object], small: Callable[[], object], runs: int = 3, big_runs: int = 3) -> float:
    """Fastest big run over fastest small run, the two interleaved.

    CPU time still grows when another process on a 2-CPU machine shares the caches, so a burst during the big runs
    alone once gave 22.5x for a step measured at 11-14x (and 21.0x on 2026-12-02 for one measured at 10-13x
    here); the fastest of interleaved runs is what the code costs.
    """
    big_t, small_t = [], []
    for _ in range(2):  # a second round only when the first looks superlinear: a burst seldom lasts two rounds
        for i in range(runs):
            small_t.append(_cpu_seconds(small))
            if i < big_runs:
                big_t.append(_cpu_seconds(big))
        if min(big_t) / min(small_t) < MAX_RATIO:
            break
    return min(big_t) / min(small_t)


def _front_steps(text: str) -> None:
    """The steps before the event step: sentences, toponyms, resolution, and the dates of every sentence."""
    pipe = default_pipeline()
    doc = Doc(Article(id="t", published=PUBLISHED, text=text, origin="t"))
    for name, step in pipe.steps:
        if name != "events":
            doc = step(doc)
    for s in doc.sentences:
        find_dates(s.text, PUBLISHED)


@pytest.mark.parametrize("shape", ["news-1para", "no-punct", "digits", "iso-dates", "date-phrase", "dots"])
def test_front_steps_scale_linearly(shape):
    small, big = SHAPES[shape](100_000), SHAPES[shape](1_000_000)
    _front_steps(small)  # warm the pipeline and the regex caches
    ratio = _cost_ratio(lambda: _front_steps(big), lambda: _front_steps(small))
    assert ratio < MAX_RATIO, f"{shape}: 1 MB took {ratio:.1f}x the time of 100 KB"


#: The single-file events module (before the issue-9 events package) is superlinear on long articles
#: (story_actors, merge_events: see `bench_scaling.py --profile news:5e5`); the package is linear. Once the package
#: is in, this mark is inert and can go.
OLD_EVENTS_MODULE = not hasattr(importlib.import_module("geomap.events"), "__path__")


@pytest.mark.xfail(OLD_EVENTS_MODULE, strict=True, reason="the single-file event step is superlinear")
def test_whole_pipeline_on_news_scales_linearly():
    pipe = default_pipeline()

    def run(text: str) -> Callable[[], object]:
        return lambda: pipe(Article(id="t", published=PUBLISHED, text=text, origin="t"))

    small, big = SHAPES["news"](100_000), SHAPES["news"](1_000_000)
    ratio = _cost_ratio(run(big), run(small), big_runs=1)
    assert ratio < MAX_RATIO, f"news: 1 MB took {ratio:.1f}x the time of 100 KB"


@pytest.mark.parametrize("shape", ["no-punct", "digits", "iso-dates", "date-phrase", "dots"])
def test_no_sentence_is_longer_than_the_cap_and_offsets_hold(shape):
    text = SHAPES[shape](50_000)
    sents = split_sentences(text)
    assert sents and max(len(s.text) for s in sents) <= MAX_SENTENCE
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert all(s.clipped for s in sents if len(s.text) > 1000)


def test_long_run_is_cut_at_a_line_or_clause_boundary_when_there_is_one():
    line = "shelling went on near the river, the villages and the roads"
    text = "\n".join([line] * 100)  # no full stop anywhere, but line breaks
    sents = split_sentences(text)
    assert len(sents) > 1 and all(s.clipped for s in sents)
    assert all(s.text.endswith("roads") and s.text.startswith("shelling") for s in sents)
    ordinary = "Troops shelled Kharkiv on Monday. Officials said two people died."
    assert not any(s.clipped for s in split_sentences(ordinary))


def test_an_article_over_its_time_budget_is_reported_and_the_rest_stored(tmp_path, monkeypatch):
    from geomap import config
    from geomap.ingest import ingest_articles
    from geomap.store import Store

    monkeypatch.setattr(config, "ARTICLE_SECONDS", 1e-9)  # every article overruns: the ingest default must apply it
    art = Article(id="slow", published=PUBLISHED, text="Russian missiles struck Kharkiv on Monday.", origin="slow.txt")
    with Store.open(tmp_path / "s.sqlite") as store:
        rep = ingest_articles(store, [art])
        assert rep.new == 0 and len(rep.failed) == 1
        assert rep.failed[0].startswith("slow.txt: gave up after") and "GEOMAP_ARTICLE_SECONDS" in rep.failed[0]
        monkeypatch.setattr(config, "ARTICLE_SECONDS", 60.0)
        assert ingest_articles(store, [art]).new == 1


def test_an_upload_over_the_size_limit_is_refused_with_a_message(tmp_path, monkeypatch):
    from geomap import appstate, config

    monkeypatch.setattr(config, "MAX_ARTICLE_BYTES", 10_000)
    big = b"date 2022-12-19\n\n" + b"Shelling hit Kherson on Monday. " * 1000
    small = b"date 2022-12-19\n\nShelling hit Kherson on Monday."
    res = appstate.ingest_uploads(tmp_path / "u.sqlite", [("big.txt", big), ("small.txt", small)])
    assert [r.status for r in res] == ["failed", "new"]
    assert res[0].failed == ["big.txt: article is 0.032 MB, over the 0.01 MB limit (set GEOMAP_MAX_ARTICLE_MB to "
                             "raise it)"]
