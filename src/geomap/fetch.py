"""Polite HTTP for feeds and article pages (httpx).

Politeness, as a newsroom's web team expects it: a User-Agent that names geomap, conditional GET (ETag /
Last-Modified, so an unchanged feed costs a 304), at most one request per `host_interval_s` per host, a retry with
exponential backoff only for transient failures (connection errors, timeouts, 429 and 5xx, honouring Retry-After up
to `max_backoff_s`), and robots.txt for article pages (feeds are published to be polled; pages are not).

Limits, so one bad server cannot hurt the others: a connect/read timeout, a whole-request deadline (a server that
drips one byte a second never ends otherwise), a redirect limit and a body size limit checked while reading (a 50 MB
body is cut off after `max_bytes`, never held in memory).

robots.txt (RFC 9309): a 4xx means no rules (allowed); a 5xx or an unreachable robots.txt means "disallow
everything" for this run, as the RFC asks.
"""

from __future__ import annotations

import ipaddress
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from geomap import __version__

USER_AGENT = f"geomap/{__version__} (offline conflict-news map; polite feed reader)"
#: The token matched against robots.txt User-agent lines.
ROBOTS_AGENT = "geomap"


class FetchError(Exception):
    """A URL could not be read. `transient` failures are worth retrying later; the message names the URL."""

    def __init__(self, url: str, reason: str, transient: bool = False, status: int | None = None):
        self.url, self.reason, self.transient, self.status = url, reason, transient, status
        super().__init__(f"{url}: {reason}")


@dataclass
class Response:
    url: str  # the final URL, after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    seconds: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class FetchSettings:
    timeout_s: float = 10.0
    deadline_s: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    host_interval_s: float = 1.0
    retries: int = 2
    backoff_s: float = 1.0
    max_backoff_s: float = 30.0
    user_agent: str = USER_AGENT


@dataclass
class _HostGate:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = 0.0


class Fetcher:
    """One polite HTTP client for a whole poll; thread-safe (sources are fetched in parallel)."""

    def __init__(self, settings: FetchSettings | None = None, sleep: Callable[[float], None] = time.sleep):
        self.settings = s = settings or FetchSettings()
        self.sleep = sleep
        self.client = httpx.Client(
            follow_redirects=True, max_redirects=s.max_redirects, headers={"User-Agent": s.user_agent},
            timeout=httpx.Timeout(s.timeout_s, connect=min(5.0, s.timeout_s)))
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, etag: str = "", last_modified: str = "", robots: bool = False) -> Response:
        """GET with retries; a 304 is returned (not raised); any other non-2xx raises FetchError."""
        if robots and not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._get_once(url, headers)
            except FetchError as exc:
                if not exc.transient or attempt >= self.settings.retries:
                    raise
                self.sleep(min(self.settings.max_backoff_s, self._wait_after(exc, attempt)))
                attempt += 1

    def _wait_after(self, exc: FetchError, attempt: int) -> float:
        retry_after = getattr(exc, "retry_after", None)
        return retry_after if retry_after is not None else self.settings.backoff_s * 2 ** attempt

    def _wait_turn(self, url: str) -> None:
        """At most one request per host_interval_s per host (the gate is held while waiting, so turns queue)."""
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            gate = self._gates.setdefault(host, _HostGate())
        with gate.lock:
            wait = gate.last + self.settings.host_interval_s - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            gate.last = time.monotonic()

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        s = self.settings
        self._wait_turn(url)
        t0 = time.monotonic()
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                _check_status(url, r)
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > s.max_bytes:
                    raise FetchError(url, f"body of {int(declared):,} bytes is over the {s.max_bytes:,} limit")
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > s.max_bytes:
                        raise FetchError(url, f"body is over the {s.max_bytes:,} byte limit")
                    if time.monotonic() - t0 > s.deadline_s:
                        raise FetchError(url, f"took longer than {s.deadline_s:g} s", transient=True)
                return Response(url=str(r.url), status=r.status_code, content=bytes(body),
                                content_type=r.headers.get("content-type", ""), etag=r.headers.get("etag", ""),
                                last_modified=r.headers.get("last-modified", ""), seconds=time.monotonic() - t0)
        except httpx.TooManyRedirects:
            raise FetchError(url, f"more than {s.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out after {s.timeout_s:g} s", transient=True) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(url, f"invalid URL: {exc}") from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}", transient=True) from None

    def allowed(self, url: str) -> bool:
        """robots.txt's answer for geomap (read once per host per Fetcher)."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = root in self._robots
        if not known:
            parser = self._read_robots(root)
            with self._lock:
                self._robots[root] = parser
        parser = self._robots[root]
        return parser is not None and parser.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, root: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(f"{root}/robots.txt")
        try:
            r = self._get_once(f"{root}/robots.txt", {})
            parser.parse(r.content.decode("utf-8", "replace").splitlines())
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                parser.parse([])  # no robots.txt: everything is allowed
            else:
                return None  # unreachable or a server error: disallow everything this run (RFC 9309 §2.3.1.4)
        return parser


def is_local(url: str) -> bool:
    """True for a URL naming this machine or a private network by its address (or `localhost`)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_unspecified


def may_follow(feed_url: str, item_url: str) -> bool:
    """A feed on the internet may not send geomap to this machine or the local network (a hostile feed could use
    geomap to probe a router or a metadata service); a feed served locally may link anywhere.

    Known limit: a public page that redirects to a local address, or a public name that resolves to one, is still
    followed; catching those needs manual redirects and resolving names before connecting."""
    return is_local(feed_url) or not is_local(item_url)


def _check_status(url: str, r: httpx.Response) -> None:
    if r.status_code == 304 or 200 <= r.status_code < 300:
        return
    transient = r.status_code == 429 or r.status_code >= 500
    exc = FetchError(url, f"HTTP {r.status_code} {r.reason_phrase}".rstrip(), transient=transient,
                     status=r.status_code)
    exc.retry_after = _retry_after(r.headers.get("retry-after", ""))  # type: ignore[attr-defined]
    raise exc


def _retry_after(value: str) -> float | None:
    """Retry-After as seconds (delta-seconds or an HTTP date); None when absent or unreadable."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
