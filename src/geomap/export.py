"""Event records out: JSONL, ACLED-style CSV and GeoJSON. Shared by `geomap extract` and `geomap export`."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

#: ACLED's geo_precision: 1 = the exact town, 2 = part of a region / near a town, 3 = a larger region.
GEO_PRECISION = {"landmark": 1, "district": 1, "city": 1, "region": 2, "country": 3, "sea": 3, "continent": 3}
#: ACLED's time_precision: 1 = the day, 2 = the week, 3 = the month (or coarser).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "event_date_end", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "source_url", "source_scale", "notes", "fatalities", "source_count", "article", "place_id",
]


def acled_row(rec: dict, index: int = 0) -> dict:
    """One event record (Event.to_record / store row) as an ACLED-style row."""
    actors = list(rec.get("actors") or [])
    date = str(rec.get("date") or "")
    cc = rec.get("country_code") or ""
    return {
        "event_id_cnty": rec.get("uid") or rec.get("event_id") or f"{cc or 'XX'}{index + 1}",
        "event_date": date,
        "event_date_end": rec.get("date_end") or date,
        "year": date[:4],
        "time_precision": TIME_PRECISION.get(rec.get("date_precision") or "", 3),
        "event_type": rec.get("event_type") or "",
        "sub_event_type": rec.get("sub_event_type") or "",
        "actor1": actors[0] if actors else "",
        "actor2": actors[1] if len(actors) > 1 else "",
        "country": cc,
        "admin1": rec.get("admin1") or "",
        "location": rec.get("name") or "",
        "latitude": rec.get("lat"),
        "longitude": rec.get("lon"),
        "geo_precision": GEO_PRECISION.get(rec.get("precision") or "", 3),
        "source": rec.get("source") or "",
        "source_url": rec.get("url") or "",
        "source_scale": "",
        "notes": rec.get("sentence") or "",
        "fatalities": rec.get("fatalities") if rec.get("fatalities") is not None else "",
        "source_count": rec.get("source_count") or 1,
        "article": rec.get("article") or "",
        "place_id": rec.get("place_id") or "",
    }


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
        w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
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
