"""The map view: events on an offline Folium map, and the HTML beside it (DESIGN §6).

* `assets`     Leaflet & co. and geomap's own map.js/map.css copied into ./static and served by the app (offline)
* `payload`    the events as compact rows; COLUMNS is the one column list Python and map.js share
* `layers`     the folium map: offline base map, country borders, the event layer (drawn by static/map.js)
* `context`    borders, coast, lakes, rivers and town labels when zoomed in (drawn by static/context.js)
* `panels`     the side panel's event cards, the legend, the summary tables and the marked-up article (Jinja2
                 templates)
* `timeline`   the events-per-day chart under the map
* `serving`    the large payload files served from the user's cache folder (not the checkout)
* `links`      URLs, the clicked marker's event id, Markdown-safe text
* `templating` the one autoescaping Jinja2 environment over templates/

Article text is untrusted: the map's JS puts it into the page with textContent only, and every HTML template is
autoescaped. This package re-exports the names the app, the pages and the CLI use.
"""

from geomap.mapview.assets import (
    BUNDLE,
    CONTEXT_DIR,
    CONTEXT_FILES,
    COUNTRIES_GEOJSON,
    CSS_ASSETS,
    JS_ASSETS,
    STATIC_URL,
    VENDOR_JS,
    VENDOR_URL,
    context_available,
    countries_available,
    ensure_static_assets,
)
from geomap.mapview.context import CONTEXT_MIN_ZOOM, LABEL_CAP, LABEL_MIN_POP, ContextLayers
from geomap.mapview.layers import (
    CLUSTER_THRESHOLD,
    ONLINE_TILES,
    RETURNED_OBJECTS,
    CountryBorders,
    EventLayer,
    OfflineMap,
    StoreFollow,
    ViewSeed,
    build_base_map,
    candidates_map,
    event_layer,
    frame_bounds,
    layer_from_payload,
)
from geomap.mapview.links import clicked_event_id, map_link, md_escape, parse_focus
from geomap.mapview.palette import EVENT_COLORS, OTHER_COLOR
from geomap.mapview.panels import (
    article_html,
    event_card_html,
    events_at_place,
    highlight_html,
    legend_html,
    panel_html,
    summary_html,
)
from geomap.mapview.payload import (
    AREA_PRECISIONS,
    COLUMN_INDEX,
    COLUMNS,
    DEFAULT_RADIUS_KM,
    INLINE_MAX_ROWS,
    KEEP_PAYLOADS,
    POPUP_SENTENCE_LIMIT,
    columnar_payload,
    event_payload,
    point_count,
    radius_m,
    rows_from_columns,
    write_payload,
)
from geomap.mapview.serving import PAYLOAD_DIR, served_url
from geomap.mapview.templating import safe_json
from geomap.mapview.timeline import timeline_html

#: The payload's column names in order (the name the rest of geomap has used).
PAYLOAD_FIELDS = COLUMNS

__all__ = [
    "AREA_PRECISIONS", "BUNDLE", "CLUSTER_THRESHOLD", "COLUMNS", "COLUMN_INDEX", "CONTEXT_DIR", "CONTEXT_FILES",
    "CONTEXT_MIN_ZOOM", "COUNTRIES_GEOJSON", "CSS_ASSETS", "LABEL_CAP", "LABEL_MIN_POP", "ContextLayers",
    "context_available",
    "DEFAULT_RADIUS_KM", "EVENT_COLORS", "INLINE_MAX_ROWS", "JS_ASSETS", "KEEP_PAYLOADS", "ONLINE_TILES",
    "OTHER_COLOR", "PAYLOAD_DIR", "PAYLOAD_FIELDS", "POPUP_SENTENCE_LIMIT", "RETURNED_OBJECTS", "STATIC_URL",
    "VENDOR_JS", "VENDOR_URL", "CountryBorders", "EventLayer", "OfflineMap", "StoreFollow", "ViewSeed", "article_html",
    "build_base_map", "candidates_map", "clicked_event_id", "columnar_payload", "countries_available",
    "ensure_static_assets", "event_card_html", "event_layer", "event_payload", "events_at_place", "frame_bounds",
    "highlight_html", "layer_from_payload", "legend_html", "map_link", "md_escape", "panel_html", "parse_focus",
    "point_count", "radius_m", "rows_from_columns", "safe_json", "served_url", "summary_html", "timeline_html",
    "write_payload",
]
