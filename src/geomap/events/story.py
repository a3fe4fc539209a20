"""What an article's sentences say beyond themselves, for the event step: event words per sentence and paragraph,
the paragraph's or article's dominant violent type, and who acted where a sentence does not say."""

from __future__ import annotations

from geomap.events.actors import FROM_THE_AIR, UNIDENTIFIED, actors
from geomap.events.forces import FORCE_COUNTRY
from geomap.events.triggers import VIOLENT, Found, find_triggers, specific
from geomap.models import Doc, Event
from geomap.patterns import Pattern

#: Sub-types whose happening no one claimed, when no sentence near names a side, has no side from elsewhere in the
#: story: "A car bomb exploded on the outskirts of Manbij" is not the work of the factions said to fight there.
UNCLAIMED = frozenset({"Remote explosive/landmine/IED", "Suicide bomb"})

#: The happening just told, named again by its generic word: "one person was killed in the strikes, which also hit".
THE_TOLD_BEFORE = Pattern("the happening just told, by its word", r"\b(?:in|by|during|from)\s+the\s+$",
                          "Two people were killed in the [strikes], which also hit a factory.",
                          "Two people were killed in two [strikes] on a factory.", "before")


class Story:
    """What an article's sentences say beyond themselves, computed once and lazily: event words per sentence and
    paragraph, the article's dominant violent type, and who acted in each paragraph or the article."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._triggers: dict[int, list[Found]] = {}
        self._actors: dict[int, list[str]] = {}
        self.paragraphs: dict[int, list[int]] = {}
        for i, st in enumerate(doc.sentences):
            self.paragraphs.setdefault(st.paragraph, []).append(i)
        self._para_type: dict[int, tuple[str, str] | None] = {}
        self._para_actors: dict[int, list[str]] = {}
        self._article: dict[str, object] = {}
        self.events: list[Event] = []  # the events told so far (the extractor's list, filled as it reads)

    def triggers(self, i: int) -> list[Found]:
        if i not in self._triggers:
            self._triggers[i] = find_triggers(self.doc.sentences[i].text)
        return self._triggers[i]

    def actors(self, i: int) -> list[str]:
        if i not in self._actors:
            self._actors[i] = actors(self.doc.sentences[i].text)
        return self._actors[i]

    def context_type(self, p: int, paragraph: bool = False) -> tuple[str, str] | None:
        """The specific violent type of the paragraph, else of the article (not with `paragraph`): what its
        'attacks' were. Asked only for a generic word, so most articles never scan their sentences without
        places."""
        if p not in self._para_type:
            self._para_type[p] = specific([f for i in self.paragraphs.get(p, []) for f in self.triggers(i)], False)
        if self._para_type[p] or paragraph:
            return self._para_type[p]
        if "type" not in self._article:
            self._article["type"] = specific([f for i in range(len(self.doc.sentences))
                                               for f in self.triggers(i)], False, suicide_first=False)
        return self._article["type"]  # type: ignore[return-value]

    def all_actors(self) -> list[str]:
        """Every actor the article names, in order."""
        if "all" not in self._article:
            self._article["all"] = list(dict.fromkeys(
                a for i in range(len(self.doc.sentences)) for a in self.actors(i)))
        return self._article["all"]  # type: ignore[return-value]

    def state_forces(self) -> list[str]:
        """The state forces the article names anywhere, in order."""
        return [a for a in self.all_actors() if a in FORCE_COUNTRY]

    def story_actors(self, p: int, kind: tuple[str, str] | None = None) -> list[str]:
        """Who acted when a sentence does not say ("Explosions hit Kyiv"): its paragraph's actors, else those of the
        story's last event of the same type (`kind`: "Israeli air strikes killed 400 ... Strikes hit houses in Khan
        Younis": Israel's, though the article names Hamas more often), else none for a bomb no one claimed
        (`UNCLAIMED`), else the article's most frequent actor (its most frequent state force for a strike from the
        air, `FROM_THE_AIR`)."""
        if p not in self._para_actors:
            self._para_actors[p] = list(dict.fromkeys(a for i in self.paragraphs.get(p, []) for a in self.actors(i)))
        if self._para_actors[p]:
            return self._para_actors[p]
        if kind is not None:
            prior = next((e.actors for e in reversed(self.events) if e.event_type == kind[0]
                          and e.actors and e.actors[0] != UNIDENTIFIED), None)
            if prior or kind[1] in UNCLAIMED:
                return list(prior or [])
        if "actor" not in self._article:
            counts: dict[str, int] = {}
            for i in range(len(self.doc.sentences)):
                for a in self.actors(i):
                    counts[a] = counts.get(a, 0) + 1
            self._article["actor"] = [max(counts, key=counts.__getitem__)] if counts else []
            self._article["states"] = {a: n for a, n in counts.items() if a in FORCE_COUNTRY}
        if kind is not None and kind[1] in FROM_THE_AIR:  # the state's, named or a side of an event told
            states: dict[str, int] = self._article["states"] or {  # type: ignore[assignment]
                a: 1 for e in self.events for a in e.actors if a in FORCE_COUNTRY}
            if states:
                return [max(states, key=states.__getitem__)]
        return self._article["actor"]  # type: ignore[return-value]

    def told_again(self, text: str, primary: Found, words: list[Found]) -> Event | None:
        """The event a generic event word names again ("killed in the strikes"), or a word after it (`words`: the
        sentence's, "in the strikes, which also hit"): the last sentence's latest event (not an earlier one it told
        as a time: "struck Hodeidah, a day after a missile landed near the airport"), when violent."""
        if not self.events or not primary.trigger.generic or not any(
                f.trigger.generic and f.start <= primary.start
                and THE_TOLD_BEFORE.search(text, max(0, f.start - 20), f.start) for f in words):
            return None
        told = [e for e in self.events if e.sentence_start == self.events[-1].sentence_start]
        last = max(told, key=lambda e: e.date_end)  # the first of the latest
        return last if last.event_type in VIOLENT else None
