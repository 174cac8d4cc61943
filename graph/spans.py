"""Where the names are written: an index of spans that answers "is this inside a name?".

Two stages ask it: a number inside a name is no fact (白沙100MW渔光互补光伏发电项目), and a
name inside a longer name speaks through it (东泓石化 in 东泓石化百万吨级乙烯项目).

>>> idx = SpanIndex([Span(0, 10), Span(2, 4), Span(20, 25)])
>>> idx.covers(3), idx.covers(10), idx.covers(21)
(True, False, True)
>>> idx.inside_another(Span(2, 4)), idx.inside_another(Span(0, 10)), idx.inside_another(Span(12, 14))
(True, False, False)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from graph.facts import Span

__all__ = ["SpanIndex"]


class SpanIndex:
    """Spans sorted by where they open, with the furthest end reached so far: most positions
    are beyond every name that opens before them, which one comparison tells."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(set(spans), key=lambda s: (s.start, s.end))  # tuples compare in C
        self._starts = [s.start for s in self.spans]
        self._reach = list(accumulate((s.end for s in self.spans), max))

    def covers(self, pos: int) -> bool:
        """Does a span opening before *pos* reach beyond it?"""
        i = bisect_left(self._starts, pos)
        return i > 0 and self._reach[i - 1] > pos

    def inside_another(self, span: Span) -> bool:
        """Is *span* inside another span of the index (not itself)?

        Two reaches answer it without a scan: a span opening at or before it and ending
        beyond it holds it, and so does one opening strictly before it and ending where it
        ends (one opening and ending where it does is the span itself; the index holds each
        once)."""
        n = bisect_right(self._starts, span.start)
        if not n:
            return False
        if self._reach[n - 1] > span.end:
            return True
        before = bisect_left(self._starts, span.start, 0, n)  # those opening strictly before
        return before > 0 and self._reach[before - 1] >= span.end
