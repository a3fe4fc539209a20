"""The Articles page's ingest: uploaded files and pasted text, each with its own result row.

Why its own module: uploads come with user-chosen names and broken contents; each file is read on its own, so one bad
file never stops the others, and the messages name the file the user uploaded, never a server temp path.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from geomap.articles import from_text, read_paths
from geomap.exceptions import InputError
from geomap.pagedata import Progress, ingest_items

#: Longest file name most file systems take, in bytes (a 148-character Cyrillic title is 296 bytes).
NAME_MAX_BYTES = 255


@dataclass
class FileResult:
    """What happened to one uploaded file (or pasted text)."""

    name: str
    new: int = 0
    skipped: int = 0
    events: int = 0
    failed: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.failed and not (self.new or self.skipped):
            return "failed"
        if self.failed:
            return "partly failed"
        return "new" if self.new else "already stored" if self.skipped else "nothing to read"


def safe_name(name: str) -> str:
    """The upload's base name, shortened (keeping its suffix) to fit NAME_MAX_BYTES of UTF-8."""
    base = Path(name or "upload").name.strip().replace("\x00", "")
    if base in ("", ".", ".."):
        return "upload"
    suffix = Path(base).suffix if len(Path(base).suffix.encode()) <= 16 else ""
    stem = base[: len(base) - len(suffix)]
    while len((stem + suffix).encode()) > NAME_MAX_BYTES:
        stem = stem[:-1]
    return (stem.rstrip() or "upload") + suffix


def _ingest_one(path: Path, folder: Path, name: str, data: bytes) -> FileResult:
    """One upload, written under its own (sanitised) name so the readers' messages name the user's file."""
    safe = safe_name(name)
    fpath = folder / safe
    res = FileResult(safe)
    try:
        folder.mkdir()
        fpath.write_bytes(data)
        rep = ingest_items(path, list(read_paths([fpath])))
        res.new, res.skipped, res.events = rep.new, rep.skipped, rep.events
        res.failed = [f.replace(str(fpath), safe).replace(str(folder) + "/", "") for f in rep.failed]
    except Exception as exc:  # noqa: BLE001 - shown to the user, the page and the store stay intact
        res.failed.append(f"{safe}: {str(exc).replace(str(folder) + '/', '')}")
    return res


def ingest_uploads(path: Path, files: list[tuple[str, bytes]], progress: Progress | None = None
                   ) -> list[FileResult]:
    """Ingest uploaded files one by one, each with its own result; a broken file never stops the others."""
    results: list[FileResult] = []
    with tempfile.TemporaryDirectory(prefix="geomap-upload-") as tmp:
        for i, (name, data) in enumerate(files, 1):
            results.append(_ingest_one(path, Path(tmp) / str(i), name, data))
            if progress is not None:
                progress(i, len(files), results[-1].name)
    return results


def ingest_pasted(path: Path, text: str, published: date, title: str = "", url: str = "") -> FileResult:
    """Ingest one pasted article (idempotent: pasting the same text and date twice stores it once)."""
    res = FileResult("pasted text")
    if not text.strip():
        res.failed.append("pasted text: empty")
        return res
    try:
        art = from_text(text, published, title=title, url=url)
    except InputError as exc:
        res.failed.append(str(exc))
        return res
    rep = ingest_items(path, [art])
    res.new, res.skipped, res.events, res.failed = rep.new, rep.skipped, rep.events, list(rep.failed)
    return res


def results_frame(results: list[FileResult]) -> pd.DataFrame:
    """The results as the table the page shows."""
    return pd.DataFrame([{"file": r.name, "result": r.status, "new articles": r.new,
                          "already stored": r.skipped, "new events": r.events,
                          "errors": "; ".join(r.failed)} for r in results])
