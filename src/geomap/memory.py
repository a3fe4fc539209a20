"""The app server's memory over many visits: glibc malloc settings that keep it flat (issue 14).

Why: Streamlit runs each session's script on its own thread, and glibc's malloc gives busy threads arenas of their
own (up to eight per CPU). The large, short-lived objects of a big store (a 200,000-event frame read from the cache
on every rerun) are freed into whichever arena made them, and the next session's thread does not reuse them: the
server's resident memory rose 1.66x over eight visits of the map at 200,000 events. Two arenas, and handing freed
pages back after a page run, brought it to ~1.2x (`benchmarks/bench_memory.py` measures it).

The rest was glibc's sliding mmap threshold: a block of 128 KiB or more starts out mmapped (returned to the system
when freed), but each such free raises the threshold, up to 32 MiB; from then on a run's column-sized temporaries
(a 200,000-row int64 column is 1.6 MB) were carved from the arenas' heaps, whose holes trim could not give back:
malloc's free bytes grew 50 -> 212 MB over eight visits while its bytes in use stayed at 130 MB. A fixed threshold
(which also stops the sliding) keeps them mmapped: 1.17x -> 0.99x, free bytes 3-5 MB. Elsewhere than glibc
(macOS, Windows, musl) these calls do nothing and say so.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

#: mallopt's parameter number for the arena cap (glibc's malloc.h).
M_ARENA_MAX = -8
#: Arenas to allow: one for the server's threads, one for a running script.
ARENAS = 2
#: mallopt's parameter number for the mmap threshold (glibc's malloc.h).
M_MMAP_THRESHOLD = -3
#: Blocks from this size up are mmapped, whatever was freed before (glibc starts at 128 KiB and slides up to 32 MiB).
MMAP_THRESHOLD = 256 * 1024


@cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        lib = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return lib if hasattr(lib, "mallopt") and hasattr(lib, "malloc_trim") else None


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap malloc's arenas for threads that start from now on; False where the C library is not glibc."""
    lib = _glibc()
    return bool(lib and lib.mallopt(M_ARENA_MAX, arenas) == 1)


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Serve blocks of `size` bytes and up from mmap, and stop glibc raising that threshold after a large free:
    large temporaries then go back to the system when freed instead of fragmenting the heap; False where the C
    library is not glibc."""
    lib = _glibc()
    return bool(lib and lib.mallopt(M_MMAP_THRESHOLD, size) == 1)


def arrow_on_malloc() -> bool:
    """Let Arrow allocate through malloc (so the arena cap and `release` cover it), not its own mimalloc/jemalloc
    pool, which keeps each session thread's freed pages; False when pyarrow is missing."""
    try:
        import pyarrow as pa
    except ImportError:
        return False
    pa.set_memory_pool(pa.system_memory_pool())
    return True


def release() -> bool:
    """Give freed heap pages back to the system (malloc_trim); False where that is not available."""
    lib = _glibc()
    if lib is None:
        return False
    lib.malloc_trim(0)
    return True
