"""The folium map and its layers: an offline base map and one event layer drawn by geomap's own JS.

Why not plain `folium.Marker` objects: thousands of folium objects cost seconds of Python and megabytes of
generated JS. `EventLayer` sends the events once as compact rows (see payload.py) and `geomap.eventLayer` in
static/map.js builds the Leaflet layers in one loop (clustered by static/cluster.js when there are many), inside a
`FeatureGroup` that `st_folium(feature_group_to_add=...)` swaps without reloading the map.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from pathlib import Path

import folium
import pandas as pd
from branca.element import MacroElement

from geomap.mapview.assets import COUNTRIES_URL, CSS_ASSETS, JS_ASSETS
from geomap.mapview.context import ContextLayers
from geomap.mapview.palette import OTHER_COLOR, type_colors
from geomap.mapview.payload import COLUMN_INDEX, INLINE_MAX_ROWS, event_payload, point_count, radius_m, write_payload
from geomap.mapview.serving import served_url
from geomap.mapview.templating import template
from geomap.models import EVENT_TYPES, PRECISIONS

#: Above this many point events, points are clustered unless the caller says otherwise.
CLUSTER_THRESHOLD = 1500

#: Opt-in online basemaps (only when the user switches them on; they need the internet).
#: (Carto was dropped: folium's Carto tiles now need an API key.)
ONLINE_TILES = {
    "OpenStreetMap": ("OpenStreetMap", None),
}

#: What the map page asks `st_folium` to return (the clicked marker's tooltip carries its event id; the view goes
#: into the URL). `build_base_map(returned=...)` seeds the same keys (see ViewSeed).
RETURNED_OBJECTS = ["last_object_clicked_tooltip", "center", "zoom"]
# streamlit-folium builds its returned value with the keys in this order (index.tsx, `_data`)
_ST_FOLIUM_KEY_ORDER = ("last_clicked", "last_object_clicked", "last_object_clicked_count",
                        "last_object_clicked_tooltip", "last_object_clicked_popup", "all_drawings",
                        "last_active_drawing", "last_geocoder_result", "bounds", "zoom", "last_circle_radius",
                        "last_circle_polygon", "center", "selected_layers", "selected_tags")


class OfflineMap(folium.Map):
    """A `folium.Map` that loads Leaflet & co. from this app's own server (no bootstrap / font-awesome)."""

    default_js = JS_ASSETS
    default_css = CSS_ASSETS


class CountryBorders(MacroElement):
    """Offline basemap: Natural Earth country polygons fetched from the app's static folder (`geomap.borders`)."""

    _template = template("country_borders.js")

    def __init__(self, url: str = COUNTRIES_URL, fill_opacity: float = 1.0):
        super().__init__()
        self._name = "CountryBorders"
        self.url = url
        self.fill_opacity = float(fill_opacity)


class ViewSeed(MacroElement):
    """Tells streamlit-folium that the map's start view is already known to Python (`geomap.seedView`).

    Why: on load streamlit-folium compares the map's view with its Python-side default (which has no `center`)
    and, as they always differ, reports it at once: a second full run of the page while the browser is still
    downloading and drawing 50,000 events, and a URL that changes on its own. The view the page starts with is
    the one Python chose, so the report says nothing new; seeding `previous_data` with it skips it. Moving the map
    still reports as before. If a streamlit-folium update changes these internals, the only effect is that
    extra run again.
    """

    _template = template("view_seed.js")

    def __init__(self) -> None:
        super().__init__()
        self._name = "ViewSeed"
        self.keys = list(_ST_FOLIUM_KEY_ORDER)


def _fit(m: folium.Map, bounds: Sequence[Sequence[float]]) -> None:
    """Frame `bounds` (at least a degree each way, at most zoom 9) without animation."""
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


def build_base_map(
    bounds: Sequence[Sequence[float]] | None = None,
    *,
    borders: bool = True,
    tiles: str | None = None,
    view: tuple[Sequence[float], int] | None = None,
    seed_view: bool = True,
    context: bool = False,
) -> folium.Map:
    """The map without events: offline borders, optional online tiles, a view over `bounds`.

    `context`: the offline context layers (mapview.context), loaded when zoomed in, or when online tiles fail.

    Kept free of the events on purpose: `st_folium` reloads the whole iframe when this part changes, and only
    swaps the event layer when just the `feature_group_to_add` changes. `seed_view`: see ViewSeed.
    """
    m = OfflineMap(location=[30, 20], zoom_start=2, tiles=None, control_scale=True, prefer_canvas=False,
                   world_copy_jump=False)
    # Leaflet takes maxZoom from a tile layer; without one, zooming to a cluster has no upper bound
    m.options.update(maxZoom=18, minZoom=1)
    if tiles:
        name, _ = ONLINE_TILES.get(tiles, (tiles, None))
        folium.TileLayer(name).add_to(m)
    if borders:
        CountryBorders(fill_opacity=0.0 if tiles else 1.0).add_to(m)
    if context:
        ContextLayers(online=bool(tiles)).add_to(m)
    if view is not None:  # a view from the URL wins over the data's frame (no fitBounds racing it)
        m.location = [float(view[0][0]), float(view[0][1])]
        m.options["zoom"] = int(view[1])
    elif bounds is not None:
        _fit(m, bounds)
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


class EventLayer(MacroElement):
    """All events of one DataFrame as Leaflet layers built by `geomap.eventLayer` (static/map.js).

    Small sets are inlined in the script; large ones are fetched by URL from a JSON file the app serves, so
    neither Python (streamlit-folium regex-rewrites the whole script) nor the websocket carries megabytes.
    """

    _template = template("event_layer.js")

    def __init__(self, rows: list[list] | None = None, *, url: str | None = None, cluster: bool,
                 heat: bool = False, selected: str | None = None):
        super().__init__()
        self._name = "EventLayer"
        self.rows, self.url, self.cluster, self.heat = rows or [], url, cluster, heat
        self.selected = selected  # an event id to select once drawn (a permalink)

    @property
    def config(self) -> dict:
        """What map.js needs besides the rows: the column map, the code tables and the switches."""
        return {"columns": COLUMN_INDEX, "types": list(EVENT_TYPES), "colors": type_colors(),
                "precs": list(PRECISIONS), "other": OTHER_COLOR, "cluster": bool(self.cluster),
                "heat": bool(self.heat), "countries": COUNTRIES_URL, "url": self.url,
                "selected": str(self.selected) if self.selected is not None else None}


class StoreFollow(MacroElement):
    """The map's look at the store's counts file for new events (`geomap.followStore`, see geomap.follow)."""

    _template = template("store_follow.js")

    def __init__(self, url: str, counts: str, every_s: float):
        super().__init__()
        self._name = "StoreFollow"
        self.config = {"url": url, "counts": counts, "every_ms": round(every_s * 1000)}


def layer_from_payload(rows: list[list] | None = None, *, url: str | None = None, cluster: bool,
                       heat: bool = False, selected: str | None = None,
                       follow: StoreFollow | None = None) -> folium.FeatureGroup:
    """An event FeatureGroup from an already built payload: inline `rows`, or `url` of a written payload file;
    `selected`: an event id to select once drawn; `follow`: the store look, swapped in with the events."""
    fg = folium.FeatureGroup(name="Events", control=False)
    EventLayer(None if url else rows, url=url, cluster=cluster, heat=heat, selected=selected).add_to(fg)
    if follow is not None:
        follow.add_to(fg)
    return fg


def event_layer(
    df: pd.DataFrame, *, cluster: bool | None = None, heat: bool = False, with_sentences: bool | None = None,
    payload_dir: str | Path | None = None, payload_url: str | None = None,
) -> folium.FeatureGroup:
    """The events as one FeatureGroup for `st_folium(feature_group_to_add=...)` (or `.add_to(map)`).

    `cluster=None` clusters when there are more than CLUSTER_THRESHOLD point events. With `payload_dir`, more than
    INLINE_MAX_ROWS events are written there and fetched by the browser from `payload_url`, by default the URL
    serving.served_url gives the folder.
    """
    rows = event_payload(df, with_sentences=with_sentences)
    if cluster is None:
        cluster = point_count(rows) > CLUSTER_THRESHOLD
    if payload_dir is not None and len(rows) > INLINE_MAX_ROWS:
        name = write_payload(rows, payload_dir)
        url = f"{payload_url}/{name}" if payload_url else served_url(payload_dir, name)
        return layer_from_payload(url=url, cluster=cluster, heat=heat)
    return layer_from_payload(rows, cluster=cluster, heat=heat)


def candidates_map(cands: pd.DataFrame, *, borders: bool = True) -> folium.Map:
    """Gazetteer candidates on a small offline map, numbered as in the table (tooltips escaped)."""
    m = build_base_map(frame_bounds(cands) if cands is not None and not cands.empty else None, borders=borders)
    if cands is None or cands.empty:
        return m
    for i, r in enumerate(cands.itertuples(index=False), 1):
        kind = str(r.kind)
        color = "#d62728" if i == 1 else "#1f77b4"
        tip = folium.Tooltip(html.escape(f"{i}. {getattr(r, 'tip', r.label)}"), permanent=i <= 3)
        km = radius_m(kind, r.radius_km)
        if km > 0:
            folium.Circle([r.lat, r.lon], radius=km, color=color, weight=1, fill=True, fill_opacity=0.1,
                          class_name="geomap-candidate-area").add_to(m)
        folium.CircleMarker([r.lat, r.lon], radius=7, color="#fff", weight=1, fill=True, fill_color=color,
                            fill_opacity=0.9, tooltip=tip, class_name="geomap-candidate").add_to(m)
    return m
