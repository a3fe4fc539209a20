"""The user's overlays in the store (schema v7): each one a named, coloured, checked GeoJSON layer.

Why in the store: an overlay is part of the analyst's picture of the data (a front line, areas of control) and must
survive a restart and travel with the store file. Listing never reads the geometry, which can be megabytes.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import NamedTuple

from geomap.exceptions import StoreError
from geomap.overlays import Overlay, check_color
from geomap.store.connection import transaction


class OverlayInfo(NamedTuple):
    """One stored overlay without its geometry."""

    id: int
    name: str
    color: str
    visible: bool
    source_file: str
    n_features: int
    created_at: str


class Overlays:
    """The store's overlay methods (mixed into `Store`, which provides `conn`)."""

    conn: sqlite3.Connection

    def add_overlay(self, overlay: Overlay) -> int:
        """Store a checked overlay (geomap.overlays.read_overlay); its new id."""
        text = json.dumps(overlay.collection(), ensure_ascii=False, separators=(",", ":"))
        with transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO overlays (name, color, visible, geojson, source_file, n_features, created_at) "
                "VALUES (?,?,?,?,?,?,?)",
                (overlay.name, check_color(overlay.color), int(bool(overlay.visible)), text, overlay.source,
                 len(overlay.features), datetime.now(UTC).isoformat(timespec="seconds")))
        assert cur.lastrowid is not None
        return cur.lastrowid

    def overlays(self) -> list[OverlayInfo]:
        """Every stored overlay, oldest first, without the geometry."""
        rows = self.conn.execute("SELECT id, name, color, visible, source_file, n_features, created_at "
                                 "FROM overlays ORDER BY id").fetchall()
        return [OverlayInfo(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6]) for r in rows]

    def overlay_geojson(self, overlay_id: int) -> dict:
        """The overlay's FeatureCollection; StoreError naming it when it is missing or its text was damaged."""
        row = self.conn.execute("SELECT name, geojson FROM overlays WHERE id = ?", (int(overlay_id),)).fetchone()
        if row is None:
            raise StoreError(f"no stored overlay {overlay_id} (see `geomap overlays list`)")
        try:
            doc = json.loads(row[1])
        except ValueError as exc:
            raise StoreError(f"overlay {overlay_id} ({row[0]}): its stored GeoJSON is damaged ({exc})") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
            raise StoreError(f"overlay {overlay_id} ({row[0]}): its stored GeoJSON is not a FeatureCollection")
        return doc

    def set_overlay_visible(self, overlay_id: int, visible: bool) -> bool:
        """Show or hide an overlay by default; False when no overlay has that id."""
        return self._update_overlay(overlay_id, "visible", int(bool(visible)))

    def set_overlay_color(self, overlay_id: int, color: str) -> bool:
        """Recolour an overlay (#rgb or #rrggbb); False when no overlay has that id."""
        return self._update_overlay(overlay_id, "color", check_color(color))

    def remove_overlay(self, overlay_id: int) -> bool:
        """Delete an overlay; False when no overlay has that id."""
        with transaction(self.conn):
            cur = self.conn.execute("DELETE FROM overlays WHERE id = ?", (int(overlay_id),))
        return cur.rowcount > 0

    def _update_overlay(self, overlay_id: int, column: str, value: object) -> bool:
        assert column in ("visible", "color")  # never user text in SQL
        with transaction(self.conn):
            cur = self.conn.execute(f"UPDATE overlays SET {column} = ? WHERE id = ?", (value, int(overlay_id)))
        return cur.rowcount > 0
