"""Offline context at every zoom: first-level borders and names, coast, lakes, rivers, town labels (static/context.js).

Why a layer of its own: the country fill alone leaves the Donbas at zoom 9 a flat patch with unlabelled dots. The
files (data/layers/, built by scripts/build_context_layers.py) are ~12 MB, so the browser fetches them only once the
map is zoomed in to CONTEXT_MIN_ZOOM, after the events are drawn, and draws them on a canvas under the events.
With online tiles switched on they stay unloaded unless the tiles fail, and then they stand in for them.
"""

from __future__ import annotations

from branca.element import MacroElement

from geomap.mapview.assets import CONTEXT_URL
from geomap.mapview.templating import template

#: Below this zoom the layers are neither fetched nor drawn (a world view needs none of them).
CONTEXT_MIN_ZOOM = 5
#: At most this many town labels at once, largest towns first.
LABEL_CAP = 150
#: At most this many first-level region names at once (from the gazetteer's region points, mapview.regions).
REGION_CAP = 30
#: Towns this large are labelled before the region names (a region's point is often its capital's).
BIG_CITY = 500_000
#: (zoom, smallest population labelled from that zoom on): denser as you zoom in.
LABEL_MIN_POP = ((5, 500_000), (6, 150_000), (7, 40_000), (8, 15_000), (9, 0))


class ContextLayers(MacroElement):
    """Calls `geomap.context` (static/context.js) for its map; `online`: tiles are on, load only if they fail."""

    _template = template("context_layers.js")

    def __init__(self, *, online: bool = False, url: str = CONTEXT_URL):
        super().__init__()
        self._name = "ContextLayers"
        self.online, self.url = bool(online), url

    @property
    def config(self) -> dict:
        """What context.js needs: where the files are, from which zoom, how many labels and how dense."""
        return {"url": self.url, "online": self.online, "minZoom": CONTEXT_MIN_ZOOM, "labelCap": LABEL_CAP,
                "regionCap": REGION_CAP, "bigCity": BIG_CITY, "minPop": [list(p) for p in LABEL_MIN_POP]}
