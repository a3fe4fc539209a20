"""geomap.memory: the malloc settings that keep the app server's memory flat (measured by bench_memory.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from geomap import memory


def test_glibc_calls_take_effect_on_linux() -> None:
    # Debian (CI and the supported machines) has glibc: both calls must reach it, not silently do nothing.
    if not sys.platform.startswith("linux"):
        assert memory.limit_arenas() is False and memory.release() is False
        assert memory.fix_mmap_threshold() is False
        return
    assert memory.limit_arenas() is True
    assert memory.fix_mmap_threshold() is True
    assert memory.release() is True


def _fresh_process(code: str) -> str:
    """What `code` prints in a new interpreter (the settings under test apply once, on import)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("setting", ["limit_arenas", "fix_mmap_threshold"])
def test_ui_applies_the_malloc_settings_when_loaded(setting: str) -> None:
    # in a fresh process: importing the app's Streamlit layer applies each setting before any session thread runs
    code = ("import geomap.memory as m, unittest.mock as um\n"
            f"with um.patch.object(m, {setting!r}, wraps=m.{setting}) as spy:\n"
            "    import geomap.ui\n"
            "print(spy.call_count)")
    assert _fresh_process(code).strip() == "1"


#: Counts the mmapped blocks (mallinfo2's hblks) around a 1 MB block allocated after a 4 MB one was freed.
_MMAPPED_AFTER_LARGE_FREE = """
import ctypes, sys
from geomap import memory
class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                 "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = Info
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[1] == "fixed":
    memory.fix_mmap_threshold()
libc.free(libc.malloc(4 << 20))  # glibc (unfixed) raises its threshold to 4 MB here
before = libc.mallinfo2().hblks
block = libc.malloc(1 << 20)
print(libc.mallinfo2().hblks - before)
libc.free(block)
"""


def test_fixed_threshold_keeps_large_blocks_mmapped_after_a_large_free() -> None:
    # what the setting is for: without it a 1 MB temporary comes from the heap once a bigger block was freed
    if memory._glibc() is None:  # not glibc: nothing to keep mmapped
        return
    run = [sys.executable, "-c", _MMAPPED_AFTER_LARGE_FREE]
    # glibc's defaults: a MALLOC_* tuning in the environment (Dask's nanny sets MALLOC_TRIM_THRESHOLD_ in this
    # process once a Dask test ran) turns the sliding threshold off by itself
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"}
    got = {how: subprocess.run([*run, how], capture_output=True, text=True, check=True, env=env).stdout.strip()
           for how in ("fixed", "default")}
    assert got == {"fixed": "1", "default": "0"}


def test_ui_puts_arrow_on_malloc_when_loaded() -> None:
    # Arrow's own pool (mimalloc) kept each session thread's freed pages out of reach of the arena cap and trim
    code = ("import pyarrow as pa\n"
            "before = pa.default_memory_pool().backend_name\n"
            "import geomap.ui\n"
            "print(before, pa.default_memory_pool().backend_name)")
    before, after = _fresh_process(code).split()
    assert after == "system" and before != "system"
