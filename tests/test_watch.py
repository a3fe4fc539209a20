"""Following sources against a real local HTTP server (tests/feedsite.py on 127.0.0.1, stopped by its PID).

Feeds in each format, article pages in boilerplate, redirects, 304s, 404/500, a slow server, a 50 MB body, a
malformed feed and hostile HTML; `geomap watch --once` must store each new item once and nothing on a second run.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import feedsite as fs
import pytest

from geomap.cli import main
from geomap.exceptions import GeomapError
from geomap.fetch import USER_AGENT, Fetcher, FetchError, FetchSettings
from geomap.sources import SourceBook
from geomap.store import Store
from geomap.watch import WatchLock, poll_once, watch

ROOT = Path(__file__).resolve().parents[1]
STORIES = fs.stories_from([ROOT / "tests" / "data" / "dev"])
FAST = ["--host-interval", "0", "--timeout", "2", "--retries", "0"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[fs.Site]:
    s = fs.start_site(tmp_path_factory.mktemp("site"))
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def root(site: fs.Site) -> Iterator[Path]:
    """A clean site for each test (the server keeps running)."""
    for p in site.root.iterdir():
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    fs.write(site.root, "robots.txt", "User-agent: *\nDisallow: /private/\n")
    yield site.root


def publish(root: Path, base: str, stories: list[fs.Story], canonical: bool = True) -> None:
    for s in stories:
        fs.write(root, f"articles/{s.slug}.html",
                 fs.article_page(s, canonical=f"{base}/articles/{s.slug}.html?utm_source=feed" if canonical else ""))


def run(db: Path, *args: str) -> int:
    return main(["watch", "--once", "--db", str(db), *FAST, *args])


def make_due(db: Path) -> None:
    with Store.open(db) as store:
        book = SourceBook(store.conn)
        for s in book.all():
            book.poll_soon(s.id)


def test_watch_once_stores_each_new_item_once_and_a_second_run_nothing(site, root, tmp_path, capsys):
    base, db = site.url, tmp_path / "w.sqlite"
    stories = STORIES[:6]
    publish(root, base, stories)
    # every format; the same stories in several feeds (one story, several outlets), full text in some items
    feeds = {"rss20.xml": stories[0:4], "rss091.xml": stories[2:5], "rss10.rdf": stories[3:6],
             "atom.atom": stories[0:2], "feed.json": stories[4:6]}
    for name, items in feeds.items():
        fs.write(root, name, fs.FORMATS[name]([fs.item_for(s, base, full_text=i % 2 == 0)
                                               for i, s in enumerate(items)]))
        assert main(["sources", "add", f"{base}/{name}", "--name", name, "--db", str(db)]) == 0
    assert run(db) == 0
    out = capsys.readouterr().out
    assert "5 sources polled (0 failed" in out and "6 new" in out, out
    with Store.open(db) as store:
        assert store.count_articles() == 6 and store.count_events() > 0
        arts = store.articles_frame()
        assert set(arts["title"]) == {s.title for s in stories}
        assert set(arts["published"].dt.date) == {s.published for s in stories}
        book = SourceBook(store.conn)
        shared = book.article_sources(arts.loc[arts["title"] == stories[3].title, "id"].iloc[0])
        assert {s["name"] for s in shared} == {"rss20.xml", "rss091.xml", "rss10.rdf"}  # one article, 3 sources
        assert all(s["fetched_at"] and s["url"] for s in shared)
        assert all(s.last_success and not s.last_error and s.next_run > s.last_run for s in book.all())
        assert {r[0] for r in store.conn.execute("SELECT DISTINCT date_from FROM source_items")} <= {"page", "feed"}
    assert all(ua == USER_AGENT for _, ua, _ in site.requests())

    site.clear_log()
    make_due(db)
    assert run(db) == 0
    out = capsys.readouterr().out
    assert "5 unchanged" in out and "0 new" in out, out
    reqs = site.requests()
    assert sorted(p for p, _, _ in reqs) == sorted(f"/{n}" for n in feeds)  # no page fetched again
    assert all(etag for _, _, etag in reqs)  # every feed asked conditionally (answered 304)

    new = STORIES[6]
    publish(root, base, [new])
    fs.write(root, "rss20.xml", fs.rss20([fs.item_for(s, base, full_text=False) for s in stories[0:4] + [new]]))
    make_due(db)
    assert run(db) == 0
    assert "1 new" in capsys.readouterr().out
    with Store.open(db) as store:
        assert store.count_articles() == 7


def test_failing_sources_are_reported_and_never_stop_the_others(site, root, tmp_path, capsys):
    base, db = site.url, tmp_path / "f.sqlite"
    publish(root, base, STORIES[:2])
    fs.write(root, "good.xml", fs.rss20([fs.item_for(s, base, full_text=False) for s in STORIES[:2]]))
    fs.write(root, "malformed.xml", "<?xml version='1.0'?><rss><channel><item><title>cut off")
    bad = {"404": "/status/404", "500": "/status/500", "slow": "/slow/5/good.xml", "huge": "/huge",
           "huge-declared": "/huge-declared", "loop": "/loop", "malformed": "/malformed.xml"}
    for name, path in {"good": "/good.xml", **bad}.items():
        main(["sources", "add", base + path, "--name", name, "--db", str(db)])
    assert run(db) == 0
    out = capsys.readouterr().out
    assert "8 sources polled (7 failed" in out and "2 new" in out, out
    with Store.open(db) as store:
        errors = {s.name: s.last_error for s in SourceBook(store.conn).all()}
        assert store.count_articles() == 2 and store.integrity_check() == "ok"
    assert errors["good"] == ""
    assert "HTTP 404" in errors["404"] and "HTTP 500" in errors["500"]
    assert "timed out" in errors["slow"] and "redirects" in errors["loop"]
    assert "byte limit" in errors["huge"] and "over the" in errors["huge-declared"]
    assert "not a feed" in errors["malformed"]
    assert all(base in e for n, e in errors.items() if n != "good")  # each error names its URL


def test_item_pages_redirects_robots_404_and_hostile_html(site, root, tmp_path, capsys):
    base, db = site.url, tmp_path / "p.sqlite"
    ok, moved, gone, private, hostile = STORIES[7:12]
    publish(root, base, [ok, moved], canonical=False)
    fs.write(root, f"private/{private.slug}.html", fs.article_page(private))
    body = ("<p>Russian drones attacked Mykolaiv on Sunday &lt;script&gt;window.__x=1&lt;/script&gt;, officials "
            'said.</p><script>window.__pwned = 1</script><p onclick="alert(1)">Missiles hit Zaporizhzhia on '
            'Saturday <img src=x onerror="alert(2)">, the governor said.</p>')
    fs.write(root, "articles/hostile.html", fs.article_page(hostile, body_html=body))
    items = [fs.item_for(ok, base, False), fs.item_for(moved, base, False, f"{base}/redirect/2/articles/"
                                                                              f"{moved.slug}.html"),
             fs.item_for(gone, base, False, f"{base}/articles/none.html"),
             fs.item_for(private, base, False, f"{base}/private/{private.slug}.html"),
             fs.item_for(hostile, base, False, f"{base}/articles/hostile.html"),
             fs.item_for(STORIES[12], base, False, "file:///etc/passwd"),
             fs.item_for(STORIES[13], base, True, "javascript:alert(1)")]
    fs.write(root, "items.xml", fs.rss20(items))
    main(["sources", "add", f"{base}/items.xml", "--db", str(db)])
    assert run(db) == 0
    out = capsys.readouterr().out
    assert "4 new" in out and "3 failed" in out, out
    assert "HTTP 404" in out and "robots.txt" in out and "'file:" in out and "not an http(s) URL" in out
    with Store.open(db) as store:
        arts = store.articles_frame().set_index("title")
        assert arts.loc[moved.title, "url"] == f"{base}/articles/{moved.slug}.html"  # the final URL
        text = store.get_article(arts.loc[hostile.title, "id"]).text
        assert "<script>window.__x=1</script>" in text and "__pwned" not in text
        assert arts.loc[STORIES[13].title, "url"] == ""  # full text kept, its javascript: link dropped
        statuses = dict(store.conn.execute("SELECT status, count(*) FROM source_items GROUP BY status").fetchall())
        assert statuses == {"new": 4, "failed": 3}
    site.clear_log()
    make_due(db)
    assert run(db) == 0
    assert not any(p.startswith(("/articles", "/private")) for p, _, _ in site.requests())  # failed: not refetched


def test_an_article_url_is_a_source_too(site, root, tmp_path, capsys):
    base, db = site.url, tmp_path / "a.sqlite"
    publish(root, base, [STORIES[12]])
    main(["sources", "add", f"{base}/articles/{STORIES[12].slug}.html", "--name", "a link", "--db", str(db)])
    assert run(db) == 0
    make_due(db)
    assert run(db) == 0
    out = capsys.readouterr().out
    assert "1 new" in out and "1 unchanged" in out, out
    with Store.open(db) as store:
        src = SourceBook(store.conn).all()[0]
        assert src.kind == "article" and store.count_articles() == 1


def test_fetcher_retries_transient_failures_with_backoff_and_keeps_per_host_turns(site, root):
    waits: list[float] = []
    settings = FetchSettings(retries=2, backoff_s=0.5, host_interval_s=0.0, timeout_s=2)
    with Fetcher(settings, sleep=waits.append) as f:
        with pytest.raises(FetchError, match="HTTP 500") as exc:
            f.get(f"{site.url}/status/500")
        assert exc.value.transient and waits == [0.5, 1.0]
        waits.clear()
        with pytest.raises(FetchError, match="HTTP 404"):
            f.get(f"{site.url}/status/404")
        assert waits == []  # a 404 is not retried
    fs.write(root, "a.txt", "x")
    with Fetcher(FetchSettings(host_interval_s=30.0), sleep=waits.append) as f:
        f.get(f"{site.url}/a.txt")
        f.get(f"{site.url}/a.txt")
    assert len(waits) == 1 and 29.0 < waits[0] <= 30.0  # the second request to the host waited its turn


def test_a_second_watcher_refuses_to_start(tmp_path, capsys):
    db = tmp_path / "l.sqlite"
    with WatchLock(db):
        with pytest.raises(GeomapError, match="already polling"):
            watch(db, once=True)
        assert main(["watch", "--once", "--db", str(db)]) == 2
    assert "already polling" in capsys.readouterr().err
    assert watch(db, once=True).sources == 0  # free again once the first one ends


def test_sources_commands(tmp_path, capsys):
    db = str(tmp_path / "s.sqlite")
    assert main(["sources", "add", "http://feeds.example/a.xml", "--every", "2h", "--name", "A", "--db", db]) == 0
    assert main(["sources", "add", "http://feeds.example/a.xml", "--every", "30m", "--db", db]) == 0  # an update
    assert main(["sources", "add", "file:///etc/passwd", "--db", db]) == 2
    assert main(["sources", "add", "http://x.example/", "--every", "10s", "--db", db]) == 2
    err = capsys.readouterr().err
    assert "not an http(s) URL" in err and "minimum" in err
    assert main(["sources", "pause", "1", "--db", db]) == 0
    capsys.readouterr()
    assert main(["sources", "list", "--format", "json", "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and '"every": "30m"' in out[0] and '"status": "paused"' in out[0]
    with Store.open(db) as store:
        assert poll_once(store).sources == 0  # paused: not due
    assert main(["sources", "remove", "http://feeds.example/a.xml", "--db", db]) == 0
    assert main(["sources", "remove", "1", "--db", db]) == 2
    assert "no such source" in capsys.readouterr().err


def test_sources_txt_imports_and_names_bad_lines(tmp_path, capsys):
    db = str(tmp_path / "i.sqlite")
    assert main(["sources", "import", str(ROOT / "data" / "sources.txt"), "--db", db]) == 0
    with Store.open(db) as store:
        srcs = SourceBook(store.conn).all()
    assert len(srcs) >= 10 and all(s.url.startswith("https://") and s.name for s in srcs)
    bad = tmp_path / "mine.txt"
    bad.write_text("# my feeds\nhttp://a.example/feed.xml Mine  # a comment\nfeed.example/rss\n", encoding="utf-8")
    assert main(["sources", "import", str(bad), "--db", db]) == 0
    assert f"{bad}:3: not an http(s) URL" in capsys.readouterr().err
    with Store.open(db) as store:
        assert SourceBook(store.conn).get("http://a.example/feed.xml").name == "Mine"


def test_sources_page_actions_poll_in_their_own_process(site, root, tmp_path):
    from geomap import follow, sourcesapp

    base, db = site.url, tmp_path / "app.sqlite"
    publish(root, base, STORIES[:1])
    fs.write(root, "one.xml", fs.rss20([fs.item_for(STORIES[0], base, full_text=True)]))
    assert not sourcesapp.add_source(db, "javascript:alert(1)").ok
    res = sourcesapp.add_source(db, f"{base}/one.xml", "One ![x](http://evil.example/x.png)", "5m")
    assert res.ok and "Polling One \\!\\[x\\]\\(http" in res.message  # Markdown in a name stays text
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not sourcesapp.sources_frame(db).loc[0, "last_success"]:
        time.sleep(0.3)
    df = sourcesapp.sources_frame(db)
    assert list(df.columns) == sourcesapp.SOURCE_COLUMNS
    assert df.loc[0, "status"] == "ok" and df.loc[0, "items"] == 1 and df.loc[0, "every"] == "5m"
    assert follow.counts_text(db).endswith(" 1")  # one article
    with WatchLock(db):  # a watcher is running: "poll now" only makes the source due
        assert "already polling" in sourcesapp.poll_now(db, 1).message
    assert sourcesapp.set_paused(db, 1, True).ok and not sourcesapp.poll_now(db, 1).ok
    assert "stay" in sourcesapp.remove_source(db, 1).message
    assert sourcesapp.sources_frame(db).empty and follow.counts_text(db).endswith(" 1")


def test_watch_runs_until_ctrl_c_and_stops_cleanly(site, root, tmp_path):
    import signal
    import subprocess
    import sys

    base, db = site.url, tmp_path / "loop.sqlite"
    fs.write(root, "one.xml", fs.rss20([fs.item_for(STORIES[0], base, full_text=True)]))
    main(["sources", "add", f"{base}/one.xml", "--db", str(db)])
    proc = subprocess.Popen([sys.executable, "-m", "geomap", "watch", "--db", str(db), *FAST],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert "1 new" in proc.stdout.readline()  # the first poll's summary
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 130
    finally:
        if proc.poll() is None:
            proc.kill()
    with Store.open(db) as store:
        assert store.count_articles() == 1 and store.integrity_check() == "ok"
    assert watch(db, once=True).sources == 0  # the lock went with the process; nothing is due yet
