"""`geomap ingest`: articles from files, folders, CSV and JSONL into the store, locally or over Dask.

Both engines run the same pipeline (`geomap.pipeline.process`) and write through ONE writer, the calling process,
in input order, so they store exactly the same thing. Dask only moves the pipeline — the expensive part — into
worker processes: a local cluster by default, or any running scheduler (`--scheduler tcp://host:8786`) when a
team outgrows one machine. SQLite is never written from a worker (one writer keeps it simple and crash-safe).
"""

from __future__ import annotations

import logging
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from geomap.articles import read_paths
from geomap.exceptions import InputError
from geomap.models import Article, Doc
from geomap.store import IngestReport, Processor, Store, failure_text

__all__ = ["IngestReport", "ProgressBar", "process_batch", "run_ingest"]

#: Articles per Dask task: big enough to amortise scheduling (~1 ms/task), small enough to balance 2 workers.
DASK_BATCH = 64


class ProgressBar:
    """A dependency-free progress line on stderr: `[#####.....] 1234/5000 25% 310.2/s  file.csv:12`.

    Redrawn at most 10 times a second on a terminal, every 5 s otherwise (logs stay readable)."""

    def __init__(self, stream: IO[str] | None = None, width: int = 30):
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.t0 = time.monotonic()
        self.last = 0.0
        self.done = 0
        self.total = 0
        self.label = ""

    def __call__(self, done: int, total: int, label: str, force: bool = False) -> None:
        self.done, self.total, self.label = done, total, label
        now = time.monotonic()
        if not force and now - self.last < (0.1 if self.tty else 5.0) and done != total:
            return
        self.last = now
        rate = done / max(now - self.t0, 1e-9)
        if total:
            filled = int(self.width * done / total)
            bar = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {100 * done // total:3d}%"
        else:
            bar = f"{done} articles"
        line = f"{bar} {rate:.1f}/s  {label[-40:]}"
        if self.tty:
            self.stream.write("\r" + line[:150].ljust(100))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        """Draw the final state (unless already drawn) and end the line."""
        if self.done and (self.total == 0 or self.done != self.total):
            self(self.done, self.total, self.label, force=True)
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()


def run_ingest(paths: list[str], db_path: Path, engine: str = "local", scheduler: str | None = None,
               progress: bool = True, process: Processor | None = None, workers: int = 2,
               batch_size: int = DASK_BATCH) -> IngestReport:
    """Ingest every article under `paths` into the store at `db_path`; never stops on a bad file or row.

    `process` defaults to geomap.pipeline.process; with Dask it must be importable by the workers.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    if process is None:
        from geomap.pipeline import process as process_
        process = process_
    bar = ProgressBar() if progress else None
    total = sum(1 for _ in read_paths(paths)) if bar else 0  # a cheap first pass so the bar knows its end
    t0 = time.monotonic()
    with Store.open(db_path) as store:
        if engine == "local":
            report = store.ingest_articles(_Sized(read_paths(paths), total), progress=bar, process=process)
        else:
            report = _ingest_dask(store, read_paths(paths), process, scheduler, workers, batch_size, bar, total)
    if bar:
        bar.finish()
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


def process_batch(articles: list[Article], process: Processor) -> list[Doc | str]:
    """Run the pipeline on a batch inside a Dask worker; a failing article becomes its failure line."""
    out: list[Doc | str] = []
    for art in articles:
        try:
            out.append(process(art))
        except Exception as exc:  # one bad article must not fail its whole batch
            out.append(failure_text(exc, art.origin or art.id))
    return out


def _batches(items: Iterable[Article | InputError], store: Store, report: IngestReport, size: int,
             on_item: Callable[[str], None]) -> Iterator[list[Article]]:
    """Articles not yet stored, in batches; read errors and already stored articles are counted on the way."""
    batch: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            report.failed.append(failure_text(item))
            on_item(item.origin)
        elif store.has_article(item.content_hash):
            report.skipped += 1
            on_item(item.origin or item.id)
        else:
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


def _ingest_dask(store: Store, items: Iterable[Article | InputError], process: Processor,
                 scheduler: str | None, workers: int, batch_size: int,
                 bar: Callable[[int, int, str], None] | None, total: int) -> IngestReport:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        from geomap.exceptions import GeomapError
        raise GeomapError("the Dask engine needs `pip install 'geomap[dask]'` "
                          f"(dask[distributed]): {exc}") from None
    report = IngestReport()
    done = 0

    def tick(label: str) -> None:
        nonlocal done
        done += 1
        if bar is not None:
            bar(done, total, label)

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.WARNING)
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window: deque[tuple[list[Article], Any]] = deque()

        def drain_one() -> None:
            batch, fut = window.popleft()
            try:
                results = fut.result()
            except Exception as exc:  # a worker died or the batch could not run: report every article in it
                for art in batch:
                    report.failed.append(failure_text(exc, art.origin or art.id))
                    tick(art.origin or art.id)
                return
            for art, res in zip(batch, results, strict=True):
                if isinstance(res, str):
                    report.failed.append(res)
                else:
                    store.store_doc(res, report)
                tick(art.origin or art.id)

        # Bounded in-flight window: memory stays flat on a million articles, and results are written in
        # submission order, so the store ends up identical to the local engine's.
        for batch in _batches(items, store, report, batch_size, tick):
            window.append((batch, client.submit(process_batch, batch, process, pure=False)))
            while len(window) >= 3 * n_workers:
                drain_one()
        while window:
            drain_one()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return report
