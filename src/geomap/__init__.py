"""geomap: conflict news text to events on an offline map."""

__version__ = "0.1.0"
