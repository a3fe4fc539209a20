"""All of geomap's exceptions, in one place (as geopy keeps its own in geopy.exc)."""

from __future__ import annotations


class GeomapError(Exception):
    """Base class: anything geomap raises on purpose."""


class InputError(GeomapError):
    """Bad input that the user must fix. The message names the file (and line/row/field when known)."""

    def __init__(self, origin: str, reason: str, line: int | None = None, field: str | None = None):
        self.origin, self.reason, self.line, self.field = origin, reason, line, field
        where = origin if line is None else f"{origin}:{line}"
        if field:
            where += f" [{field}]"
        super().__init__(f"{where}: {reason}")


class GazetteerError(GeomapError):
    """The gazetteer files are missing or malformed."""


class StoreError(GeomapError):
    """The event store cannot be opened or written."""
