"""Permalinks: the map page's URL carries the selected event (by its stable id) and every map option.

Why: an analyst shares a link to one event and the reader must see that event selected, on the same basemap, with
the same clustering and heat layer. Event ids in the URL are the store's stable `uid` (see store._V6), never a row
number, so a link survives corrections and re-ingest. Filters and dates ride as
geomap.filters.filters_to_query writes them; the map's view is `view=lat,lon,zoom` (parse_view, view_from_map).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

#: Basemap radio labels and their URL codes (the offline map is the default, left out of the URL). Carto is gone
#: (its tiles now need an API key): an old link's `basemap=carto` is an unknown code and opens the offline map.
BASEMAPS = {"Offline map": "", "OpenStreetMap (online)": "osm"}
CLUSTER_MODES = {"Auto": "", "On": "on", "Off": "off"}
#: The online basemaps' tile names for mapview.build_base_map (None: the offline borders only).
TILES = {"OpenStreetMap (online)": "OpenStreetMap"}
#: Cluster mode labels as mapview's `cluster` argument (None: decided by the number of markers).
CLUSTER_ON = {"Auto": None, "On": True, "Off": False}


def _one(params: Mapping[str, object], key: str) -> str:
    v = params.get(key)
    if isinstance(v, list):
        v = v[-1] if v else ""
    return str(v or "")


def options_from_query(params: Mapping[str, object]) -> dict[str, object]:
    """Widget values (session-state keys `basemap`, `cluster`, `heat`) from the URL; unknown values ignored."""
    out: dict[str, object] = {}
    by_code = {code: label for label, code in BASEMAPS.items() if code}
    if _one(params, "basemap") in by_code:
        out["basemap"] = by_code[_one(params, "basemap")]
    modes = {code: label for label, code in CLUSTER_MODES.items() if code}
    if _one(params, "cluster") in modes:
        out["cluster"] = modes[_one(params, "cluster")]
    if _one(params, "heat") == "1":
        out["heat"] = True
    shown = overlays_param(params)
    if shown is not None:
        out[OVERLAY_SEED] = shown
    return out


#: Session key of the overlays the URL shows (`ov=1,3`), read once by the Overlays section (geomap.ui_overlays).
OVERLAY_SEED = "ov_seed"


def overlays_param(params: Mapping[str, object]) -> tuple[int, ...] | None:
    """The overlay ids of the URL's `ov=1,3` (`ov=none`: none shown); None when the URL does not say."""
    v = _one(params, "ov").strip()
    if not v:
        return None
    return tuple(sorted({int(p) for p in v.split(",") if p.strip().isdigit() and len(p.strip()) <= 9}))


def overlays_to_query(visible: tuple[int, ...] | list[int], stored: bool) -> dict[str, str]:
    """`ov=` for the URL: the visible overlays' ids, `none` when all are hidden, nothing when none are stored."""
    if not stored:
        return {}
    return {"ov": ",".join(str(i) for i in sorted(visible)) or "none"}


def options_to_query(basemap: str, cluster: str, heat: bool) -> dict[str, str]:
    """The URL parameters for the map options (defaults left out, so the URL stays short)."""
    out = {"basemap": BASEMAPS.get(basemap, ""), "cluster": CLUSTER_MODES.get(cluster, ""), "heat": "1" if heat
           else ""}
    return {k: v for k, v in out.items() if v}


def event_param(params: Mapping[str, object]) -> str | None:
    """The URL's `event=` (a stable event id: a letter then hex digits), or None when absent or malformed."""
    v = _one(params, "event").strip()
    return v if 2 <= len(v) <= 40 and v.isalnum() else None


def row_of(df: pd.DataFrame, uid: str | None) -> dict | None:
    """The event with stable id `uid` among `df`'s rows (None when it is filtered out or unknown)."""
    if uid is None or df is None or df.empty or "uid" not in df.columns:
        return None
    hit = df[df["uid"] == uid]
    return hit.iloc[0].to_dict() if not hit.empty else None


def uid_of(df: pd.DataFrame, event_id: str | None) -> str | None:
    """The stable id of the event whose row id (what the map's markers carry) is `event_id`."""
    if event_id is None or df is None or df.empty or "uid" not in df.columns:
        return None
    hit = df[df["event_id"].astype(str) == str(event_id)]
    return str(hit["uid"].iloc[0]) if not hit.empty else None


def parse_view(value: object) -> tuple[tuple[float, float], int] | None:
    """((lat, lon), zoom) from the URL's `view=lat,lon,zoom`, or None when absent/invalid."""
    if not value or str(value).count(",") != 2:
        return None
    from geomap import mapview

    head, _, zoom_s = str(value).rpartition(",")
    point = mapview.parse_focus(head)  # the same lat,lon reading and range check as `focus=`
    try:
        zoom = float(zoom_s)
    except ValueError:
        return None
    if point is None or not 0 <= zoom <= 18:
        return None
    return point, int(round(zoom))


def view_from_map(out: Mapping | None) -> str | None:
    """`lat,lon,zoom` from st_folium's returned center/zoom, or None when the map has not reported one yet."""
    if not out:
        return None
    c, z = out.get("center"), out.get("zoom")
    if not isinstance(c, Mapping) or z is None:
        return None
    try:
        return f"{float(c['lat']):.4f},{float(c['lng']):.4f},{int(z)}"
    except (KeyError, TypeError, ValueError):
        return None


def map_entry_query(url: Mapping[str, object], last_map: Mapping[str, object], shared: Mapping[str, object]
                    ) -> dict[str, object]:
    """The map page's starting query when the user opens it: the URL's own parameters, else the map's options, view
    and selection from its last run; its filters from the URL, else from the page the user comes from."""
    from geomap.filters import URL_KEYS, carried

    kept = {k: v for k, v in last_map.items() if k not in URL_KEYS and k not in url}
    return carried({**kept, **url}, shared)


def map_query(filters_query: Mapping[str, str], *, focus: tuple[float, float] | None, view: str | None,
              options: Mapping[str, str], event: str | None) -> dict[str, str]:
    """The map page's whole URL: its filters, the focus point, the view, the map options and the selected event."""
    return {**filters_query,
            **({"focus": f"{focus[0]:.5f},{focus[1]:.5f}"} if focus else {}),
            **({"view": view} if view else {}),
            **options,
            **({"event": event} if event else {})}
