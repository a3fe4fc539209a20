"""Folium layers from a filtered events DataFrame, drawn fully offline (DESIGN §6).

Why this module exists instead of plain `folium.Marker` objects:

* **Offline.** Folium points every class at CDNs. Here nothing may leave 127.0.0.1, so `ensure_static_assets`
  copies Leaflet, jQuery, MarkerCluster (from the xstatic packages) and folium's heat-map plugin into
  `static/vendor/`, which Streamlit serves at `/app/static/vendor/`, and the map classes below load only
  those.
  There is no tile layer by default: country borders are fetched from the same server as a GeoJSON file.
* **Fast.** Thousands of folium objects cost seconds of Python and megabytes of generated JS. `EventLayer`
  sends the events once as a compact JSON array and builds the Leaflet layers in one JS loop (clustered with
  MarkerCluster when there are many), inside a `FeatureGroup` that `st_folium(feature_group_to_add=...)` swaps
  without reloading the map.
* **Safe.** Article text is untrusted. Popups are built in the browser from DOM nodes with `textContent`; the
  tooltip strings are HTML-escaped; the HTML this module returns for Streamlit is built with `html.escape`.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import folium
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from geomap.config import DATA_DIR
from geomap.models import EVENT_TYPES, PRECISION_RANK, PRECISIONS

#: Where Streamlit serves `<app dir>/static/` (server.enableStaticServing).
STATIC_URL = "/app/static"
VENDOR_URL = f"{STATIC_URL}/vendor"
COUNTRIES_GEOJSON = DATA_DIR / "countries.geojson"

#: ACLED event type -> colour (colour-blind-friendly Tableau 10 hues).
EVENT_COLORS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#1f77b4",
    "Riots": "#8c564b",
    "Strategic developments": "#2ca02c",
}
OTHER_COLOR = "#7f7f7f"

#: Extent drawn when the gazetteer gives none, by precision (km). 0 = a point.
DEFAULT_RADIUS_KM = {"landmark": 0, "district": 3, "city": 0, "region": 120, "country": 350, "sea": 250,
                     "continent": 1500}
#: Precisions drawn as areas rather than points ("Belarus" must not look like a pin on one town).
AREA_PRECISIONS = frozenset({"district", "region", "country", "sea", "continent"})
#: Above this many point events, points are clustered unless the caller says otherwise.
CLUSTER_THRESHOLD = 1500
#: Above this many events, popups omit the sentence (still shown in the side panel): keeps the payload small.
POPUP_SENTENCE_LIMIT = 20000

# Vendor files: (package data dir resolver, file inside it, path under static/vendor/).
_VENDOR_FILES: list[tuple[str, str, str]] = [
    ("leaflet", "leaflet.js", "leaflet/leaflet.js"),
    ("leaflet", "leaflet.css", "leaflet/leaflet.css"),
    ("leaflet", "images/layers.png", "leaflet/images/layers.png"),
    ("leaflet", "images/layers-2x.png", "leaflet/images/layers-2x.png"),
    ("leaflet", "images/marker-icon.png", "leaflet/images/marker-icon.png"),
    ("leaflet", "images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
    ("leaflet", "images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
    ("jquery", "jquery.min.js", "jquery/jquery.min.js"),
    ("markercluster", "leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"),
    ("markercluster", "MarkerCluster.css", "markercluster/MarkerCluster.css"),
    ("markercluster", "MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"),
    ("folium", "leaflet_heat.min.js", "heat/leaflet_heat.min.js"),
]

#: The map's scripts, in load order. streamlit-folium loads them one after the other (each waits for the one
#: before), so `ensure_static_assets` also joins them into one file, BUNDLE, which is what the maps load.
VENDOR_JS = ["leaflet/leaflet.js", "jquery/jquery.min.js", "markercluster/leaflet.markercluster.js",
             "heat/leaflet_heat.min.js"]
BUNDLE = "geomap-vendor.js"
JS_ASSETS = [("geomap-vendor", f"{VENDOR_URL}/{BUNDLE}")]
CSS_ASSETS = [
    ("leaflet_css", f"{VENDOR_URL}/leaflet/leaflet.css"),
    ("markercluster_css", f"{VENDOR_URL}/markercluster/MarkerCluster.css"),
    ("markercluster_default_css", f"{VENDOR_URL}/markercluster/MarkerCluster.Default.css"),
]

#: Opt-in online basemaps (only when the user switches them on; they need the internet).
ONLINE_TILES = {
    "OpenStreetMap": ("OpenStreetMap", None),
    "Carto light": ("CartoDB positron", None),
}


def _package_dir(name: str) -> Path:
    """The data directory of a pip package that ships a vendor file."""
    if name == "leaflet":
        import xstatic.pkg.leaflet as pkg
    elif name == "jquery":
        import xstatic.pkg.jquery as pkg
    elif name == "markercluster":
        import xstatic.pkg.leaflet_markercluster as pkg
    elif name == "folium":
        return Path(folium.__file__).parent / "templates"
    else:  # pragma: no cover - programming error
        raise ValueError(name)
    return Path(pkg.BASE_DIR)


def ensure_static_assets(static_dir: str | Path, countries: str | Path | None = None) -> list[Path]:
    """Copy vendor JS/CSS (and the countries GeoJSON when present) into `static_dir/vendor/`.

    Idempotent and cheap when nothing changed (size + mtime check), so the app calls it on every start.
    Returns the files written.
    """
    vendor = Path(static_dir) / "vendor"
    written: list[Path] = []
    pairs = [(_package_dir(pkg) / src, vendor / dst) for pkg, src, dst in _VENDOR_FILES]
    cpath = Path(countries) if countries is not None else COUNTRIES_GEOJSON
    if cpath.is_file():
        pairs.append((cpath, vendor / "countries.geojson"))
    for src, dst in pairs:
        if dst.is_file():
            s, d = src.stat(), dst.stat()
            if s.st_size == d.st_size and d.st_mtime >= s.st_mtime:
                continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        # copy then rename: a server running meanwhile (tests run in parallel) never serves half a file
        tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
        shutil.copy2(src, tmp)
        os.replace(tmp, dst)
        written.append(dst)
    bundle = vendor / BUNDLE
    parts = [vendor / f for f in VENDOR_JS]
    if not bundle.is_file() or bundle.stat().st_mtime < max(p.stat().st_mtime for p in parts):
        # one request instead of four sequential ones; each file's own licence comment stays in it
        text = "".join(f"\n/* ---- {f} ---- */\n" + (vendor / f).read_text(encoding="utf-8") + "\n;\n"
                       for f in VENDOR_JS)
        tmp = bundle.with_name(f".{BUNDLE}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, bundle)
        written.append(bundle)
    return written


def countries_available(static_dir: str | Path) -> bool:
    """True when the offline country layer can be served."""
    return (Path(static_dir) / "vendor" / "countries.geojson").is_file()


class OfflineMap(folium.Map):
    """A `folium.Map` that loads Leaflet & co. from this app's own server (no bootstrap / font-awesome)."""

    default_js = JS_ASSETS
    default_css = CSS_ASSETS


_STYLE = """
<style>
.leaflet-container { background: #dbe7f0; }
.geomap-dot { border-radius: 50%; border: 1px solid #fff; box-shadow: 0 0 1px #333; }
.geomap-popup { font: 13px/1.35 sans-serif; max-width: 340px; }
.geomap-popup p { margin: 4px 0; }
.geomap-popup mark { background: #ffe066; padding: 0 1px; }
.geomap-popup .geomap-meta { color: #555; font-size: 12px; }
.geomap-popups hr { border: 0; border-top: 1px solid #ddd; margin: 6px 0; }
path.geomap-chosen { stroke: #111; stroke-width: 2.5px; }
</style>
"""


class CountryBorders(MacroElement):
    """Offline basemap: Natural Earth country polygons fetched from the app's static folder.

    Drawn in its own pane under the events, not interactive, so it never hides or steals a click.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var pane = map.getPane('geomapBase') || map.createPane('geomapBase');
  pane.style.zIndex = 250;
  pane.style.pointerEvents = 'none';
  map.attributionControl.addAttribution('Borders: Natural Earth');
  window.geomapCountriesP = window.geomapCountriesP || fetch({{ this.url_js }}).then(function (r) {
    return r.ok ? r.json() : null; }).catch(function () { return null; });
  window.geomapCountriesP.then(function (gj) {
    if (!gj) { return; }
    L.geoJSON(gj, {pane: 'geomapBase', interactive: false,
      style: {color: '#8a8f98', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: {{ this.fill_opacity }}}
    }).addTo(map);
    window.geomapBorders = (gj.features || []).length;
  });
})();
{% endmacro %}
"""
    )

    def __init__(self, url: str = f"{VENDOR_URL}/countries.geojson", fill_opacity: float = 1.0):
        super().__init__()
        self._name = "CountryBorders"
        self.url_js = json.dumps(url)
        self.fill_opacity = float(fill_opacity)


#: What the map page asks `st_folium` to return (the clicked marker's tooltip carries its event id; the view goes
#: into the URL). `build_base_map(returned=...)` seeds the same keys (see ViewSeed).
RETURNED_OBJECTS = ["last_object_clicked_tooltip", "center", "zoom"]
# streamlit-folium builds its returned value with the keys in this order (index.tsx, `_data`)
_ST_FOLIUM_KEY_ORDER = ("last_clicked", "last_object_clicked", "last_object_clicked_count",
                        "last_object_clicked_tooltip", "last_object_clicked_popup", "all_drawings",
                        "last_active_drawing", "last_geocoder_result", "bounds", "zoom", "last_circle_radius",
                        "last_circle_polygon", "center", "selected_layers", "selected_tags")


class ViewSeed(MacroElement):
    """Tells streamlit-folium that the map's start view is already known to Python.

    Why: on load streamlit-folium compares the map's view with its Python-side default (which has no `center`)
    and, as they always differ, reports it at once: a second full run of the page while the browser is still
    downloading and drawing 50,000 events, and a URL that changes on its own. The view the page starts with is
    the one Python chose, so the report says nothing new; seeding `previous_data` with it skips it. Moving the map
    still reports as before. If a streamlit-folium update changes these internals, the only effect is that
    extra run again.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function (map) {
  var g = window.__GLOBAL_DATA__;
  if (!g || !g.returned_objects) { return; }
  var seed = {}, ok = true;
  {{ this.keys_js }}.forEach(function (k) {
    if (g.returned_objects.indexOf(k) < 0) { return; }
    if (k === 'zoom') { seed.zoom = map.getZoom(); }
    else if (k === 'center') { seed.center = map.getCenter(); }
    else if (k === 'last_object_clicked_tooltip') { seed[k] = null; }
    else { ok = false; }  // a key this seed does not know: leave streamlit-folium's default alone
  });
  if (ok) { g.previous_data = JSON.parse(JSON.stringify(seed)); }
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "ViewSeed"
        self.keys_js = json.dumps(list(_ST_FOLIUM_KEY_ORDER))


def build_base_map(
    bounds: Sequence[Sequence[float]] | None = None,
    *,
    borders: bool = True,
    tiles: str | None = None,
    view: tuple[Sequence[float], int] | None = None,
    seed_view: bool = True,
) -> folium.Map:
    """The map without events: offline borders, optional online tiles, a view over `bounds`.

    Kept free of the events on purpose: `st_folium` reloads the whole iframe when this part changes, and only
    swaps the event layer when just the `feature_group_to_add` changes. `seed_view`: see ViewSeed.
    """
    m = OfflineMap(location=[30, 20], zoom_start=2, tiles=None, control_scale=True, prefer_canvas=False,
                   world_copy_jump=False)
    # Leaflet takes maxZoom from a tile layer; without one MarkerCluster throws "Map has no maxZoom specified"
    m.options.update(maxZoom=18, minZoom=1)
    m.get_root().header.add_child(Element(_STYLE), name="geomap_style")
    if tiles:
        name, _ = ONLINE_TILES.get(tiles, (tiles, None))
        folium.TileLayer(name).add_to(m)
    if borders:
        CountryBorders(fill_opacity=0.0 if tiles else 1.0).add_to(m)
    if view is not None:  # a view from the URL wins over the data's frame (no fitBounds racing it)
        m.location = [float(view[0][0]), float(view[0][1])]
        m.options["zoom"] = int(view[1])
    elif bounds is not None:
        (s, w), (n, e) = bounds
        if n - s < 1.0:
            s, n = s - 0.5, n + 0.5
        if e - w < 1.0:
            w, e = w - 0.5, e + 0.5
        fit = folium.map.FitBounds([[s, w], [n, e]], max_zoom=9)
        # not animated: an animated zoom finishes after streamlit-folium has read the start view, and the
        # "moveend" at its end would report a second view (another run of the page, another URL)
        fit.options["animate"] = False
        m.add_child(fit)
        m.location = [(s + n) / 2, (w + e) / 2]
        m.options["zoom"] = max(1, min(9, int(math.log2(360.0 / max(e - w, (n - s) * 1.6, 1e-6)))))
    if seed_view:
        m.add_child(ViewSeed())  # last: runs after the view is set
    return m


def frame_bounds(df: pd.DataFrame) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the events' points, or None when there are none."""
    if df is None or df.empty:
        return None
    lat = pd.to_numeric(df["lat"], errors="coerce").dropna()
    lon = pd.to_numeric(df["lon"], errors="coerce").dropna()
    if lat.empty or lon.empty:
        return None
    return [[float(lat.min()), float(lon.min())], [float(lat.max()), float(lon.max())]]


def _iso(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)[:10]


def _num(value: object, default: float = 0.0) -> float:
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return default if math.isnan(f) else f


def radius_m(precision: str, radius_km: object) -> float:
    """Metres to draw for an event's place: 0 for a point, else the place's extent (or a default per kind)."""
    if precision not in AREA_PRECISIONS:
        return 0.0
    km = _num(radius_km)
    if km <= 0:
        km = DEFAULT_RADIUS_KM.get(precision, 50)
    if precision == "district":
        km = min(max(km, 1.0), 15.0)
    return round(km * 1000.0, 1)


#: Column order of one event in the JSON payload (kept short: it is sent for every event).
PAYLOAD_FIELDS = ("id", "lat", "lon", "type", "precision", "radius_m", "name", "place", "date", "date_end",
                  "sentence", "place_start", "title", "sources", "country_code")


def _iso_col(col: pd.Series) -> list[str]:
    d = pd.to_datetime(col, errors="coerce")
    return d.dt.strftime("%Y-%m-%d").fillna("").tolist()


def event_payload(df: pd.DataFrame, with_sentences: bool | None = None) -> list[list]:
    """One compact row per event with a valid coordinate (see PAYLOAD_FIELDS). Column-wise: 50,000 rows in well
    under a second."""
    if df is None or df.empty:
        return []
    if with_sentences is None:
        with_sentences = len(df) <= POPUP_SENTENCE_LIMIT
    lat = pd.to_numeric(df["lat"], errors="coerce")
    lon = pd.to_numeric(df["lon"], errors="coerce")
    d = df[lat.between(-90, 90) & lon.between(-180, 180)]
    if d.empty:
        return []
    n = len(d)

    def col(name: str, default: object = "") -> pd.Series:
        return d[name] if name in d.columns else pd.Series([default] * n, index=d.index)

    prec = col("precision", "city").fillna("city").astype(str)
    type_i = col("event_type").map({t: i for i, t in enumerate(EVENT_TYPES)}).fillna(-1).astype(int)
    prec_i = prec.map(PRECISION_RANK).fillna(2).astype(int)
    radius = [radius_m(p, r) for p, r in zip(prec, col("radius_km", 0.0), strict=True)]
    empty = [""] * n
    sentence = col("sentence").fillna("").astype(str).tolist() if with_sentences else empty
    title = (col("title").fillna("").astype(str).where(lambda t: t != "", col("article").fillna("").astype(str))
             .tolist() if with_sentences else empty)
    pstart = pd.to_numeric(col("place_start", -1), errors="coerce").fillna(-1).astype(int)
    sources = pd.to_numeric(col("source_count", 1), errors="coerce").fillna(1).astype(int)
    cols = [col("event_id").astype(str).tolist(), d["lat"].astype(float).round(5).tolist(),
            d["lon"].astype(float).round(5).tolist(), type_i.tolist(), prec_i.tolist(), radius,
            col("name").fillna("").astype(str).tolist(), col("place").fillna("").astype(str).tolist(),
            _iso_col(col("date", None)), _iso_col(col("date_end", None)), sentence, pstart.tolist(), title,
            sources.tolist(), col("country_code").fillna("").astype(str).tolist()]
    return [list(r) for r in zip(*cols, strict=True)]


def safe_json(obj: object) -> str:
    """JSON that is also safe inside a <script> element and through folium/streamlit-folium's templates."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    # These characters only ever occur inside JSON strings, where the \u escapes mean the same.
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    if _only_arrays(obj):  # then every brace is inside a string: hide "{{ ... }}" from template passes
        text = text.replace("{", "\\u007b").replace("}", "\\u007d")
    return text


def _only_arrays(obj: object) -> bool:
    """Braces may only be escaped when every '{' is inside a string, i.e. the payload holds no objects."""
    if isinstance(obj, dict):
        return False
    if isinstance(obj, list | tuple):
        return all(_only_arrays(x) for x in obj)
    return True


_EVENT_JS = """
(function () {
  var group = %(group)s;
  var URL = %(url)s;
  var TYPES = %(types)s, COLORS = %(colors)s, PRECS = %(precs)s;
  var CLUSTER = %(cluster)s, HEAT = %(heat)s, OTHER = %(other)s, CURL = %(curl)s, SELECTED = %(selected)s;
  function countries() {
    // one fetch per map document, shared with the borders layer; resolves to {iso_a2: feature}
    window.geomapCountriesP = window.geomapCountriesP || fetch(CURL).then(function (r) {
      return r.ok ? r.json() : null; }).catch(function () { return null; });
    return window.geomapCountriesP.then(function (gj) {
      if (!window.geomapCountryIndex) {
        var idx = {};
        ((gj && gj.features) || []).forEach(function (f) {
          var c = f.properties && f.properties.iso_a2;
          if (c && c !== '-99') { idx[c] = f; }
        });
        window.geomapCountryIndex = idx;
      }
      return window.geomapCountryIndex;
    });
  }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = String(text); }
    return e;
  }
  function when(ev) { return ev[9] && ev[9] !== ev[8] ? ev[8] + ' \\u2013 ' + ev[9] : ev[8]; }
  function popup(ev) {
    var d = el('div', null, 'geomap-popup');
    d.appendChild(el('b', ev[6] || ev[7]));
    d.appendChild(el('div', when(ev) + ' \\u00b7 ' + (TYPES[ev[3]] || 'Event') + ' \\u00b7 ' + PRECS[ev[4]],
                     'geomap-meta'));
    var s = ev[10], p = el('p', null, 'geomap-sentence');
    if (s) {
      var a = ev[11], place = ev[7] || '';
      if (a >= 0 && place && s.substr(a, place.length) === place) {
        p.append(s.slice(0, a)); p.appendChild(el('mark', place)); p.append(s.slice(a + place.length));
      } else { p.textContent = s; }
    } else { p.textContent = 'The source sentence is shown beside the map.'; }
    d.appendChild(p);
    if (ev[12]) { d.appendChild(el('div', ev[12], 'geomap-meta')); }
    if (ev[13] > 1) { d.appendChild(el('div', ev[13] + ' sources', 'geomap-meta')); }
    return d;
  }
  function tip(ev) { return esc(ev[6] || ev[7]) + ' \\u00b7 ' + esc(when(ev)) + ' \\u00b7 #' + esc(ev[0]); }
  function ensureTip(l) {
    if (l && l.options && l.options.ev && !l._tooltip) { l.bindTooltip(tip(l.options.ev)); }
  }
  var dots = [], byPlace = {};  // point markers and the events at each point (filled by build)
  function aimed(e, l, map) {
    // The point marker whose centre is nearest the click: at the default zoom neighbours overlap, and the one
    // drawn on top is not always the one aimed at (Bakhmut vs Novohrodivka).
    // (Leaflet reports a small circle's own centre as the event's containerPoint: use the mouse's position)
    if (!e.originalEvent || e.originalEvent.clientX === undefined || CLUSTER || dots.length > 20000) { return l; }
    var at = map.mouseEventToContainerPoint(e.originalEvent);
    var dot = l instanceof L.CircleMarker && !(l instanceof L.Circle);  // a point marker (not an area)
    var best = l, bestD = dot ? at.distanceTo(map.latLngToContainerPoint(l.getLatLng())) : 9;
    for (var i = 0; i < dots.length; i++) {
      var d = at.distanceTo(map.latLngToContainerPoint(dots[i].getLatLng()));
      if (d < bestD) { bestD = d; best = dots[i]; }
    }
    return best;
  }
  function popupHere(ev) {
    // every event at this very point: co-located events (one city, one day) are all reachable from one click
    var here = byPlace[ev[1] + ',' + ev[2]] || [ev], box = el('div', null, 'geomap-popups');
    box.appendChild(popup(ev));
    var rest = here.filter(function (x) { return x !== ev; });
    rest.slice(0, 4).forEach(function (x) { box.appendChild(el('hr')); box.appendChild(popup(x)); });
    if (rest.length > 4) { box.appendChild(el('div', (rest.length - 4) + ' more beside the map', 'geomap-meta')); }
    return box;
  }
  function onClick(e) {
    var l = e.sourceTarget || e.layer;
    if (!l || !l.options || !l.options.ev) { return; }
    var map = l._map || group._map;
    if (!map) { return; }
    l = aimed(e, l, map);
    ensureTip(l);
    e.sourceTarget = l;  // what streamlit-folium reports to Python (the event propagates on to its handler)
    select(l, map);
  }
  function select(l, map) {
    if (window.geomapChosen && window.geomapChosen._path) {
      L.DomUtil.removeClass(window.geomapChosen._path, 'geomap-chosen');
    }
    window.geomapChosen = l;
    if (l._path) { L.DomUtil.addClass(l._path, 'geomap-chosen'); }
    if (l.bringToFront) { l.bringToFront(); }
    var at = l.getLatLng ? l.getLatLng() : l.getBounds().getCenter();
    // opened above the point with a gap, not over it: the marker and its neighbours below stay clickable
    L.popup({maxWidth: 360, maxHeight: 240, autoPanPadding: [20, 20], offset: [0, -6]}).setLatLng(at)
      .setContent(popupHere(l.options.ev)).openOn(map);
    window.geomapSelected = l.options.ev[0];
  }
  function build(rows, cidx) {
  var nPoly = 0;
  var points = CLUSTER ? L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false,
                                               maxClusterRadius: 45, spiderfyOnMaxZoom: true})
                       : L.featureGroup();
  var areas = L.featureGroup();
  var renderer = (!CLUSTER && rows.length > 3000) ? L.canvas({padding: 0.3}) : undefined;
  var pts = [], heat = [], icons = {};
  dots = []; byPlace = {};
  for (var i = 0; i < rows.length; i++) {
    var ev = rows[i], color = COLORS[ev[3]] || OTHER, prec = PRECS[ev[4]] || 'city';
    var cls = 'geomap-event geomap-' + prec + ' geomap-t' + ev[3], lyr;
    if (HEAT) { heat.push([ev[1], ev[2], 1]); }
    (byPlace[ev[1] + ',' + ev[2]] = byPlace[ev[1] + ',' + ev[2]] || []).push(ev);
    var poly = prec === 'country' && ev[14] ? cidx[ev[14]] : null;
    if (poly) {
      // a country is drawn as its own outline: "Belarus" must never look like a pin on one town
      lyr = L.geoJSON(poly, {style: function () {
        return {color: color, weight: 1.2, opacity: 0.8, fillColor: color, fillOpacity: 0.12,
                className: cls + ' geomap-polygon'};
      }, onEachFeature: function (f, l) { l.options.ev = ev; ensureTip(l); }});
      areas.addLayer(lyr);
      nPoly++;
    } else if (ev[5] > 0) {
      lyr = L.circle([ev[1], ev[2]], {radius: ev[5], color: color, weight: 1.2, opacity: 0.8,
                                      fillColor: color, fillOpacity: prec === 'district' ? 0.3 : 0.12,
                                      className: cls, ev: ev});
      areas.addLayer(lyr);
      ensureTip(lyr);
    } else if (CLUSTER) {
      // one shared icon per type and precision: 50,000 icon objects cost the browser a garbage-collection second
      var ik = prec + ev[3];
      lyr = L.marker([ev[1], ev[2]], {ev: ev, icon: icons[ik] || (icons[ik] = L.divIcon({
        className: cls + ' geomap-dot', iconSize: [12, 12], html: ''}))});
      pts.push(lyr);
    } else {
      lyr = L.circleMarker([ev[1], ev[2]], {radius: 6, color: '#ffffff', weight: 1, fillColor: color,
                                            fillOpacity: 0.9, className: cls, ev: ev, renderer: renderer});
      points.addLayer(lyr);
      dots.push(lyr);
      ensureTip(lyr);
    }
  }
  points.on('click', onClick);
  areas.on('click', onClick);
  group.addLayer(areas);
  group.addLayer(points);
  if (CLUSTER) {
    points.on('mouseover', function (e) { ensureTip(e.sourceTarget || e.layer); });
    // MarkerCluster's addLayers is O(n^2) while the cluster group is off the map (each marker is looked up in the
    // pending list): fill it only once it is on the map, where the same call is linear
    if (points._map) { points.addLayers(pts); } else { points.once('add', function () { points.addLayers(pts); }); }
  }
  if (HEAT && L.heatLayer) { group.addLayer(L.heatLayer(heat, {radius: 18, blur: 15, minOpacity: 0.3})); }
  if (SELECTED && window.geomapOpened !== SELECTED && group._map) {
    // a permalink's or the feed's event ("id" or "id:n"): selected once per request, as if clicked, and brought
    // into view; later filter changes leave the user's own choice alone
    var want = SELECTED.split(':')[0], found = null;
    group.eachLayer(function f(l) {
      if (found) { return; }
      if (l.options && l.options.ev && String(l.options.ev[0]) === want) { found = l; }
      else if (l.eachLayer) { l.eachLayer(f); }
    });
    if (found) {
      window.geomapOpened = SELECTED;
      ensureTip(found);
      var m = group._map, to = found.getLatLng ? found.getLatLng() : found.getBounds().getCenter();
      if (!m.getBounds().pad(-0.1).contains(to)) { m.setView(to, Math.max(m.getZoom(), 7), {animate: false}); }
      select(found, m);
    }
  }
  window.geomapRows = rows;  // what is drawn, for tests and debugging (a reference, no copy)
  window.geomapEvents = {count: rows.length, clustered: CLUSTER, polygons: nPoly, heat: HEAT,
                         drawn: Date.now()};
  }
  function fromColumns(p) {
    // the served payload is columnar (see columnar_payload in mapview.py): rebuild the PAYLOAD_FIELDS rows
    var n = p.id.length, L = p.locs, D = p.days, T = p.titles, rows = new Array(n);
    for (var i = 0; i < n; i++) {
      var k = p.loc[i];
      rows[i] = [String(p.id[i]), L.lat[k], L.lon[k], p.type[i], L.prec[k], L.rad[k], L.name[k], L.place[k],
                 D[p.d0[i]], D[p.d1[i]], p.sentence ? p.sentence[i] : '', p.pstart[i],
                 T ? T[p.title[i]] : '', p.sources[i], L.cc[k]];
    }
    return rows;
  }
  function start(rows) {
    if (!Array.isArray(rows)) { rows = fromColumns(rows); }
    var needs = false;
    for (var i = 0; i < rows.length && !needs; i++) { needs = PRECS[rows[i][4]] === 'country' && !!rows[i][14]; }
    if (needs) { countries().then(function (idx) { build(rows, idx); }); } else { build(rows, {}); }
  }
  if (URL) {
    fetch(URL).then(function (r) { return r.json(); }).then(start);
  } else {
    start(%(rows)s);
  }
})();
"""

_DOT_CSS = "".join(
    f".geomap-dot.geomap-t{i} {{ background: {EVENT_COLORS[t]}; }}" for i, t in enumerate(EVENT_TYPES)
) + f".geomap-dot.geomap-t-1 {{ background: {OTHER_COLOR}; }}"


class EventLayer(MacroElement):
    """All events of one DataFrame as Leaflet layers built by one JS loop (see module doc).

    Small sets are inlined in the script; large ones are fetched by URL from a JSON file the app serves, so
    neither Python (streamlit-folium regex-rewrites the whole script) nor the websocket carries megabytes.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}{{ this.js(this._parent.get_name()) }}{% endmacro %}")

    def __init__(self, rows: list[list] | None = None, *, url: str | None = None, cluster: bool,
                 heat: bool = False, selected: str | None = None):
        super().__init__()
        self._name = "EventLayer"
        self.rows, self.url, self.cluster, self.heat = rows or [], url, cluster, heat
        self.selected = selected  # an event id to select once drawn (a permalink)

    def js(self, group_name: str) -> str:
        return _EVENT_JS % {
            "group": group_name,
            "url": json.dumps(self.url),
            "rows": "[]" if self.url else safe_json(self.rows),
            "types": json.dumps(list(EVENT_TYPES)),
            "colors": json.dumps([EVENT_COLORS[t] for t in EVENT_TYPES]),
            "precs": json.dumps(list(PRECISIONS)),
            "cluster": "true" if self.cluster else "false",
            "heat": "true" if self.heat else "false",
            "other": json.dumps(OTHER_COLOR),
            "curl": json.dumps(f"{VENDOR_URL}/countries.geojson"),
            "selected": safe_json(str(self.selected)) if self.selected is not None else "null",
        }


#: Payloads with more rows than this are served as a file (when the caller gives a folder), not inlined.
INLINE_MAX_ROWS = 2000
#: How many payload files to keep in the folder (oldest are removed).
KEEP_PAYLOADS = 40


def columnar_payload(rows: list[list]) -> dict:
    """The payload rows as columns, with what repeats factored out into tables (places, days, titles).

    Why: at 50,000 events the row form is ~5 MB of JSON that the browser must download and parse before it draws;
    events share a few thousand places and days, so this form is about a third of that. The browser rebuilds the
    exact rows (`fromColumns` in the event script; `rows_from_columns` here), so nothing else changes.
    """
    locs: dict[tuple, int] = {}
    days: dict[str, int] = {}
    titles: dict[str, int] = {}
    cols: dict[str, list] = {k: [] for k in ("id", "loc", "type", "d0", "d1", "sentence", "pstart", "title",
                                             "sources")}
    for r in rows:
        key = (r[1], r[2], r[4], r[5], r[6], r[7], r[14])
        cols["id"].append(r[0])
        cols["loc"].append(locs.setdefault(key, len(locs)))
        cols["type"].append(r[3])
        cols["d0"].append(days.setdefault(r[8], len(days)))
        cols["d1"].append(days.setdefault(r[9], len(days)))
        cols["sentence"].append(r[10])
        cols["pstart"].append(r[11])
        cols["title"].append(titles.setdefault(r[12], len(titles)))
        cols["sources"].append(r[13])
    if all(isinstance(i, str) and i.isdigit() and (i == "0" or i[0] != "0") and len(i) < 16 for i in cols["id"]):
        cols["id"] = [int(i) for i in cols["id"]]  # JSON numbers: no quotes (the browser turns them back to text)
    out: dict = {"v": 1, **cols}
    if not any(cols["sentence"]):
        del out["sentence"]
    if list(titles) == [""] or not titles:
        del out["title"]
    else:
        out["titles"] = list(titles)
    names = ("lat", "lon", "prec", "rad", "name", "place", "cc")
    out["locs"] = {n: [k[i] for k in locs] for i, n in enumerate(names)}
    out["days"] = list(days)
    return out


def rows_from_columns(payload: dict) -> list[list]:
    """The inverse of `columnar_payload` (what the browser does before drawing)."""
    loc, days, titles = payload["locs"], payload["days"], payload.get("titles")
    out = []
    for i, k in enumerate(payload["loc"]):
        out.append([str(payload["id"][i]), loc["lat"][k], loc["lon"][k], payload["type"][i], loc["prec"][k],
                    loc["rad"][k], loc["name"][k], loc["place"][k], days[payload["d0"][i]], days[payload["d1"][i]],
                    payload["sentence"][i] if "sentence" in payload else "", payload["pstart"][i],
                    titles[payload["title"][i]] if titles else "", payload["sources"][i], loc["cc"][k]])
    return out


def write_payload(rows: list[list], folder: str | Path) -> str:
    """Write the rows (columnar, see `columnar_payload`) as `<sha1>.json` under `folder` (once per content);
    return the file name."""
    import hashlib

    text = json.dumps(columnar_payload(rows), ensure_ascii=False, separators=(",", ":"))
    name = hashlib.sha1(text.encode("utf-8")).hexdigest()[:20] + ".json"
    folder = Path(folder)
    target = folder / name
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        old = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)[:-KEEP_PAYLOADS]
        for p in old:
            p.unlink(missing_ok=True)
    else:
        target.touch()
    return name


def event_layer(
    df: pd.DataFrame, *, cluster: bool | None = None, heat: bool = False, with_sentences: bool | None = None,
    payload_dir: str | Path | None = None, payload_url: str = f"{VENDOR_URL}/events",
) -> folium.FeatureGroup:
    """The events as one FeatureGroup for `st_folium(feature_group_to_add=...)` (or `.add_to(map)`).

    `cluster=None` clusters when there are more than CLUSTER_THRESHOLD point events. With `payload_dir` (served at
    `payload_url`), more than INLINE_MAX_ROWS events are written there and fetched by the browser.
    """
    rows = event_payload(df, with_sentences=with_sentences)
    if cluster is None:
        cluster = sum(1 for r in rows if r[5] == 0) > CLUSTER_THRESHOLD
    fg = folium.FeatureGroup(name="Events", control=False)
    if payload_dir is not None and len(rows) > INLINE_MAX_ROWS:
        name = write_payload(rows, payload_dir)
        EventLayer(url=f"{payload_url}/{name}", cluster=cluster, heat=heat).add_to(fg)
    else:
        EventLayer(rows, cluster=cluster, heat=heat).add_to(fg)
    return fg


def layer_from_payload(rows: list[list] | None = None, *, url: str | None = None, cluster: bool,
                       heat: bool = False, selected: str | None = None) -> folium.FeatureGroup:
    """An event FeatureGroup from an already built payload: inline `rows`, or `url` of a written payload file;
    `selected`: an event id to select once drawn."""
    fg = folium.FeatureGroup(name="Events", control=False)
    EventLayer(None if url else rows, url=url, cluster=cluster, heat=heat, selected=selected).add_to(fg)
    return fg


def candidates_map(cands: pd.DataFrame, *, borders: bool = True) -> folium.Map:
    """Gazetteer candidates on a small offline map, numbered as in the table (tooltips escaped)."""
    m = build_base_map(frame_bounds(cands) if cands is not None and not cands.empty else None, borders=borders)
    if cands is None or cands.empty:
        return m
    for i, r in enumerate(cands.itertuples(index=False), 1):
        kind = str(r.kind)
        color = "#d62728" if i == 1 else "#1f77b4"
        tip = html.escape(f"{i}. {r.label}")
        km = radius_m(kind, r.radius_km)
        if km > 0:
            folium.Circle([r.lat, r.lon], radius=km, color=color, weight=1, fill=True, fill_opacity=0.1,
                          class_name="geomap-candidate-area").add_to(m)
        folium.CircleMarker([r.lat, r.lon], radius=7, color="#fff", weight=1, fill=True, fill_color=color,
                            fill_opacity=0.9, tooltip=tip, class_name="geomap-candidate").add_to(m)
    return m


def map_style_element() -> Element:
    """CSS for the cluster-mode dots (one class per event type)."""
    return Element(f"<style>{_DOT_CSS}</style>")


def build_map(df: pd.DataFrame, *, bounds: Sequence[Sequence[float]] | None = None, borders: bool = True,
              tiles: str | None = None, cluster: bool | None = None, heat: bool = False
              ) -> tuple[folium.Map, folium.FeatureGroup]:
    """Base map + event layer, ready for `st_folium(m, feature_group_to_add=fg)`."""
    m = build_base_map(bounds if bounds is not None else frame_bounds(df), borders=borders, tiles=tiles)
    m.get_root().header.add_child(map_style_element(), name="geomap_dots")
    return m, event_layer(df, cluster=cluster, heat=heat)


# ----
# Click handling and the side panel (HTML built here, escaped, so pages never build HTML).

_TIP_ID = re.compile(r"#(\S+)\s*$")


def clicked_event_id(returned: dict | None) -> str | None:
    """The event id carried by the clicked marker's tooltip in st_folium's returned objects, if any."""
    if not returned:
        return None
    tip = returned.get("last_object_clicked_tooltip")
    if not tip:
        return None
    m = _TIP_ID.search(str(tip))
    return m.group(1) if m else None


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def md_escape(text: str) -> str:
    """Untrusted text for Streamlit widgets that render Markdown (st.subheader, st.caption): every Markdown character
    is escaped, so a title like `![x](http://host/t.png)` shows as text instead of loading an image from elsewhere."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def highlight_html(sentence: str, place_start: object, place: str) -> str:
    """The sentence, HTML-escaped, with the place name wrapped in <mark>.

    Uses the stored offset when it points at the place, else the first occurrence; escapes every piece.
    """
    sentence = sentence or ""
    place = place or ""
    start = int(_num(place_start, -1))
    if not (place and 0 <= start and sentence[start:start + len(place)] == place):
        start = sentence.find(place) if place else -1
    if start < 0:
        return html.escape(sentence)
    end = start + len(place)
    return (html.escape(sentence[:start]) + "<mark>" + html.escape(sentence[start:end]) + "</mark>"
            + html.escape(sentence[end:]))


def _safe_url(url: str) -> str | None:
    url = (url or "").strip()
    return url if re.match(r"^https?://", url, re.I) else None


def _region_name(rec: dict) -> str:
    """ "Luhansk Oblast, Ukraine": the event's admin-1 region and country by name (never codes) where known."""
    from geomap.names import admin1_names, country_names

    parts = [admin1_names().get(str(rec.get("admin1") or "")), country_names().get(str(rec.get("country_code") or ""))]
    return ", ".join(p for p in parts if p and p != rec.get("name"))


def event_card_html(rec: dict, *, selected: bool = False) -> str:
    """One event for the side panel: sentence (place marked), article, link, date, type, actors, fatalities."""
    e = html.escape
    date, date_end = _iso(rec.get("date")), _iso(rec.get("date_end"))
    when = date if not date_end or date_end == date else f"{date} – {date_end}"
    dp = rec.get("date_precision") or ""
    parts = [f'<div class="geomap-card{" geomap-selected" if selected else ""}" '
             f'data-event-id="{e(str(rec.get("event_id", "")))}">']
    parts.append(f'<p class="geomap-sentence">{highlight_html(str(rec.get("sentence") or ""), rec.get("place_start"), str(rec.get("place") or ""))}</p>')  # noqa: E501
    meta = [f"<b>{e(when)}</b>" + (f" ({e(str(dp))})" if dp and dp != "day" else "")]
    if rec.get("event_type"):
        sub = rec.get("sub_event_type") or ""
        meta.append(e(str(rec["event_type"])) + (f" / {e(str(sub))}" if sub else ""))
    region = _region_name(rec)
    meta.append(e(f"{rec.get('name') or rec.get('place') or ''}{', ' + region if region else ''} "
                  f"({rec.get('precision') or '?'})"))
    parts.append('<p class="geomap-meta">' + " · ".join(meta) + "</p>")
    actors = rec.get("actors")
    if isinstance(actors, str):
        actors = [a for a in re.split(r"\s*[;|]\s*", actors) if a]
    extra = []
    if actors is not None and len(actors):
        extra.append("Actors: " + e(", ".join(str(a) for a in actors)))
    fat = rec.get("fatalities")
    if fat is not None and not (isinstance(fat, float) and math.isnan(fat)):
        extra.append(f"Fatalities: {e(str(int(_num(fat))))}")
    score = rec.get("event_score")
    if score is not None and not (isinstance(score, float) and math.isnan(score)):
        extra.append(f"Confidence: {_num(score):.2f}")
    n = int(_num(rec.get("source_count"), 1))
    extra.append(f"{n} source{'s' if n != 1 else ''}")
    parts.append('<p class="geomap-meta">' + " · ".join(extra) + "</p>")
    title = str(rec.get("title") or rec.get("article") or "")
    src = str(rec.get("source") or "")
    url = _safe_url(str(rec.get("url") or ""))
    art = e(title) if not url else f'<a href="{e(url, quote=True)}" target="_blank" rel="noopener noreferrer">{e(title or url)}</a>'  # noqa: E501
    parts.append(f'<p class="geomap-article">Article: {art}' + (f" — {e(src)}" if src else "") + "</p>")
    parts.append("</div>")
    return "".join(parts)


PANEL_CSS = """<style>
.geomap-card { border-left: 4px solid #ccc; padding: 2px 8px; margin: 0 0 10px 0; font-size: 14px; }
.geomap-card.geomap-selected { border-left-color: #d62728; background: #fff8f0; }
.geomap-card mark { background: #ffe066; padding: 0 2px; }
.geomap-card p { margin: 2px 0; }
.geomap-meta { color: #555; font-size: 13px; }
.geomap-legend span.sw { display: inline-block; width: 12px; height: 12px; border-radius: 6px;
  margin-right: 6px; vertical-align: -1px; }
.geomap-legend div { font-size: 13px; line-height: 1.6; }
</style>"""


def panel_html(records: Iterable[dict], selected_id: str | None = None) -> str:
    """The side panel: every given event as a card (selected one first and marked)."""
    recs = list(records)
    recs.sort(key=lambda r: (str(r.get("event_id")) != str(selected_id), _iso(r.get("date"))))
    cards = [event_card_html(r, selected=str(r.get("event_id")) == str(selected_id)) for r in recs]
    return PANEL_CSS + '<div class="geomap-panel">' + "".join(cards) + "</div>"


TIMELINE_CSS = """<style>
.geomap-tl { font: 12px/1.3 sans-serif; color: #444; }
.geomap-tl-plot { position: relative; height: %(h)dpx; margin: 12px 0 20px 44px;
  border-left: 1px solid #bbb; border-bottom: 1px solid #bbb; }
.geomap-tl-plot .g { position: absolute; left: 0; right: 0; border-top: 1px dashed #e3e3e3; }
.geomap-tl-plot .y { position: absolute; left: -44px; width: 40px; text-align: right; transform: translateY(-50%%); }
.geomap-tl-plot .x { position: absolute; top: 100%%; margin-top: 3px; transform: translateX(-50%%);
  white-space: nowrap; }
.geomap-tl-plot b { position: absolute; bottom: 0; min-width: 1px; width: %(w).4f%%; }
.geomap-tl-plot b:hover { outline: 1px solid #333; }
.geomap-tl-key span.sw { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px;
  vertical-align: -1px; }
%(colors)s
</style>"""


def _nice_max(v: float) -> int:
    """The smallest 1/2/5 x 10^k at or above v (a readable top for the count axis)."""
    if v <= 1:
        return 1
    k = 10 ** int(math.floor(math.log10(v)))
    return next(int(m * k) for m in (1, 2, 5, 10) if m * k >= v)


def _date_ticks(lo: pd.Timestamp, hi: pd.Timestamp, most: int = 10) -> list[pd.Timestamp]:
    """Round dates (month or year starts, or weeks for short spans) for the time axis, at most `most`."""
    for freq in ("W-MON", "MS", "QS", "YS"):
        ticks = list(pd.date_range(lo, hi, freq=freq))
        if len(ticks) <= most:
            return ticks or [lo]
    step = math.ceil(len(ticks) / most)
    return ticks[::step]


def timeline_html(tl: pd.DataFrame, height_px: int = 180) -> str:
    """Events per day stacked by event type (the output of `appstate.timeline`) as a light HTML bar chart.

    Why not st.bar_chart: its Vega renderer is the single most expensive thing on the map page in the browser
    (~1 s of main-thread work at 50,000 events, shared with the map's iframe). Plain positioned boxes cost a few
    milliseconds. Each day is one column of stacked segments; hovering shows its counts (the `title`). Type names
    are escaped: they come from the store.
    """
    if tl is None or tl.empty:
        return ""
    e = html.escape
    days = pd.to_datetime(tl.index)
    lo, hi = days.min().normalize(), days.max().normalize()
    n_days = (hi - lo).days + 1
    counts = tl.fillna(0).astype(int)
    totals = counts.sum(axis=1)
    top = _nice_max(float(totals.max()))
    types = [str(c) for c in counts.columns]
    cls = {t: f"t{EVENT_TYPES.index(t)}" if t in EVENT_TYPES else "tx" for t in types}
    colors = "".join(f".geomap-tl .t{i} {{ background: {EVENT_COLORS[t]}; }}" for i, t in enumerate(EVENT_TYPES))
    colors += f".geomap-tl .tx {{ background: {OTHER_COLOR}; }}"
    width = 100.0 / n_days
    parts = [TIMELINE_CSS % {"h": height_px, "colors": colors, "w": width},
             f'<div class="geomap-tl" data-days="{len(counts)}" data-max="{int(totals.max())}">',
             '<div class="geomap-tl-plot">']
    for frac in (0.5, 1.0):
        parts.append(f'<div class="g" style="bottom:{frac * 100:g}%"></div>'
                     f'<span class="y" style="bottom:{frac * 100:g}%;transform:translateY(50%)">'
                     f"{e(f'{top * frac:g}')}</span>")
    parts.append('<span class="y" style="bottom:0;transform:translateY(50%)">0</span>')
    color = {t: EVENT_COLORS.get(t, OTHER_COLOR) for t in types}
    for day, row, total in zip(days, counts.itertuples(index=False), totals, strict=True):
        if total <= 0:
            continue
        left = (day.normalize() - lo).days * width
        segs = [(t, int(c)) for t, c in zip(types, row, strict=True) if c > 0]
        tip = f"{day:%Y-%m-%d}: {total} — " + ", ".join(f"{t} {c}" for t, c in segs)
        # one box per day, its stack drawn as hard colour stops (7,000 nested boxes would cost the browser more)
        stops, acc = [], 0
        for t, c in segs:
            acc += c
            stops.append(f"{color[t]} 0 {acc / total * 100:.1f}%")
        parts.append(f'<b style="left:{left:.3f}%;height:{total / top * 100:.1f}%;background:linear-gradient('
                     f'0deg,{",".join(stops)})" title="{e(tip, quote=True)}"></b>')
    for tick in _date_ticks(lo, hi):
        left = ((tick - lo).days + 0.5) * width
        label = f"{tick:%Y-%m-%d}" if n_days <= 120 else f"{tick:%b %Y}"
        parts.append(f'<span class="x" style="left:{left:.3f}%">{e(label)}</span>')
    parts.append('</div><div class="geomap-tl-key">')
    for t in types:
        parts.append(f'<span class="sw {cls[t]}"></span>{e(t)} ({int(counts[t].sum())})')
    parts.append("</div></div>")
    return "".join(parts)


def legend_html(counts: dict[str, int] | None = None) -> str:
    """Colour legend of the ACLED event types (with counts when given)."""
    rows = []
    for t in EVENT_TYPES:
        n = f" ({counts.get(t, 0)})" if counts is not None else ""
        swatch = f'<span class="sw" style="background:{EVENT_COLORS[t]}"></span>'
        rows.append(f"<div>{swatch}{html.escape(t)}{n}</div>")
    return PANEL_CSS + '<div class="geomap-legend">' + "".join(rows) + "</div>"


def events_at_place(df: pd.DataFrame, event_id: str) -> tuple[dict | None, list[dict]]:
    """The clicked event and every event at the same place (same lat/lon) in `df`."""
    if df is None or df.empty or event_id is None:
        return None, []
    ids = df["event_id"].astype(str)
    hit = df[ids == str(event_id)]
    if hit.empty:
        return None, []
    rec = hit.iloc[0].to_dict()
    lat, lon = round(float(rec["lat"]), 5), round(float(rec["lon"]), 5)
    same = df[(df["lat"].round(5) == lat) & (df["lon"].round(5) == lon)]
    return rec, same.to_dict("records")


ARTICLE_CSS = """<style>
.geomap-article-text { white-space: pre-wrap; font-size: 15px; line-height: 1.55; }
.geomap-article-text mark { padding: 0 2px; border-radius: 3px; }
.geomap-article-text mark.geomap-role-event { background: #ffb3a7; }
.geomap-article-text mark.geomap-role-mention { background: #cfe3ff; }
.geomap-article-text mark.geomap-unresolved { background: #eee; }
.geomap-article-text a { color: inherit; text-decoration: none; }
.geomap-roles span { padding: 0 4px; margin-right: 8px; border-radius: 3px; font-size: 13px; }
</style>"""


def map_link(article_id: str, lat: object = None, lon: object = None) -> str:
    """URL of the map page showing one article's events, centred on a point when given."""
    from urllib.parse import urlencode

    params = {"articles": article_id}
    if lat is not None and lon is not None and not math.isnan(_num(lat, float("nan"))):
        params["focus"] = f"{_num(lat):.5f},{_num(lon):.5f}"
    return "/?" + urlencode(params)


def article_html(text: str, mentions: Iterable[dict], article_id: str = "") -> str:
    """The article text, escaped, with every place mention highlighted by role (event place vs mention) and
    linked to its point on the map page. Overlapping or out-of-range mentions are skipped, never mis-cut."""
    e = html.escape
    out: list[str] = []
    pos = 0
    for m in sorted(mentions, key=lambda m: (int(m.get("start", 0)), -int(m.get("end", 0)))):
        s, t = int(m.get("start", -1)), int(m.get("end", -1))
        if s < pos or t > len(text) or s >= t:
            continue
        out.append(e(text[pos:s]))
        role = "event" if m.get("role") == "event" else "mention"
        resolved = m.get("lat") is not None and m.get("name")
        label = (f"{m.get('name')} ({m.get('precision') or '?'}, {m.get('country_code') or '?'}) — {role}"
                 if resolved else "not resolved")
        cls = f"geomap-role-{role}" + ("" if resolved else " geomap-unresolved")
        mark = f'<mark class="{cls}" title="{e(label, quote=True)}">{e(text[s:t])}</mark>'
        if resolved:
            href = map_link(article_id, m.get("lat"), m.get("lon"))
            mark = f'<a href="{e(href, quote=True)}" target="_self">{mark}</a>'
        out.append(mark)
        pos = t
    out.append(e(text[pos:]))
    legend = ('<div class="geomap-roles"><span style="background:#ffb3a7">event place</span>'
              '<span style="background:#cfe3ff">mentioned place</span></div>')
    return ARTICLE_CSS + legend + '<div class="geomap-article-text">' + "".join(out) + "</div>"


def parse_focus(value: str | None) -> tuple[float, float] | None:
    """`lat,lon` from the URL's focus parameter, or None when absent or invalid."""
    if not value:
        return None
    try:
        lat, lon = (float(x) for x in str(value).split(","))
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon
