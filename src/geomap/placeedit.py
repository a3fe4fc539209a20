"""The Gazetteer page's work: search places, see how the store resolves a name, save a correction.

Why here and not in the page: the candidates table, the store's resolutions and the override's checks are plain
calls on the gazetteer and the store (testable without Streamlit); a correction is re-applied at once
(geomap.corrections).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from geomap.exceptions import InputError
from geomap.pagedata import open_store

CANDIDATE_COLUMNS = ["label", "id", "name", "kind", "country_code", "admin1", "lat", "lon", "population",
                     "radius_km", "source"]
USAGE_COLUMNS = ["name", "place_id", "precision", "country_code", "lat", "lon", "mentions", "event_mentions"]


def _candidate_row(r: dict) -> dict:
    return {"label": f"{r['address']} — {r['kind']}, {r.get('country_code') or '?'} ({r['id']})", "id": r["id"],
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
                  admin1: str = "", radius_km: float = 0.0, population: int = 0) -> object:
    """Save `name` as a user override (config.USER_OVERRIDES_CSV) and re-apply it to the stored events at once.

    Returns the corrections.CorrectionReport; bad values raise geomap.exceptions.InputError naming the field.
    """
    from geomap.corrections import reapply
    from geomap.gazetteer import add_override

    name = " ".join((name or "").split())
    if not name:
        raise InputError("gazetteer page", "the place name is empty", field="name")
    add_override(name, lat, lon, kind=kind, country=(country or "").upper(), admin1=admin1 or "",
                 radius_km=float(radius_km or 0.0), population=int(population or 0))
    return reapply(path, name)


def candidate_override(cands: pd.DataFrame, label: str) -> dict:
    """save_override's keyword arguments for the candidate the user picked by its label."""
    row = cands[cands["label"] == label].iloc[0]
    population = row["population"]
    return {"lat": float(row["lat"]), "lon": float(row["lon"]), "kind": str(row["kind"]),
            "country": str(row["country_code"]), "admin1": str(row["admin1"]),
            "radius_km": float(row["radius_km"]), "population": int(population) if pd.notna(population) else 0}
