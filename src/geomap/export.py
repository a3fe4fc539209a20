"""Event records out: JSONL, ACLED CSV (the codebook's columns, then geomap's) and GeoJSON.

Shared by `geomap extract` and `geomap export`."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO

from geomap import codebook, names

#: ACLED's geo_precision: 1 = the exact town, 2 = part of a region / near a town, 3 = a larger region.
GEO_PRECISION = {"landmark": 1, "district": 1, "city": 1, "region": 2, "country": 3, "sea": 3, "continent": 3}
#: ACLED's time_precision: 1 = the day, 2 = the week, 3 = the month (or coarser).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

#: ACLED's codebook columns in its order, then geomap's own (the date range's end, the article, the model's score).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
GEOMAP_COLUMNS = ["event_date_end", "source_url", "source_count", "article", "place_id", "event_score"]
EXPORT_COLUMNS = ACLED_COLUMNS + GEOMAP_COLUMNS


def _blank(value: object) -> object:
    return "" if value is None else value


def acled_row(rec: dict, index: int = 0) -> dict:
    """One event record (Event.to_record / store row) as an ACLED row: every codebook column geomap can fill from
    what it found, the rest empty (associated actors, admin-2/3, source scale, tags: never invented)."""
    actors = list(rec.get("actors") or [])
    day = str(rec.get("date") or "")
    cc = rec.get("country_code") or ""
    inter = [codebook.actor_type(a, cc) for a in actors[:2]] + [None, None]
    iso, region = codebook.country_codes().get(cc, (None, None))
    row = {
        "event_id_cnty": rec.get("uid") or rec.get("event_id") or f"{cc or 'XX'}{index + 1}",
        "event_date": day, "year": day[:4],
        "time_precision": TIME_PRECISION.get(rec.get("date_precision") or "", 3),
        "disorder_type": codebook.disorder_type(rec.get("event_type") or "", rec.get("sub_event_type") or ""),
        "event_type": rec.get("event_type"), "sub_event_type": rec.get("sub_event_type"),
        "actor1": actors[0] if actors else None, "inter1": inter[0],
        "actor2": actors[1] if len(actors) > 1 else None, "inter2": inter[1],
        "interaction": codebook.interaction(inter[0], inter[1]),
        "civilian_targeting": codebook.civilian_targeting(rec.get("event_type") or ""),
        "iso": iso, "region": region, "country": names.country_names().get(cc) or cc,
        "admin1": names.admin1_names().get(rec.get("admin1") or "") or None, "location": rec.get("name"),
        "latitude": rec.get("lat"), "longitude": rec.get("lon"),
        "geo_precision": GEO_PRECISION.get(rec.get("precision") or "", 3),
        "source": rec.get("source"), "notes": rec.get("sentence"), "fatalities": rec.get("fatalities"),
        "timestamp": _timestamp(rec.get("ingested_at")),
        "event_date_end": rec.get("date_end") or day, "source_url": rec.get("url"),
        "source_count": rec.get("source_count") or 1, "article": rec.get("article"),
        "place_id": rec.get("place_id"), "event_score": rec.get("event_score"),
    }
    return {col: _blank(row.get(col)) for col in EXPORT_COLUMNS}


def _timestamp(when: object) -> int | None:
    """ACLED's timestamp (Unix seconds of the record's last change): when geomap stored the event's article."""
    if not when:
        return None
    try:
        moment = datetime.fromisoformat(str(when))
    except ValueError:
        return None
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


def geojson(records: Iterable[dict]) -> dict:
    """A FeatureCollection of points; every record field is kept in `properties`."""
    feats = []
    for rec in records:
        props = {k: v for k, v in rec.items() if k not in ("lat", "lon")}
        feats.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [rec["lon"], rec["lat"]]},
            "properties": props,
        })
    return {"type": "FeatureCollection", "features": feats}


def write_records(records: Iterable[dict], fmt: str, out: IO[str]) -> int:
    """Write records in `fmt` (jsonl, csv, geojson); return how many were written."""
    n = 0
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
            n += 1
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
        w.writeheader()
        for rec in records:
            w.writerow(acled_row(rec, n))
            n += 1
    elif fmt == "geojson":
        fc = geojson(records)
        n = len(fc["features"])
        json.dump(fc, out, ensure_ascii=False, default=str)
        out.write("\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n
