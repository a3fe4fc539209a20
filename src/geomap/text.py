"""A news-aware sentence splitter that keeps character offsets into the article text.

Wire copy breaks naive splitters: "Dec. 21", "U.S. secretary", "3-1/2 years", quotes that end after the full stop,
and run-in capitalised subheads ("... will start. AIR RAIDS" closing a paragraph). Subheads are headings, not sentence
text, so they are dropped rather than glued to the next sentence.
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
_PARA = re.compile(r"\n[ \t]*\n\s*")
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"([.!?]+)([\"'”’)\]]*)(\s+)")
# A run-in subhead at the end of a paragraph: two+ capital letters words after the last sentence end.
_SUBHEAD = re.compile(r"(?<=[.!?\"”’])\s+((?:[A-Z0-9][A-Z0-9'’&,\-]*\s+)*[A-Z][A-Z0-9'’&\-]+)\s*$")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")


def _is_heading(text: str) -> bool:
    return len(text) >= 3 and text.isupper()


def _ends_sentence(para: str, m: re.Match) -> bool:
    """Decide whether the punctuation in `m` closes a sentence."""
    nxt = para[m.end(): m.end() + 40]
    if not nxt:
        return True
    first = nxt[0]
    if first.islower() or first in ",;:)":
        return False  # '"Is it safe?" she asked.'
    if m.group(1) != ".":
        return True
    before = _WORD_BEFORE.search(para, 0, m.start())
    word = before.group(1) if before else ""
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
    sub = _SUBHEAD.search(para)
    if sub and _is_heading(sub.group(1)) and len(sub.group(1).split()) >= 1 and len(sub.group(1)) >= 4:
        para = para[: sub.start()]
    if _is_heading(para) and len(para) < 120:
        return out  # a stand-alone heading line
    start = 0
    for m in _BOUNDARY.finditer(para):
        if not _ends_sentence(para, m):
            continue
        end = m.start(3)
        _append(out, para, start, end, offset, index)
        start = m.end()
    _append(out, para, start, len(para), offset, index)
    return out


def _append(out: list[Sentence], para: str, start: int, end: int, offset: int, index: int) -> None:
    chunk = para[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = offset + start + lead
    out.append(Sentence(s, s + len(stripped), stripped, index))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with offsets such that text[s.start:s.end] == s.text."""
    sentences: list[Sentence] = []
    pos = 0
    for i, part in enumerate(_PARA.split(text)):
        at = text.find(part, pos) if part else pos
        sentences.extend(split_paragraph(part, at, i))
        pos = at + len(part)
    return sentences


def sentencize(doc: Doc) -> Doc:
    """Pipeline step: fill doc.sentences."""
    doc.sentences = split_sentences(doc.article.text)
    return doc
