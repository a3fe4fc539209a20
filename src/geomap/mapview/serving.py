"""The large event payloads, served from the user's cache folder instead of the checkout (issue 12).

Streamlit serves files from two kinds of places only: `./static` (inside the checkout) and the folder of each
declared custom component, at `/component/<module>.<name>/<file>` (streamlit/web/server/starlette/
starlette_routes.py, `create_component_routes`: any registered component folder, requested paths kept inside it).
Declaring a component whose folder is the payload folder therefore serves the payloads from the cache, so the app
writes nothing into the checkout and works from a read-only install. The component is never drawn; only its folder
is used. Its name is fixed, so re-declaring it on every page run is a no-op for Streamlit.
"""

from __future__ import annotations

from pathlib import Path

from geomap.config import MAP_PAYLOAD_DIR

#: Where the map's payload files go: rebuildable, so in the user's cache folder ($GEOMAP_CACHE, else platformdirs).
PAYLOAD_DIR = MAP_PAYLOAD_DIR
_COMPONENT = "events"
#: Streamlit names a component `<declaring module>.<name>` and serves its folder under /component/<that name>/.
_ROUTE = f"/component/{__name__}.{_COMPONENT}"


def served_url(folder: str | Path, name: str) -> str:
    """The URL at which the running app serves `folder/name` (declares `folder` as a component's folder).

    Declared only inside a running server (Streamlit registers components during a page run; AppTest and plain
    scripts have no server, and nothing fetches the URL there). `folder` must exist.
    """
    from streamlit import runtime
    from streamlit.components.v1 import declare_component

    if runtime.exists():
        declare_component(_COMPONENT, path=str(Path(folder).resolve()))  # named after this module: _ROUTE
    return f"{_ROUTE}/{name}"
