"""`geomap ingest`: articles from files, folders, CSV and JSONL into the store, locally or over Dask.

Both engines run the same pipeline (`geomap.pipeline.process`) and write through ONE writer, the calling process,
in input order, so they store exactly the same thing. Dask only moves the pipeline — the expensive part — into
worker processes: a local cluster by default, or any running scheduler (`--scheduler tcp://host:8786`) when a
team outgrows one machine. SQLite is never written from a worker (one writer keeps it simple and crash-safe).

Why input order matters: the duplicate-event merge is order dependent (a month-long report merged with a day report
narrows to that day, and a third report then merges or not depending on what came first), so the writer applies
batches strictly in submission order, whatever order the workers finish in.

Why workers are fingerprinted: the pipeline itself is deterministic (same article -> same events, whatever came
before it in the process), so the one way the engines can disagree is a worker running other code or another
gazetteer than the writer expects — an upgraded node in a real cluster, or, on one machine, pipeline files or
data/gazetteer.csv edited while a run was in progress (fresh worker processes import the new version, the writer's
local run used the old one; seen on this machine while other work edited the pipeline). Each worker reports
`pipeline_fingerprint()` with each batch (hash of the pipeline modules' source as first seen by the process, this
module's, and the gazetteer files as they are now, since the pipeline reloads those when they change); the writer
compares it with its own. A batch from a worker with another fingerprint is refused (GeomapError) instead of silently
mixing two pipelines' events in one store.

Progress and summary (decision): progress goes to stderr unless `--quiet`, so stdout stays the machine-readable
summary. On a terminal it is one tqdm bar redrawn in place (at most 10 redraws/s); when stderr is not a terminal (CI,
cron, a log file) it is the same meter as a plain line every 5 s plus the final one, so a long backfill shows it is
alive without flooding the log. The bar knows its total from a cheap first pass over the inputs (reading only, no
pipeline). The summary line is "N new, M already stored, K failed ..." followed by one "failed: where: reason" line
per failed file or row.

This module owns the ingest's reporting (`IngestReport`, `Ticker`) and runs the pipeline; the store only stores
(the data flows one way: ingest -> pipeline, ingest -> store).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from tqdm import tqdm

from geomap import config
from geomap.articles import read_paths
from geomap.exceptions import GeomapError, InputError, StoreError
from geomap.gazetteer import file_digest, file_stamp
from geomap.models import Article, Doc, Event, Mention
from geomap.store import Store

__all__ = ["IngestReport", "Processor", "Progress", "ProgressBar", "Ticker", "failure_text", "ingest_articles",
           "pending", "pipeline_fingerprint", "process_batch", "run_ingest", "store_doc"]

#: Articles per Dask task: big enough to amortise scheduling (~1 ms/task), small enough to balance 2 workers.
DASK_BATCH = 64
#: How long to wait for a named Dask scheduler before saying it cannot be reached.
SCHEDULER_TIMEOUT_S = 10

#: Progress callback: (done, total, label). `total` is 0 when unknown.
Progress = Callable[[int, int, str], None]
#: The pipeline step an ingest runs on each article (geomap.pipeline.process_in_budget by default).
Processor = Callable[[Article], Doc]


class Ticker:
    """Counts the articles an engine has finished and reports each to an optional progress callback (total 0 =
    unknown), so every engine reports progress the same way."""

    def __init__(self, progress: Progress | None, total: int = 0):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, label: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, label)


@dataclass
class IngestReport:
    """What one ingest did. `failed` holds one "where: reason" line per article or file that could not be stored."""

    new: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    events: int = 0  # events stored as new events
    merged: int = 0  # events added as another source of an already stored event
    article_ids: list[str] = field(default_factory=list)  # ids of the newly stored articles, in order
    seconds: float = 0.0

    def merge(self, other: IngestReport) -> None:
        self.new += other.new
        self.skipped += other.skipped
        self.failed.extend(other.failed)
        self.events += other.events
        self.merged += other.merged
        self.article_ids.extend(other.article_ids)

    def summary(self) -> str:
        rate = f" in {self.seconds:.1f} s ({self.new / self.seconds:.1f} articles/s)" if self.seconds > 0 else ""
        lines = [f"{self.new} new, {self.skipped} already stored, {len(self.failed)} failed{rate}; "
                 f"{self.events} new events, {self.merged} merged into stored events"]
        lines += [f"failed: {f}" for f in self.failed]
        return "\n".join(lines)


def failure_text(err: InputError | BaseException, where: str = "") -> str:
    """One line "where: reason" for a failure (InputError already names its file/line)."""
    if isinstance(err, InputError):
        return str(err)
    return f"{where}: {type(err).__name__}: {err}"


def _default_processor() -> Processor:
    from geomap.pipeline import process_in_budget

    return process_in_budget


def ingest_articles(store: Store, items: Iterable[Article | InputError], progress: Progress | None = None,
                    process: Processor | None = None) -> IngestReport:
    """Run the pipeline on each article and store it (one transaction per article).

    Already stored articles (same content hash) are skipped before the pipeline runs; InputErrors and articles
    the pipeline fails on are counted as failed and the rest goes on.
    """
    process = process or _default_processor()
    report = IngestReport()
    t0 = time.monotonic()
    tick = Ticker(progress, len(items) if isinstance(items, Sized) else 0)
    for art in pending(store, items, report, tick):
        try:
            doc = process(art)
        except Exception as exc:  # a pipeline bug on one article must not stop an archive ingest
            report.failed.append(failure_text(exc, art.origin or art.id))
        else:
            store_doc(store, doc, report)
        tick(art.origin or art.id)
    report.seconds = time.monotonic() - t0
    return report


def pending(store: Store, items: Iterable[Article | InputError], report: IngestReport,
            on_item: Callable[[str], None]) -> Iterator[Article]:
    """The articles among `items` not stored yet, in order. Read errors (failed) and already stored articles
    (skipped) are counted in `report` on the way, each followed by `on_item(label)` for the progress bar; so
    every engine skips and counts the same way before its pipeline runs."""
    for item in items:
        if isinstance(item, InputError):
            report.failed.append(failure_text(item))
            on_item(item.origin)
        elif store.has_article(item.content_hash):
            report.skipped += 1
            on_item(item.origin or item.id)
        else:
            yield item


def store_doc(store: Store, doc: Doc, report: IngestReport) -> None:
    """Store a processed article and count it in `report` (the one writer used by every engine)."""
    try:
        ext_id, new, merged = store.add_doc(doc)
    except (sqlite3.IntegrityError, sqlite3.InterfaceError, ValueError, TypeError, AttributeError,
            OverflowError) as exc:
        # this article's data is bad: its transaction was rolled back, the rest of the ingest goes on
        report.failed.append(failure_text(exc, doc.article.origin or doc.article.id))
        return
    except sqlite3.OperationalError as exc:
        # the store itself cannot be written (disk full, read-only, locked past the timeout): going on would
        # only fail every further article; what is stored stays, and a rerun skips it
        raise StoreError(f"{store.path}: cannot write ({exc}); {report.new} articles stored in this run "
                         "are kept") from None
    if ext_id is None:
        report.skipped += 1
    else:
        report.new += 1
        report.events += new
        report.merged += merged
        report.article_ids.append(ext_id)


class ProgressBar:
    """The CLI's progress on stderr, a tqdm meter: ` 25%|##        | 1234/5000 [00:04<00:12, 310.2 articles/s,
    file.csv:12]`.

    On a terminal tqdm redraws it in place, at most 10 times a second. Elsewhere (a log file, CI, cron) the same
    meter is written as a whole line every 5 s plus the final one: tqdm's in-place redraw (carriage returns) would
    make a log one unreadable line."""

    def __init__(self, stream: IO[str] | None = None):
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.bar: tqdm | None = None  # the terminal's bar, made on the first call (when the total is known)
        self.t0 = time.monotonic()
        self.last = 0.0
        self.done = 0
        self.total = 0
        self.label = ""

    def __call__(self, done: int, total: int, label: str, force: bool = False) -> None:
        self.done, self.total, self.label = done, total, label
        if self.tty:
            self._redraw()
            return
        now = time.monotonic()
        if force or now - self.last >= 5.0 or done == total:
            self.last = now
            line = tqdm.format_meter(done, total or None, now - self.t0, ascii=True, unit=" articles",
                                     postfix=label[-40:])
            self.stream.write(line + "\n")
            self.stream.flush()

    def _redraw(self) -> None:
        if self.bar is None:
            self.bar = tqdm(total=self.total or None, file=self.stream, unit=" articles", ascii=True,
                            mininterval=0.1, leave=True)
        if self.total and self.bar.total != self.total:
            self.bar.total = self.total
        self.bar.set_postfix_str(self.label[-40:], refresh=False)
        self.bar.update(self.done - self.bar.n)

    def finish(self) -> None:
        """Draw the final state (unless already drawn) and end the line."""
        if self.bar is not None:
            self.bar.close()  # tqdm draws the final state and ends its line
        elif self.done and (self.total == 0 or self.done != self.total):
            self(self.done, self.total, self.label, force=True)


def run_ingest(paths: list[str], db_path: Path, engine: str = "local", scheduler: str | None = None,
               progress: bool = True, process: Processor | None = None, workers: int = 2,
               batch_size: int = DASK_BATCH) -> IngestReport:
    """Ingest every article under `paths` into the store at `db_path`; never stops on a bad file or row.

    `process` defaults to geomap.pipeline.process_in_budget; with Dask it must be importable by the workers.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    process = process or _default_processor()
    bar = ProgressBar() if progress else None
    total = sum(1 for _ in read_paths(paths)) if bar else 0  # a cheap first pass so the bar knows its end
    t0 = time.monotonic()
    try:
        with Store.open(db_path) as store:
            if store.read_only:
                raise StoreError(f"{db_path}: the store is read-only (its file, folder or disk cannot be written); "
                                 "ingest needs write access, export works as it is")
            if engine == "local":
                pipeline_fingerprint()  # hash the code this process's pipeline runs (a later Dask run must match)
                report = ingest_articles(store, _Sized(read_paths(paths), total), progress=bar, process=process)
            else:
                report = _ingest_dask(store, read_paths(paths), process, scheduler, workers, batch_size,
                                      Ticker(bar, total))
    finally:
        if bar:
            bar.finish()  # end the bar's line even when a store error or Ctrl-C stops the run
    report.seconds = time.monotonic() - t0
    return report


class _Sized:
    """An iterable that knows its length (for the progress total) without materialising 100,000 articles."""

    def __init__(self, items: Iterable[Any], n: int):
        self.items, self.n = items, n

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __len__(self) -> int:
        return self.n


#: The modules whose code decides what the pipeline extracts (DESIGN §1), by module name.
PIPELINE_MODULES = ("geomap.models", "geomap.pipeline", "geomap.text", "geomap.toponyms", "geomap.resolve",
                    "geomap.events", "geomap.patterns", "geomap.dates", "geomap.lexicon", "geomap.gazetteer",
                    "geomap.geocoders", "geomap.geo")
_CODE_HASH: str | None = None  # the pipeline's code in this process, hashed once: code does not reload
_DATA_HASH: tuple[tuple, str] | None = None  # (file stamps, hash) of the gazetteer files last seen
#: This module as imported: the writer and the workers must also agree on `process_batch`'s result format.
_OWN_SOURCE = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()


def _code_hash() -> str:
    h = hashlib.sha1(_OWN_SOURCE.encode())
    for name in PIPELINE_MODULES:
        spec = importlib.util.find_spec(name)
        h.update(name.encode() + b"\0")
        if spec is None or not spec.origin or not Path(spec.origin).is_file():
            continue
        files = [Path(spec.origin)]
        if spec.submodule_search_locations:  # a package: every module of it
            files = sorted(Path(spec.origin).parent.glob("*.py"))
        for f in files:
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    from geomap.events.model import MODEL_PATH

    if MODEL_PATH.is_file():  # the event-place weights decide the output as much as the code
        h.update(MODEL_PATH.read_bytes())
    return h.hexdigest()


def _data_hash() -> str:
    """Hash of the gazetteer files, the article-scoped corrections and the resolver's weights, recomputed only when
    their stamps change (the pipeline reloads on the same signal: geomap.pipeline.default_pipeline follows the
    gazetteer files)."""
    global _DATA_HASH
    from geomap.gazetteer.scoped import scoped_path

    paths = (config.GAZETTEER_CSV, config.USER_OVERRIDES_CSV, config.RESOLVE_WEIGHTS, scoped_path())
    key = tuple(file_stamp(p) for p in paths)
    if _DATA_HASH is None or _DATA_HASH[0] != key:
        _DATA_HASH = (key, file_digest(paths))
    return _DATA_HASH[1]


def pipeline_fingerprint(fresh: bool = False) -> str:
    """A short hash of what decides the pipeline's output here: its code (hashed the first time this is called in
    the process, which the engines do before the pipeline first runs; code does not reload) and the gazetteer files
    as they are now (the pipeline reloads them when they change). `fresh` re-reads the code from disk."""
    global _CODE_HASH
    if _CODE_HASH is None or fresh:
        code = _code_hash()
        if _CODE_HASH is None:
            _CODE_HASH = code
    else:
        code = _CODE_HASH
    return hashlib.sha1((code + _data_hash()).encode()).hexdigest()[:16]


#: What a worker sends back per article: (mentions, events), or the failure line. The article itself (the writer
#: has it) and the sentences (not stored) stay behind: less to pickle and ship, on the writer's critical path.
Result = tuple[list[Mention], list[Event]] | str


def process_batch(articles: list[Article], process: Processor) -> tuple[str, list[Result]]:
    """Run the pipeline on a batch inside a Dask worker; a failing article becomes its failure line.

    Returns (this worker's pipeline fingerprint, results in the batch's order)."""
    fingerprint = pipeline_fingerprint()  # before the batch: the code and gazetteer it runs with
    out: list[Result] = []
    for art in articles:
        try:
            doc = process(art)
            out.append((doc.mentions, doc.events))
        except Exception as exc:  # one bad article must not fail its whole batch
            out.append(failure_text(exc, art.origin or art.id))
    return fingerprint, out


def _batches(items: Iterable[Article | InputError], store: Store, report: IngestReport, size: int,
             on_item: Callable[[str], None]) -> Iterator[list[Article]]:
    """Articles not yet stored, in batches (see `pending`)."""
    batch: list[Article] = []
    for art in pending(store, items, report, on_item):
        batch.append(art)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _dask_client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """(client, local cluster or None): the named scheduler, or a local cluster of `workers` processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise GeomapError("the Dask engine needs `pip install 'geomap[dask]'` "
                          f"(dask[distributed]): {exc}") from None
    if scheduler:
        try:
            return Client(scheduler, timeout=SCHEDULER_TIMEOUT_S), None
        except (OSError, TimeoutError, ValueError, TypeError) as exc:
            raise GeomapError(f"cannot reach the Dask scheduler at {scheduler} within {SCHEDULER_TIMEOUT_S} s "
                              f"({type(exc).__name__}: {exc}); is it running? (or drop --scheduler for a local "
                              "cluster)") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.WARNING)
    return Client(cluster), cluster


class _InOrderWriter:
    """Writes the workers' batches into the store strictly in submission order (the merge is order dependent)."""

    def __init__(self, store: Store, report: IngestReport, tick: Ticker):
        self.store, self.report, self.tick = store, report, tick
        self.window: deque[tuple[list[Article], Any]] = deque()

    def drain_one(self) -> None:
        """Wait for the oldest batch in flight and write it."""
        batch, fut = self.window.popleft()
        try:
            fingerprint, results = fut.result()
        except Exception as exc:  # a worker died or the batch could not run: report every article in it
            for art in batch:
                self.report.failed.append(failure_text(exc, art.origin or art.id))
                self.tick(art.origin or art.id)
            return
        self._check(fingerprint)
        for art, res in zip(batch, results, strict=True):
            if isinstance(res, str):
                self.report.failed.append(res)
            else:
                store_doc(self.store, Doc(article=art, mentions=res[0], events=res[1]), self.report)
            self.tick(art.origin or art.id)

    def _check(self, fingerprint: str) -> None:
        """Refuse a batch from a worker that ran another pipeline than this process (see the module's docstring)."""
        expected = pipeline_fingerprint()  # this process's code, the gazetteer files now
        if fingerprint != expected:
            raise GeomapError(
                f"a Dask worker runs another pipeline (code or gazetteer fingerprint {fingerprint}, this process "
                f"{expected}); its events would differ from the local engine's. Run the same geomap version "
                f"and data on every worker (were pipeline files or the gazetteer changed during the run?). "
                f"{self.report.new} articles were stored before this; a rerun skips them.")


def _ingest_dask(store: Store, items: Iterable[Article | InputError], process: Processor,
                 scheduler: str | None, workers: int, batch_size: int, tick: Ticker) -> IngestReport:
    report = IngestReport()
    client, cluster = _dask_client(scheduler, workers)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        writer = _InOrderWriter(store, report, tick)
        # Bounded in-flight window: memory stays flat on a million articles, and results are written in
        # submission order, so the store ends up identical to the local engine's.
        for batch in _batches(items, store, report, batch_size, tick):
            writer.window.append((batch, client.submit(process_batch, batch, process, pure=False)))
            while len(writer.window) >= 3 * n_workers:
                writer.drain_one()
        while writer.window:
            writer.drain_one()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return report
