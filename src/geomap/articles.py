"""Readers: article files, CSV, JSONL and folders of them -> `Article`s (DESIGN §2).

Readers yield `Article | InputError` so one bad file or row is reported and the rest goes on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

from geomap.exceptions import InputError
from geomap.models import Article

#: Extensions read as a table; everything else in a folder is read as an article text file.
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
#: In a folder only these are taken as article text files (so a README.md beside the articles is not an article);
#: a file named on the command line is read whatever its suffix.
TEXT_SUFFIXES = {".txt", ".text", ""}
_DATE_LINE = re.compile(r"\A\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?\S*)?[ \t]*", re.I)
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")

_MONTH_NAME = r"[A-Za-z]{3,9}\.?"
_LOOSE = re.compile(rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_NAME}),?\s+(?P<y1>\d{{4}})"
                    rf"|(?P<m2>{_MONTH_NAME})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})")

ReadResult = Article | InputError


#: Earliest publication date taken; earlier ones are typing errors (0001-01-01, a year 202).
EARLIEST_PUBLISHED = date(1800, 1, 1)
#: How far in the future a publication date may lie (time zones, embargoed copy); later ones are typing errors
#: (2099, 9999) that would put events in the future on the map.
FUTURE_DAYS = 2


def parse_date(value: str, origin: str, line: int | None = None, field: str = "published") -> date:
    """A publication date: ISO first, then the common feed forms that carry a year ("24 November 2016",
    "Nov 22, 2016", RFC 2822). A date without a year is refused rather than guessed, and so is one before 1800 or
    more than two days in the future."""
    m = _ISO_DATE.match(value or "")
    if m:
        try:
            parsed: date | None = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise InputError(origin, f"invalid date {value!r:.40}: {exc}", line, field) from None
    else:
        parsed = _loose_date(value or "")
    if parsed is None:
        raise InputError(origin, f"expected a date YYYY-MM-DD, got {value!r:.40}", line, field)
    if field in ("published", "date") and not (
            EARLIEST_PUBLISHED <= parsed <= date.today() + timedelta(days=FUTURE_DAYS)):
        when = "in the future" if parsed > EARLIEST_PUBLISHED else "before 1800"
        raise InputError(origin, f"publication date {parsed.isoformat()} is {when}; check the date (YYYY-MM-DD)",
                         line, field)
    return parsed


def _loose_date(value: str) -> date | None:
    from email.utils import parsedate_to_datetime

    from geomap.dates import MONTHS

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    m = _LOOSE.search(value)
    if not m:
        return None
    mon = (m["m1"] or m["m2"]).lower()
    month = MONTHS.get(mon) or MONTHS.get(mon[:3])
    try:
        return date(int(m["y1"] or m["y2"]), month, int(m["d1"] or m["d2"])) if month else None
    except ValueError:
        return None


def decode(data: bytes, origin: str) -> str:
    """UTF-8 (with or without BOM) only: guessing encodings silently garbles place names."""
    if not data.strip():
        raise InputError(origin, "file is empty")
    if b"\0" in data[:4096]:
        raise InputError(origin, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(origin, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "save the file as UTF-8", line) from None


def parse_seed_text(text: str, origin: str, article_id: str) -> Article:
    """Seed text format: optional whitespace, `date YYYY-MM-DD`, then the body (DESIGN §2)."""
    m = _DATE_LINE.match(text)
    if not m:
        raise InputError(origin, "no leading 'date YYYY-MM-DD' line", 1, "date")
    published = parse_date(m[1], origin, 1, "date")
    body = text[m.end():].strip()
    if not body:
        raise InputError(origin, "article has a date but no text", 1, "text")
    return Article(id=article_id, published=published, text=body, origin=origin)


def check_size(size: int, origin: str, line: int | None = None, field: str | None = None) -> None:
    """Refuse an article larger than config.MAX_ARTICLE_BYTES, before any work is spent on it."""
    from geomap import config

    if size > config.MAX_ARTICLE_BYTES:
        raise InputError(origin, f"article is {size / 1e6:.1f} MB, over the {config.MAX_ARTICLE_BYTES / 1e6:g} MB "
                         "limit (set GEOMAP_MAX_ARTICLE_MB to raise it)", line, field)


def read_text_file(path: Path) -> Article:
    origin = str(path)
    try:
        check_size(path.stat().st_size, origin)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
    return parse_seed_text(decode(data, origin), origin, path.stem)


def _row_article(row: dict, origin: str, line: int, default_id: str, default_date: date | None = None) -> Article:
    row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "missing or empty 'text'", line, "text")
    check_size(len(text), origin, line, "text")
    published = row.get("published") or row.get("date")
    if default_date is not None:
        try:
            when = parse_date(str(published or ""), origin, line)
        except InputError:
            when = default_date
    elif not isinstance(published, str):
        raise InputError(origin, "missing 'published' date", line, "published")
    else:
        when = parse_date(published, origin, line)
    aid = row.get("id")
    return Article(
        id=str(aid).strip() if aid not in (None, "") else default_id,
        published=when,
        text=text,  # verbatim: mention offsets must point into the text as given
        title=str(row.get("title") or "").strip(),
        url=str(row.get("url") or "").strip(),
        source=str(row.get("source") or "").strip(),
        origin=f"{origin}:{line}",
    )


def iter_csv(text: str, origin: str, stem: str, default_date: date | None = None) -> Iterator[ReadResult]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "text" not in header or not {"published", "date"} & set(header):
        yield InputError(origin, f"CSV header {','.join(header)!r:.80} lacks published/text columns", 1)
        return
    try:
        for row in reader:
            line = reader.line_num
            if None in row or any(v is None for v in row.values()):
                yield InputError(origin, f"row has {len(row) - (None in row)} fields where the header has "
                                 f"{len(header)}", line)
                continue
            try:
                yield _row_article(row, origin, line, f"{stem}-{line}", default_date)
            except InputError as exc:
                yield exc
    except csv.Error as exc:
        yield InputError(origin, f"malformed CSV: {exc}", reader.line_num)


def iter_jsonl(text: str, origin: str, stem: str, default_date: date | None = None) -> Iterator[ReadResult]:
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(origin, f"invalid JSON: {exc.msg}", line_no)
            continue
        if not isinstance(row, dict):
            yield InputError(origin, "each line must be a JSON object", line_no)
            continue
        try:
            yield _row_article(row, origin, line_no, f"{stem}-{line_no}", default_date)
        except InputError as exc:
            yield exc


def read_path(path: Path, default_date: date | None = None) -> Iterator[ReadResult]:
    """One file of any supported format, or a folder (recursively, sorted for stable order).

    `default_date` stands in for a missing or unreadable `published` in CSV/JSONL rows; only callers that do not
    use dates (geoparse) pass it, everything else gets a clear error for such rows.
    """
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            if child.suffix.lower() in TABLE_SUFFIXES | TEXT_SUFFIXES:
                yield from read_path(child, default_date)
        return
    origin = str(path)
    if not path.exists():
        yield InputError(origin, "no such file or folder")
        return
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        try:
            text = decode(path.read_bytes(), origin)
        except InputError as exc:
            yield exc
            return
        except OSError as exc:
            yield InputError(origin, f"cannot read: {exc.strerror or exc}")
            return
        yield from (iter_csv if suffix == ".csv" else iter_jsonl)(text, origin, path.stem, default_date)
        return
    try:
        yield read_text_file(path)
    except InputError as exc:
        yield exc


def read_paths(paths: Iterable[str | Path], default_date: date | None = None) -> Iterator[ReadResult]:
    for p in paths:
        yield from read_path(Path(p), default_date)


def from_text(text: str, published: date, article_id: str = "", title: str = "", url: str = "",
              source: str = "") -> Article:
    """An article pasted by a user: its id is derived from its content so pasting twice is idempotent."""
    check_size(len(text), "pasted text")
    art = Article(id=article_id or "pasted", published=published, text=text.strip(), title=title, url=url,
                  source=source, origin="pasted text")
    if not article_id:
        art = Article(**{**art.__dict__, "id": f"pasted-{art.content_hash[:12]}"})
    return art
