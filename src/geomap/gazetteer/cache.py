"""The on-disk cache of the parsed tables: parsing 250,000 rows takes seconds, unpickling them a fraction of one.

The cache lives in `config.CACHE_DIR` under a key made of both files' content hashes, so a changed gazetteer or
overrides file gets a fresh cache on the next load, and a broken cache is rebuilt, never fatal.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path

from .index import Tables, build_tables
from .overrides import iter_rows

#: Bump when `Tables` changes shape: old caches then miss instead of loading wrong.
CACHE_VERSION = 9


def file_stamp(p: Path) -> tuple:
    """(path, mtime, size): cheap to read, and it changes whenever the file does."""
    try:
        st = p.stat()
        return (str(p), st.st_mtime_ns, st.st_size)
    except OSError:
        return (str(p), None, None)


def file_digest(paths: Iterable[Path | None]) -> str:
    """Content hash of the gazetteer files (keys the pickle cache and the ingest's pipeline fingerprint)."""
    h = hashlib.sha1(f"v{CACHE_VERSION}".encode())
    for p in paths:
        h.update(b"\0")
        if p is not None and p.exists():
            with open(p, "rb") as fh:
                while chunk := fh.read(1 << 22):
                    h.update(chunk)
    return h.hexdigest()[:20]


def cache_file(csv_path: Path, overrides: Path | None, cache_dir: Path) -> Path:
    """One cache per gazetteer file path; its name carries the content digest of both files."""
    where = hashlib.sha1(str(csv_path.resolve()).encode()).hexdigest()[:8]
    return cache_dir / f"gazetteer-{where}-{file_digest([csv_path, overrides])}.pickle"


def read_cache(path: Path) -> Tables | None:
    if not path.exists():
        return None
    try:
        with open(path, "rb") as fh:
            tables = pickle.load(fh)  # noqa: S301 - our own cache file, in the user's cache folder
    except Exception:  # a broken cache is rebuilt, never fatal
        return None
    return tables if isinstance(tables, Tables) else None


def write_cache(path: Path, tables: Tables) -> None:
    """Atomically write the pickle, and drop caches of older gazetteer files. Failure is not fatal."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        prefix = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{prefix}-*.pickle"):
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass
    except OSError as e:
        print(f"geomap: could not write gazetteer cache {path}: {e}", file=sys.stderr)


def load_tables(csv_path: Path, overrides: Path | None, cache_dir: Path, use_cache: bool) -> Tables:
    """The tables of the gazetteer file plus overrides: from the cache when it is current, else parsed (and cached)."""
    path = cache_file(csv_path, overrides, cache_dir) if use_cache else None
    tables = read_cache(path) if path is not None else None
    if tables is None:
        tables = build_tables(iter_rows(csv_path, overrides))
        if path is not None:
            write_cache(path, tables)
    return tables
