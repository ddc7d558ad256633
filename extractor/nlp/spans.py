"""Sets of character spans (start, end) with overlap and containment tests in O(log n): the
extractors ask these questions once per candidate, so a linear scan would make a text of many
numbers or many boilerplate sentences take quadratic time."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from itertools import accumulate
from typing import Iterable


class Spans:
    """A fixed set of spans, overlapping or not."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))  # the furthest end so far

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Does a span share a character with [start, end)?"""
        i = bisect_left(self._starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self._reach[i] > start

    def contains(self, start: int, end: int) -> bool:
        """Does one span hold all of [start, end)? (The spans holding `start` all start at or
        before it; the one reaching furthest is enough to ask.)"""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end

    def holds(self, position: int) -> bool:
        """Does a span hold the character at `position`?"""
        return self.contains(position, position + 1)


class DisjointSpans:
    """A growing set of spans that never overlap one another (figures taken so far)."""

    def __init__(self):
        self._spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._spans, (end, end)) - 1  # the last span starting before `end`; disjoint,
        return i >= 0 and self._spans[i][1] > start
