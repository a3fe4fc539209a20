"""`geomap` / `python -m geomap`: a thin shell over the library (DESIGN §3 is the contract)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from geomap import config
from geomap.articles import parse_date, read_paths
from geomap.cli_gazetteer import add_gazetteer_parser
from geomap.exceptions import GeomapError, InputError
from geomap.models import Article, Doc


class _Reader:
    """Readable articles from paths; each unreadable file or row is reported on stderr and skipped, and counted
    so that a run in which nothing at all could be read exits non-zero."""

    def __init__(self, paths: list[str], default_date: date | None = None):
        self.paths, self.default_date = paths, default_date
        self.read = self.failed = 0

    def __iter__(self) -> Iterator[Article]:
        for item in read_paths(self.paths, self.default_date):
            if isinstance(item, InputError):
                self.failed += 1
                print(f"geomap: skipped {item}", file=sys.stderr)
            else:
                self.read += 1
                yield item

    @property
    def status(self) -> int:
        return 1 if self.failed and not self.read else 0

    def docs(self) -> Iterator[Doc]:
        """The processed articles; one the pipeline fails on is reported (file/row and cause) and skipped, so a
        single hostile article never ends a run with a traceback."""
        from geomap.pipeline import process

        for art in self:
            try:
                yield process(art)
            except Exception as exc:  # noqa: BLE001 - reported with its origin, the run goes on
                self.read -= 1
                self.failed += 1
                reason = str(exc) if isinstance(exc, InputError) else f"{art.origin or art.id}: could not process " \
                    f"({type(exc).__name__}: {str(exc)[:200]})"
                print(f"geomap: skipped {reason}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from geomap.export import write_records

    reader = _Reader(args.paths)
    records = (ev.to_record(doc.article) for doc in reader.docs() for ev in doc.events)
    write_records(records, args.format, sys.stdout)
    return reader.status


def cmd_geoparse(args: argparse.Namespace) -> int:
    from geomap.export import write_records

    # Place mentions do not depend on dates: rows with a missing or unreadable date are parsed all the same.
    reader = _Reader(args.paths, default_date=date.today())
    # Every resolved mention, and the event places the gazetteer lacks (null coordinates: places to add).
    records = (m.to_record(doc.article) for doc in reader.docs() for m in doc.mentions
               if m.place is not None or m.role == "event")
    write_records(records, "jsonl", sys.stdout)
    return reader.status


def cmd_geocode(args: argparse.Namespace) -> int:
    from geomap.gazetteer import load_gazetteer

    loc = load_gazetteer().geocode(args.name, exactly_one=True, country=args.country, kind=args.kind)
    if loc is None:
        where = f" in {args.country}" if args.country else ""
        print(f"geomap: no gazetteer match for {args.name!r}{where}", file=sys.stderr)
        return 1
    raw = loc.raw
    out = {k: raw.get(k) for k in ("name", "lat", "lon", "precision", "country_code", "population")}
    out["precision"] = raw.get("precision") or raw.get("kind")
    out.update({k: raw[k] for k in ("id", "admin1", "radius_km", "source") if k in raw})
    if args.format == "json":
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(f"{out['name']}\t{out['lat']:.5f}\t{out['lon']:.5f}\t{out['precision']}\t{out['country_code']}")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from geomap.ingest import run_ingest

    report = run_ingest(args.paths, config.db_path(args.db), engine=args.engine, scheduler=args.scheduler,
                        progress=not args.quiet)
    print(report.summary())
    return 0 if not report.failed or report.new or report.skipped else 1


def cmd_export(args: argparse.Namespace) -> int:
    from geomap.export import write_records
    from geomap.store import Store

    start = parse_date(args.start, "--start", field="start") if args.start else None
    end = parse_date(args.end, "--end", field="end") if args.end else None
    with Store.open(config.db_path(args.db), create=False) as store:
        records = store.event_records(start=start, end=end)
        if args.output:
            n = _write_atomically(Path(args.output), lambda out: write_records(records, args.format, out))
        else:
            n = write_records(records, args.format, sys.stdout)
    print(f"geomap: exported {n} events", file=sys.stderr)
    return 0


def _write_atomically(path: Path, write: Callable[[IO[str]], int]) -> int:
    """Write through a temporary file beside `path`, renamed over it only when complete: a full disk or a damaged
    store never leaves a truncated export (nor destroys the previous one)."""
    import os
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent if str(path.parent) else ".")
    except OSError as exc:
        raise InputError(str(path), f"cannot write: {exc.strerror or exc}", field="--output") from None
    try:
        with open(fd, "w", encoding="utf-8", newline="") as out:
            n = write(out)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(str(path), f"cannot write: {exc.strerror or exc}; nothing was written",
                         field="--output") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return n


def cmd_articles(args: argparse.Namespace) -> int:
    """`geomap articles list|delete`: the stored articles; delete removes one with its events, and an event other
    articles also reported stays with their reports only (Store.delete_article)."""
    from geomap.store import Store

    with Store.open(config.db_path(args.db), create=False) as store:
        if args.articles_cmd == "list":
            for r in store.articles_frame().itertuples(index=False):
                rec = {"id": r.id, "published": r.published.date().isoformat(), "n_events": int(r.n_events),
                       "title": r.title, "source": r.source, "url": r.url}
                print(json.dumps(rec, ensure_ascii=False) if args.format == "json" else "\t".join(map(str, (
                    rec["id"], rec["published"], rec["n_events"], rec["title"]))))
            return 0
        missing = 0
        for article_id in args.ids:
            done = store.delete_article(article_id)
            if done is None:
                missing += 1
                print(f"geomap: no stored article {article_id!r} (see `geomap articles list`)", file=sys.stderr)
            else:
                print(f"geomap: deleted article {article_id}: {done.events_removed} events removed, "
                      f"{done.events_kept} kept with their other sources", file=sys.stderr)
    return 1 if missing else 0


def _command_group(sub: argparse._SubParsersAction, name: str, help_text: str
                   ) -> tuple[argparse.ArgumentParser, Callable[..., argparse.ArgumentParser]]:
    """`geomap NAME ACTION ...`: the group's parser and a maker of its actions, each taking `--db` (and, with
    `listing=True`, `--format text|json`)."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", default=None)
    group = sub.add_parser(name, help=help_text)
    actions = group.add_subparsers(dest=f"{name}_cmd", required=True)

    def action(action_name: str, help_text: str, listing: bool = False) -> argparse.ArgumentParser:
        parser = actions.add_parser(action_name, help=help_text, parents=[db])
        if listing:
            parser.add_argument("--format", choices=["text", "json"], default="text")
        return parser

    return group, action


def add_articles_parser(sub: argparse._SubParsersAction) -> None:
    a, action = _command_group(sub, "articles", "list stored articles or delete one with its events")
    action("list", "id, published date, events and title of every stored article", listing=True)
    d = action("delete", "delete articles, their mentions and events (merges with other articles are undone)")
    d.add_argument("ids", nargs="+", metavar="ID", help="article id (see `geomap articles list`)")
    a.set_defaults(func=cmd_articles)


def cmd_overlays(args: argparse.Namespace) -> int:
    """`geomap overlays add|list|remove`: the map's overlay layers (front lines, areas of control) in the store."""
    from geomap.overlays import PALETTE, check_color, read_overlay
    from geomap.store import Store

    with Store.open(config.db_path(args.db), create=args.overlays_cmd == "add") as store:
        if args.overlays_cmd == "add":
            color = check_color(args.color) if args.color else PALETTE[len(store.overlays()) % len(PALETTE)]
            try:
                data = Path(args.file).read_bytes()
            except OSError as exc:
                raise InputError(args.file, f"cannot read: {exc.strerror or exc}") from None
            ov = read_overlay(args.file, data, name=args.name or "", color=color)
            oid = store.add_overlay(ov)
            print(f"geomap: added overlay {oid} {ov.name!r} ({len(ov.features)} features, {ov.color})",
                  file=sys.stderr)
            return 0
        if args.overlays_cmd == "list":
            for o in store.overlays():
                rec = o._asdict()
                print(json.dumps(rec, ensure_ascii=False) if args.format == "json" else "\t".join(map(str, (
                    o.id, "shown" if o.visible else "hidden", o.color, o.n_features, o.name, o.source_file))))
            return 0
        missing = [i for i in args.ids if not store.remove_overlay(i)]
        for i in args.ids:
            print(f"geomap: {'no stored overlay' if i in missing else 'removed overlay'} {i}", file=sys.stderr)
    return 1 if missing else 0


def add_overlays_parser(sub: argparse._SubParsersAction) -> None:
    o, action = _command_group(sub, "overlays", "GeoJSON/KML layers (front lines, areas of control) drawn under the "
                               "events")
    a = action("add", "store a .geojson/.json/.kml file as a named overlay")
    a.add_argument("file")
    a.add_argument("--name", default=None, help="shown on the map (default: the file name)")
    a.add_argument("--color", default=None, help="#rrggbb (default: the next colour of the palette)")
    action("list", "id, shown/hidden, colour, features, name and file of each", listing=True)
    r = action("remove", "delete overlays from the store")
    r.add_argument("ids", nargs="+", type=int, metavar="ID", help="overlay id (see `geomap overlays list`)")
    o.set_defaults(func=cmd_overlays)


def cmd_prepare(args: argparse.Namespace) -> int:
    """Everything `make` prepares: the gazetteer index cache and the map's vendored JS/CSS under ./static."""
    import time

    from geomap.gazetteer import load_gazetteer
    from geomap.mapview import ensure_static_assets

    t = time.perf_counter()
    gaz = load_gazetteer()
    written = ensure_static_assets(config.ROOT / "static")
    print(f"geomap: gazetteer ready ({len(gaz):,} places, {time.perf_counter() - t:.1f} s); "
          f"{len(written)} static files updated", file=sys.stderr)
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    """`geomap sources add|list|remove|pause|resume`: the followed feeds and pages (geomap.sources)."""
    from geomap.sources import SourceBook
    from geomap.store import Store

    with Store.open(config.db_path(args.db)) as store:
        book = SourceBook(store.conn)
        if args.sources_cmd == "list":
            rows = [s.record() for s in book.all()]
            if args.format == "json":
                for r in rows:
                    print(json.dumps(r, ensure_ascii=False))
            else:
                for r in rows:
                    print(f"{r['id']}\t{r['status']}\t{r['every']}\t{r['name']}\t{r['url']}\t"
                          f"last ok {r['last_success'] or '-'}\tnext {r['next_run'] or '-'}"
                          + (f"\terror: {r['last_error']}" if r["last_error"] else ""))
                if not rows:
                    print("geomap: no sources yet (geomap sources add URL)", file=sys.stderr)
            return 0
        if args.sources_cmd == "import":
            from geomap.sources import read_source_list

            pairs, bad = read_source_list(args.file)
            for err in bad:
                print(f"geomap: skipped {err}", file=sys.stderr)
            for url, name in pairs:
                book.add(url, name=name, every=args.every)
            print(f"geomap: following {len(pairs)} sources from {args.file}", file=sys.stderr)
            return 1 if bad and not pairs else 0
        if args.sources_cmd == "add":
            src = book.add(args.url, name=args.name or "", every=args.every, kind=args.kind)
            verb = "following"
        elif args.sources_cmd == "remove":
            src, verb = book.remove(args.source), "removed (its stored articles stay)"
        else:
            src = book.set_paused(args.source, args.sources_cmd == "pause")
            verb = "paused" if src.paused else "resumed"
        print(f"geomap: {verb} source {src.id} {src.name} <{src.url}>", file=sys.stderr)
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    """`geomap watch [--once]`: poll the due sources (Ctrl-C stops between two articles)."""
    import signal
    import threading

    from geomap.fetch import FetchSettings
    from geomap.watch import watch

    stop = threading.Event()

    def on_signal(*_: object) -> None:
        if stop.is_set():  # a second Ctrl-C: stop now (the article being stored is rolled back)
            raise KeyboardInterrupt
        stop.set()
        print("geomap: stopping after the current article (Ctrl-C again to stop at once)", file=sys.stderr)

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, on_signal)
    settings = FetchSettings(timeout_s=args.timeout, host_interval_s=args.host_interval, retries=args.retries)
    if args.nice > 0:
        import os

        os.nice(args.nice)  # a background job: the app's page loads come first on a shared CPU

    def show(report) -> None:
        print(report.summary(), flush=True)

    only = args.source or None
    try:
        report = watch(config.db_path(args.db), once=args.once, settings=settings, on_report=show, stop=stop,
                       only=only)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if args.once and report.sources and len(report.failed_sources) == report.sources:
        return 1
    return 130 if stop.is_set() and not args.once else 0


def add_sources_parsers(sub: argparse._SubParsersAction) -> None:
    s, action = _command_group(sub, "sources", "follow news feeds and article pages")
    a = action("add", "follow a feed (RSS, Atom, JSON Feed) or an article page")
    a.add_argument("url")
    a.add_argument("--name", default=None, help="shown on the map and the Sources page (default: the host)")
    a.add_argument("--every", default="15m", help="poll interval: 90s, 15m, 2h, 1d (default %(default)s)")
    a.add_argument("--kind", choices=["auto", "feed", "article"], default="auto")
    imp = action("import", "follow every URL of a sources.txt (one URL [name] a line)")
    imp.add_argument("file")
    imp.add_argument("--every", default="15m", help="poll interval for each (default %(default)s)")
    action("list", "sources with last success, last error and next run", listing=True)
    for name, text in (("remove", "stop following (stored articles stay)"), ("pause", "skip until resumed"),
                       ("resume", "poll again on its schedule")):
        action(name, text).add_argument("source", help="id or URL (see `geomap sources list`)")
    s.set_defaults(func=cmd_sources)

    w = sub.add_parser("watch", help="poll the sources on their schedule (Ctrl-C stops)")
    w.add_argument("--db", default=None)
    w.add_argument("--once", action="store_true", help="poll every due source once and exit (for cron)")
    w.add_argument("--source", action="append", default=[], type=int,
                   help="only this source id (repeatable); with --once it is polled now, due or not")
    w.add_argument("--timeout", type=float, default=10.0, help="connect/read timeout in seconds")
    w.add_argument("--host-interval", type=float, default=1.0,
                   help="seconds between two requests to one host (default %(default)s)")
    w.add_argument("--nice", type=int, default=10, help="lower CPU priority by this much (default %(default)s; 0: "
                   "unchanged), so page loads stay fast while it runs")
    w.add_argument("--retries", type=int, default=2, help="retries of a transient failure (default %(default)s)")
    w.set_defaults(func=cmd_watch)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="geomap", description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)

    e = sub.add_parser("extract", help="events from articles")
    e.add_argument("paths", nargs="+")
    e.add_argument("--format", choices=["jsonl", "csv", "geojson"], default="jsonl")
    e.set_defaults(func=cmd_extract)

    g = sub.add_parser("geoparse", help="resolved place mentions from articles")
    g.add_argument("paths", nargs="+")
    g.add_argument("--format", choices=["jsonl"], default="jsonl")
    g.set_defaults(func=cmd_geoparse)

    c = sub.add_parser("geocode", help="best gazetteer match for a name")
    c.add_argument("name")
    c.add_argument("--country", default=None, help="ISO 3166-1 alpha-2 code to prefer")
    c.add_argument("--kind", default=None, help="restrict to a kind: city, region, country, sea, ...")
    c.add_argument("--format", choices=["json", "text"], default="json")
    c.set_defaults(func=cmd_geocode)

    i = sub.add_parser("ingest", help="add articles and their events to the store")
    i.add_argument("paths", nargs="+")
    i.add_argument("--db", default=None)
    i.add_argument("--engine", choices=["local", "dask"], default="local")
    i.add_argument("--scheduler", default=None, help="Dask scheduler address (default: a local cluster)")
    i.add_argument("--quiet", action="store_true", help="no progress bar")
    i.set_defaults(func=cmd_ingest)

    x = sub.add_parser("export", help="stored events as CSV (ACLED columns) or GeoJSON")
    x.add_argument("--db", default=None)
    x.add_argument("--format", choices=["csv", "geojson", "jsonl"], default="csv")
    x.add_argument("--start", default=None, help="YYYY-MM-DD")
    x.add_argument("--end", default=None, help="YYYY-MM-DD")
    x.add_argument("-o", "--output", default=None, help="file to write (default: stdout)")
    x.set_defaults(func=cmd_export)

    r = sub.add_parser("prepare", help="build caches and copy the map's JS/CSS into ./static (make does this)")
    r.set_defaults(func=cmd_prepare)

    add_articles_parser(sub)
    add_gazetteer_parser(sub)
    add_overlays_parser(sub)
    add_sources_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except GeomapError as exc:
        print(f"geomap: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except sqlite3.Error as exc:  # a store damaged after it was opened (a corrupt page met mid-query)
        db = config.db_path(getattr(args, "db", None))
        if "readonly" in str(exc):
            print(f"geomap: {db}: the store is read-only ({exc}); it can be exported, adding needs write access",
                  file=sys.stderr)
        else:
            print(f"geomap: {db}: the store is damaged or unreadable ({exc}); restore it from a backup or pass "
                  "another file with --db", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"geomap: {exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the last net: one line, never a traceback (DESIGN: no tracebacks)
        print(f"geomap: unexpected {type(exc).__name__}: {str(exc)[:300]} (please report this with the command "
              "you ran)", file=sys.stderr)
        return 3

