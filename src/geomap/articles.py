"""Readers: article files, CSV, JSONL and folders of them -> `Article`s (DESIGN §2).

Readers yield `Article | InputError` so one bad file or row is reported and the rest goes on.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

from geomap import config
from geomap.exceptions import InputError
from geomap.models import Article

#: Extensions read as a table; everything else in a folder is read as an article text file.
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".json"}
#: A .json file is read only when named (or uploaded): in a folder it is more often metadata (gold.json) than news.
FOLDER_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
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

    from geomap.dates import month_number

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    m = _LOOSE.search(value)
    if not m:
        return None
    mon = (m["m1"] or m["m2"]).lower()
    month = month_number(mon) or month_number(mon[:3])
    try:
        return date(int(m["y1"] or m["y2"]), month, int(m["d1"] or m["d2"])) if month else None
    except ValueError:
        return None


#: Byte-order marks that name their encoding for sure (UTF-32 first: its little-endian mark starts like UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF8, "utf-8-sig"))


def decode(data: bytes, origin: str) -> str:
    """UTF-8, or UTF-16/UTF-32 with a byte-order mark (the mark names the encoding, nothing is guessed); any other
    encoding is refused: guessing silently garbles place names. NUL characters anywhere mean a binary file."""
    if not data.strip():
        raise InputError(origin, "file is empty")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\0" in data[:4096]:
        raise InputError(origin, "binary file (NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        raise InputError(origin, f"not {encoding.upper().removesuffix('-SIG')} (byte 0x{data[exc.start]:02x} at "
                         f"offset {exc.start}); save the file as UTF-8", line) from None
    nul = text.find("\0")
    if nul >= 0:
        raise InputError(origin, "binary content (a NUL character), not text", text.count("\n", 0, nul) + 1)
    return text


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
    if size > config.MAX_ARTICLE_BYTES:
        raise InputError(origin, f"article is {size / 1e6:.3g} MB, over the {config.MAX_ARTICLE_BYTES / 1e6:g} MB "
                         "limit (set GEOMAP_MAX_ARTICLE_MB to raise it)", line, field)


def read_text_file(path: Path) -> Article:
    origin = str(path)
    try:
        check_size(path.stat().st_size, origin)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
    return parse_seed_text(decode(data, origin), origin, path.stem)


def _row_article(row: dict, origin: str, line: int | None, default_id: str, default_date: date | None = None
                 ) -> Article:
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
    elif published in (None, ""):
        raise InputError(origin, "missing 'published' date", line, "published")
    elif not isinstance(published, str):
        raise InputError(origin, f"'published' must be a date string YYYY-MM-DD, got the "
                         f"{type(published).__name__} {published!r:.30}", line, "published")
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
        origin=f"{origin}:{line}" if line is not None else origin,
    )


def csv_field_limit() -> int:
    """The longest CSV field read, in characters: the article size limit (a UTF-8 character is at least one byte,
    so no field within the limit is cut). csv's default (128 KB) ended the whole file at the first long article;
    no limit at all let one 50 MB field cost 200 MB (csv builds a field four bytes per character)."""
    return config.MAX_ARTICLE_BYTES + 1


class _Lines:
    """`text` in lines ending with a newline, made one at a time (io.StringIO held a 4-byte-per-character copy of a
    whole upload), counting the quote characters since `mark()` so that a row cut short by the field limit can be
    skipped to its real end instead of reading the inside of its quoted field as rows."""

    def __init__(self, text: str) -> None:
        self.text, self.start, self.quotes, self.count = text, 0, 0, 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        text, start = self.text, self.start
        if start >= len(text):
            raise StopIteration
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        self.start = end
        self.count += 1
        self.quotes += text.count('"', start, end)
        return text[start:end]

    def mark(self) -> None:
        self.quotes = 0

    def skip_quoted(self) -> None:
        """Skip to the line that closes an open quoted field."""
        while self.quotes % 2 and self.start < len(self.text):
            next(self)


def iter_csv(text: str, origin: str, stem: str, default_date: date | None = None) -> Iterator[ReadResult]:
    """Rows of a CSV table. Every row that is not read is reported with its first line number and the reason; a
    quote left open (which makes the csv module swallow the following rows into one field) is reported, never
    stored as one article joined from several rows; a field over the article size limit is reported and skipped to
    the end of its row."""
    csv.field_size_limit(csv_field_limit())
    lines = _Lines(text)
    reader = csv.reader(lines)
    try:
        header = [h.strip().lower() for h in next(reader, [])]
    except csv.Error as exc:
        yield InputError(origin, f"malformed CSV header: {exc}", 1)
        return
    if "text" not in header or not {"published", "date"} & set(header):
        yield InputError(origin, f"CSV header {','.join(header)!r:.80} lacks published/text columns", 1)
        return
    date_col = header.index("published" if "published" in header else "date")
    end = lines.count
    while True:
        first = end + 1
        lines.mark()
        try:
            values = next(reader, None)
        except csv.Error as exc:
            yield _csv_error(exc, lines, origin, first)
            end = lines.count
            continue
        if values is None:
            return
        end = lines.count
        if not values:
            continue  # a blank line
        yield _csv_row(values, header, date_col, origin, (first, end), f"{stem}-{end}", default_date)


def _csv_error(exc: csv.Error, lines: _Lines, origin: str, first: int) -> InputError:
    """The message for a row the csv module could not read; a field over the limit is skipped to its row's end."""
    if "field limit" not in str(exc):
        return InputError(origin, f"malformed CSV row: {exc}", first)
    lines.skip_quoted()
    rows = f"rows {first}-{lines.count} are" if lines.count > first else "the row is"
    return InputError(origin, f"a field is longer than the {config.MAX_ARTICLE_BYTES / 1e6:g} MB article limit (set "
                      f"GEOMAP_MAX_ARTICLE_MB to raise it); {rows} skipped", first)


def _csv_row(values: list[str], header: list[str], date_col: int, origin: str, lines: tuple[int, int],
             default_id: str, default_date: date | None) -> ReadResult:
    """One parsed row: an Article, or the reason it is not one."""
    first, end = lines
    if len(values) != len(header):
        return InputError(origin, f"row has {len(values)} fields where the header has {len(header)}", first)
    joined = _joined_row(values, len(header), date_col) if end > first else None
    if joined is not None:
        return InputError(origin, f"a quote opened in this row is not closed before a line that reads as a row of "
                          f"its own ({joined!r:.40}); rows {first}-{end} were joined and are skipped: fix the quote",
                          first)
    try:
        return _row_article(dict(zip(header, values, strict=True)), origin, first, default_id, default_date)
    except InputError as exc:
        return exc


def _joined_row(values: list[str], width: int, date_col: int) -> str | None:
    """A line inside a multi-line field that parses as a whole row (the right number of fields and a date in the
    date column): the sign of an unterminated quote. Returns that line, or None."""
    for value in values:
        for line in value.splitlines()[1:]:
            if line.count(",") < width - 1:
                continue
            try:
                fields = next(csv.reader([line]), [])
            except csv.Error:
                continue
            when = fields[date_col].strip() if len(fields) == width else ""
            if _ISO_DATE.fullmatch(when) or _LOOSE.fullmatch(when):
                return line
    return None


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


def iter_json(text: str, origin: str, stem: str, default_date: date | None = None) -> Iterator[ReadResult]:
    """A .json file: one article object, or an array of them (each reported as "FILE item N")."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(origin, f"invalid JSON: {exc.msg}", exc.lineno)
        return
    items = data if isinstance(data, list) else [data]
    for i, row in enumerate(items, 1):
        where = f"{origin} item {i}" if isinstance(data, list) else origin
        if not isinstance(row, dict):
            yield InputError(where, "expected a JSON object with published and text")
            continue
        try:
            yield _row_article(row, where, None, f"{stem}-{i}", default_date)
        except InputError as exc:
            yield exc


_TABLE_READERS = {".csv": iter_csv, ".json": iter_json}


def read_path(path: Path, default_date: date | None = None) -> Iterator[ReadResult]:
    """One file of any supported format, or a folder (recursively, sorted for stable order).

    `default_date` stands in for a missing or unreadable `published` in CSV/JSONL rows; only callers that do not
    use dates (geoparse) pass it, everything else gets a clear error for such rows.
    """
    if path.is_dir():
        yield from _read_folder(path, default_date)
        return
    origin = str(path)
    try:
        path.stat()
    except OSError as exc:  # missing, a dangling link, a symbolic link loop, no permission
        yield InputError(origin, "no such file or folder" if isinstance(exc, FileNotFoundError) and
                         not path.is_symlink() else f"cannot open: {exc.strerror or exc}")
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
        yield from _TABLE_READERS.get(suffix, iter_jsonl)(text, origin, path.stem, default_date)
        return
    try:
        yield read_text_file(path)
    except InputError as exc:
        yield exc


def _read_folder(folder: Path, default_date: date | None) -> Iterator[ReadResult]:
    """Article files under `folder`, recursively in sorted order, hidden files and folders left out; a sub-folder
    that cannot be listed is reported (Path.rglob skipped it silently)."""
    errors: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in files if not f.startswith(".")
                  and Path(f).suffix.lower() in FOLDER_SUFFIXES | TEXT_SUFFIXES]
    for err in errors:
        yield InputError(str(err.filename or folder), f"cannot list folder: {err.strerror or err}")
    for child in sorted(found):
        yield from read_path(child, default_date)


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
