"""Which alternate names the build keeps, and in what form: Latin and Cyrillic proper names as the news writes them."""

from __future__ import annotations

import re

from ..names import normalize

LATIN_CYR = re.compile(r"^[A-Za-z\u00C0-\u02AF\u1E00-\u1EFF\u0400-\u04FF\u0500-\u052F'’ʼ`´ʻ.\- ]+$")
_HAS_UPPER = re.compile(r"[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF\u0400-\u042F]")
MAX_ALIAS_TOKENS = 6
# letters of scholarly Arabic/Persian/Turkic transliteration (macrons, dots below, cedillas); news writes them plain
SCHOLARLY = re.compile("[āīūēōĀĪŪĒŌḩḨḑḐţŢşŞẕẔẖḤḥṣṢṭṬẓẒʻʼ’]")

#: Countries whose place names are romanized Arabic: "Al Qamishli" / "Qamishli", "Ras al-Ain" / "Ra's el Ain" ...
ARABIC_CC = {"AE", "BH", "DZ", "EG", "EH", "IL", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA",
             "SD", "SY", "TD", "TN", "YE"}
_ARTICLE = r"(?:al|el|as|ash|ad|adh|ar|at|ath|az|an|aş|aţ|aḑ|aẓ|ed|er|es|esh|et|ez|en)"
_LEADING_ARTICLE = re.compile(rf"^{_ARTICLE}[- ’'‘]+(\S.*)$", re.I)
_INNER_ARTICLE = re.compile(rf"(?<=\s){_ARTICLE}[- ](?=\S)", re.I)


def good_alias(a: str, name_key: str) -> bool:
    """Latin/Cyrillic, looks like a proper name, not a code or a lowercase transliteration artefact."""
    if not a or not LATIN_CYR.match(a):
        return False
    if not _HAS_UPPER.search(a):  # GeoNames' lowercase romanizations of other scripts ('dwntsk', 'ji fu')
        return False
    if a.isupper() and len(a) <= 4 and normalize(a) != name_key:  # IATA/ICAO codes: 'KBP', 'DOK'
        return False
    k = normalize(a)
    if len(k) < 3 and k != name_key:
        return False
    return k.count(" ") + 1 <= MAX_ALIAS_TOKENS


def dedupe_names(name: str, names: list[str], drop: set[str] | None = None) -> tuple[str, ...]:
    """Aliases in first-seen order, one per normalized form, without the name itself (or `drop` keys)."""
    seen = {normalize(name)} | (drop or set())
    out = []
    for a in names:
        a = " ".join(a.split())
        k = normalize(a)
        if k and k not in seen:
            seen.add(k)
            out.append(a)
    return tuple(out)


def arabic_variants(names: list[str], limit: int = 12) -> list[str]:
    """Spellings the news uses for romanized Arabic names: without the leading article, and with the (possibly
    assimilated) inner article written al-/el- ("Ma'arrat an Nu'man" -> "Ma'arrat al-Nu'man")."""
    out: list[str] = []
    for n in names:
        if not n.isascii() and not re.search("[A-Za-z]", n):
            continue
        m = _LEADING_ARTICLE.match(n)
        if m and len(m.group(1)) >= 4:
            out.append(m.group(1))
        if _INNER_ARTICLE.search(n):
            out += [_INNER_ARTICLE.sub("al-", n), _INNER_ARTICLE.sub("el-", n)]
        if len(out) >= limit:
            break
    return out[:limit]
