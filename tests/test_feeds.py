"""Feed and page reading without a network: every feed format, feed HTML to text, URLs, hashes, intervals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import feedsite as fs
import pytest

from geomap.exceptions import InputError
from geomap.feeds import (
    FULL_TEXT_WORDS,
    TRACKING_PARAMS,
    FeedError,
    html_to_text,
    norm_hash,
    normalise_url,
    parse_feed,
    read_page,
)
from geomap.sources import format_every, parse_every

ROOT = Path(__file__).resolve().parents[1]
STORIES = fs.stories_from([ROOT / "tests" / "data" / "dev"])[:3]
BASE = "http://news.example"


@pytest.mark.parametrize("name", sorted(fs.FORMATS))
def test_every_feed_format_gives_its_items(name):
    items = [fs.item_for(s, BASE, full_text=i == 0) for i, s in enumerate(STORIES)]
    got = parse_feed(fs.FORMATS[name](items).encode(), f"{BASE}/{name}")
    assert [g.url for g in got] == [it["link"] for it in items]
    assert [g.title for g in got] == [s.title for s in STORIES]
    if name != "rss091.xml":  # RSS 0.91 items carry no date
        assert [g.published for g in got] == [s.published for s in STORIES]
    if name in ("rss20.xml", "atom.atom", "feed.json"):  # the formats with a full-content field
        assert got[0].full_text and norm_hash(got[0].text) == norm_hash(STORIES[0].text)
    assert not got[1].full_text and got[1].text.startswith(STORIES[1].paragraphs[0][:30])


def test_a_malformed_feed_is_an_error_naming_why():
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b"<rss><channel><item><title>unclosed", f"{BASE}/bad.xml")
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b"this is not xml at all {", f"{BASE}/bad.xml")
    with pytest.raises(FeedError, match="not a JSON Feed"):
        parse_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}', f"{BASE}/bad.json")
    with pytest.raises(FeedError, match="item 0"):
        parse_feed(b'{"version": "https://jsonfeed.org/version/1", "items": ["x"]}', f"{BASE}/bad.json")


def test_a_feed_with_a_markup_error_still_gives_its_items():
    items = [fs.item_for(s, BASE, full_text=False) for s in STORIES]
    body = fs.rss20(items).replace("</channel>", "<broken></channel>")
    assert len(parse_feed(body.encode(), f"{BASE}/f.xml")) == 3


def test_full_text_needs_enough_words_or_no_link():
    short = fs.json_feed([{"id": "1", "link": f"{BASE}/a", "title": "t", "date": date(2024, 1, 2),
                           "html": "<p>" + "word " * (FULL_TEXT_WORDS - 1) + "</p>"}])
    assert not parse_feed(short.encode(), BASE)[0].full_text
    no_link = b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "9", "content_text": "Short post."}]}'
    it = parse_feed(no_link, BASE)[0]
    assert it.full_text and it.key == "9" and it.url == ""


def test_feed_html_becomes_paragraphs_and_scripts_never_text():
    text = html_to_text('<p>Shelling <b>hit</b> Kharkiv.<script>window.x=1</script></p><div>Two<br>lines</div>'
                        '<style>p{}</style><img src=x onerror="alert(1)">after &amp; more')
    assert text == "Shelling hit Kharkiv.\n\nTwo\n\nlines\n\nafter & more"
    assert html_to_text("plain text\n\nsecond") == "plain text\n\nsecond"


def test_hostile_page_text_keeps_markup_as_text_and_drops_scripts():
    story = STORIES[0]
    body = ("<p>Missiles hit Odesa on Sunday &lt;script&gt;alert(1)&lt;/script&gt; the governor said.</p>"
            "<script>document.title='pwned'</script><p>" + story.paragraphs[1] + "</p>")
    page = read_page(fs.article_page(story, body_html=body), f"{BASE}/x.html")
    assert "<script>alert(1)</script>" in page.text  # escaped markup in the page is text, shown as text later
    assert "pwned" not in page.text and "cookies" not in page.text and "Most read" not in page.text


def test_page_metadata_title_date_canonical_site():
    s = STORIES[1]
    page = read_page(fs.article_page(s, canonical="HTTPS://News.Example:443/a?id=3&utm_source=rss&fbclid=x#top"),
                     f"{BASE}/redirected")
    assert (page.title, page.published, page.site_name) == (s.title, s.published, "Frontline Wire")
    assert page.canonical_url == "https://news.example/a?id=3"
    assert norm_hash(page.text) == norm_hash(s.text)
    undated = read_page(fs.article_page(s, with_date=False), f"{BASE}/u")
    assert undated.canonical_url == f"{BASE}/u"


def test_tracking_parameters_pattern():
    assert TRACKING_PARAMS.match("utm_campaign")
    assert not TRACKING_PARAMS.match("id")
    assert normalise_url("ftp://x/y") == "" and normalise_url("http://X.org") == "http://x.org/"


def test_norm_hash_ignores_case_spacing_and_punctuation_only():
    a = "Russian drones attacked Odesa, officials said.\n\nTwo were hurt."
    assert norm_hash(a) == norm_hash("russian  drones attacked ODESA officials said -- two were hurt")
    assert norm_hash(a) != norm_hash(a.replace("Two", "Three"))


def test_intervals():
    assert parse_every("15m") == 900 and parse_every("2h") == 7200 and parse_every(120) == 120
    assert format_every(900) == "15m" and format_every(86400) == "1d" and format_every(90) == "90s"
    for bad in ("5", "soon", "1w", "-5m"):
        with pytest.raises(InputError, match="--every"):
            parse_every(bad)


def test_reading_never_touches_the_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError(f"network use while reading: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    s = STORIES[2]
    page = read_page(fs.article_page(s, canonical="https://news.example/x"), "https://news.example/x")
    assert norm_hash(page.text) == norm_hash(s.text) and page.published == s.published
    assert len(parse_feed(fs.rss20([fs.item_for(s, BASE, True)]).encode(), f"{BASE}/f.xml")) == 1


def test_a_feed_on_the_internet_may_not_send_geomap_to_local_addresses():
    from geomap.fetch import is_local, may_follow

    for url in ("http://127.0.0.1:8080/x", "http://localhost/x", "http://192.168.1.1/admin", "http://10.0.0.5/",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/x", "http://0.0.0.0/"):
        assert is_local(url), url
        assert not may_follow("https://news.example/rss.xml", url), url
        assert may_follow("http://127.0.0.1:9000/feed.xml", url)  # a locally served feed may link locally
    assert not is_local("https://news.example/a") and not is_local("http://8.8.8.8/")
    assert may_follow("https://news.example/rss.xml", "https://other.example/story")
