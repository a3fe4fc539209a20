"""Realistic generated conflict-news articles and events, for scale benchmarks and crash tests.

Why generated: we may not redistribute news archives, and a benchmark must be reproducible. The generator draws
"world events" (a place, a date range, an ACLED type) and writes articles that report them in the style of wire copy
(weekday-anchored dates, casualty counts, metonyms such as "Moscow said"), several articles per event, so the
store's duplicate merge is exercised the way real coverage exercises it.

Places come from data/gazetteer.csv when it exists (the largest places of a few conflict countries), else from the
small list of real places below; for very large runs, generated villages around them keep places distinct.

    generate_articles(n, seed=0) -> list[Article]     # text for the real pipeline
    generate_events(n, seed=0) -> list[dict]          # event records (DESIGN §3 + event_id, source_count)
    generate_docs(n, seed=0) -> list[Doc]             # pipeline-shaped output, to load a store without the pipeline
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from geomap.models import Article, Doc, Event, Mention, Place, Sentence

# name, lat, lon, kind, country_code, admin1, radius_km, population  (GeoNames / Natural Earth facts, rounded)
_PLACES = [
    ("Kyiv", 50.4501, 30.5234, "city", "UA", "Kyiv City", 15, 2797553),
    ("Kharkiv", 49.9935, 36.2304, "city", "UA", "Kharkiv", 12, 1430885),
    ("Bakhmut", 48.5956, 37.9999, "city", "UA", "Donetsk", 4, 72310),
    ("Donetsk", 48.0159, 37.8029, "city", "UA", "Donetsk", 12, 929063),
    ("Mariupol", 47.0971, 37.5434, "city", "UA", "Donetsk", 10, 431859),
    ("Zaporizhzhia", 47.8388, 35.1396, "city", "UA", "Zaporizhzhia", 12, 710052),
    ("Kherson", 46.6354, 32.6169, "city", "UA", "Kherson", 8, 279131),
    ("Odesa", 46.4825, 30.7233, "city", "UA", "Odesa", 12, 1015826),
    ("Lviv", 49.8397, 24.0297, "city", "UA", "Lviv", 9, 717803),
    ("Dnipro", 48.4647, 35.0462, "city", "UA", "Dnipropetrovsk", 13, 968502),
    ("Mykolaiv", 46.975, 31.9946, "city", "UA", "Mykolaiv", 8, 476101),
    ("Avdiivka", 48.1394, 37.7497, "city", "UA", "Donetsk", 3, 31940),
    ("Kramatorsk", 48.7389, 37.5848, "city", "UA", "Donetsk", 6, 150084),
    ("Sloviansk", 48.852, 37.6053, "city", "UA", "Donetsk", 5, 106972),
    ("Sumy", 50.9077, 34.7981, "city", "UA", "Sumy", 6, 264753),
    ("Chernihiv", 51.4982, 31.2893, "city", "UA", "Chernihiv", 6, 285234),
    ("Kupiansk", 49.7106, 37.6156, "city", "UA", "Kharkiv", 3, 26661),
    ("Lysychansk", 48.904, 38.442, "city", "UA", "Luhansk", 4, 95031),
    ("Izium", 49.2128, 37.2566, "city", "UA", "Kharkiv", 3, 45884),
    ("Pokrovsk", 48.282, 37.176, "city", "UA", "Donetsk", 3, 60127),
    ("Belgorod", 50.5997, 36.5983, "city", "RU", "Belgorod", 8, 356402),
    ("Kursk", 51.7373, 36.1874, "city", "RU", "Kursk", 8, 440052),
    ("Bryansk", 53.2521, 34.3717, "city", "RU", "Bryansk", 8, 427236),
    ("Aleppo", 36.2021, 37.1343, "city", "SY", "Aleppo", 12, 1602264),
    ("Idlib", 35.9306, 36.6339, "city", "SY", "Idlib", 4, 128840),
    ("Deir ez-Zor", 35.3359, 40.1408, "city", "SY", "Deir ez-Zor", 5, 242565),
    ("Gaza City", 31.5017, 34.4668, "city", "PS", "Gaza", 6, 410000),
    ("Khan Younis", 31.3462, 34.3063, "city", "PS", "Gaza", 4, 142637),
    ("Rafah", 31.2969, 34.2455, "city", "PS", "Gaza", 4, 126305),
    ("Khartoum", 15.5007, 32.5599, "city", "SD", "Khartoum", 15, 1974647),
    ("Omdurman", 15.6445, 32.4777, "city", "SD", "Khartoum", 10, 1200000),
    ("El Fasher", 13.6279, 25.3494, "city", "SD", "North Darfur", 5, 252609),
    ("Sanaa", 15.3694, 44.191, "city", "YE", "Sanaa", 10, 1937451),
    ("Hodeidah", 14.7978, 42.9545, "city", "YE", "Al Hudaydah", 6, 617871),
    ("Marib", 15.4543, 45.3225, "city", "YE", "Marib", 4, 40000),
    ("Mandalay", 21.9588, 96.0891, "city", "MM", "Mandalay", 9, 1208099),
    ("Lashio", 22.9333, 97.75, "city", "MM", "Shan", 4, 131016),
    ("Donetsk Oblast", 48.0, 37.8, "region", "UA", "Donetsk", 120, 4100000),
    ("Kharkiv region", 49.6, 36.6, "region", "UA", "Kharkiv", 110, 2600000),
    ("North Darfur", 15.8, 25.0, "region", "SD", "North Darfur", 300, 2100000),
    ("Belarus", 53.5, 28.0, "country", "BY", "", 350, 9400000),
    ("Black Sea", 43.4, 34.0, "sea", "", "", 500, 0),
]
_METONYMS = {"UA": "Kyiv", "RU": "Moscow", "SY": "Damascus", "PS": "Jerusalem", "SD": "Khartoum", "YE": "Sanaa",
             "MM": "Naypyidaw", "BY": "Minsk", "": "Ankara"}
_ACTORS = {
    "UA": ("Russian forces", "Ukrainian forces"), "RU": ("Ukrainian forces", "Russian forces"),
    "SY": ("Syrian government forces", "rebels"), "PS": ("Israeli forces", "Hamas"),
    "SD": ("Rapid Support Forces", "Sudanese army"), "YE": ("Houthi fighters", "government forces"),
    "MM": ("resistance fighters", "the military junta"), "BY": ("Russian troops", "Belarusian troops"),
    "IL": ("Hezbollah", "Israeli forces"), "LB": ("Israeli forces", "Hezbollah"),
    "IQ": ("Islamic State militants", "Iraqi security forces"), "": ("Russian navy", "Ukrainian drones"),
}
_CROWD = {"Protests": ["Protesters"], "Riots": ["Rioters", "Police forces"]}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
# (event_type, sub_event_type, sentence template). {a1}/{a2} actors, {place}, {when}, {n} deaths, {src} metonym.
_TEMPLATES = [
    ("Battles", "Armed clash", "{A1} and {a2} fought fierce battles near {place} {when}, the military said."),
    ("Battles", "Armed clash", "Heavy fighting raged around {place} {when} as {a1} pressed their assault."),
    ("Battles", "Government regains territory", "{A2} said they had retaken positions outside {place} {when}."),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     "{A1} shelled {place} {when}, killing {n} people, the regional governor said."),
    ("Explosions/Remote violence", "Air/drone strike",
     "Drones struck energy infrastructure in {place} {when}, officials said, and {n} people died."),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     "A missile hit a residential building in {place} {when}, killing {n} civilians."),
    ("Violence against civilians", "Attack",
     "Gunmen killed {n} villagers in {place} {when}, local officials told reporters."),
    ("Protests", "Peaceful protest", "Thousands of people protested in {place} {when} against the war."),
    ("Riots", "Violent demonstration", "Protesters clashed with police in {place} {when}; {n} people were hurt."),
    ("Strategic developments", "Disrupted weapons use",
     "{A2} said air defences shot down drones over {place} {when}."),
    ("Strategic developments", "Headquarters or base established",
     "{A1} moved troops and armour into {place} {when}, satellite images showed."),
]
_FILLER = [
    "{src} said the attacks would not change its position.",
    "The claims could not be independently verified.",
    "Officials in {src} did not respond to a request for comment.",
    "Aid agencies warned that the humanitarian situation was getting worse.",
    "Power and water supplies were cut in several districts.",
    "Talks between the two sides have stalled since the spring.",
]


@dataclass(frozen=True)
class _WorldEvent:
    place: Place
    start: date
    end: date
    precision: str
    tmpl: int
    deaths: int | None


def _builtin_places() -> list[Place]:
    return [Place(id=f"gen:{i}", name=n, lat=la, lon=lo, kind=k, country_code=cc, admin1=a1, radius_km=r,
                  population=pop, source="benchmarks/generate.py")
            for i, (n, la, lo, k, cc, a1, r, pop) in enumerate(_PLACES)]


def _load_places(rng: random.Random, want: int, gazetteer: bool = True) -> list[Place]:
    """Real places: the built-in list, or with `gazetteer` also data/gazetteer.csv's cities (when it exists) and
    generated villages around them when a run needs more distinct places than that."""
    places = _builtin_places()
    gaz = Path(__file__).resolve().parents[1] / "data" / "gazetteer.csv"
    if gazetteer and gaz.exists():
        known = {p.name for p in places}
        places += [p for p in _from_gazetteer(gaz, limit=max(200, min(want, 20_000))) if p.name not in known]
    base = [p for p in places if p.kind == "city"]
    i = 0
    while gazetteer and len(places) < want:
        anchor = base[i % len(base)]
        i += 1
        ang, dist = rng.uniform(0, 2 * math.pi), rng.uniform(8, 60)
        lat = anchor.lat + dist / 111.0 * math.cos(ang)
        lon = anchor.lon + dist / (111.0 * math.cos(math.radians(anchor.lat))) * math.sin(ang)
        places.append(Place(id=f"gen:v{i}", name=_village(rng), lat=round(lat, 4), lon=round(lon, 4),
                            kind="city", country_code=anchor.country_code, admin1=anchor.admin1,
                            radius_km=1.5, population=rng.randint(300, 5000),
                            source="benchmarks/generate.py (synthetic village)"))
    return places


def _village(rng: random.Random) -> str:
    pre = ("Novo", "Staro", "Velyka ", "Mala ", "Kras", "Pis", "Bil", "Zel", "Orikh", "Vesel")
    suf = ("ivka", "ske", "hirka", "dolyna", "opillia", "ove", "yne", "ohorivka", "ianka")
    return (rng.choice(pre) + rng.choice(suf)).replace("  ", " ").title()


#: Share of the gazetteer cities drawn from each country (conflict coverage is dominated by a few countries).
_COUNTRY_SHARE = {"UA": 0.45, "RU": 0.1, "SY": 0.1, "PS": 0.05, "SD": 0.08, "YE": 0.06, "MM": 0.06, "IL": 0.03,
                  "LB": 0.03, "IQ": 0.04}


def _from_gazetteer(path: Path, limit: int) -> list[Place]:
    """The most populous cities of conflict countries in data/gazetteer.csv, by each country's share."""
    by_cc: dict[str, list[Place]] = {cc: [] for cc in _COUNTRY_SHARE}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                cc = r.get("country_code") or ""
                if cc not in by_cc or r.get("kind") != "city":
                    continue
                try:
                    by_cc[cc].append(Place(
                        id=r["id"], name=r["name"], lat=float(r["lat"]), lon=float(r["lon"]), kind="city",
                        country_code=cc, admin1=r.get("admin1") or "", population=int(float(r["population"] or 0)),
                        radius_km=float(r.get("radius_km") or 0), source="gazetteer"))
                except (KeyError, ValueError):
                    continue
    except OSError:
        return []
    out: list[Place] = []
    for cc, share in _COUNTRY_SHARE.items():
        out += sorted(by_cc[cc], key=lambda p: -p.population)[: int(limit * share)]
    return out


def _world(n_events: int, seed: int, start: date = date(2022, 2, 24), days: int = 1095,
           places_per_event: float = 0.05, gazetteer: bool = True) -> list[_WorldEvent]:
    rng = random.Random(seed)
    places = _load_places(rng, max(len(_PLACES), int(n_events * places_per_event)), gazetteer)
    cum = list(itertools.accumulate(math.log10(max(p.population, 10)) ** 2 for p in places))
    out = []
    for _ in range(n_events):
        p = rng.choices(places, cum_weights=cum)[0]
        d0 = start + timedelta(days=rng.randrange(days))
        r = rng.random()
        if r < 0.85:
            prec, d1 = "day", d0
        elif r < 0.93:
            prec, d1 = "week", d0 + timedelta(days=6)
        else:
            prec = "month"
            d0 = d0.replace(day=1)
            d1 = (d0 + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        tmpl = rng.randrange(len(_TEMPLATES))
        deaths = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 20])
        out.append(_WorldEvent(p, d0, d1, prec, tmpl, deaths))
    return out


def _when(ev: _WorldEvent, published: date) -> str:
    if ev.precision == "month":
        return f"in {_MONTHS[ev.start.month - 1]}"
    if ev.precision == "week":
        if ev.start >= published - timedelta(days=7):
            return "over the past week"
        return f"in the week of {ev.start:%B} {ev.start.day}"
    lag = (published - ev.start).days
    if lag == 1:
        return "overnight"
    return "on " + _WEEKDAYS[ev.start.weekday()]


def _article_for(i: int, events: list[_WorldEvent], rng: random.Random) -> tuple[Article, Doc]:
    """One article reporting `events` (all within a week before its publication), and the Doc a perfect pipeline
    would return for it."""
    published = max(ev.end if ev.precision != "month" else ev.start for ev in events)
    published = max(published, max(ev.start for ev in events)) + timedelta(days=rng.choice([0, 0, 0, 1, 2]))
    parts: list[str] = []
    pos = 0
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    doc_events: list[Event] = []

    def add(sentence: str, paragraph_end: bool = False) -> int:
        nonlocal pos
        start = pos
        sentences.append(Sentence(start, start + len(sentence), sentence, paragraph=len(parts)))
        parts.append(sentence + ("\n\n" if paragraph_end else " "))
        pos += len(parts[-1])
        return start

    for k, ev in enumerate(events):
        etype, sub, tmpl = _TEMPLATES[ev.tmpl]
        a1, a2 = _ACTORS.get(ev.place.country_code, _ACTORS[""])
        n = ev.deaths or rng.randint(1, 4)
        text = tmpl.format(a1=a1, a2=a2, A1=a1[0].upper() + a1[1:], A2=a2[0].upper() + a2[1:],
                           place="\0", when=_when(ev, published), n=n)
        s_start = add(text.replace("\0", ev.place.name), paragraph_end=(k % 2 == 1))
        off = s_start + text.index("\0")
        sentence = sentences[-1].text
        mentions.append(Mention(off, off + len(ev.place.name), ev.place.name, len(sentences) - 1, ev.place, "event"))
        doc_events.append(Event(place=ev.place, place_text=ev.place.name, date=ev.start, date_end=ev.end,
                                date_precision=ev.precision, event_type=etype, sub_event_type=sub,
                                sentence=sentence, sentence_start=s_start, place_start=off,
                                actors=_CROWD.get(etype) or ([a1, a2] if etype == "Battles" else [a1]),
                                fatalities=n if "{n}" in tmpl else None, sentences=[sentence]))
        if rng.random() < 0.5:
            src = _METONYMS.get(ev.place.country_code, "Ankara")
            filler = rng.choice(_FILLER).format(src=src)
            f_start = add(filler)
            if src in filler:
                j = f_start + filler.index(src)
                mentions.append(Mention(j, j + len(src), src, len(sentences) - 1, None, "mention"))
    text = "".join(parts).strip()
    first = events[0]
    title = f"{_TEMPLATES[first.tmpl][0]} reported in {first.place.name}"
    art = Article(id=f"gen-{i:07d}", published=published, text=text, title=title,
                  url=f"https://news.example.org/{published:%Y/%m/%d}/gen-{i:07d}", source="Generated Wire",
                  origin=f"generated:{i}")
    return art, Doc(article=art, sentences=sentences, mentions=mentions, events=doc_events)


def _pairs(n_articles: int, seed: int, gazetteer: bool = True, events_per_article: float = 2.0,
           sources_per_event: float = 1.4) -> list[tuple[Article, Doc]]:
    rng = random.Random(seed + 1)
    n_world = max(1, int(n_articles * events_per_article / sources_per_event))
    world = _world(n_world, seed, gazetteer=gazetteer)
    world.sort(key=lambda e: e.start)
    out = []
    for i in range(n_articles):
        k = rng.choice([1, 1, 2, 2, 2, 3, 4])
        j = rng.randrange(len(world))
        # an article reports a handful of events of the same few days (nearby in the date-sorted world)
        picks = sorted({min(len(world) - 1, j + rng.randrange(0, 12)) for _ in range(k)})
        out.append(_article_for(i, [world[p] for p in picks], rng))
    return out


def generate_articles(n: int, seed: int = 0, gazetteer: bool = True) -> list[Article]:
    """`n` articles in wire style; about 2 events each, each event reported by about 1.4 articles.

    `gazetteer=False` keeps to the built-in places, the only ones `keyword_process` reads."""
    return [a for a, _ in _pairs(n, seed, gazetteer)]


def generate_docs(n: int, seed: int = 0, gazetteer: bool = True) -> list[Doc]:
    """The same articles as `generate_articles(n, seed)` with the Doc a perfect pipeline would return."""
    return [d for _, d in _pairs(n, seed, gazetteer)]


def generate_events(n: int, seed: int = 0) -> list[dict]:
    """`n` distinct event records (DESIGN §3 fields + event_id, source_count), as the store would export them."""
    rng = random.Random(seed + 2)
    out: list[dict] = []
    for ev in _world(n, seed, places_per_event=0.2):
        etype, sub, tmpl = _TEMPLATES[ev.tmpl]
        a1, a2 = _ACTORS.get(ev.place.country_code, _ACTORS[""])
        k = len(out)
        sentence = tmpl.format(a1=a1, a2=a2, A1=a1[0].upper() + a1[1:], A2=a2[0].upper() + a2[1:],
                               place=ev.place.name, when=_when(ev, ev.end), n=ev.deaths or 1)
        fatalities = (ev.deaths or 1) if "{n}" in tmpl else None
        actors = _CROWD.get(etype) or ([a1, a2] if etype == "Battles" else [a1])
        p = ev.place
        out.append({
            "event_id": k + 1, "article": f"gen-{k:07d}", "title": f"{etype} reported in {p.name}",
            "url": f"https://news.example.org/gen-{k:07d}", "source": "Generated Wire",
            "published": ev.end.isoformat(), "sentence": sentence, "sentences": [sentence], "place": p.name,
            "place_start": sentence.index(p.name), "place_id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon,
            "precision": p.kind, "radius_km": p.radius_km, "country_code": p.country_code, "admin1": p.admin1,
            "date": ev.start.isoformat(), "date_end": ev.end.isoformat(), "date_precision": ev.precision,
            "event_type": etype, "sub_event_type": sub, "actors": actors,
            "fatalities": fatalities, "source_count": rng.choice([1, 1, 1, 2, 3]),
        })
    return out


_KEYWORDS = [
    ("Battles", "Armed clash", ("fought", "fighting")), ("Battles", "Government regains territory", ("retaken",)),
    ("Explosions/Remote violence", "Air/drone strike", ("Drones struck",)),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", ("shelled", "missile")),
    ("Violence against civilians", "Attack", ("Gunmen",)), ("Protests", "Peaceful protest", ("protested",)),
    ("Riots", "Violent demonstration", ("clashed with police",)),
    ("Strategic developments", "Disrupted weapons use", ("air defences",)),
    ("Strategic developments", "Headquarters or base established", ("moved troops",)),
]
_PLACE_INDEX: dict[str, Place] = {}


def keyword_process(article: Article) -> Doc:
    """A stand-in pipeline that reads only this generator's wire style (keywords, place list, weekdays).

    Why: it measures the store and the engines without the cost of the real pipeline, and it is importable by
    Dask workers. It is NOT geomap's pipeline."""
    if not _PLACE_INDEX:
        _PLACE_INDEX.update({n: Place(id=f"gen:{i}", name=n, lat=la, lon=lo, kind=k, country_code=cc, admin1=a1,
                                      radius_km=r, population=pop, source="benchmarks/generate.py")
                             for i, (n, la, lo, k, cc, a1, r, pop) in enumerate(_PLACES)})
    if "\x00" in article.text:
        raise ValueError("NUL character in text")
    doc = Doc(article=article)
    pos = 0
    for raw in article.text.replace("\n\n", " ").split(". "):
        s_start = article.text.find(raw, pos)
        pos = s_start + len(raw)
        sentence = raw if raw.endswith(".") else raw + "."
        doc.sentences.append(Sentence(s_start, s_start + len(sentence), sentence))
        kind = next(((t, sub) for t, sub, kws in _KEYWORDS if any(k in sentence for k in kws)), None)
        for name, place in _PLACE_INDEX.items():
            j = sentence.find(name)
            if j < 0 or (j + len(name) < len(sentence) and sentence[j + len(name)].isalpha()):
                continue
            role = "event" if kind else "mention"
            doc.mentions.append(Mention(s_start + j, s_start + j + len(name), name, len(doc.sentences) - 1,
                                        place, role))
            if kind:
                d0 = d1 = article.published
                prec = "day"
                for wd, day_name in enumerate(_WEEKDAYS):
                    if f"on {day_name}" in sentence:
                        d0 = d1 = article.published - timedelta(days=(article.published.weekday() - wd) % 7)
                if "overnight" in sentence:
                    d0 = d1 = article.published - timedelta(days=1)
                for m, month in enumerate(_MONTHS, 1):
                    if f"in {month}" in sentence:
                        year = article.published.year - (m > article.published.month)
                        d0 = date(year, m, 1)
                        d1 = (d0 + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                        prec = "month"
                doc.events.append(Event(place=place, place_text=name, date=d0, date_end=d1, date_precision=prec,
                                        event_type=kind[0], sub_event_type=kind[1], sentence=sentence,
                                        sentence_start=s_start, place_start=s_start + j,
                                        actors=[], fatalities=None, sentences=[sentence]))
                break
    return doc


def write_jsonl(articles: list[Article], path: Path) -> Path:
    """Articles as a JSONL file `geomap ingest` reads (published, text, title, url, source, id)."""
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "published": a.published.isoformat(), "title": a.title,
                                 "url": a.url, "source": a.source, "text": a.text}, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Write N generated wire-style articles as JSONL (`geomap ingest` "
                                 "reads it).")
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="JSONL file to write")
    ap.add_argument("seed", type=int, nargs="?", default=0, help="random seed (default 0)")
    args = ap.parse_args(argv)
    write_jsonl(generate_articles(args.n, args.seed), args.out)
    print(f"wrote {args.n} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
