"""What the map page's Overlays section does with the store, as plain calls (geomap.ui_overlays draws the widgets).

Why apart: importing a file, listing, toggling and drawing overlays are testable on a real store without Streamlit.
A refused file or an unwritable store becomes one message naming the file; nothing is half stored.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from geomap.exceptions import InputError, StoreError
from geomap.mapview.overlays import DrawnOverlay, write_overlay_file
from geomap.mapview.serving import served_url
from geomap.overlays import PALETTE, read_overlay
from geomap.pagedata import open_store
from geomap.store import OverlayInfo

#: The file types the uploader offers (the reader also sniffs the content).
UPLOAD_TYPES = ["geojson", "json", "kml"]


def stored(path: Path) -> list[OverlayInfo]:
    """The stored overlays, oldest first (no geometry)."""
    with open_store(path) as store:
        return store.overlays()


def import_file(path: Path, filename: str, data: bytes, name: str = "") -> tuple[int | None, str]:
    """Read and store one uploaded overlay: (its id, a message), or (None, why it was refused)."""
    with open_store(path) as store:  # a damaged store raises StoreError: the page shows it
        try:
            color = PALETTE[len(store.overlays()) % len(PALETTE)]
            ov = read_overlay(filename, data, name=name.strip(), color=color)
            oid = store.add_overlay(ov)
        except InputError as exc:
            return None, f"Not added: {exc}"
        except sqlite3.Error as exc:  # read-only or locked: caught here, before open_store calls it damaged
            return None, f"Not added: {filename}: the store cannot be written ({exc})"
    return oid, f"Added overlay {ov.name!r} ({len(ov.features)} features)."


def change(path: Path, overlay_id: int, *, visible: bool | None = None, color: str | None = None,
           remove: bool = False) -> str | None:
    """Show/hide, recolour or remove a stored overlay; None when done, else a message."""
    with open_store(path) as store:
        try:
            if remove:
                store.remove_overlay(overlay_id)
            if visible is not None:
                store.set_overlay_visible(overlay_id, visible)
            if color is not None:
                store.set_overlay_color(overlay_id, color)
        except (InputError, sqlite3.Error) as exc:
            return f"Overlay {overlay_id} not changed: {exc}"
    return None


def drawn(path: Path, ids: tuple[int, ...], payload_dir: Path) -> tuple[list[DrawnOverlay], list[str]]:
    """The overlays `ids` ready for the map (their GeoJSON written to `payload_dir`), and a message for each one that
    cannot be drawn (a damaged stored text): the others are drawn all the same."""
    out: list[DrawnOverlay] = []
    problems: list[str] = []
    with open_store(path) as store:
        infos = {o.id: o for o in store.overlays()}
        for oid in ids:
            info = infos.get(oid)
            if info is None:
                continue
            try:
                name = write_overlay_file(store.overlay_geojson(oid), payload_dir)
            except StoreError as exc:
                problems.append(str(exc))
                continue
            out.append(DrawnOverlay(oid, info.name, info.color, served_url(payload_dir, name)))
    return out, problems
