"""geomap.memory: the malloc settings that keep the app server's memory flat (measured by bench_memory.py)."""

from __future__ import annotations

import subprocess
import sys

from geomap import memory


def test_glibc_calls_take_effect_on_linux() -> None:
    # Debian (CI and the supported machines) has glibc: both calls must reach it, not silently do nothing.
    if not sys.platform.startswith("linux"):
        assert memory.limit_arenas() is False and memory.release() is False
        return
    assert memory.limit_arenas() is True
    assert memory.release() is True


def _fresh_process(code: str) -> str:
    """What `code` prints in a new interpreter (the settings under test apply once, on import)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_ui_caps_the_arenas_when_loaded() -> None:
    # in a fresh process: importing the app's Streamlit layer sets the cap before any session thread runs
    code = ("import geomap.memory as m, unittest.mock as um\n"
            "with um.patch.object(m, 'limit_arenas', wraps=m.limit_arenas) as spy:\n"
            "    import geomap.ui\n"
            "print(spy.call_count)")
    assert _fresh_process(code).strip() == "1"


def test_ui_puts_arrow_on_malloc_when_loaded() -> None:
    # Arrow's own pool (mimalloc) kept each session thread's freed pages out of reach of the arena cap and trim
    code = ("import pyarrow as pa\n"
            "before = pa.default_memory_pool().backend_name\n"
            "import geomap.ui\n"
            "print(before, pa.default_memory_pool().backend_name)")
    before, after = _fresh_process(code).split()
    assert after == "system" and before != "system"
