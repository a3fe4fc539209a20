"""The objects the pipeline passes along: one article in, a `Doc` with sentences, mentions and events out.

Every pipeline step (DESIGN §1) reads and fills one `Doc`, in the manner of spaCy, so each step can be tested
alone. The record forms (`Mention.to_record`, `Event.to_record`) are the command-line contract of DESIGN §3.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date

#: Location precision, finest first (ACLED geo_precision / UCDP where_prec in words).
PRECISIONS = ("landmark", "district", "city", "region", "country", "sea", "continent")
#: Fine to coarse as numbers: which of two places can lie inside the other.
PRECISION_RANK = {k: i for i, k in enumerate(PRECISIONS)}
#: Date precision, finest first.
DATE_PRECISIONS = ("day", "week", "month", "year")
#: ACLED's six event types.
EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)


@dataclass(frozen=True)
class Article:
    """One news article. `id` is the file stem for text files, the `id` column (or file:row) for CSV/JSONL."""

    id: str
    published: date
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    origin: str = ""  # where it was read from, e.g. "data/articles/x.txt" or "feed.csv:12"

    @property
    def content_hash(self) -> str:
        """Identity for idempotent ingest: the same published date and text is the same article. The text is hashed
        with line endings made LF and Unicode in NFC, so the same article saved on Windows or by another editor is
        not stored twice (the stored text itself stays verbatim: offsets index it)."""
        text = self.text
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        h = hashlib.sha256()
        h.update(self.published.isoformat().encode())
        h.update(b"\0")
        h.update(text.encode("utf-8"))
        return h.hexdigest()


@dataclass(frozen=True)
class Place:
    """A gazetteer entry. `kind` is one of PRECISIONS; `radius_km` is the place's extent (0 for a point)."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str = ""
    admin1: str = ""
    population: int = 0
    radius_km: float = 0.0
    feature: str = ""  # finer class where known: river, island, facility, peninsula, bridge, ...
    source: str = ""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0
    clipped: bool = False  # a piece of an over-long run without sentence punctuation (text.MAX_SENTENCE)


@dataclass
class Mention:
    """A place name found in the text; `place` is filled by resolution, `role` by the event step."""

    start: int
    end: int
    text: str
    sentence: int  # index into Doc.sentences
    place: Place | None = None
    role: str = "mention"  # "event" where something happened there, "mention" otherwise
    hint: str = ""  # what the surrounding words say: "region", "city", "district", ... ("" if nothing)
    event_score: float = 0.0  # the event-place model's score in [0, 1] (0 where the sentence has no event word)
    within: bool = False  # the name is not in the gazetteer; `place` is the place it lies in (coarser precision)
    found_by: str = "toponyms"  # the step that found it: "events" for an event place the gazetteer lacks

    def to_record(self, article: Article) -> dict:
        p = self.place
        return {
            "article": article.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": p.name if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "precision": p.kind if p else None,
            "country_code": p.country_code if p else None,
            "place_id": p.id if p else None,
            "role": self.role,
            "event_score": round(self.event_score, 4),
            "within": self.within,
        }


@dataclass
class Event:
    """Something that happened at one place on one date range, with every sentence that reports it."""

    place: Place
    place_text: str
    date: date
    date_end: date
    date_precision: str
    event_type: str
    sub_event_type: str
    sentence: str  # the first (main) source sentence
    sentence_start: int = 0  # offset of `sentence` in the article text
    place_start: int = 0  # offset of the place name in the article text
    actors: list[str] = field(default_factory=list)
    fatalities: int | None = None
    sentences: list[str] = field(default_factory=list)
    event_score: float = 1.0  # the event-place model's score for the place in its best sentence
    #: The sentence's own words name no specific happening ("claimed the Swat attack"): its type is the paragraph's
    #: or article's, or the generic word's default.
    borrowed_type: bool = field(default=False, repr=False, compare=False)

    def to_record(self, article: Article) -> dict:
        p = self.place
        return {
            "article": article.id,
            "title": article.title,
            "url": article.url,
            "source": article.source,
            "published": article.published.isoformat(),
            "sentence": self.sentence,
            "sentences": self.sentences or [self.sentence],
            "place": self.place_text,
            "place_start": self.place_start - self.sentence_start,
            "place_id": p.id,
            "name": p.name,
            "lat": p.lat,
            "lon": p.lon,
            "precision": p.kind,
            "radius_km": p.radius_km,
            "country_code": p.country_code,
            "admin1": p.admin1,
            "date": self.date.isoformat(),
            "date_end": self.date_end.isoformat(),
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actors": list(self.actors),
            "fatalities": self.fatalities,
            "event_score": round(self.event_score, 4),
        }


@dataclass
class Doc:
    """One article as it goes through the pipeline."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: Words of names the article uses for persons or bodies ("yevgeny", "prigozhin"), lower-cased: no place, known
    #: or unknown, anywhere in it (filled by the toponym step).
    persons: set[str] = field(default_factory=set)
