"""Names, not codes, where a person reads: country names for ISO-2 codes, titles for article ids.

Country names come from the bundled Natural Earth layer (data/countries.geojson), so they need nothing online.
"""

from __future__ import annotations

import json
from functools import lru_cache

from geomap import config

NONE = "(none)"


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """{ISO-2 code: country name}; empty when the Natural Earth file is missing or unreadable."""
    try:
        gj = json.loads((config.DATA_DIR / "countries.geojson").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, str] = {}
    for f in gj.get("features") or []:
        p = f.get("properties") or {}
        code, name = str(p.get("iso_a2") or ""), str(p.get("name") or "")
        if len(code) == 2 and name:
            out[code] = name
    return out


def _labelled(code: str, table: dict[str, str], none_text: str) -> str:
    """ "Name (code)" when `table` knows the code, the code itself otherwise (never an invented name)."""
    if code == NONE:
        return none_text
    name = table.get(str(code))
    return f"{name} ({code})" if name else str(code)


def country_label(code: str) -> str:
    """ "Ukraine (UA)"; the NONE option says what it holds."""
    return _labelled(code, country_names(), "(none: seas and places without a country)")


def article_label(article_id: str, titles: dict[str, str]) -> str:
    """ "Title (id)" when the article has a title, else its id."""
    title = " ".join(str(titles.get(article_id) or "").split())
    return f"{title[:80]} ({article_id})" if title else str(article_id)


def titles_of(df: object) -> dict[str, str]:
    """{article id: title} from a frame with `id`/`article` and `title` columns (the stored-articles table)."""
    import pandas as pd

    if not isinstance(df, pd.DataFrame) or df.empty or "title" not in df.columns:
        return {}
    ids = df["id"] if "id" in df.columns else df["article"]
    return dict(zip(ids.astype(str), df["title"].fillna("").astype(str), strict=True))


@lru_cache(maxsize=1)
def admin1_names() -> dict[str, str]:
    """{GeoNames admin-1 code ("UA.14"): region name ("Luhansk Oblast")} from the gazetteer's admin-1 rows; empty
    when the gazetteer file is missing. Reads only the `adm:` lines (a fraction of a second, once)."""
    from geomap.gazetteer.rows import admin1_records

    out: dict[str, str] = {}
    try:
        for rec in admin1_records(config.GAZETTEER_CSV):
            if rec.get("name"):
                out.setdefault(rec["id"][4:], rec["name"])
    except OSError:
        return {}
    return out


def admin1_label(code: str) -> str:
    """ "Luhansk Oblast (UA.14)"; unknown codes as they are."""
    return _labelled(code, admin1_names(), "(none: no admin-1 region)")
