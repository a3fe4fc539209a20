"""The pipeline: named steps over one `Doc`, in order (DESIGN §1), in the manner of spaCy's `nlp(text)`.

    doc = process(article)          # sentences -> toponyms -> resolve -> events -> suffixes

Steps are plain callables `Doc -> Doc`, so a test can run one alone or a user can insert their own.
The default pipeline is built once per process (the gazetteer load dominates) and reused until the gazetteer
files change.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from geomap.exceptions import InputError
from geomap.models import Article, Doc

if TYPE_CHECKING:
    from geomap.gazetteer import Gazetteer

Step = Callable[[Doc], Doc]


class Pipeline:
    def __init__(self, steps: Iterable[tuple[str, Step]]):
        self.steps: list[tuple[str, Step]] = list(steps)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.steps]

    def __call__(self, article: Article, budget_s: float | None = None) -> Doc:
        """Run every step; with `budget_s`, an article still unfinished after that many seconds is given up at the
        next step boundary (an InputError naming it). Python cannot stop a step midway safely, so the budget holds
        because every step is linear in the text and the text's size is capped (config.MAX_ARTICLE_BYTES)."""
        doc = Doc(article)
        t0 = time.monotonic()
        for name, step in self.steps:
            doc = step(doc)
            spent = time.monotonic() - t0
            if budget_s is not None and spent > budget_s and name != self.steps[-1][0]:
                raise InputError(article.origin or article.id,
                                 f"gave up after {spent:.0f} s in step {name!r} (time budget {budget_s:g} s per "
                                 "article, GEOMAP_ARTICLE_SECONDS)")
        return doc

    def pipe(self, articles: Iterable[Article]) -> Iterator[Doc]:
        for article in articles:
            yield self(article)


def build_pipeline(gazetteer=None) -> Pipeline:
    from geomap.events import EventExtractor
    from geomap.gazetteer import load_gazetteer
    from geomap.resolve import Resolver
    from geomap.text import sentencize
    from geomap.toponyms import ToponymFinder, name_suffixes

    gaz = gazetteer or load_gazetteer()
    return Pipeline([
        ("sentences", sentencize),
        ("toponyms", ToponymFinder(gaz)),
        ("resolve", Resolver(gaz)),
        ("events", EventExtractor(region_of=lambda p: gaz.region(p.country_code, p.admin1))),
        ("suffixes", name_suffixes),
    ])


_DEFAULT: tuple[object, Pipeline] | None = None


def default_pipeline() -> Pipeline:
    """The shared pipeline, rebuilt when the gazetteer reloads (a user override was added), so a long-running app
    resolves new articles with the corrected gazetteer."""
    global _DEFAULT
    from geomap.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    if _DEFAULT is None or _DEFAULT[0] is not gaz:
        _DEFAULT = (gaz, build_pipeline(gaz))
    return _DEFAULT[1]


def for_article(article: Article, shared: Pipeline, gaz: Gazetteer, scoped: Path | None = None) -> Pipeline:
    """`shared` (a pipeline over `gaz`), or one over the article's own corrections ("this article" scope,
    geomap.gazetteer.scoped) when it has some: the one place that choice is made, for ingests and corrections."""
    from geomap.gazetteer.scoped import ScopedGazetteer, scoped_rows

    own = scoped_rows(article.content_hash, scoped)
    return build_pipeline(ScopedGazetteer(gaz, own)) if own else shared


def process(article: Article, budget_s: float | None = None) -> Doc:
    """Run the default pipeline on one article (see `Pipeline.__call__` for `budget_s`), over the article's own
    corrections when it has some, so they hold when it is ingested again, into this store or another."""
    from geomap.gazetteer import load_gazetteer

    return for_article(article, default_pipeline(), load_gazetteer())(article, budget_s)


def process_in_budget(article: Article) -> Doc:
    """The ingest processor: the default pipeline under the per-article time budget (config.ARTICLE_SECONDS)."""
    from geomap import config

    return process(article, config.ARTICLE_SECONDS)
