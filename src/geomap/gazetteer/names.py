"""Place-name keys: the one normalisation that the build, the index and every lookup share, so they never disagree."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophes, primes, okinas and ayn/hamza marks that transliterations sprinkle in (Kup'yans'k, Khān Yūnis).
_DROP = "'’‘`´ʼʹʻʽʾʿ′″\"“”.·"
# Letters NFKD does not decompose.
_SPECIAL = {
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h",
    "ŀ": "l", "ƒ": "f", "ŧ": "t", "ɨ": "i", "ʃ": "sh", "ə": "e", "ǝ": "e", "ɛ": "e", "ɔ": "o",
}
_SPACE = "-‐‑‒–—―_/,;:()[]{}&\u00a0\u2009\u202f\t\n\r"
_ASCII_TABLE = str.maketrans({**{c: None for c in _DROP if ord(c) < 128}, **{c: " " for c in _SPACE if ord(c) < 128}})
_FULL_TABLE = str.maketrans({**{c: None for c in _DROP}, **{c: " " for c in _SPACE}, **_SPECIAL})
_WS = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_SLUG_CYRILLIC = re.compile(r"[^0-9a-zа-яіїєґё]+")


@lru_cache(maxsize=1 << 17)
def normalize(name: str) -> str:
    """The lookup key of a place name: `Kup'yans'k` -> `kupyansk`, `Khān Yūnis` -> `khan yunis`, `Київ` -> `київ`.

    Casefold, strip diacritics, drop apostrophes/dots/quotes, hyphens and dashes become spaces, whitespace
    collapses. Cyrillic stays Cyrillic (й/и and ї/і merge, harmless since both sides are normalized alike).
    """
    if name.isascii():
        s = name.lower().translate(_ASCII_TABLE)
    else:
        s = unicodedata.normalize("NFKD", name.casefold())
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).translate(_FULL_TABLE)
    if "  " in s or s[:1] == " " or s[-1:] == " " or "\t" in s or "\n" in s:
        s = _WS.sub(" ", s).strip()
    return s


def slug(name: str, *, cyrillic: bool = False) -> str:
    """The id-safe form of a name (`Sea of Azov` -> `sea-of-azov`): ids are built from names, so they must agree
    with the lookup key. User ids keep Cyrillic letters (`cyrillic`); built ids are ASCII."""
    return (_NOT_SLUG_CYRILLIC if cyrillic else _NOT_SLUG).sub("-", normalize(name)).strip("-")
