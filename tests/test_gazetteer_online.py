"""The optional online fallback: real geopy Nominatim + RateLimiter against a tiny Nominatim-like server on 127.0.0.1.

The server answers like Nominatim's /search (JSON list), and misbehaves on purpose: HTTP 500, 429, a reply slower
than the timeout, malformed JSON. The gazetteer must keep answering and say why a name stayed unresolved.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.geocoders import Nominatim
from geopy.location import Location

from geomap.gazetteer import COLUMNS, Gazetteer, Row, format_row
from geomap.geocoders import GeocodeCache, OnlineFallback, fallback_from_env

ANSWERS = {
    "vovchansk farm 7": [{
        "place_id": 1234, "osm_type": "node", "osm_id": 987654, "lat": "50.2881", "lon": "36.9411",
        "display_name": "Vovchansk farm 7, Chuhuiv Raion, Kharkiv Oblast, Ukraine", "class": "place",
        "type": "hamlet", "addresstype": "hamlet", "name": "Vovchansk farm 7", "importance": 0.2,
        "boundingbox": ["50.28", "50.30", "36.93", "36.95"],
        "address": {"hamlet": "Vovchansk farm 7", "state": "Kharkiv Oblast", "country": "Ukraine",
                    "country_code": "ua"},
    }],
    "obscure district": [{
        "place_id": 55, "osm_type": "relation", "osm_id": 42, "lat": "15.6", "lon": "32.5",
        "display_name": "Obscure District, Khartoum, Sudan", "class": "boundary", "type": "administrative",
        "addresstype": "suburb", "name": "Obscure District", "boundingbox": ["15.55", "15.65", "32.45", "32.55"],
        "address": {"suburb": "Obscure District", "country": "Sudan", "country_code": "sd"},
    }],
}


class Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlparse(self.path)
        q = parse_qs(url.query).get("q", [""])[0].lower()
        type(self).hits.append(q)
        if url.path != "/search":
            return self._send(404, b"not found")
        if q == "boom":
            return self._send(500, b"internal error")
        if q == "busy":
            return self._send(429, b"slow down")
        if q == "slow":
            time.sleep(0.6)
            return self._send(200, b"[]")
        if q == "garbage":
            return self._send(200, b"{not json")
        self._send(200, json.dumps(ANSWERS.get(q, [])).encode())

    def _send(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def nominatim() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Handler.hits = []
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def gaz(tmp_path: Path) -> Gazetteer:
    """A one-row gazetteer: everything else must come from the (fake) online geocoder."""
    row = format_row(Row("gn:1", "Kyiv", "city", 50.45, 30.52, "UA", "UA.12", 2900000, 17))
    csv_path = tmp_path / "gaz.csv"
    csv_path.write_text(",".join(COLUMNS) + "\n" + ",".join(row[c] for c in COLUMNS) + "\n", encoding="utf-8")
    return Gazetteer.load(csv_path, cache_dir=tmp_path / "cache")


def make_fallback(domain: str, tmp_path: Path, timeout: float = 0.5) -> OnlineFallback:
    geo = Nominatim(domain=domain, scheme="http", user_agent="geomap-tests", timeout=timeout)
    return OnlineFallback(geo, cache_path=tmp_path / "online.sqlite", min_delay_seconds=0.0, timeout=timeout,
                          max_retries=0, error_wait_seconds=0.0)


def test_off_by_default(monkeypatch, gaz: Gazetteer) -> None:
    monkeypatch.delenv("GEOMAP_ONLINE_GEOCODER", raising=False)
    assert fallback_from_env() is None
    assert fallback_from_env({"GEOMAP_ONLINE_GEOCODER": "off"}) is None
    assert gaz.fallback is None and gaz.geocode("Vovchansk farm 7") is None
    assert "online fallback is off" in gaz.explain("Vovchansk farm 7")


def test_env_switch_builds_a_configured_nominatim(tmp_path: Path, nominatim: str) -> None:
    fb = fallback_from_env({"GEOMAP_ONLINE_GEOCODER": "nominatim", "GEOMAP_NOMINATIM_DOMAIN": nominatim,
                            "GEOMAP_NOMINATIM_SCHEME": "http", "GEOMAP_GEOCODER_TIMEOUT": "0.5",
                            "GEOMAP_GEOCODER_MIN_DELAY": "0", "GEOMAP_GEOCODER_RETRIES": "0",
                            "GEOMAP_GEOCODER_CACHE": str(tmp_path / "c.sqlite")})
    assert isinstance(fb, OnlineFallback) and isinstance(fb.geocoder, Nominatim)
    assert fb.geocode("Vovchansk farm 7").raw["country_code"] == "UA"
    assert fallback_from_env({"GEOMAP_ONLINE_GEOCODER": "bing"}) is None  # unsupported: stays offline, says so


def test_fallback_answers_missing_names_and_caches_them(tmp_path: Path, nominatim: str, gaz: Gazetteer) -> None:
    gaz.fallback = make_fallback(nominatim, tmp_path)
    loc = gaz.geocode("Vovchansk farm 7")
    assert isinstance(loc, Location)
    assert (loc.latitude, loc.longitude) == (50.2881, 36.9411)
    assert loc.raw["kind"] == "city" and loc.raw["country_code"] == "UA" and loc.raw["source"] == "nominatim"
    assert loc.raw["id"] == "nominatim:node:987654" and loc.raw["radius_km"] > 0
    # offline names never reach the network
    assert gaz.geocode("Kyiv").raw["id"] == "gn:1"
    assert Handler.hits == ["vovchansk farm 7"]
    # a second ask is served from SQLite, also by a new fallback object (persistent across processes)
    assert gaz.geocode("Vovchansk farm 7").raw["id"] == "nominatim:node:987654"
    fresh = make_fallback(nominatim, tmp_path)
    assert fresh.geocode("vovchansk  FARM 7").raw["id"] == "nominatim:node:987654"
    assert fresh.requests == 0 and Handler.hits == ["vovchansk farm 7"]
    # "no result" is cached too, and explained
    assert gaz.geocode("Nothing Here") is None and gaz.geocode("Nothing Here") is None
    assert Handler.hits.count("nothing here") == 1
    assert "online geocoder either" in gaz.fallback.reason("Nothing Here")
    assert len(GeocodeCache(tmp_path / "online.sqlite")) == 2


def test_kind_and_country_reach_the_online_geocoder(tmp_path: Path, nominatim: str, gaz: Gazetteer) -> None:
    gaz.fallback = make_fallback(nominatim, tmp_path)
    assert gaz.geocode("Obscure District", kind="district").raw["kind"] == "district"
    assert gaz.geocode("Obscure District", kind="city") is None
    many = gaz.geocode("Obscure District", exactly_one=False, country="SD")
    assert isinstance(many, list) and many[0].raw["country_code"] == "SD"


@pytest.mark.parametrize(
    ("query", "reason"),
    [("boom", "online geocoder error"), ("busy", "rate limited"), ("slow", "timed out"),
     ("garbage", "online geocoder")],
)
def test_errors_leave_the_name_unresolved_with_a_reason(tmp_path: Path, nominatim: str, gaz: Gazetteer,
                                                         query: str, reason: str) -> None:
    gaz.fallback = make_fallback(nominatim, tmp_path, timeout=0.2)
    assert gaz.geocode(query) is None  # never raises
    why = gaz.fallback.reason(query)
    assert why and reason in why
    assert reason in gaz.explain(query)
    assert gaz.geocode("Kyiv").raw["id"] == "gn:1"  # the offline gazetteer keeps working
    n = Handler.hits.count(query)
    gaz.geocode(query)  # errors are not cached: the next ask tries again
    assert Handler.hits.count(query) > n


def test_rate_limiter_spaces_requests(tmp_path: Path, nominatim: str) -> None:
    geo = Nominatim(domain=nominatim, scheme="http", user_agent="geomap-tests", timeout=2)
    fb = OnlineFallback(geo, cache_path=tmp_path / "o.sqlite", min_delay_seconds=0.3, max_retries=0)
    t0 = time.perf_counter()
    for q in ("a1", "a2", "a3"):
        fb.geocode(q)
    assert time.perf_counter() - t0 >= 0.55  # two enforced gaps of 0.3 s between three requests
    assert fb.requests == 3


def test_unreachable_server_is_reported(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    fb = make_fallback(f"127.0.0.1:{port}", tmp_path)
    assert fb.geocode("Anything") is None
    assert "online geocoder" in fb.reason("Anything")
