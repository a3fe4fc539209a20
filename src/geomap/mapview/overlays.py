"""The user's overlays on the map: one FeatureGroup, drawn by `geomap.overlayLayer` (static/map.js) in its own pane
under the events.

Why files and not inline GeoJSON: a district plan can be megabytes, and streamlit-folium rewrites the whole map script
on every run; each overlay's GeoJSON is written once per content into the payload folder and fetched by URL.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import folium
from branca.element import MacroElement

from geomap.mapview.templating import template

#: Overlay files kept in the payload folder (the least recently used beyond this are deleted).
KEEP_OVERLAY_FILES = 64


class DrawnOverlay(NamedTuple):
    """What map.js needs to draw one overlay: its id, name (untrusted: put in with textContent), colour and URL."""

    id: int
    name: str
    color: str
    url: str


def write_overlay_file(collection: dict, folder: str | Path) -> str:
    """Write an overlay's FeatureCollection as `ov-<sha1>.geojson` under `folder` (once per content); its name."""
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    name = "ov-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:20] + ".geojson"
    folder = Path(folder)
    target = folder / name
    if target.is_file():
        target.touch()
        return name
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
    for old in sorted(folder.glob("ov-*.geojson"), key=lambda p: p.stat().st_mtime)[:-KEEP_OVERLAY_FILES]:
        old.unlink(missing_ok=True)
    return name


class OverlayLayer(MacroElement):
    """The visible overlays of one map (see the module's docstring)."""

    _template = template("overlay_layer.js")

    def __init__(self, overlays: Sequence[DrawnOverlay]):
        super().__init__()
        self._name = "OverlayLayer"
        self.config = {"overlays": [o._asdict() for o in overlays]}


def overlay_layer(overlays: Sequence[DrawnOverlay]) -> folium.FeatureGroup:
    """A FeatureGroup for `st_folium(feature_group_to_add=[events, this])`: swapped without reloading the map."""
    fg = folium.FeatureGroup(name="Overlays", control=False)
    OverlayLayer(overlays).add_to(fg)
    return fg
