"""Running the whole pipeline over one short text on a tiny gazetteer: what the step-by-step event tests share."""

from __future__ import annotations

from datetime import date

from geomap.gazetteer import Gazetteer, Row
from geomap.models import Article, Doc
from geomap.pipeline import Pipeline, build_pipeline


def tiny_pipeline(rows: list[Row]) -> Pipeline:
    return build_pipeline(Gazetteer.from_rows(rows, origin="tiny"))


def run(nlp: Pipeline, text: str, published: date = date(2024, 5, 10)) -> Doc:
    return nlp(Article("t", published, text))
