"""Time from `make run` to the first drawn map, as a new user sees it: an empty store (the app ingests the sample
articles on first start), then Chromium waits for event markers inside the map iframe.

    .venv/bin/python benchmarks/bench_startup.py [--runs 3]

Each run uses a fresh temporary store (GEOMAP_DB) and a free port; `make run` is started in the project root and
stopped (its whole process group) after the map has drawn. Prints every run and the median.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_run(browser) -> float:
    port = free_port()
    with tempfile.TemporaryDirectory() as d:
        env = {**os.environ, "GEOMAP_DB": str(Path(d) / "geomap.sqlite")}
        t0 = time.perf_counter()
        proc = subprocess.Popen(["make", "run", f"PORT={port}"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            page = browser.new_page()
            url = f"http://127.0.0.1:{port}/"
            while True:  # the server is not up yet: retry until it answers
                try:
                    page.goto(url, timeout=5_000)
                    break
                except Exception:
                    if time.perf_counter() - t0 > 180:
                        raise
                    time.sleep(0.2)
            frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
            frame.locator("path.leaflet-interactive, .leaflet-marker-icon").first.wait_for(timeout=180_000)
            elapsed = time.perf_counter() - t0
            page.close()
            return elapsed
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        times = []
        for i in range(a.runs):
            t = one_run(browser)
            times.append(t)
            print(f"run {i + 1}: make run -> first drawn map in {t:.1f} s")
        browser.close()
    print(f"median: {statistics.median(times):.1f} s over {a.runs} runs")


if __name__ == "__main__":
    main()
