"""The map's static assets (served by Streamlit from ./static), and the old import path of the pages' helpers.

The helpers that lived here moved to modules named for what they hold: geomap.filters (filters, options, URL form),
geomap.pagedata (store access and queries), geomap.uploads (the Articles page's ingest), geomap.placeedit (the
Gazetteer page), geomap.permalink (map view in the URL), geomap.playback (Play), geomap.timeline, and geomap.ui
(everything that imports Streamlit). Their old names still resolve here, lazily, so code written against
`geomap.appstate` keeps working without importing Streamlit for a plain name.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from geomap import config

APP_DIR = config.ROOT
STATIC_DIR = APP_DIR / "static"
#: Event payloads for the map (large filtered sets are fetched by the browser from here; served by mapview.serving).
PAYLOAD_DIR = config.MAP_PAYLOAD_DIR


def prepare_static(static_dir: Path = STATIC_DIR) -> bool:
    """Copy the vendor assets the map needs into static/vendor/; True when country borders can be drawn."""
    from geomap import mapview

    try:
        mapview.ensure_static_assets(static_dir)
    except OSError:  # a read-only install: `make prepare` (or the packager) copied them already, or the map says so
        pass
    return mapview.countries_available(static_dir)


#: old name -> (module, name there)
_MOVED = {
    **{n: ("geomap.filters", n) for n in (
        "Filters", "Choices", "NONE", "FILTER_LABELS", "ARTICLE_OPTIONS", "choices", "type_counts",
        "article_options", "filters_from_query", "filters_to_query", "score_param", "default_min_score",
        "date_pair")},
    "_LIST_KEYS": ("geomap.filters", "LIST_KEYS"),
    **{n: ("geomap.pagedata", n) for n in (
        "db_path", "store_version", "sample_paths", "ingest_items", "first_start_ingest", "Progress")},
    **{n: ("geomap.uploads", n) for n in ("FileResult", "NAME_MAX_BYTES", "results_frame", "ingest_uploads")},
    **{n: ("geomap.placeedit", n) for n in ("place_search",)},
    **{n: ("geomap.permalink", n) for n in ("parse_view", "view_from_map")},
    **{n: ("geomap.playback", n) for n in ("STEPS", "window_at", "next_window")},
    "timeline": ("geomap.timeline", "per_day"),
    **{n: ("geomap.ui", n) for n in (
        "events", "date_span", "choices_for", "articles", "bounds_for", "play_intervals", "filter_widgets",
        "needs_first_ingest", "ingest_pasted", "article_with_mentions", "export_text", "name_usage",
        "save_override", "_layer_ref")},
}


def __getattr__(name: str) -> object:
    """An old name, from the module it moved to (imported on first use)."""
    if name not in _MOVED:
        raise AttributeError(f"module 'geomap.appstate' has no attribute {name!r}")
    module, attr = _MOVED[name]
    return getattr(importlib.import_module(module), attr)


def event_layer_for(path: Path, filters: object, *, cluster: bool | None, heat: bool,
                    payload_dir: Path = PAYLOAD_DIR, selected: str | None = None) -> object:
    """The map's event layer (geomap.ui.event_layer_for), with this module's payload folder as the default."""
    from geomap import ui

    return ui.event_layer_for(path, filters, cluster=cluster, heat=heat, payload_dir=payload_dir, selected=selected)
