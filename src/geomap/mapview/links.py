"""What travels in URLs and tooltips: the map page's links, the `focus` parameter, the clicked event's id, and
Markdown-safe text for Streamlit widgets."""

from __future__ import annotations

import math
import re
from urllib.parse import urlencode

from geomap.mapview.payload import num

_TIP_ID = re.compile(r"#(\S+)\s*$")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def clicked_event_id(returned: dict | None) -> str | None:
    """The event id carried by the clicked marker's tooltip in st_folium's returned objects, if any."""
    if not returned:
        return None
    tip = returned.get("last_object_clicked_tooltip")
    if not tip:
        return None
    m = _TIP_ID.search(str(tip))
    return m.group(1) if m else None


def md_escape(text: str) -> str:
    """Untrusted text for Streamlit widgets that render Markdown (st.subheader, st.caption): every Markdown character
    is escaped, so a title like `![x](http://host/t.png)` shows as text instead of loading an image from elsewhere."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def safe_url(url: str) -> str | None:
    """The URL when it is http(s), else None: an article's link must never be `javascript:`."""
    url = (url or "").strip()
    return url if re.match(r"^https?://", url, re.I) else None


def map_link(article_id: str, lat: object = None, lon: object = None) -> str:
    """URL of the map page showing one article's events, centred on a point when given."""
    params = {"articles": article_id}
    if lat is not None and lon is not None and not math.isnan(num(lat, float("nan"))):
        params["focus"] = f"{num(lat):.5f},{num(lon):.5f}"
    return "/?" + urlencode(params)


def parse_focus(value: str | None) -> tuple[float, float] | None:
    """`lat,lon` from the URL's focus parameter, or None when absent or invalid."""
    if not value:
        return None
    try:
        lat, lon = (float(x) for x in str(value).split(","))
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon
