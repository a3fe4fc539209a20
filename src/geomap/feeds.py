"""Reading what was fetched: feeds into items, article pages into text with their metadata.

Feeds: RSS 0.9x/1.0/2.0 and Atom through `feedparser` (lenient: a feed with a markup error still gives the items it
can, and one with none is an error naming the URL); JSON Feed 1.0/1.1 with the json module (feedparser 6 does not
read it). Article pages: `trafilatura` (boilerplate removal, title, date from the page's metadata, canonical URL,
site name), fully offline.

Decisions (the issue is silent):
- A feed item "carries the full text" when its content (content:encoded, Atom content, JSON Feed content_*) has at
  least FULL_TEXT_WORDS words, or when it has no link to fetch; then the page is not fetched. Shorter content is a
  teaser, and the page is read instead.
- The published date is the page's (its metadata), else the feed item's, else the fetch day; which one is kept with
  the item (`date_from`: page / feed / fetched).
- The canonical URL is the page's <link rel=canonical> / og:url when it is an absolute http(s) URL, else the final
  URL after redirects; either is normalised (lower-case host, no fragment, no utm_* / click-id parameters).
- The content hash for deduplication is over the text lower-cased, NFKC-normalised, with punctuation and spacing
  dropped: the same wire story re-flowed or re-punctuated by another outlet hashes the same.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

#: Content with at least this many words is the story itself, not a teaser.
FULL_TEXT_WORDS = 80
#: Query parameters that only track the click, never name the article.
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$", re.I)
#: Elements whose end starts a new paragraph when feed HTML is turned into text.
BLOCK_TAGS = frozenset("p div li h1 h2 h3 h4 h5 h6 blockquote br tr section article header footer pre".split())
#: Elements whose content is never text.
SKIPPED_TAGS = frozenset("script style noscript template iframe object embed svg head".split())
_WORD = re.compile(r"\w+")


class FeedError(Exception):
    """The body is not a readable feed; the message says why."""


@dataclass(frozen=True)
class FeedItem:
    key: str  # stable id within the feed: guid / id, else link, else a hash of title + text
    url: str
    title: str = ""
    published: date | None = None
    text: str = ""  # plain text of the item's content or summary

    @property
    def full_text(self) -> bool:
        return bool(self.text) and (not self.url or len(_WORD.findall(self.text)) >= FULL_TEXT_WORDS)


@dataclass(frozen=True)
class Page:
    """An article page after boilerplate removal."""

    text: str
    title: str = ""
    published: date | None = None
    canonical_url: str = ""
    site_name: str = ""


def normalise_url(url: str) -> str:
    """A URL in the form used to compare articles across sources (see the module's decisions)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMS.match(k)])
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


def norm_hash(text: str) -> str:
    """The deduplication hash of a story's text (see the module's decisions)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def html_to_text(fragment: str) -> str:
    """Plain text of feed HTML, one paragraph per block element; scripts and styles dropped (never run or shown)."""
    import lxml.html

    if "<" not in fragment:
        return _paragraphs(fragment.split("\n\n"))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, TypeError, lxml.etree.ParserError):  # type: ignore[attr-defined]
        return _paragraphs(fragment.split("\n\n"))
    paras: list[str] = []
    buf: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in SKIPPED_TAGS:
            if el.tail:
                buf.append(el.tail)
            return
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if tag.lower() in BLOCK_TAGS:
            paras.append("".join(buf))
            buf.clear()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    paras.append("".join(buf))
    return _paragraphs(paras)


def _paragraphs(parts: list[str]) -> str:
    return "\n\n".join(p for p in (" ".join(x.split()) for x in parts) if p)


# -- feeds ----------------------------------------------------------------------------------------------------------

def looks_like_json_feed(content: bytes, content_type: str = "") -> bool:
    head = content[:512].lstrip()
    return head.startswith(b"{") and (b"jsonfeed.org" in content[:4096] or "json" in content_type.lower())


def parse_feed(content: bytes, url: str, content_type: str = "") -> list[FeedItem]:
    """The items of a feed body (FeedError when it is not one)."""
    if looks_like_json_feed(content, content_type):
        return parse_json_feed(content, url)
    import feedparser

    parsed = feedparser.parse(content, response_headers={"content-location": url,
                                                          "content-type": content_type or "application/xml"})
    # lenient, as feed readers are: a feed with a markup error gives every item that has something to read
    items = [it for it in (_feedparser_item(e, url) for e in parsed.entries) if it.url or it.text]
    if parsed.get("bozo") and not items or not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS, Atom or JSON Feed document found"
        raise FeedError(f"not a feed: {reason}")
    return items


def _feedparser_item(e: dict, feed_url: str) -> FeedItem:
    link = urljoin(feed_url, e.get("link", "")) if e.get("link") else ""
    contents = [c.get("value", "") for c in e.get("content", []) if c.get("value")]
    text = html_to_text(max(contents, key=len)) if contents else ""
    summary = html_to_text(e.get("summary", "") or "")
    if len(summary) > len(text):
        text = summary
    stamp = e.get("published_parsed") or e.get("updated_parsed")
    published = datetime.fromtimestamp(calendar.timegm(stamp), UTC).date() if stamp else None
    title = " ".join(html_to_text(e.get("title", "")).split())
    key = e.get("id") or link or _hash_key(title, text)
    return FeedItem(key=key, url=link, title=title, published=published, text=text)


def parse_json_feed(content: bytes, url: str) -> list[FeedItem]:
    try:
        doc = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not a JSON Feed: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise FeedError("not a JSON Feed: no `items` list")
    out = []
    for i, it in enumerate(doc["items"]):
        if not isinstance(it, dict):
            raise FeedError(f"JSON Feed item {i}: not an object")
        link = _str(it.get("url")) or _str(it.get("external_url"))
        link = urljoin(url, link) if link else ""
        text = _str(it.get("content_text")) or html_to_text(_str(it.get("content_html")))
        text = _paragraphs(text.split("\n\n")) if text else html_to_text(_str(it.get("summary")))
        title = " ".join(_str(it.get("title")).split())
        key = _str(it.get("id")) or link or _hash_key(title, text)
        out.append(FeedItem(key=key, url=link, title=title, published=parse_when(_str(it.get("date_published"))),
                            text=text))
    return out


def _str(v: object) -> str:
    return v if isinstance(v, str) else str(v) if isinstance(v, int | float) and not isinstance(v, bool) else ""


def _hash_key(title: str, text: str) -> str:
    return "sha1:" + hashlib.sha1(f"{title}\0{text}".encode()).hexdigest()


def parse_when(value: str) -> date | None:
    """An RFC 3339 / ISO date(-time) to its UTC day; None when unreadable."""
    value = value.strip()
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return t.astimezone(UTC).date() if t.tzinfo else t.date()


# -- article pages --------------------------------------------------------------------------------------------------

def read_page(html: bytes | str, url: str) -> Page:
    """Title, text (paragraphs separated by blank lines), page date, canonical URL and site name of an article page.

    The text is empty when the page holds no article (a section front, a paywall stub)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        return Page(text="")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    title = " ".join(str(d.get("title") or "").split())
    lines = [ln.strip() for ln in str(d.get("text") or "").split("\n")]
    if lines and title and lines[0] == title:
        lines = lines[1:]  # the headline repeated as the body's first line
    canonical = normalise_url(str(d.get("url") or "")) or normalise_url(url)
    return Page(text=_paragraphs(lines), title=title, published=parse_when(str(d.get("date") or "")),
                canonical_url=canonical, site_name=" ".join(str(d.get("sitename") or "").split()))


def looks_like_html(content: bytes, content_type: str = "") -> bool:
    head = content[:1024].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html"))
