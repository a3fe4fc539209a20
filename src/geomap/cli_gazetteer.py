"""`geomap gazetteer build|add|undo|history`: the gazetteer's command line, apart from the rest of the CLI.

Why `add` goes through geomap.edits: a place added here is a correction like one made on the Gazetteer page, so it
is kept in the same history, `undo` takes it back, and the stored events that name it follow at once.
"""

from __future__ import annotations

import argparse
import json
import sys

from geomap import config


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    """Rebuild the gazetteer (build-only dependencies: `pip install -e '.[build]'`)."""
    from geomap.gazetteer.build import main as build_main

    argv = ["--out", args.out, "--curated", args.curated, "--min-population", str(args.min_population)]
    argv += ["--no-geojson"] if args.no_geojson else ["--geojson", args.geojson]
    return build_main(argv + (["--quiet"] if args.quiet else []))


def cmd_gazetteer_add(args: argparse.Namespace) -> int:
    from geomap import edits

    row, reports = edits.add_place(config.db_path(args.db), args.overrides, name=args.name, lat=args.lat,
                                   lon=args.lon, kind=args.kind, country=args.country, admin1=args.admin1,
                                   aliases=args.alias, population=args.population, radius_km=args.radius_km,
                                   feature=args.feature, place_id=args.id)
    print(f"geomap: saved {row.id} ({row.name}, {row.kind}, {row.lat:.5f}, {row.lon:.5f}) to {args.overrides}; "
          "it wins over the built gazetteer from now on (`geomap gazetteer undo` takes it back)", file=sys.stderr)
    for rep in reports:
        print(f"geomap: {rep.summary()}", file=sys.stderr)
    return 0


def cmd_gazetteer_undo(args: argparse.Namespace) -> int:
    from geomap import edits

    done = edits.undo_last(config.db_path(args.db), args.overrides)
    if done is None:
        print("geomap: nothing to undo", file=sys.stderr)
        return 0
    last, rep = done
    print(f"geomap: undid #{last['seq']}: {edits.describe(last)}; {rep.summary()}", file=sys.stderr)
    return 0


def cmd_gazetteer_history(args: argparse.Namespace) -> int:
    from geomap import edits

    for h in edits.history_rows(args.overrides):
        print(json.dumps(h, ensure_ascii=False))
    return 0


def add_gazetteer_parser(sub: argparse._SubParsersAction) -> None:
    g = sub.add_parser("gazetteer", help="build the gazetteer or add a place to your overrides")
    gsub = g.add_subparsers(dest="gazetteer_cmd", required=True)
    b = gsub.add_parser("build", help="rebuild data/gazetteer.csv from the pinned data packages + curated file")
    b.add_argument("--out", default=str(config.GAZETTEER_CSV))
    b.add_argument("--curated", default=str(config.CURATED_CSV), help="hand-curated layer (default: %(default)s)")
    b.add_argument("--geojson", default=str(config.DATA_DIR / "countries.geojson"),
                   help="simplified country polygons to write (default: %(default)s)")
    b.add_argument("--no-geojson", action="store_true", help="do not write the country polygons")
    b.add_argument("--min-population", type=int, default=500, choices=(500, 1000, 5000, 15000))
    b.add_argument("--quiet", action="store_true", help="no progress lines")
    b.set_defaults(func=cmd_gazetteer_build)
    a = gsub.add_parser("add", help="add or correct a place in the user overrides file")
    a.add_argument("name")
    a.add_argument("lat", type=float)
    a.add_argument("lon", type=float)
    a.add_argument("--kind", default="city", choices=("landmark", "district", "city", "region", "country", "sea",
                                                    "continent"))
    a.add_argument("--feature", default="", help="finer class: river, island, facility, bridge, air base ...")
    a.add_argument("--id", default="", help="place id (default user:<name>[-<cc>]; an existing id replaces it)")
    a.add_argument("--country", default="")
    a.add_argument("--admin1", default="")
    a.add_argument("--alias", action="append", default=[])
    a.add_argument("--population", type=int, default=0)
    a.add_argument("--radius-km", type=float, default=0.0)
    a.add_argument("--overrides", default=str(config.USER_OVERRIDES_CSV))
    a.add_argument("--db", default=None, help="store whose events follow the change (default: the app's)")
    a.set_defaults(func=cmd_gazetteer_add)
    u = gsub.add_parser("undo", help="take back the latest correction (from this command or the Gazetteer page)")
    u.add_argument("--overrides", default=str(config.USER_OVERRIDES_CSV))
    u.add_argument("--db", default=None)
    u.set_defaults(func=cmd_gazetteer_undo)
    h = gsub.add_parser("history", help="every correction and undo, newest first (one JSON object a line)")
    h.add_argument("--overrides", default=str(config.USER_OVERRIDES_CSV))
    h.set_defaults(func=cmd_gazetteer_history)
