"""`geomap ingest` / `run_ingest`: folders and formats, bad input, idempotency, crash safety, export."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from geomap.ingest import ProgressBar, run_ingest
from geomap.store import Store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py: realistic generated articles)

SEED = ROOT / "data" / "articles" / "000_b3394332a4c81e9b.txt"


def make_inputs(root: Path) -> Path:
    """A folder as an analyst has it: JSONL and CSV feeds, seed-format text files, and some broken files."""
    arts = generate.generate_articles(30, seed=21, gazetteer=False)
    folder = root / "in"
    (folder / "feeds" / "deep").mkdir(parents=True)
    generate.write_jsonl(arts[:15], folder / "feeds" / "a.jsonl")
    with (folder / "feeds" / "deep" / "b.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "published", "title", "text"])
        for a in arts[15:25]:
            w.writerow([a.id, a.published.isoformat(), a.title, a.text])
        w.writerow(["broken", "not-a-date", "x", "Shelling in Kyiv."])
    for a in arts[25:]:
        (folder / f"{a.id}.txt").write_text(f"date {a.published.isoformat()}\n{a.text}\n", encoding="utf-8")
    (folder / "feeds" / "junk.jsonl").write_text('{"published": "2023-01-01", "text": "ok Kyiv."}\n{oops\n',
                                                  encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("date 2023-01-01\nKharkiv \xe9t\xe9".encode("latin-1"))
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x00\x00binary")
    return folder


def test_run_ingest_folder_bad_files_and_rerun(tmp_path: Path) -> None:
    folder = make_inputs(tmp_path)
    db = tmp_path / "db" / "g.sqlite"
    report = run_ingest([str(folder)], db, progress=False, process=generate.keyword_process)
    assert report.new + report.skipped == 31  # 30 generated + the good junk.jsonl row
    failed = "\n".join(report.failed)
    assert len(report.failed) == 5, failed
    assert re.search(re.escape(str(folder / "feeds" / "deep" / "b.csv")) + r":\d+ \[published\]: ", failed)
    assert f"{folder / 'feeds' / 'junk.jsonl'}:2: invalid JSON" in failed
    assert f"{folder / 'empty.txt'}: file is empty" in failed
    assert f"{folder / 'latin1.txt'}:2: not UTF-8" in failed
    assert f"{folder / 'image.txt'}: binary file" in failed
    summary = report.summary()
    assert summary.splitlines()[0].startswith(f"{report.new} new, {report.skipped} already stored, 5 failed")
    assert sum(line.startswith("failed: ") for line in summary.splitlines()) == 5
    with Store.open(db) as s:
        n_articles, n_events = s.count_articles(), s.count_events()
    assert n_articles == report.new and n_events == report.events > 0

    again = run_ingest([str(folder)], db, progress=False, process=generate.keyword_process)
    assert (again.new, again.skipped, len(again.failed)) == (0, report.new + report.skipped, 5)
    with Store.open(db) as s:
        assert (s.count_articles(), s.count_events()) == (n_articles, n_events)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_output() -> None:
    out = io.StringIO()  # a log file or pipe: whole lines, rate-limited, the final state always written
    bar = ProgressBar(out)
    for i in range(1, 4):
        bar(i, 3, f"file{i}.txt")
    bar.finish()
    lines = out.getvalue().splitlines()
    assert lines[-1].startswith("100%|" + "#" * 10 + "| 3/3 [") and lines[-1].endswith(", file3.txt]")
    assert len(lines) == 2  # the first call and the last one: the middle one fell inside the 5 s interval
    assert lines[0].startswith(" 33%|###") and "\r" not in out.getvalue()
    tty = _Terminal()  # a terminal: one line redrawn in place, ended by a newline
    bar = ProgressBar(tty)
    bar(1, 0, "feed.jsonl:1")
    bar.finish()
    drawn = tty.getvalue()  # tqdm's redraws in place, the last one with the count and the label
    assert drawn.startswith("\r") and drawn.endswith("\n") and drawn.count("\n") == 1
    assert drawn.rstrip().split("\r")[-1].startswith("1 articles [") and "feed.jsonl:1]" in drawn


def _cli(*args: str, env: dict | None = None, **kw: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geomap", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=ROOT, timeout=300, **kw)


def test_cli_ingest_and_export_with_date_filters(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    arts = generate.generate_articles(12, seed=4)
    feed = generate.write_jsonl(arts, tmp_path / "feed.jsonl")
    r = _cli("ingest", str(SEED), str(feed), str(tmp_path / "missing.csv"), "--quiet", env={"GEOMAP_DB": str(db)})
    assert r.returncode == 0, r.stderr
    assert f"{tmp_path / 'missing.csv'}: no such file or folder" in r.stdout
    new, _, skipped, _, _, failed = r.stdout.split()[:6]
    assert int(new) + int(skipped) == 13 and failed == "1"
    with Store.open(db) as s:
        assert s.count_articles() == int(new)
        assert s.get_article("000_b3394332a4c81e9b") is not None
        n_seed = len(s.events_frame(articles=["000_b3394332a4c81e9b"]))
    assert n_seed > 0
    r2 = _cli("ingest", str(SEED), "--db", str(db))  # progress on: stderr is a pipe here, so plain lines
    assert r2.returncode == 0 and r2.stdout.startswith("0 new, 1 already stored, 0 failed"), r2.stdout
    assert "100%|##########| 1/1" in r2.stderr and "\r" not in r2.stderr and "000_b3394332a4c81e9b" in r2.stderr

    r = _cli("export", "--db", str(db), "--format", "geojson", "--start", "2022-12-18", "--end", "2022-12-19")
    assert r.returncode == 0, r.stderr
    feats = json.loads(r.stdout)["features"]
    assert feats and all(f["properties"]["date"] <= "2022-12-19" and f["properties"]["date_end"] >= "2022-12-18"
                         for f in feats)
    assert any(f["properties"]["article"] == "000_b3394332a4c81e9b" for f in feats)
    r = _cli("export", "--db", str(db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    with Store.open(db) as s:
        assert len(rows) == s.count_events()
    assert {"event_date", "event_type", "latitude", "longitude", "geo_precision", "source_count"} <= set(rows[0])
    r = _cli("export", "--db", str(db), "--format", "csv", "--start", "2022-13-01")
    assert r.returncode == 2 and "--start" in r.stderr


def _store_is_whole(db: Path) -> tuple[int, int]:
    """No half article: every article has exactly its n_mentions mentions, n_events event sources, and every event
    its source_count sources. Returns (articles, events)."""
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    bad = c.execute(
        "SELECT a.ext_id FROM articles a WHERE a.n_mentions != (SELECT count(*) FROM mentions m WHERE m.article=a.id)"
        " OR a.n_events != (SELECT count(*) FROM event_sources s WHERE s.article = a.id)").fetchall()
    assert bad == []
    bad = c.execute("SELECT e.id FROM events e WHERE e.source_count != "
                    "(SELECT count(*) FROM event_sources s WHERE s.event = e.id)").fetchall()
    assert bad == []
    out = c.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()
    c.close()
    return out


def _kill_inside_a_write(proc: subprocess.Popen, db: Path, min_articles: int, timeout_s: float = 120) -> int:
    """SIGKILL the ingest at a moment it holds the store's write lock (an article's transaction is open), once at
    least `min_articles` are stored. Returns how many articles were committed just before the kill."""
    deadline = time.monotonic() + timeout_s
    probe: sqlite3.Connection | None = None
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if probe is None:
                if not db.exists():
                    time.sleep(0.02)
                    continue
                probe = sqlite3.connect(db, timeout=0, isolation_level=None)
            try:
                stored = probe.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # the schema is being created
                time.sleep(0.01)
                continue
            if stored < min_articles:
                time.sleep(0.01)
                continue
            try:
                probe.execute("BEGIN IMMEDIATE")  # succeeds only when no write transaction is open
            except sqlite3.OperationalError as exc:
                assert "locked" in str(exc)
                os.kill(proc.pid, signal.SIGKILL)  # the ingest is inside an article's transaction right now
                return stored
            probe.execute("ROLLBACK")
            time.sleep(0.001)
        raise AssertionError(f"ingest ended before it could be killed mid-write: {proc.stderr.read()!r}")
    finally:
        if probe is not None:
            probe.close()


def test_sigkill_mid_ingest_leaves_no_half_article(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    feed = generate.write_jsonl(generate.generate_articles(800, seed=9, gazetteer=False), tmp_path / "feed.jsonl")
    proc = subprocess.Popen([sys.executable, "-m", "geomap", "ingest", str(feed), "--db", str(db), "--quiet"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        committed = _kill_inside_a_write(proc, db, min_articles=20)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    n_articles, _ = _store_is_whole(db)
    # every article committed before the kill is there, whole; the one whose transaction was open is not there at all
    assert committed <= n_articles < 800
    # the next ingest completes the job: what was stored is skipped, the rest is added
    r = _cli("ingest", str(feed), "--db", str(db), "--quiet")
    assert r.returncode == 0, r.stderr
    new, _, skipped, _, _, failed = r.stdout.split()[:6]
    assert int(new) + int(skipped) == 800 and failed == "0"
    assert int(skipped) >= n_articles
    total, _ = _store_is_whole(db)
    assert total == n_articles + int(new)
