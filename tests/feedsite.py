"""A local news site on 127.0.0.1 for the feed tests and the watch benchmark: no internet needed.

`python tests/feedsite.py ROOT` serves the files under ROOT (feeds, article pages, robots.txt) on a free port, prints
the port, and logs every request to ROOT/_requests.log ("path<TAB>User-Agent<TAB>If-None-Match"). Files get an
ETag and Last-Modified and answer conditional GETs with 304. Special paths make the bad cases:
`/status/CODE`, `/slow/SECONDS/PATH` (waits, then serves PATH), `/redirect/N/PATH` (N hops of 301 to PATH),
`/loop` (redirects to itself), `/huge` (50 MB, no Content-Length), `/huge-declared` (Content-Length 50 MB).

The builders below write feeds in each format and article pages wrapped in boilerplate (navigation, cookie banner,
related links, footer) around texts the project wrote itself (tests/data, data/articles).
"""

from __future__ import annotations

import hashlib
import html
import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HUGE_BYTES = 50 * 1024 * 1024
TYPES = {".xml": "application/rss+xml", ".rdf": "application/rdf+xml", ".atom": "application/atom+xml",
         ".json": "application/feed+json", ".html": "text/html; charset=utf-8", ".txt": "text/plain"}


class Handler(BaseHTTPRequestHandler):
    root: Path
    log_lock = threading.Lock()
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet: the request log below is the record
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        with self.log_lock, (self.root / "_requests.log").open("a", encoding="utf-8") as fh:
            fh.write(f"{self.path}\t{self.headers.get('User-Agent', '')}\t{self.headers.get('If-None-Match', '')}\n")
        parts = self.path.split("?")[0].strip("/").split("/")
        try:
            self._route(parts)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _route(self, parts: list[str]) -> None:
        head = parts[0]
        if head == "status":
            return self._send(int(parts[1]), b"status page\n", "text/plain")
        if head == "slow":
            time.sleep(float(parts[1]))
            return self._file("/".join(parts[2:]))
        if head == "redirect":
            n = int(parts[1])
            target = f"/redirect/{n - 1}/{'/'.join(parts[2:])}" if n > 1 else "/" + "/".join(parts[2:])
            return self._redirect(target)
        if head == "loop":
            return self._redirect("/loop")
        if head in ("huge", "huge-declared"):
            return self._huge(declared=head == "huge-declared")
        return self._file("/".join(parts))

    def _redirect(self, target: str) -> None:
        self.send_response(301)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _huge(self, declared: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        if declared:
            self.send_header("Content-Length", str(HUGE_BYTES))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        chunk = b"<rss>" + b" " * (1024 * 1024 - 5)
        for _ in range(HUGE_BYTES // len(chunk)):
            self.wfile.write(chunk)

    def _file(self, rel: str) -> None:
        path = (self.root / rel).resolve()
        if not path.is_file() or self.root.resolve() not in path.parents or path.name.startswith("_"):
            return self._send(404, b"not found\n", "text/plain")
        body = path.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = formatdate(path.stat().st_mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")  # when present it decides alone (RFC 9110 13.2.2)
        if inm == etag or (inm is None and _not_modified_since(self.headers.get("If-Modified-Since"),
                                                                path.stat().st_mtime)):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(200, body, TYPES.get(path.suffix, "application/octet-stream"),
                   {"ETag": etag, "Last-Modified": modified})

    def _send(self, code: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


def _not_modified_since(value: str | None, mtime: float) -> bool:
    if not value:
        return False
    try:
        return int(mtime) <= parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return False


def serve(root: Path, port: int = 0) -> None:
    handler = type("SiteHandler", (Handler,), {"root": root})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


@dataclass
class Site:
    """A running site process; stop() ends it by its PID."""

    root: Path
    url: str
    proc: subprocess.Popen

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)

    def requests(self) -> list[tuple[str, str, str]]:
        log = self.root / "_requests.log"
        if not log.exists():
            return []
        return [tuple(ln.split("\t")) for ln in log.read_text(encoding="utf-8").splitlines()]  # type: ignore[misc]

    def clear_log(self) -> None:
        (self.root / "_requests.log").unlink(missing_ok=True)


def start_site(root: Path) -> Site:
    proc = subprocess.Popen([sys.executable, __file__, str(root)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    port = proc.stdout.readline().strip()
    if not port.isdigit():
        proc.kill()
        raise RuntimeError(f"the feed site did not start (got {port!r})")
    return Site(root, f"http://127.0.0.1:{port}", proc)


# -- content --------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    published: date
    text: str  # paragraphs separated by blank lines

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


def stories_from(folders: list[Path]) -> list[Story]:
    """The project's own seed-format articles as stories (title = first sentence's first words)."""
    out = []
    for folder in folders:
        for f in sorted(folder.glob("*.txt")):
            head, _, body = f.read_text(encoding="utf-8").lstrip().partition("\n")
            day = date.fromisoformat(head.split()[1])
            body = (" ".join(head.split()[2:]) + "\n\n" + body) if len(head.split()) > 2 else body
            paras = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
            out.append(Story(f.stem, " ".join(paras[0].split()[:9]), day, "\n\n".join(paras)))
    return out


def rfc822(d: date) -> str:
    return formatdate(time.mktime((d.year, d.month, d.day, 9, 0, 0, 0, 0, -1)), usegmt=True)


def _html_paras(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))


def article_page(s: Story, canonical: str = "", with_date: bool = True, body_html: str | None = None) -> str:
    """An article page as newsrooms serve it: the story inside navigation, a cookie banner, links and a footer."""
    meta = f'<meta property="article:published_time" content="{s.published.isoformat()}T08:00:00Z">' \
        if with_date else ""
    canon = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
    body = body_html if body_html is not None else _html_paras(s.text)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(s.title)} | Frontline
Wire</title>{meta}{canon}<meta property="og:site_name" content="Frontline Wire"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/opinion">Opinion</a>
</nav></header><div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article><h1>{html.escape(s.title)}</h1><div class="byline">By Staff Reporter</div>
<div class="article-body">{body}</div></article>
<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Celebrity chef opens new restaurant</a></li>
<li><a href="/b">Ten tips for a better night's sleep</a></li><li><a href="/c">Football: late goal wins derby</a></li>
</ul></aside></main><footer><p>Copyright Frontline Wire. All rights reserved. Terms. Privacy. Contact us.</p>
<p>Subscribe to our newsletter for the latest headlines.</p></footer></body></html>"""


def rss20(items: list[dict], title: str = "Frontline Wire") -> str:
    out = []
    for it in items:
        content = f"<content:encoded><![CDATA[{it['html']}]]></content:encoded>" if it.get("html") else ""
        out.append(f"<item><title>{html.escape(it['title'])}</title><link>{html.escape(it['link'])}</link>"
                   f"<guid isPermaLink=\"false\">{html.escape(it['id'])}</guid>"
                   f"<pubDate>{rfc822(it['date'])}</pubDate>"
                   f"<description>{html.escape(it.get('summary', ''))}</description>{content}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{html.escape(title)}</title><link>http://127.0.0.1/</link><description>news</description>"
            + "".join(out) + "</channel></rss>")


def rss091(items: list[dict], title: str = "Old Wire") -> str:
    out = "".join(f"<item><title>{html.escape(it['title'])}</title><link>{html.escape(it['link'])}</link>"
                  f"<description>{html.escape(it.get('summary', ''))}</description></item>" for it in items)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="0.91"><channel>'
            f"<title>{html.escape(title)}</title><link>http://127.0.0.1/</link><description>news</description>"
            f"<language>en</language>{out}</channel></rss>")


def rss10(items: list[dict], title: str = "RDF Wire") -> str:
    seq = "".join(f'<rdf:li rdf:resource="{html.escape(it["link"])}"/>' for it in items)
    out = "".join(f'<item rdf:about="{html.escape(it["link"])}"><title>{html.escape(it["title"])}</title>'
                  f"<link>{html.escape(it['link'])}</link><description>{html.escape(it.get('summary', ''))}"
                  f"</description><dc:date>{it['date'].isoformat()}T09:00:00Z</dc:date></item>" for it in items)
    return ('<?xml version="1.0" encoding="utf-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="http://127.0.0.1/"><title>{html.escape(title)}</title>'
            f"<link>http://127.0.0.1/</link><description>news</description><items><rdf:Seq>{seq}</rdf:Seq></items>"
            f"</channel>{out}</rdf:RDF>")


def atom(items: list[dict], title: str = "Atom Wire") -> str:
    out = "".join(
        f"<entry><title>{html.escape(it['title'])}</title><link href=\"{html.escape(it['link'])}\"/>"
        f"<id>{html.escape(it['id'])}</id><updated>{it['date'].isoformat()}T09:00:00Z</updated>"
        f"<summary>{html.escape(it.get('summary', ''))}</summary>"
        + (f"<content type=\"html\">{html.escape(it['html'])}</content>" if it.get("html") else "")
        + "</entry>" for it in items)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{html.escape(title)}</title><id>urn:geomap:test</id><updated>2024-01-01T00:00:00Z</updated>"
            f"{out}</feed>")


def json_feed(items: list[dict], title: str = "JSON Wire") -> str:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": title, "items": [
        {"id": it["id"], "url": it["link"], "title": it["title"], "date_published": f"{it['date']}T09:00:00Z",
         **({"content_html": it["html"]} if it.get("html") else {"summary": it.get("summary", "")})}
        for it in items]})


def item_for(s: Story, base: str, full_text: bool, link: str | None = None) -> dict:
    """A feed item for a story: its whole text as HTML (full_text) or only its first sentence as a teaser."""
    teaser = s.paragraphs[0].split(". ")[0] + "."
    return {"id": f"urn:story:{s.slug}", "title": s.title, "date": s.published, "summary": teaser,
            "link": link or f"{base}/articles/{s.slug}.html", **({"html": _html_paras(s.text)} if full_text else {})}


FORMATS = {"rss20.xml": rss20, "rss091.xml": rss091, "rss10.rdf": rss10, "atom.atom": atom, "feed.json": json_feed}


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
