"""The event types' colours: one table for the map's markers, the legend and the timeline."""

from __future__ import annotations

from geomap.models import EVENT_TYPES

#: ACLED event type -> colour (colour-blind-friendly Tableau 10 hues).
EVENT_COLORS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#1f77b4",
    "Riots": "#8c564b",
    "Strategic developments": "#2ca02c",
}
#: Colour of an event type outside ACLED's six.
OTHER_COLOR = "#7f7f7f"


def type_colors() -> list[str]:
    """The colours in EVENT_TYPES order: the payload carries a type as its position in that list."""
    return [EVENT_COLORS[t] for t in EVENT_TYPES]
