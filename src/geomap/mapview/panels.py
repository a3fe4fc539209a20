"""HTML beside the map, for Streamlit's st.html: the event cards, the legend and the marked-up article.

Pages never build HTML; these functions fill Jinja2 templates (autoescaped, see templating.py) with plain values,
so article text, titles and URLs are escaped by default.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import pandas as pd
from markupsafe import Markup

from geomap.mapview.links import map_link, safe_url
from geomap.mapview.palette import EVENT_COLORS
from geomap.mapview.payload import num
from geomap.mapview.templating import render
from geomap.models import EVENT_TYPES


def iso_day(value: object) -> str:
    """YYYY-MM-DD of a date, timestamp or text; "" for None, NaN and NaT."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)[:10]


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def highlight_html(sentence: str, place_start: object, place: str) -> str:
    """The sentence, HTML-escaped, with the place name wrapped in <mark>.

    Uses the stored offset when it points at the place, else the first occurrence; escapes every piece.
    """
    sentence = sentence or ""
    place = place or ""
    start = int(num(place_start, -1))
    if not (place and 0 <= start and sentence[start:start + len(place)] == place):
        start = sentence.find(place) if place else -1
    if start < 0:
        return render("highlight.html", before=sentence)
    end = start + len(place)
    return render("highlight.html", before=sentence[:start], mark=sentence[start:end], after=sentence[end:])


def _region_name(rec: dict) -> str:
    """ "Luhansk Oblast, Ukraine": the event's admin-1 region and country by name (never codes) where known."""
    from geomap.names import admin1_names, country_names

    parts = [admin1_names().get(str(rec.get("admin1") or "")), country_names().get(str(rec.get("country_code") or ""))]
    return ", ".join(p for p in parts if p and p != rec.get("name"))


def _meta(rec: dict) -> list[str]:
    """Type / sub-type and the place with its region and precision."""
    meta = []
    if rec.get("event_type"):
        sub = rec.get("sub_event_type") or ""
        meta.append(str(rec["event_type"]) + (f" / {sub}" if sub else ""))
    region = _region_name(rec)
    meta.append(f"{rec.get('name') or rec.get('place') or ''}{', ' + region if region else ''} "
                f"({rec.get('precision') or '?'})")
    return meta


def _extra(rec: dict) -> list[str]:
    """Actors, fatalities, confidence and the number of sources."""
    actors = rec.get("actors")
    if isinstance(actors, str):
        actors = [a for a in re.split(r"\s*[;|]\s*", actors) if a]
    extra = []
    if actors is not None and len(actors):
        extra.append("Actors: " + ", ".join(str(a) for a in actors))
    if _present(rec.get("fatalities")):
        extra.append(f"Fatalities: {int(num(rec.get('fatalities')))}")
    if _present(rec.get("event_score")):
        extra.append(f"Confidence: {num(rec.get('event_score')):.2f}")
    n = int(num(rec.get("source_count"), 1))
    extra.append(f"{n} source{'s' if n != 1 else ''}")
    return extra


def event_card_html(rec: dict, *, selected: bool = False) -> str:
    """One event for the side panel: sentence (place marked), article, link, date, type, actors, fatalities."""
    date, date_end = iso_day(rec.get("date")), iso_day(rec.get("date_end"))
    dp = rec.get("date_precision") or ""
    sentence = highlight_html(str(rec.get("sentence") or ""), rec.get("place_start"), str(rec.get("place") or ""))
    return render("card.html", selected=selected, event_id=str(rec.get("event_id", "")), sentence=Markup(sentence),
                  when=date if not date_end or date_end == date else f"{date} – {date_end}",
                  precision_note=dp if dp and dp != "day" else "", meta=_meta(rec), extra=_extra(rec),
                  url=safe_url(str(rec.get("url") or "")), title=str(rec.get("title") or rec.get("article") or ""),
                  source=str(rec.get("source") or ""))


def panel_html(records: Iterable[dict], selected_id: str | None = None) -> str:
    """The side panel: every given event as a card (selected one first and marked)."""
    recs = list(records)
    recs.sort(key=lambda r: (str(r.get("event_id")) != str(selected_id), iso_day(r.get("date"))))
    cards = [Markup(event_card_html(r, selected=str(r.get("event_id")) == str(selected_id))) for r in recs]
    return render("panel.html", cards=cards)


def legend_html(counts: dict[str, int] | None = None) -> str:
    """Colour legend of the ACLED event types (with counts when given)."""
    rows = [(t, EVENT_COLORS[t], counts.get(t, 0) if counts is not None else None) for t in EVENT_TYPES]
    return render("legend.html", rows=rows)


def summary_html(table: pd.DataFrame, max_rows: int) -> str:
    """One summary table (geomap.summary) as plain HTML, its first `max_rows` rows: one element per tab where
    st.table drew a React table per tab on every run of the map page."""
    rows = table.head(max_rows).itertuples(index=False, name=None)
    return render("summary.html", columns=list(table.columns), rows=list(rows), total=len(table))


def events_at_place(df: pd.DataFrame, event_id: str) -> tuple[dict | None, list[dict]]:
    """The clicked event and every event at the same place (same lat/lon) in `df`."""
    if df is None or df.empty or event_id is None:
        return None, []
    ids = df["event_id"].astype(str)
    hit = df[ids == str(event_id)]
    if hit.empty:
        return None, []
    rec = hit.iloc[0].to_dict()
    lat, lon = round(float(rec["lat"]), 5), round(float(rec["lon"]), 5)
    same = df[(df["lat"].round(5) == lat) & (df["lon"].round(5) == lon)]
    return rec, same.to_dict("records")


def _mention(text: str, m: dict, article_id: str) -> dict:
    """One place mention as the article template shows it: role, label, link when resolved."""
    role = "event" if m.get("role") == "event" else "mention"
    resolved = m.get("lat") is not None and m.get("name")
    label = (f"{m.get('name')} ({m.get('precision') or '?'}, {m.get('country_code') or '?'}) — {role}"
             if resolved else "not resolved")
    href = map_link(article_id, m.get("lat"), m.get("lon")) if resolved else None
    return {"role": role, "label": label, "href": href, "surface": text[int(m["start"]):int(m["end"])]}


def article_html(text: str, mentions: Iterable[dict], article_id: str = "") -> str:
    """The article text, escaped, with every place mention highlighted by role (event place vs mention) and
    linked to its point on the map page. Overlapping or out-of-range mentions are skipped, never mis-cut."""
    pieces: list[dict] = []
    pos = 0
    for m in sorted(mentions, key=lambda m: (int(m.get("start", 0)), -int(m.get("end", 0)))):
        s, t = int(m.get("start", -1)), int(m.get("end", -1))
        if s < pos or t > len(text) or s >= t:
            continue
        pieces += [{"text": text[pos:s]}, _mention(text, m, article_id)]
        pos = t
    pieces.append({"text": text[pos:]})
    return render("article.html", pieces=pieces)
