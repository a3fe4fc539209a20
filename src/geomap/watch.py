"""`geomap watch [--once]`: poll the due sources, read their new items, store them as articles with their events.

One poll: the due sources are fetched and read in parallel threads (network and boilerplate removal; no store
access), while the calling thread stores what each source yielded as soon as it arrives (pipeline + one SQLite
transaction per article, the store's one writer). A failing source only records its error; the others go on.

What is new: a feed item whose key (guid / id / link) this source has not stored yet. Before a page is fetched, its
normalised URL is looked up among the items of every source, so a story already read elsewhere costs no request;
after reading, the same is done with the canonical URL and the normalised text hash. A duplicate becomes one more
source of the stored article (`source_items`), never a second article.

Items that fail for good (404, robots.txt, no article text, over the size limit) are remembered as failed, so they
are reported once and not fetched again at every poll; transient failures (timeouts, 5xx) are retried next poll.

One watcher per store: `watch` and `watch --once` hold an exclusive lock on `<store>.watch.lock`, so a second one
refuses to start instead of fetching everything twice. Ctrl-C (or SIGTERM) stops between two articles: what is
stored stays, and the next run carries on from there.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from geomap.exceptions import GeomapError
from geomap.feeds import FeedError, FeedItem, looks_like_html, norm_hash, normalise_url, parse_feed, read_page
from geomap.fetch import Fetcher, FetchError, FetchSettings, Response, may_follow
from geomap.ingest import Processor, ingest_articles
from geomap.models import Article
from geomap.sources import Source, SourceBook, now_utc
from geomap.store import Store

#: Sources read in parallel (each is mostly waiting on the network).
WORKERS = 4
#: Longest sleep between two looks at the schedule, so "poll now" from the app is picked up within seconds.
MAX_SLEEP_S = 5.0


@dataclass
class Candidate:
    """One item of a source, read and ready to store (or to link to the stored article it duplicates)."""

    key: str
    url: str
    canonical: str = ""
    article: Article | None = None
    date_from: str = ""
    status: str = "new"  # new | failed (remembered, never refetched)
    error: str = ""


@dataclass
class SourceResult:
    source: Source
    error: str = ""
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    items: int = 0
    seen: int = 0
    candidates: list[Candidate] = field(default_factory=list)
    transient_errors: list[str] = field(default_factory=list)
    fetch_s: float = 0.0
    extract_s: float = 0.0


@dataclass
class WatchReport:
    """What one poll did, for the command line and the benchmark."""

    sources: int = 0
    failed_sources: list[str] = field(default_factory=list)
    items: int = 0
    new: int = 0
    linked: int = 0  # items that were another source's copy of a stored article
    seen: int = 0
    not_modified: int = 0
    failed_items: list[str] = field(default_factory=list)
    events: int = 0
    fetch_s: float = 0.0
    extract_s: float = 0.0
    store_s: float = 0.0
    seconds: float = 0.0
    stopped: bool = False

    def summary(self) -> str:
        rate = f" in {self.seconds:.1f} s ({self.new / self.seconds:.1f} new items/s)" if self.seconds else ""
        lines = [f"{self.sources} sources polled ({len(self.failed_sources)} failed, {self.not_modified} "
                 f"unchanged); {self.items} items: {self.new} new, {self.linked} already stored from another "
                 f"source, {self.seen} seen before, {len(self.failed_items)} failed; {self.events} new events"
                 f"{rate}",
                 f"time: fetch {self.fetch_s:.2f} s, extract {self.extract_s:.2f} s, pipeline+store "
                 f"{self.store_s:.2f} s (fetch and extract summed over parallel threads)"]
        lines += [f"failed source: {f}" for f in self.failed_sources]
        lines += [f"failed item: {f}" for f in self.failed_items]
        if self.stopped:
            lines.append("stopped before the end: the rest is polled next run")
        return "\n".join(lines)


# -- reading one source (worker threads: network and parsing, no store access) ---------------------------------------

def article_id(canonical_or_key: str) -> str:
    return "web-" + hashlib.sha1(canonical_or_key.encode("utf-8")).hexdigest()[:12]


class SourceReader:
    """Fetches and reads one source's new items (`seen`: its stored item keys; `known`: every stored URL)."""

    def __init__(self, fetcher: Fetcher, seen: set[str], known: set[str]):
        self.fetcher, self.seen, self.known = fetcher, seen, known

    def read(self, src: Source) -> SourceResult:
        res = SourceResult(src)
        try:
            r = self._fetch(res, src.url, src.etag, src.last_modified, robots=src.kind == "article")
            res.etag, res.last_modified = r.etag or None, r.last_modified or None
            if r.not_modified:
                res.not_modified = True
                return res
            if src.kind == "article" or (src.kind == "auto" and looks_like_html(r.content, r.content_type)):
                res.kind = "article"
                self._read_page_source(res, r)
            else:
                t0 = time.perf_counter()
                items = parse_feed(r.content, r.url, r.content_type)
                res.extract_s += time.perf_counter() - t0
                res.kind = "feed"
                for item in items:
                    self._read_item(res, item)
        except (FetchError, FeedError) as exc:
            res.error = str(exc) if isinstance(exc, FetchError) else f"{src.url}: {exc}"
        return res

    def _fetch(self, res: SourceResult, url: str, etag: str = "", last_modified: str = "",
               robots: bool = False) -> Response:
        t0 = time.perf_counter()
        try:
            return self.fetcher.get(url, etag=etag, last_modified=last_modified, robots=robots)
        finally:
            res.fetch_s += time.perf_counter() - t0

    def _read_page_source(self, res: SourceResult, r: Response) -> None:
        t0 = time.perf_counter()
        page = read_page(r.content, r.url)
        res.extract_s += time.perf_counter() - t0
        if not page.text:
            raise FeedError("no article text found on the page")
        res.items = 1
        key = "page:" + norm_hash(page.text)
        if key in self.seen:
            res.seen += 1
            return
        day, date_from = (page.published, "page") if page.published else (now_utc().date(), "fetched")
        art = Article(id=article_id(page.canonical_url + key), published=day, text=page.text, title=page.title,
                      url=page.canonical_url or r.url, source=res.source.name, origin=r.url)
        res.candidates.append(Candidate(key, r.url, page.canonical_url, art, date_from))

    def _read_item(self, res: SourceResult, item: FeedItem) -> None:
        res.items += 1
        if item.key in self.seen:
            res.seen += 1
            return
        link = normalise_url(item.url)
        if item.url and not link:  # javascript:, file:, data: ... never fetched, never stored as a link
            if not item.full_text:
                res.candidates.append(Candidate(item.key, "", status="failed",
                                                error=f"{item.url[:80]!r}: not an http(s) URL"))
                return
            item = FeedItem(key=item.key, url="", title=item.title, published=item.published, text=item.text)
        if link and not may_follow(res.source.url, link):
            res.candidates.append(Candidate(item.key, item.url, status="failed", error=f"{item.url}: a feed on "
                                            "the internet may not link to a local address"))
            return
        if link and link in self.known:
            res.candidates.append(Candidate(item.key, item.url, link))  # linked to the stored copy when stored
            return
        if item.full_text:
            day, date_from = (item.published, "feed") if item.published else (now_utc().date(), "fetched")
            art = Article(id=article_id(link or item.key), published=day, text=item.text, title=item.title,
                          url=item.url, source=res.source.name, origin=item.url or res.source.url)
            res.candidates.append(Candidate(item.key, item.url, link, art, date_from))
            return
        try:
            r = self._fetch(res, item.url, robots=True)
        except FetchError as exc:
            if exc.transient:
                res.transient_errors.append(f"{res.source.name}: {exc}")
            else:
                res.candidates.append(Candidate(item.key, item.url, link, status="failed", error=str(exc)))
            return
        t0 = time.perf_counter()
        page = read_page(r.content, r.url) if looks_like_html(r.content, r.content_type) else None
        res.extract_s += time.perf_counter() - t0
        if page is None or not page.text:
            res.candidates.append(Candidate(item.key, item.url, link, status="failed",
                                            error=f"{r.url}: no article text found on the page"))
            return
        canonical = page.canonical_url or normalise_url(r.url)
        day, date_from = ((page.published, "page") if page.published else (item.published, "feed")
                          if item.published else (now_utc().date(), "fetched"))
        art = Article(id=article_id(canonical or item.key), published=day, text=page.text,
                      title=page.title or item.title, url=canonical or r.url, source=res.source.name,
                      origin=item.url)
        res.candidates.append(Candidate(item.key, item.url, canonical, art, date_from))


# -- storing (the calling thread: the store's one writer) -------------------------------------------------------------

def _store_result(store: Store, book: SourceBook, res: SourceResult, report: WatchReport,
                  process: Processor | None, stop: threading.Event) -> None:
    report.sources += 1
    report.items += res.items
    report.seen += res.seen
    report.fetch_s += res.fetch_s
    report.extract_s += res.extract_s
    report.failed_items += res.transient_errors
    if res.error:
        report.failed_sources.append(f"{res.source.name}: {res.error}")
        book.finish_run(res.source, error=res.error)
        return
    report.not_modified += res.not_modified
    new = 0
    for cand in res.candidates:
        if stop.is_set():
            report.stopped = True
            return  # not finished: the source stays due, its remaining items are read again next run
        new += _store_candidate(store, book, res.source, cand, report, process)
    book.finish_run(res.source, etag=res.etag, last_modified=res.last_modified, kind=res.kind, new_items=new)


def _store_candidate(store: Store, book: SourceBook, src: Source, cand: Candidate, report: WatchReport,
                     process: Processor | None) -> int:
    if cand.status == "failed":
        report.failed_items.append(f"{src.name}: {cand.error}")
        book.remember(src, cand.key, url=cand.url, canonical_url=cand.canonical, status="failed")
        return 0
    art = cand.article
    nhash = norm_hash(art.text) if art else ""
    stored = book.article_for(cand.canonical, nhash) or book.article_for(normalise_url(cand.url))
    if stored is not None:
        report.linked += 1
        book.remember(src, cand.key, url=cand.url, canonical_url=cand.canonical, norm_hash=nhash, article=stored,
                      date_from=cand.date_from, status="linked")
        return 1
    if art is None:  # its URL was known, but the article behind it is gone: read it again next poll
        return 0
    t0 = time.perf_counter()
    ing = ingest_articles(store, [art], process=process)
    report.store_s += time.perf_counter() - t0
    if ing.failed:
        report.failed_items += [f"{src.name}: {f}" for f in ing.failed]
        return 0
    row = store.conn.execute("SELECT id FROM articles WHERE hash = ?", (art.content_hash,)).fetchone()
    report.new += ing.new
    report.linked += ing.skipped
    report.events += ing.events
    book.remember(src, cand.key, url=cand.url, canonical_url=cand.canonical, norm_hash=nhash,
                  article=row[0] if row else None, date_from=cand.date_from, status="new" if ing.new else "linked")
    return 1


def poll_once(store: Store, settings: FetchSettings | None = None, only: Iterable[int] | None = None,
              now: datetime | None = None, process: Processor | None = None,
              stop: threading.Event | None = None, workers: int = WORKERS, force: bool = False) -> WatchReport:
    """Poll every due source once; `only`: just these source ids (due or not with `force`)."""
    t0 = time.perf_counter()
    stop = stop or threading.Event()
    book = SourceBook(store.conn)
    if only is not None and force:
        due = [book.get(i) for i in only]
    else:
        wanted = None if only is None else set(only)
        due = [s for s in book.due(now) if wanted is None or s.id in wanted]
    report = WatchReport()
    if not due:
        return report
    known = {u for (u,) in store.conn.execute(
        "SELECT canonical_url FROM source_items WHERE canonical_url != '' AND article IS NOT NULL")}
    with Fetcher(settings) as fetcher, ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = []
        for src in due:
            seen = {k for (k,) in store.conn.execute("SELECT item_key FROM source_items WHERE source = ?",
                                                     (src.id,))}
            futures.append(pool.submit(SourceReader(fetcher, seen, known).read, src))
        for fut in as_completed(futures):
            if stop.is_set():
                report.stopped = True
                for f in futures:
                    f.cancel()
                break
            _store_result(store, book, fut.result(), report, process, stop)
    report.seconds = time.perf_counter() - t0
    return report


# -- one watcher per store ---------------------------------------------------------------------------------------

class WatchLock:
    """Exclusive per-store lock held while polling; a second watcher gets a GeomapError naming the first's PID."""

    def __init__(self, db: Path):
        self.path = Path(f"{db}.watch.lock")
        self.fh = None

    def __enter__(self) -> WatchLock:
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.seek(0)
            pid = self.fh.read().strip() or "?"
            self.fh.close()
            raise GeomapError(f"{self.path.with_suffix('')}: another `geomap watch` (pid {pid}) is already "
                              "polling this store") from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()


def is_watched(db: Path) -> bool:
    """True while a `geomap watch` holds the store's lock."""
    try:
        with WatchLock(db):
            return False
    except GeomapError:
        return True


def watch(db: Path, once: bool = False, settings: FetchSettings | None = None,
          on_report: Callable[[WatchReport], None] = lambda r: None, stop: threading.Event | None = None,
          only: Iterable[int] | None = None) -> WatchReport:
    """Run the schedule until `stop` is set (or one poll with `once`); returns the last poll's report."""
    stop = stop or threading.Event()
    last = WatchReport()
    with WatchLock(db), Store.open(db) as store:
        while not stop.is_set():
            last = poll_once(store, settings, only=only, stop=stop, force=once)
            if last.sources or once:
                on_report(last)
            if once:
                break
            nxt = SourceBook(store.conn).next_due()
            wait = MAX_SLEEP_S if nxt is None else (nxt - now_utc()).total_seconds()
            stop.wait(min(MAX_SLEEP_S, max(0.5, wait)))
    return last
