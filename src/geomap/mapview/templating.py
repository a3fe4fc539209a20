"""One Jinja2 environment for every piece of HTML, CSS and per-map JS the map view emits.

Autoescaping is on for every template except the `.js` ones, so untrusted article text in HTML is escaped unless a
template deliberately marks something safe. The `.js` templates are folium macros: HTML escaping means nothing in
JS (and its Markup result would make streamlit-folium escape the whole map script it is joined to), so every value
they insert goes through the `safe_json` filter: JSON that cannot close a <script> element and survives folium's and
streamlit-folium's later passes over the script.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, Template, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def safe_json(obj: object) -> str:
    """JSON that is also safe inside a <script> element and through folium/streamlit-folium's passes over the script
    (streamlit-folium rewrites `{{'name'}}` anywhere in it)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    # These characters only ever occur inside JSON strings, where the \u escapes mean the same.
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    # braces inside strings only: the object's own braces are syntax
    return _JSON_STRING.sub(lambda m: m.group().replace("{", "\\u007b").replace("}", "\\u007d"), text)


@cache
def environment() -> Environment:
    """The templates folder shipped in the package; autoescape for every file type but `.js` (see above)."""
    autoescape = select_autoescape(enabled_extensions=(), disabled_extensions=("js",), default=True,
                                   default_for_string=True)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=autoescape, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["safe_json"] = lambda obj: Markup(safe_json(obj))
    return env


def template(name: str) -> Template:
    """A template by file name (folium's MacroElement takes the object as its `_template`)."""
    return environment().get_template(name)


def render(name: str, **context: object) -> str:
    """The template rendered to a plain string (Streamlit's st.html and folium's Element take text)."""
    return str(template(name).render(**context))
