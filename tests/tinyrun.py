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


def types_of(doc: Doc) -> list[tuple[str, str]]:
    """Each event's place and ACLED sub-type, in order."""
    return [(e.place.name, e.sub_event_type) for e in doc.events]


def actors_of(doc: Doc) -> list[list[str]]:
    """Each event's actors, in order."""
    return [e.actors for e in doc.events]
