"""Events: which mentioned places are where something happened, what it was, when, who did it, how many died.

The steps, one module each: `triggers` (event words and their ACLED types), `slots` (what the words around a place
say), `candidates` (the place-like spans of a sentence the model weighs), `model` (the learned event-place
decision), `modality` (the modal and negative words that veto a place), `lists` (a list shares its slot), `pairs`
and `within` (places inside places), `acled` (typing one happening), `actors` (with `groups`, armed groups by name),
`fatalities`, `dating` (which date an event takes), `merge` (repeats become one event), `extract` (the pipeline step
that runs them) and `training` (the labelled data, its fixed split and the field's measure; used only by the
scripts).
"""

from geomap.events.actors import actors
from geomap.events.extract import EventExtractor
from geomap.events.fatalities import fatalities
from geomap.events.merge import merge_events
from geomap.events.triggers import TRIGGERS, find_triggers

__all__ = ["EventExtractor", "TRIGGERS", "actors", "fatalities", "find_triggers", "merge_events"]
