"""The map's JavaScript and CSS, served by the app itself (DESIGN §6: nothing may leave 127.0.0.1).

Folium points every class at CDNs. `ensure_static_assets` copies Leaflet, MarkerCluster's cluster-icon CSS
(from the xstatic packages; geomap clusters with its own `static/cluster.js`), folium's heat-map plugin and geomap's
own scripts into `static/vendor/`, which Streamlit serves at `/app/static/vendor/`, and joins the scripts into one
bundle that the maps load.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import folium

from geomap.config import DATA_DIR, GAZETTEER_CSV
from geomap.mapview.regions import region_json

#: Where Streamlit serves `<app dir>/static/` (server.enableStaticServing).
STATIC_URL = "/app/static"
VENDOR_URL = f"{STATIC_URL}/vendor"
COUNTRIES_GEOJSON = DATA_DIR / "countries.geojson"
COUNTRIES_URL = f"{VENDOR_URL}/countries.geojson"
#: The offline context layers (scripts/build_context_layers.py): borders, coast, lakes, rivers and place labels.
CONTEXT_DIR = DATA_DIR / "layers"
CONTEXT_FILES = ("admin1.geojson", "coast.geojson", "lakes.geojson", "rivers.geojson", "places.json")
CONTEXT_URL = f"{VENDOR_URL}/layers"
#: geomap's own map code and styles, shipped in the package.
PACKAGE_STATIC = Path(__file__).parent / "static"

# Vendor files: (package whose data dir holds the file, file inside it, path under static/vendor/).
_VENDOR_FILES: list[tuple[str, str, str]] = [
    ("leaflet", "leaflet.js", "leaflet/leaflet.js"),
    ("leaflet", "leaflet.css", "leaflet/leaflet.css"),
    ("leaflet", "images/layers.png", "leaflet/images/layers.png"),
    ("leaflet", "images/layers-2x.png", "leaflet/images/layers-2x.png"),
    ("leaflet", "images/marker-icon.png", "leaflet/images/marker-icon.png"),
    ("leaflet", "images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
    ("leaflet", "images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
    ("markercluster", "MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"),
    ("folium", "leaflet_heat.min.js", "heat/leaflet_heat.min.js"),
    ("geomap", "cluster.js", "geomap/cluster.js"),
    ("geomap", "map.js", "geomap/map.js"),
    ("geomap", "map.css", "geomap/map.css"),
    ("geomap", "context.js", "geomap/context.js"),
]

#: The map's scripts, in load order. streamlit-folium loads them one after the other (each waits for the one
#: before), so `ensure_static_assets` also joins them into one file, BUNDLE, which is what the maps load.
VENDOR_JS = ["leaflet/leaflet.js", "heat/leaflet_heat.min.js", "geomap/cluster.js", "geomap/map.js",
             "geomap/context.js"]
BUNDLE = "geomap-vendor.js"
JS_ASSETS = [("geomap-vendor", f"{VENDOR_URL}/{BUNDLE}")]
CSS_ASSETS = [
    ("leaflet_css", f"{VENDOR_URL}/leaflet/leaflet.css"),
    ("markercluster_default_css", f"{VENDOR_URL}/markercluster/MarkerCluster.Default.css"),
    ("geomap_css", f"{VENDOR_URL}/geomap/map.css"),
]


def _package_dir(name: str) -> Path:
    """The data directory of the package that ships a vendor file."""
    if name == "leaflet":
        import xstatic.pkg.leaflet as pkg
    elif name == "markercluster":
        import xstatic.pkg.leaflet_markercluster as pkg
    elif name == "folium":
        return Path(folium.__file__).parent / "templates"
    elif name == "geomap":
        return PACKAGE_STATIC
    else:  # pragma: no cover - programming error
        raise ValueError(name)
    return Path(pkg.BASE_DIR)


def _replace(dst: Path, write: Callable[[Path], object]) -> None:
    """Write through a temporary file then rename: a server running meanwhile never serves half a file."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, dst)


def _fresh(src: Path, dst: Path) -> bool:
    """True when `dst` is a current copy of `src` (same size, not older)."""
    if not dst.is_file():
        return False
    s, d = src.stat(), dst.stat()
    return s.st_size == d.st_size and d.st_mtime >= s.st_mtime


def ensure_static_assets(static_dir: str | Path, countries: str | Path | None = None,
                         context: str | Path | None = None) -> list[Path]:
    """Copy vendor JS/CSS (and the countries GeoJSON and context layers when present) into `static_dir/vendor/`.

    Idempotent and cheap when nothing changed (size + mtime check), so the app calls it on every start.
    Returns the files written.
    """
    vendor = Path(static_dir) / "vendor"
    written: list[Path] = []
    pairs = [(_package_dir(pkg) / src, vendor / dst) for pkg, src, dst in _VENDOR_FILES]
    cpath = Path(countries) if countries is not None else COUNTRIES_GEOJSON
    if cpath.is_file():
        pairs.append((cpath, vendor / "countries.geojson"))
    layers = Path(context) if context is not None else CONTEXT_DIR
    pairs += [(layers / f, vendor / "layers" / f) for f in CONTEXT_FILES if (layers / f).is_file()]
    for src, dst in pairs:
        if not _fresh(src, dst):
            _replace(dst, lambda tmp, src=src: shutil.copy2(src, tmp))
            written.append(dst)
    regions = vendor / "layers" / "regions.json"
    if GAZETTEER_CSV.is_file() and (not regions.is_file() or regions.stat().st_mtime < GAZETTEER_CSV.stat().st_mtime):
        text = region_json(GAZETTEER_CSV)
        _replace(regions, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        written.append(regions)
    bundle = vendor / BUNDLE
    parts = [vendor / f for f in VENDOR_JS]
    head = f"/* {BUNDLE}: {' '.join(VENDOR_JS)} */\n"  # a changed list of scripts rebuilds it too
    if (not bundle.is_file() or bundle.stat().st_mtime < max(p.stat().st_mtime for p in parts)
            or not _starts_with(bundle, head)):
        # one request instead of five sequential ones; each file's own licence comment stays in it
        text = head + "".join(f"\n/* ---- {f} ---- */\n" + (vendor / f).read_text(encoding="utf-8") + "\n;\n"
                              for f in VENDOR_JS)
        _replace(bundle, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        written.append(bundle)
    return written


def _starts_with(path: Path, head: str) -> bool:
    with path.open(encoding="utf-8", errors="replace") as f:
        return f.read(len(head)) == head


def countries_available(static_dir: str | Path) -> bool:
    """True when the offline country layer can be served."""
    return (Path(static_dir) / "vendor" / "countries.geojson").is_file()


def context_available(static_dir: str | Path) -> bool:
    """True when every offline context layer can be served (else the map draws only country borders)."""
    return all((Path(static_dir) / "vendor" / "layers" / f).is_file() for f in CONTEXT_FILES)
