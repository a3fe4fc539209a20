"""The Gazetteer page's work: search places, see how the store resolves a name, save a correction.

Why here and not in the page: the candidates table, the store's resolutions and the override's checks are plain
calls on the gazetteer and the store (testable without Streamlit); a correction is re-applied at once
(geomap.corrections).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from geomap.pagedata import open_store

CANDIDATE_COLUMNS = ["label", "tip", "id", "name", "kind", "country_code", "admin1", "lat", "lon", "population",
                     "radius_km", "source"]
USAGE_COLUMNS = ["name", "place_id", "precision", "country_code", "lat", "lon", "mentions", "event_mentions"]
HISTORY_COLUMNS = ["#", "when", "who", "what", "scope", "article", "undone"]


def candidate_tip(r: dict) -> str:
    """What a candidate's marker says: name, kind, admin-1 region, country and population."""
    from geomap.names import admin1_names

    a1 = str(r.get("admin1") or "")
    parts = [f"{r['name']} — {r['kind']}", admin1_names().get(a1, a1), str(r.get("country_code") or "")]
    pop = r.get("population") or 0
    if pop:
        parts.append(f"pop. {int(pop):,}")
    return " · ".join(p for p in parts if p)


def _candidate_row(r: dict) -> dict:
    return {"label": f"{r['address']} — {r['kind']}, {r.get('country_code') or '?'} ({r['id']})",
            "tip": candidate_tip(r), "id": r["id"],
            "name": r["name"], "kind": r["kind"], "country_code": r.get("country_code", ""),
            "admin1": r.get("admin1", ""), "lat": r["lat"], "lon": r["lon"],
            "population": r.get("population", 0), "radius_km": r.get("radius_km", 0.0),
            "source": r.get("source", "")}


def place_search(query: str, limit: int = 50) -> pd.DataFrame:
    """Gazetteer candidates for a name ("Donetsk", "Kyiv, Ukraine"), best first, as a table."""
    from geomap.gazetteer import load_gazetteer

    q = " ".join((query or "").split())
    if not q:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    gaz = load_gazetteer()
    found = gaz.geocode(q, exactly_one=False) or []
    recs = [dict(loc.raw) | {"address": loc.address} for loc in found[:limit]]
    seen = {r["id"] for r in recs}
    recs += [{**asdict(p), "address": p.name} for p in gaz.candidates(q) if p.id not in seen][:limit - len(recs)]
    return pd.DataFrame([_candidate_row(r) for r in recs], columns=CANDIDATE_COLUMNS)


def name_usage(path: Path, name: str) -> pd.DataFrame:
    """How the store resolves `name` today (one row per place, with mention counts)."""
    from geomap.corrections import resolutions_of

    with open_store(path) as store:
        return pd.DataFrame(resolutions_of(store, name), columns=USAGE_COLUMNS)


def save_override(path: Path, name: str, *, lat: float, lon: float, kind: str, country: str = "",
                  admin1: str = "", radius_km: float = 0.0, population: int = 0, scope: str = "everywhere",
                  article: str | None = None) -> object:
    """Save a correction of `name` for everywhere (the user overrides file) or for one stored article, record it in
    the corrections history, and re-apply it to the stored events at once (geomap.edits).

    Returns the corrections.CorrectionReport; bad values raise geomap.exceptions.InputError naming the field.
    """
    from geomap import edits

    return edits.correct(path, name, scope=scope, article=article, lat=lat, lon=lon, kind=kind, country=country,
                         admin1=admin1, radius_km=radius_km, population=population)


def undo_last(path: Path) -> str:
    """Undo the latest correction; what happened, in words."""
    from geomap import edits

    done = edits.undo_last(path)
    if done is None:
        return "Nothing to undo."
    last, rep = done
    return f"Undid correction #{last['seq']} ({edits.describe(last)}). {rep.summary()}"


def correction_history() -> pd.DataFrame:
    """Every correction and undo, newest first (who, when, what, scope, article)."""
    from geomap import edits

    return pd.DataFrame(edits.history_rows(), columns=HISTORY_COLUMNS)


def articles_mentioning(path: Path, name: str) -> dict[str, str]:
    """{article id: "title · date"} of the stored articles whose text contains `name` (a correction's scope)."""
    name = " ".join((name or "").split())
    if not name:
        return {}
    with open_store(path) as store:
        out = {}
        for aid in store.articles_containing(name):
            art = store.get_article(aid)
            if art is not None:
                out[aid] = f"{' '.join((art.title or aid).split())[:80]} · {art.published.isoformat()}"
        return out


def clicked_point(out: object) -> tuple[float, float] | None:
    """(lat, lon) of the last click on the candidates map (st_folium's `last_clicked`), or None."""
    click = out.get("last_clicked") if isinstance(out, dict) else None
    if not isinstance(click, dict):
        return None
    try:
        lat, lon = float(click["lat"]), float(click["lng"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (-90.0 <= lat <= 90.0):
        return None
    return round(lat, 5), round((lon + 180.0) % 360.0 - 180.0, 5)  # a click on a wrapped world copy


def candidate_override(cands: pd.DataFrame, label: str) -> dict:
    """save_override's keyword arguments for the candidate the user picked by its label."""
    row = cands[cands["label"] == label].iloc[0]
    population = row["population"]
    return {"lat": float(row["lat"]), "lon": float(row["lon"]), "kind": str(row["kind"]),
            "country": str(row["country_code"]), "admin1": str(row["admin1"]),
            "radius_km": float(row["radius_km"]), "population": int(population) if pd.notna(population) else 0}
