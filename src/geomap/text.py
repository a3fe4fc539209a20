"""A news-aware sentence splitter that keeps character offsets into the article text.

Wire copy breaks naive splitters: "Dec. 21", "U.S. secretary", "3-1/2 years", quotes that end after the full stop,
and run-in capitalised subheads ("... will start. AIR RAIDS" closing a paragraph). Subheads are headings, not sentence
text, so they are dropped rather than glued to the next sentence.

Article text is untrusted, so every step here is linear in the text's length: the look-back for the word before a
full stop is bounded (`LOOK_BACK`), the subhead pattern only reads a paragraph's tail, and a "sentence" longer than
`MAX_SENTENCE` characters (a page without full stops, a table of numbers) is cut at line, clause or word boundaries
into pieces flagged `clipped`, so that no later step ever sees an unbounded sentence.
"""

from __future__ import annotations

import re

from geomap.models import Doc, Sentence

#: Tokens that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig rep sen gov pres st mt ft no nos vol
    inc corp co ltd jr sr vs etc approx dept est fig al""".split()
)
#: Capitalised words that start a new sentence after an initialism such as "U.S.".
SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I In On At But And Or So This That These Those There His Her Its Their "
    "Officials Police Russia Ukraine".split()
)
#: Characters looked at before a full stop to find the word it ends (longer words are no abbreviations).
LOOK_BACK = 200
#: Longest sentence handed to later steps; longer runs are cut (see `_cut`). The longest of the 5,482 sentences in
#: the test and benchmark corpora has 503 characters; per-sentence work in later steps grows faster than length.
MAX_SENTENCE = 1000
#: How much of a paragraph's end may hold a run-in subhead.
SUBHEAD_TAIL = 500
_PARA = re.compile(r"\n[ \t]*\n\s*")
#: In text without blank lines, a line break is a paragraph break when the lines are paragraphs: at least this
#: share of the lines after the first end a sentence (wire copy pasted one paragraph a line). Hard-wrapped text
#: ends most lines mid-sentence, and its line breaks stay spaces.
LINE_PARAGRAPHS = 0.75
_LINE = re.compile(r"[ \t]*\n\s*")
_LINE_END = re.compile(r"[.!?][\"'”’)\]]*[ \t\r]*$", re.M)
# A candidate boundary: terminal punctuation and optional closing quotes/brackets; the whitespace after it is
# checked separately so that a long run of dots cannot make the pattern backtrack over it.
_BOUNDARY = re.compile(r"([.!?]+)([\"'”’)\]]*)")
_SPACE = re.compile(r"\s+")
# Where an over-long run may be cut, best first: a line break, a clause mark, any space.
_CUTS = (re.compile(r"\n"), re.compile(r"[;:,)\]]\s"), re.compile(r"\s"))
# A run-in subhead at the end of a paragraph: two+ capital letters words after the last sentence end.
_SUBHEAD = re.compile(r"(?<=[.!?\"”’])\s+((?:[A-Z0-9][A-Z0-9'’&,\-]*\s+)*[A-Z][A-Z0-9'’&\-]+)\s*$")


def _is_heading(text: str) -> bool:
    return len(text) >= 3 and text.isupper()


def _word_before(para: str, end: int) -> str:
    """The run of word characters, dots and hyphens ending at `end`, at most LOOK_BACK long (a scan, not a regex
    search from the paragraph's start: that made splitting quadratic)."""
    start, low = end, max(0, end - LOOK_BACK)
    while start > low and (para[start - 1].isalnum() or para[start - 1] in "._-"):
        start -= 1
    return para[start:end]


def _ends_sentence(para: str, m: re.Match, after: int) -> bool:
    """Decide whether the punctuation in `m` (followed by whitespace up to `after`) closes a sentence."""
    nxt = para[after: after + 40]
    if not nxt:
        return True
    first = nxt[0]
    if first.islower() or first in ",;:)":
        return False  # '"Is it safe?" she asked.'
    if m.group(1) != ".":
        return True
    word = _word_before(para, m.start())
    bare = word.rstrip(".").lower()
    if m.group(2):  # the full stop is inside a closing quote: a real end
        return True
    if bare in ABBREVIATIONS:
        # "Dec. 21" / "Gen. Smith": an abbreviation followed by a number or a name continues the sentence.
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) or re.fullmatch(r"[A-Z]", word):
        # Initialism (U.S., U.N.) or an initial (J. Smith): a boundary only before a usual sentence opener.
        next_word = re.match(r"[\"“]?(\w+)", nxt)
        return bool(next_word and next_word.group(1) in SENTENCE_STARTERS)
    return True


def split_paragraph(para: str, offset: int, index: int) -> list[Sentence]:
    out: list[Sentence] = []
    tail = max(0, len(para) - SUBHEAD_TAIL)
    sub = _SUBHEAD.search(para, tail)
    if sub and _is_heading(sub.group(1)) and len(sub.group(1).split()) >= 1 and len(sub.group(1)) >= 4:
        para = para[: sub.start()]
    if _is_heading(para) and len(para) < 120:
        return out  # a stand-alone heading line
    start = 0
    for m in _BOUNDARY.finditer(para):
        space = _SPACE.match(para, m.end())
        if space is None or not _ends_sentence(para, m, space.end()):
            continue
        _append(out, para, start, m.end(), offset, index)
        start = space.end()
    _append(out, para, start, len(para), offset, index)
    return out


def _append(out: list[Sentence], para: str, start: int, end: int, offset: int, index: int) -> None:
    chunk = para[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    if len(stripped) <= MAX_SENTENCE:
        out.append(Sentence(offset + s, offset + s + len(stripped), stripped, index))
        return
    for a, b in _cut(para, s, s + len(stripped)):
        out.append(Sentence(offset + a, offset + b, para[a:b], index, clipped=True))


def _cut(para: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of para[start:end] of at most MAX_SENTENCE characters, each cut at the last line break, else clause
    mark, else space in its second half (a hard cut when there is none), with surrounding whitespace trimmed."""
    pieces: list[tuple[int, int]] = []
    while start < end:
        stop = min(end, start + MAX_SENTENCE)
        if stop < end:
            low = start + MAX_SENTENCE // 2
            for pattern in _CUTS:
                found = [m.start() for m in pattern.finditer(para, low, stop)]
                if found:
                    stop = found[-1] + (1 if pattern is _CUTS[1] else 0)
                    break
        piece = para[start:stop]
        a = start + len(piece) - len(piece.lstrip())
        b = start + len(piece.rstrip())
        if b > a:
            pieces.append((a, b))
        start = stop
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with offsets such that text[s.start:s.end] == s.text."""
    sentences: list[Sentence] = []
    pos = index = 0
    for index, gap in enumerate(_paragraph_breaks(text).finditer(text), 1):
        sentences.extend(split_paragraph(text[pos: gap.start()], pos, index - 1))
        pos = gap.end()
    sentences.extend(split_paragraph(text[pos:], pos, index))
    return sentences


def sentencize(doc: Doc) -> Doc:
    """Pipeline step: fill doc.sentences."""
    doc.sentences = split_sentences(doc.article.text)
    return doc


def _paragraph_breaks(text: str) -> re.Pattern:
    """Blank lines; or, in text without any, line breaks when its lines are paragraphs (`LINE_PARAGRAPHS`)."""
    if _PARA.search(text) is not None:
        return _PARA
    body = text.strip()
    lines = body.count("\n")  # breaks between the lines: the lines after the first
    if lines < 2:
        return _PARA
    ends = sum(1 for _ in _LINE_END.finditer(body)) - (1 if _LINE_END.search(body, 0, body.find("\n")) else 0)
    return _LINE if ends >= LINE_PARAGRAPHS * lines else _PARA
