"""Which conflict places the gazetteer lacks, or reads in another country: a gap check, not a score.

    .venv/bin/python benchmarks/sweep_places.py [benchmarks/data/conflict_places.txt]

Each line of the list is `CC name|name|...` (CC: the ISO-2 country the places lie in). Every name is geocoded as
`geomap geocode` does, without context: a name the gazetteer lacks is MISSING; one whose best reading lies in another
country is printed with that reading and the best reading inside CC (none: a gap; one: the article's context must pick
it). Gaps found this way go into the curated layer (`data/gazetteer_curated.csv`) or the README's known gaps.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from geomap.gazetteer.default import load_gazetteer  # noqa: E402

LIST = ROOT / "benchmarks" / "data" / "conflict_places.txt"


def sweep(path: Path) -> tuple[int, list[str]]:
    gaz = load_gazetteer()
    n, out = 0, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cc, _, names = line.partition(" ")
        for name in names.split("|"):
            n += 1
            best, inside = gaz.geocode(name), gaz.geocode(name, country=cc)
            if best is None and inside is None:
                out.append(f"MISSING {cc} {name}")
            elif best is None or best.raw.get("country_code") != cc:
                top = f"{best.raw.get('name')} ({best.raw.get('country_code') or '-'})" if best else "-"
                there = inside.raw.get("name") if inside else "none"
                out.append(f"ELSEWHERE {cc} {name}: best {top}; in {cc}: {there}")
    return n, out


def main(argv: list[str]) -> int:
    n, found = sweep(Path(argv[0]) if argv else LIST)
    print("\n".join(found))
    print(f"{n} names, {sum(x.startswith('MISSING') for x in found)} missing, "
          f"{sum(x.startswith('ELSEWHERE') for x in found)} read elsewhere first")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
