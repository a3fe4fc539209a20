"""Property tests (Hypothesis) over the readers, the splitter, dates, toponyms and the whole pipeline: random and
adversarial text never raises, offsets always index the article text, and cost stays linear.

Examples are derandomised (the same on every run, no example database written into the checkout) and modest in
number, so `make test` stays fast; raise GEOMAP_FUZZ_EXAMPLES to search harder.
"""

from __future__ import annotations

import os
import statistics
import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.articles import decode, iter_csv, iter_json, iter_jsonl, parse_seed_text
from geomap.dates import find_dates
from geomap.exceptions import InputError
from geomap.models import Article, Doc
from geomap.pipeline import default_pipeline
from geomap.text import MAX_SENTENCE, split_sentences

N = int(os.environ.get("GEOMAP_FUZZ_EXAMPLES", "30"))
FUZZ = settings(max_examples=N, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])

#: Pieces that make wire copy hard: places, dates, abbreviations, numbers, quotes, subheads, markup, odd spaces.
PIECES = ["Kyiv", "Kharkiv", "Bakhmut", "Donetsk region", "the U.S.", "Gen.", "Dec. 21", "on Monday", "overnight",
          "2022-12-01", "killing", "12", "99999999999", "3-1/2", ".", "!", "?", ",", ";", '"', "”", "'s", "(", ")",
          "\n", "\n\n", "\r\n", "\t", " ", "  ", "AIR RAIDS", "Russian", "drones", "shelled", "said", "the day before",
          "<script>", "&amp;", "\u2028", "\u00a0", "e\u0301", "\U0001F600", "\0", "Київ", "...", "—", "-"]
news_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=120).map(" ".join)
any_text = st.text(max_size=400) | news_like
published = st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))


@FUZZ
@given(any_text)
def test_sentences_index_the_text_and_stay_bounded(text):
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
        assert len(s.text) <= MAX_SENTENCE


@FUZZ
@given(any_text, published)
def test_dates_never_raise_and_point_into_the_sentence(text, when):
    for t in find_dates(text, when):
        assert 0 <= t.start <= t.end <= len(text) and t.date <= t.date_end


@FUZZ
@given(st.binary(max_size=300) | any_text.map(lambda t: t.encode("utf-8")) | any_text.map(lambda t: t.encode(
    "utf-16")))
def test_readers_return_articles_or_input_errors_and_never_raise(data):
    try:
        text = decode(data, "fuzz.bin")
    except InputError:
        return
    for reader in (iter_csv, iter_jsonl, iter_json):
        for item in reader(text, "fuzz", "fuzz"):
            assert isinstance(item, Article | InputError)
    try:
        parse_seed_text(text, "fuzz.txt", "fuzz")
    except InputError:
        pass


@settings(FUZZ, max_examples=max(5, N // 2))
@given(news_like, published)
def test_the_whole_pipeline_never_raises_and_its_offsets_hold(text, when):
    doc = default_pipeline()(Article(id="fuzz", published=when, text=text, origin="fuzz"))
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    for ev in doc.events:
        assert text[ev.place_start:ev.place_start + len(ev.place_text)] == ev.place_text
        assert text[ev.sentence_start:ev.sentence_start + len(ev.sentence)] == ev.sentence


def _front_seconds(text: str) -> float:
    """Median time of the steps before the event step (sentences, toponyms, resolve) plus every sentence's dates."""
    steps = [step for name, step in default_pipeline().steps if name != "events"]
    times = []
    for _ in range(3):
        t = time.process_time()
        doc = Doc(Article(id="f", published=date(2022, 12, 19), text=text, origin="f"))
        for step in steps:
            doc = step(doc)
        for s in doc.sentences:
            find_dates(s.text, date(2022, 12, 19))
        times.append(time.process_time() - t)
    return statistics.median(times)


@settings(FUZZ, max_examples=max(3, N // 8))
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join))
def test_any_repeated_shape_costs_linear_time(unit):
    small = (unit * (20_000 // len(unit) + 1))[:20_000]
    big = (unit * (200_000 // len(unit) + 1))[:200_000]
    _front_seconds(small)
    ratio = _front_seconds(big) / max(_front_seconds(small), 1e-3)
    assert ratio < 30, f"{unit!r}: 10x the text took {ratio:.0f}x the time"
