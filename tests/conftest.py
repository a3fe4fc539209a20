"""Fixtures for the app tests: a real `streamlit run app.py` server on a free port and headless Chromium (DESIGN §7).

Everything heavy is imported lazily inside the fixtures, so pipeline unit tests do not pay for it.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

#: Articles the browser tests ingest besides the samples: different dates (so the slider has something to do) and
#: one hostile article (markup that must show as text and never run).
BROWSER_ARTICLES = {
    "kharkiv_strike.txt": (
        "date 2022-11-02\n\nRussian missiles struck Kharkiv on Tuesday, killing two civilians and damaging a power "
        "station, the regional governor said.\n\nUkrainian troops shelled Russian positions near Bakhmut on "
        "Monday, the military said.\n"
    ),
    "odesa_drones.txt": (
        "date 2022-11-20\n\nRussian drones attacked Odesa on Saturday night, hitting energy infrastructure, "
        "Ukraine's air force said.\n\nShelling in Kherson killed one man on Friday, officials said.\n"
    ),
    "belarus_protest.txt": (
        "date 2022-11-24\n\nProtesters rallied across Belarus on Thursday against the war, organisers said.\n"
    ),
    "xss_article.txt": (
        "date 2022-12-05\n\nRussian drones attacked Mykolaiv <script>window.__geomapXss = 1;</script> on Sunday, "
        "local officials said <img src=x onerror=\"window.__geomapXss = 2\">.\n\nMissiles hit Zaporizhzhia on "
        "Saturday <b>bold</b> & more, the governor said.\n"
    ),
}
XSS_ARTICLE_ID = "xss_article"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chromium_or_skip() -> str:
    """The Chromium binary; in CI a missing browser is a failure, never a skip (DESIGN §7)."""
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"Chromium not found at {CHROMIUM} and CI is set: browser tests must run in CI")
    pytest.skip(f"Chromium not found at {CHROMIUM}")


@dataclass
class AppServer:
    """A running `streamlit run app.py`; stopped by its PID."""

    url: str
    db: Path
    proc: subprocess.Popen
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


def start_app(db: Path, log: Path, env_extra: dict[str, str] | None = None, timeout_s: float = 60.0,
              app: Path = ROOT / "app.py") -> AppServer:
    """Start the real app on a free 127.0.0.1 port against the store `db`; wait until it is healthy."""
    port = free_port()
    env = dict(os.environ, GEOMAP_DB=str(db), **(env_extra or {}))
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    fh = log.open("w")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return AppServer(url, db, proc, log)
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError(f"streamlit did not become healthy in {timeout_s} s:\n{log.read_text()}")


def ingest_into(db: Path, paths: list[Path]) -> None:
    """Fill a store with the real reader + pipeline, as `geomap ingest` does."""
    from geomap.articles import read_paths
    from geomap.ingest import ingest_articles
    from geomap.store import Store

    with Store.open(db) as store:
        report = ingest_articles(store, list(read_paths(paths)))
    assert not report.failed, report.summary()


@contextmanager
def app_with_articles(folder: Path, texts: dict[str, str], db_name: str = "geomap.sqlite",
                      env_extra: dict[str, str] | None = None) -> Iterator[AppServer]:
    """A running app on its own fresh store holding just these articles ({file name: seed-format text})."""
    (folder / "in").mkdir()
    for name, text in texts.items():
        (folder / "in" / name).write_text(text, encoding="utf-8")
    db = folder / db_name
    ingest_into(db, [folder / "in"])
    srv = start_app(db, folder / "streamlit.log", env_extra=env_extra)
    try:
        yield srv
    finally:
        srv.stop()


#: The one article an `old_store` holds.
OLD_ARTICLE = {"hash": "h", "ext_id": "old", "published": "2022-12-19", "text": "Drones hit Kyiv on Monday.",
               "ingested_at": "2022-12-20"}


def old_store(path: Path, version: int, event: dict[str, object]) -> None:
    """A store as geomap at schema `version` left it: that many migrations, OLD_ARTICLE and one `event` row (its
    columns as that version had them), written by hand -- what an upgrade test opens."""
    from geomap.store import MIGRATIONS, cell_of, event_uid

    c = sqlite3.connect(path)
    c.create_function("geomap_cell", 2, cell_of)
    c.create_function("geomap_uid", 4, event_uid)
    for script in MIGRATIONS[:version]:
        c.executescript(script)
    for table, row in (("articles", OLD_ARTICLE), ("events", event)):
        c.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    c.execute(f"PRAGMA user_version = {version}")
    c.commit()
    c.close()


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary store with the sample articles and BROWSER_ARTICLES ingested."""
    from geomap import config

    d = tmp_path_factory.mktemp("browser_articles")
    for name, text in BROWSER_ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    db = tmp_path_factory.mktemp("browser_store") / "geomap.sqlite"
    ingest_into(db, [config.SAMPLE_ARTICLES, d])
    return db


@pytest.fixture(scope="session")
def app_server(browser_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    chromium_or_skip()
    srv = start_app(browser_db, tmp_path_factory.mktemp("server") / "streamlit.log")
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    path = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Recorder:
    """Every request, JS error and dialog a page produced (iframes included)."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def external_requests(self) -> list[str]:
        out = []
        for u in self.requests:
            p = urlparse(u)
            if p.scheme in ("data", "blob", "about"):
                continue
            if p.hostname not in LOCAL_HOSTS:
                out.append(u)
        return out


@pytest.fixture
def page(chromium: object) -> Iterator[object]:
    """A fresh browser page that records requests, websockets, console errors, page errors and dialogs."""
    ctx = chromium.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    pg = ctx.new_page()
    rec = Recorder()
    pg.on("request", lambda r: rec.requests.append(r.url))
    pg.on("websocket", lambda ws: rec.requests.append(ws.url))
    pg.on("response", lambda r: rec.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    pg.on("pageerror", lambda e: rec.errors.append(f"pageerror: {e}"))
    pg.on("console", lambda m: rec.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)

    def on_dialog(d: object) -> None:
        rec.dialogs.append(f"{d.type}: {d.message}")  # type: ignore[attr-defined]
        d.dismiss()  # type: ignore[attr-defined]

    pg.on("dialog", on_dialog)
    pg.geomap = rec  # type: ignore[attr-defined]
    try:
        yield pg
    finally:
        ctx.close()


def screenshot(pg: object, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path


@pytest.fixture(autouse=True)
def _keep_main_module() -> Iterator[None]:
    """AppTest leaves the page it ran installed as `__main__`; a later Dask LocalCluster (multiprocessing spawn)
    would then re-run that page in each worker. Put the real `__main__` back after every test."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main
