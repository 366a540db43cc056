"""Where a long article is cut into pieces that are parsed one at a time.

The parser's memory grows with the text it reads at once (spaCy's own limit,
a million characters, is there for that), and several rules read a whole
paragraph for each cue, so an article far longer than any news story is
analysed in pieces of at most ``piece_chars`` characters (a setting). A cut
falls, in this order of preference:

1. at a paragraph break outside any quotation (a quote that runs over
   several paragraphs stays in one piece), or at any paragraph break;
2. inside a paragraph longer than a piece: after a sentence-like ending
   (``.``, ``!``, ``?`` and closing marks, then a space) outside any quotation,
   or after any such ending;
3. failing that, at a space; failing that, anywhere.

Each is taken only from the second half of the piece, so that no piece is
shorter than half the ceiling for want of a better cut. An article no longer
than the ceiling is one piece, the whole text: ordinary articles are parsed as
they always were.
"""

from __future__ import annotations

import bisect
import re

from onrecord.nlp.quotes import QuoteRegion, find_quotes

__all__ = ["piece_bounds"]

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s")


def piece_bounds(text: str, paragraph_starts: list[int], max_chars: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each piece of ``text``, in order; together they hold every
    character of the text but the whitespace around cuts."""
    if max_chars < 1:
        raise ValueError(f"a piece needs a character at least, not {max_chars}")
    if len(text) <= max_chars:
        return [(0, len(text))]
    quotes = _QuoteIndex(find_quotes(text, paragraph_starts))
    starts = sorted(set(paragraph_starts) - {0})
    bounds: list[tuple[int, int]] = []
    cursor = _skip_space(text, 0)
    while len(text) - cursor > max_chars:
        cut = _cut(text, starts, quotes, cursor + max_chars // 2, cursor + max_chars)
        end = _strip_space(text, cursor, cut)
        if end > cursor:
            bounds.append((cursor, end))
        cursor = _skip_space(text, cut)
    if _strip_space(text, cursor, len(text)) > cursor:
        bounds.append((cursor, _strip_space(text, cursor, len(text))))
    return bounds


def _cut(text: str, starts: list[int], quotes: _QuoteIndex, lo: int, hi: int) -> int:
    """The best place to cut in ``(lo, hi]``: see the module's order of preference."""
    breaks = starts[bisect.bisect_right(starts, lo) : bisect.bisect_right(starts, hi)]
    if breaks:
        return _last_outside(breaks, quotes)
    endings = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    if endings:
        return _last_outside(endings, quotes)
    space = text.rfind(" ", lo, hi)
    return space + 1 if space >= 0 else hi


def _last_outside(cuts: list[int], quotes: _QuoteIndex) -> int:
    return next((c for c in reversed(cuts) if not quotes.inside(c)), cuts[-1])


class _QuoteIndex:
    """Whether a position falls inside one of a text's quotations (disjoint, in order)."""

    def __init__(self, regions: list[QuoteRegion]) -> None:
        self._starts = [r.start for r in regions]
        self._ends = [r.end for r in regions]

    def inside(self, position: int) -> bool:
        k = bisect.bisect_right(self._starts, position - 1) - 1
        return k >= 0 and self._starts[k] < position < self._ends[k]


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _strip_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
