"""A set of disjoint character spans with O(log n) overlap tests.

The date and toponym steps keep the spans they have taken and skip new matches that overlap one; a linear scan of
that list made a sentence with thousands of matches ("2022-12-01 2022-12-02 ...") quadratic.
"""

from __future__ import annotations

from bisect import bisect_right, insort


class SpanSet:
    """Disjoint half-open spans [start, end); `add` keeps them sorted by start."""

    def __init__(self, spans: list[tuple[int, int]] | None = None):
        self._spans: list[tuple[int, int]] = sorted(spans or [])

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a stored span."""
        i = bisect_right(self._spans, (start, float("inf")))
        if i and self._spans[i - 1][1] > start:
            return True  # the last span starting at or before `start` reaches into it
        return i < len(self._spans) and self._spans[i][0] < end

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))

    def __len__(self) -> int:
        return len(self._spans)
