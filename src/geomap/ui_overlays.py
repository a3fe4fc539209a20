"""The map page's Overlays section: Streamlit widgets over geomap.overlaysapp.

Part of geomap.ui's Streamlit edge (the page reaches it only through `ui.overlay_section` and
`ui.overlay_layer_for`); a module of its own so that ui.py stays under the house's 500 lines.
Overlay names are untrusted: widget labels render Markdown, so they go through md_escape.
"""

from __future__ import annotations

from pathlib import Path

import folium
import streamlit as st

from geomap import overlaysapp, pagedata, permalink
from geomap.exceptions import StoreError
from geomap.mapview.links import md_escape
from geomap.mapview.overlays import DrawnOverlay, overlay_layer

_MSG = "ov_msg"


def overlay_section(path: Path) -> tuple[tuple[int, ...], dict[str, str]]:
    """Draw the Overlays section (in the current container): import a file, then each stored overlay with show/hide,
    colour and remove. Returns the visible overlays' ids and their URL parameter (`ov=`)."""
    _import_form(path)
    infos = overlaysapp.stored(path)
    visible, query = overlay_choice(path, infos)
    for o in infos:
        show, color = f"ov_show_{o.id}", f"ov_color_{o.id}"
        st.checkbox(md_escape(o.name), key=show, on_change=_changed, args=(path, o.id, show, "visible"))
        c_color, c_rm, c_about = st.columns([2, 2, 5], vertical_alignment="center")
        c_color.color_picker("Colour", key=color, label_visibility="collapsed",
                             on_change=_changed, args=(path, o.id, color, "color"))
        c_rm.button("", icon=":material/delete:", key=f"ov_rm_{o.id}", help="Remove this overlay from the store",
                    on_click=_changed, args=(path, o.id, None, "remove"))
        c_about.caption(md_escape(f"#{o.id} · {o.n_features} features · {o.source_file or 'imported'}"))
    if not infos:
        st.caption("No overlays yet: add a GeoJSON or KML file (a front line, areas of control, a district plan).")
    if st.session_state.get(_MSG):
        st.warning(md_escape(st.session_state.pop(_MSG)))
    return visible, query


def overlay_choice(path: Path, infos: list | None = None) -> tuple[tuple[int, ...], dict[str, str]]:
    """The visible overlays' ids and their URL parameter, from the widgets' state (seeded from the URL's `ov=` once
    per page entry, else from the store): what `overlay_section` returns, also before its widgets are drawn."""
    infos = overlaysapp.stored(path) if infos is None else infos
    seed = st.session_state.pop(permalink.OVERLAY_SEED, None)
    for o in infos:
        show = f"ov_show_{o.id}"
        if seed is not None:
            st.session_state[show] = o.id in seed
        st.session_state.setdefault(show, o.visible)
        st.session_state.setdefault(f"ov_color_{o.id}", o.color)
    visible = tuple(o.id for o in infos if st.session_state.get(f"ov_show_{o.id}"))
    return visible, permalink.overlays_to_query(visible, bool(infos))


def _import_form(path: Path) -> None:
    with st.form("ov_add", clear_on_submit=True, border=False):
        f = st.file_uploader("Add an overlay (GeoJSON or KML)", type=overlaysapp.UPLOAD_TYPES, key="ov_file")
        name = st.text_input("Overlay name", key="ov_name", placeholder="default: the file name", max_chars=80)
        if st.form_submit_button("Add overlay"):
            if f is None:
                st.warning("Choose a GeoJSON or KML file first (wait until its name shows under the box).")
                return
            oid, message = overlaysapp.import_file(path, f.name, f.getvalue(), name)
            (st.success if oid is not None else st.error)(md_escape(message))


def _changed(path: Path, overlay_id: int, key: str | None, what: str) -> None:
    """A widget of one overlay changed: keep the change in the store (a failure is shown, never raised)."""
    value = st.session_state.get(key) if key else None
    try:
        msg = overlaysapp.change(path, overlay_id, visible=bool(value) if what == "visible" else None,
                                 color=value if what == "color" else None, remove=what == "remove")
    except StoreError as exc:
        msg = f"Cannot read the event store. {exc}"
    if msg:
        st.session_state[_MSG] = msg


@st.cache_data(show_spinner=False, max_entries=16)
def _drawn(path: str, version: tuple, ids: tuple[int, ...], payload_dir: str) -> tuple[list[DrawnOverlay], list[str]]:
    return overlaysapp.drawn(Path(path), ids, Path(payload_dir))


def overlay_layer_for(path: Path, ids: tuple[int, ...], payload_dir: Path) -> folium.FeatureGroup:
    """The visible overlays as one FeatureGroup for the map (built once per store version and choice); an overlay
    that cannot be drawn is named in a warning and the others are drawn."""
    items, problems = _drawn(str(path), pagedata.store_version(path), tuple(ids), str(payload_dir))
    if any(not (Path(payload_dir) / i.url.rsplit("/", 1)[-1]).is_file() for i in items):  # pruned meanwhile
        _drawn.clear()
        items, problems = _drawn(str(path), pagedata.store_version(path), tuple(ids), str(payload_dir))
    for p in problems:
        st.warning(md_escape(f"Overlay not drawn: {p}"))
    return overlay_layer(items)
