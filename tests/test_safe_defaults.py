"""Issue 12, rows 6, 8 and 11: private by default, one snapshot per page, nothing derived written into the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from test_app import KHARKIV, _event, make_store

from geomap import filters, mapview, ui
from geomap.models import Article, Doc
from geomap.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _streamlit_config() -> dict[str, str]:
    """The options `streamlit run app.py` uses when started from the checkout, as Streamlit itself reads them."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    out = subprocess.run([sys.executable, "-m", "streamlit", "config", "show"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120).stdout
    pairs = (line.split(" = ", 1) for line in out.splitlines() if " = " in line and not line.startswith("#"))
    return {k.strip(): v.strip() for k, v in pairs}


def test_plain_streamlit_run_is_private_and_sends_no_statistics():
    cfg = _streamlit_config()
    assert cfg["address"] == '"127.0.0.1"'
    assert cfg["gatherUsageStats"] == "false"
    assert cfg["showErrorDetails"] == '"type"'  # an unexpected error never shows a traceback with server paths


def test_the_count_and_the_rows_come_from_one_snapshot(tmp_path):
    """A writer commits while the page's query runs: the total must still be the one the rows were read with."""
    db = make_store(tmp_path / "s.sqlite")
    with Store.open(db) as reader, Store.open(db) as writer:
        before = reader.count_events()
        fired = threading.Event()
        steps = [0]

        def commit_meanwhile() -> int:
            steps[0] += 1
            if steps[0] == 200 and not fired.is_set():  # well inside the first query: its snapshot is taken
                fired.set()
                art = Article(id="late", published=date(2022, 12, 10), text="Late report: strikes on Kharkiv.")
                writer.add_doc(Doc(article=art, events=[_event(KHARKIV, date(2022, 12, 10), "Battles", art.text)]))
            return 0

        reader.conn.set_progress_handler(commit_meanwhile, 1)
        df = reader.events_frame(event_types=["Battles", "Strategic developments"])
        reader.conn.set_progress_handler(None, 1)
        assert fired.is_set() and writer.count_events() == before + 1
        assert df.attrs["total"] == before and len(df) <= df.attrs["total"]


def test_the_map_page_shows_the_total_of_its_own_rows(tmp_path, monkeypatch):
    db = make_store(tmp_path / "s.sqlite")
    monkeypatch.setenv("GEOMAP_DB", str(db))
    with Store.open(db) as store:
        total = store.count_events()
    df = ui.map_events(db, filters.Filters(event_types=("Battles",)))
    assert df.attrs["total"] == total and 0 < len(df) < total


def test_caches_live_outside_the_checkout():
    env = {k: v for k, v in os.environ.items() if k != "GEOMAP_CACHE"}
    out = subprocess.run([sys.executable, "-c", "from geomap import config; print(config.CACHE_DIR)"], env=env,
                         capture_output=True, text=True, timeout=60, cwd=ROOT).stdout.strip()
    assert out and not Path(out).resolve().is_relative_to(ROOT)


def test_an_unwritable_payload_folder_falls_back_to_inline_rows(tmp_path, monkeypatch):
    db = make_store(tmp_path / "s.sqlite")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the payload folder should be: every write under it fails")
    monkeypatch.setattr(mapview, "INLINE_MAX_ROWS", 1)  # force the payload-file path with the small store
    ui._layer_ref.clear()
    layer = ui.event_layer_for(db, filters.Filters(), cluster=False, heat=False,
                               payload_dir=blocker / "events")
    (events,) = layer._children.values()
    name = mapview.COLUMN_INDEX["name"]
    assert events.url is None and {r[name] for r in events.rows} == {"Kyiv", "Kharkiv", "Belarus"}
    assert not blocker.is_dir()
