"""Followed news sources: the `sources` table of the store and its schedule.

A source is a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) or a plain article page, polled every `every_s` seconds.
Its row keeps what a user asks about a source: last success, last error and next run. The items read from it are in
`source_items` (one row per feed item or page version), which is what makes a poll fetch only what is new.

Decisions (the issue is silent):
- The default interval is 15 minutes and the shortest 1 minute: polling a newsroom's feed more often earns a ban
  and finds nothing Liveuamap would not.
- A URL is followed once: adding it again changes its name or interval instead of making a second source.
- Removing a source keeps the articles and events read from it (stored data is never lost by a click); only its
  item rows go, so adding it back reads its current items again and the store skips the ones it already holds.
- A failing source is retried on its normal schedule; its error stays visible until the next success.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from geomap.exceptions import InputError
from geomap.store import dict_rows

DEFAULT_EVERY_S = 15 * 60
MIN_EVERY_S = 60
#: Source kinds: `auto` is decided on the first fetch (a feed when it parses as one, else an article page).
KINDS = ("auto", "feed", "article")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_EVERY = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$", re.IGNORECASE)

_COLUMNS = ("id, url, name, kind, every_s, paused, etag, last_modified, added_at, last_run, last_success, "
            "last_error, next_run, n_items")


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="seconds")


def parse_every(text: str | int, field: str = "--every") -> int:
    """'15m', '2h', '90s', '1d' or plain seconds -> seconds (at least MIN_EVERY_S)."""
    m = _EVERY.match(str(text))
    if not m:
        raise InputError(str(text), "not an interval: use a number with s, m, h or d, e.g. 15m", field=field)
    seconds = int(m.group(1)) * _UNITS[(m.group(2) or "s").lower()]
    if seconds < MIN_EVERY_S:
        raise InputError(str(text), f"shorter than the minimum of {MIN_EVERY_S} s", field=field)
    return seconds


def format_every(seconds: int) -> str:
    for unit in ("d", "h", "m"):
        if seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"


def check_url(url: str) -> str:
    """The URL stripped, or InputError when it is not an absolute http(s) URL (nothing else is ever fetched)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(url or "(empty)", "not an http(s) URL", field="url")
    return url


def read_source_list(path: str | Path) -> tuple[list[tuple[str, str]], list[InputError]]:
    """`sources.txt`: one URL a line, optionally followed by a name; blank lines and `#` comments skipped.

    Returns the (url, name) pairs and one InputError (file:line) per line that is not an http(s) URL."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(p), f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    good, bad = [], []
    for i, line in enumerate(lines, 1):
        text = line.split(" #", 1)[0].strip()  # a comment after a URL needs a space before its '#'
        if not text or text.startswith("#"):
            continue
        url, _, name = text.partition(" ")
        try:
            good.append((check_url(url), name.strip()))
        except InputError as exc:
            bad.append(InputError(str(p), exc.reason + f": {url[:80]!r}", line=i))
    return good, bad


@dataclass(frozen=True)
class Source:
    id: int
    url: str
    name: str
    kind: str
    every_s: int
    paused: bool
    etag: str
    last_modified: str
    added_at: str
    last_run: str
    last_success: str
    last_error: str
    next_run: str
    n_items: int

    @property
    def status(self) -> str:
        """One word for the Sources table."""
        if self.paused:
            return "paused"
        if not self.last_run:
            return "new"
        return "failing" if self.last_error else "ok"

    def record(self) -> dict:
        """The row as shown by `geomap sources list` and the Sources page."""
        return {"id": self.id, "name": self.name, "url": self.url, "kind": self.kind,
                "every": format_every(self.every_s), "status": self.status, "items": self.n_items,
                "last_success": self.last_success, "last_error": self.last_error, "next_run": self.next_run}


def _row(r: tuple) -> Source:
    return Source(*r[:5], bool(r[5]), *r[6:])


class SourceBook:
    """The sources table of one store connection (a `geomap.store.Store` migrated to v5 or later)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def add(self, url: str, name: str = "", every: str | int = DEFAULT_EVERY_S, kind: str = "auto") -> Source:
        """Follow `url` (due at once); an already followed URL gets the new name/interval instead."""
        url = check_url(url)
        if kind not in KINDS:
            raise InputError(kind, f"unknown source kind; use one of {', '.join(KINDS)}", field="kind")
        every_s = parse_every(every)
        name = " ".join(name.split()) or (urlsplit(url).hostname or url)
        now = iso(now_utc())
        self.conn.execute(
            "INSERT INTO sources (url, name, kind, every_s, added_at, next_run) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(url) DO UPDATE SET name = excluded.name, every_s = excluded.every_s, kind = excluded.kind",
            (url, name, kind, every_s, now, now))
        return self.get(url)

    def get(self, key: int | str) -> Source:
        """A source by id or URL (InputError naming the key when there is none)."""
        col = "id" if isinstance(key, int) or str(key).isdigit() else "url"
        r = self.conn.execute(f"SELECT {_COLUMNS} FROM sources WHERE {col} = ?", (key,)).fetchone()
        if r is None:
            raise InputError(str(key), "no such source (see `geomap sources list`)", field="source")
        return _row(r)

    def all(self) -> list[Source]:
        return [_row(r) for r in self.conn.execute(f"SELECT {_COLUMNS} FROM sources ORDER BY id")]

    def remove(self, key: int | str) -> Source:
        src = self.get(key)
        self.conn.execute("DELETE FROM sources WHERE id = ?", (src.id,))
        return src

    def set_paused(self, key: int | str, paused: bool) -> Source:
        src = self.get(key)
        self.conn.execute("UPDATE sources SET paused = ? WHERE id = ?", (int(paused), src.id))
        return self.get(src.id)

    def poll_soon(self, key: int | str) -> Source:
        """Make a source due now (the "poll now" button; a running `geomap watch` picks it up within seconds)."""
        src = self.get(key)
        self.conn.execute("UPDATE sources SET next_run = ? WHERE id = ?", (iso(now_utc()), src.id))
        return self.get(src.id)

    def due(self, now: datetime | None = None) -> list[Source]:
        """Unpaused sources whose next run has come, longest waiting first."""
        t = iso(now or now_utc())
        return [_row(r) for r in self.conn.execute(
            f"SELECT {_COLUMNS} FROM sources WHERE paused = 0 AND next_run <= ? ORDER BY next_run, id", (t,))]

    def next_due(self) -> datetime | None:
        r = self.conn.execute("SELECT min(next_run) FROM sources WHERE paused = 0").fetchone()
        return datetime.fromisoformat(r[0]) if r and r[0] else None

    def finish_run(self, src: Source, error: str = "", etag: str | None = None, last_modified: str | None = None,
                   kind: str | None = None, new_items: int = 0, now: datetime | None = None) -> None:
        """Record one poll: success clears the error and keeps the validators for the next conditional GET."""
        t = now or now_utc()
        nxt = iso(t + timedelta(seconds=src.every_s))
        if error:
            self.conn.execute("UPDATE sources SET last_run = ?, last_error = ?, next_run = ? WHERE id = ?",
                              (iso(t), error[:500], nxt, src.id))
            return
        self.conn.execute(
            "UPDATE sources SET last_run = ?, last_success = ?, last_error = '', next_run = ?, "
            "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), kind = coalesce(?, kind), "
            "n_items = n_items + ? WHERE id = ?",
            (iso(t), iso(t), nxt, etag, last_modified, kind, new_items, src.id))

    # -- items ------------------------------------------------------------------------------------------------

    def seen(self, src: Source, item_key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM source_items WHERE source = ? AND item_key = ?",
                                 (src.id, item_key)).fetchone() is not None

    def article_for(self, canonical_url: str = "", norm_hash: str = "") -> int | None:
        """The stored article already read under this canonical URL or normalised text hash, from any source."""
        for col, val in (("canonical_url", canonical_url), ("norm_hash", norm_hash)):
            if val:
                r = self.conn.execute(f"SELECT article FROM source_items WHERE {col} = ? AND article IS NOT NULL "
                                      "LIMIT 1", (val,)).fetchone()
                if r:
                    return r[0]
        return None

    def remember(self, src: Source, item_key: str, *, url: str = "", canonical_url: str = "", norm_hash: str = "",
                 article: int | None = None, date_from: str = "", status: str = "new",
                 fetched_at: datetime | None = None) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO source_items (source, item_key, url, canonical_url, norm_hash, article, "
            "fetched_at, date_from, status) VALUES (?,?,?,?,?,?,?,?,?)",
            (src.id, item_key, url, canonical_url, norm_hash, article, iso(fetched_at or now_utc()), date_from,
             status))

    def article_sources(self, article_ext_id: str) -> list[dict]:
        """Every source an article was read from: name, source URL, item URL, fetch time, where its date came from."""
        cur = self.conn.execute(
            "SELECT s.name, s.url AS source_url, i.url, i.canonical_url, i.fetched_at, i.date_from, i.status "
            "FROM source_items i JOIN sources s ON s.id = i.source JOIN articles a ON a.id = i.article "
            "WHERE a.ext_id = ? ORDER BY i.fetched_at, s.id", (article_ext_id,))
        return dict_rows(cur)
