"""The text the pipeline reads, and the way back to article offsets.

The pipeline reads an article's prose blocks (title, deck, headings,
paragraphs, captions without their credit, video teasers) joined by blank
lines, with every whitespace character inside a block turned into a plain
space. That keeps one character per character inside a block, so mapping an
offset back to the article text is a lookup in a short table of segments.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from onrecord.model import Article, Block, BlockKind

ANALYSED_KINDS = frozenset(
    {
        BlockKind.TITLE,
        BlockKind.DECK,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.CAPTION,
        BlockKind.VIDEO,
    }
)
SEPARATOR = "\n\n"
_WHITESPACE = re.compile(r"\s")
_TRAILING_CREDIT = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True)
class Segment:
    view_start: int
    article_start: int
    length: int


@dataclass(frozen=True)
class TextView:
    """The pipeline's text plus the table mapping its offsets to the article's."""

    text: str
    segments: tuple[Segment, ...]

    @cached_property
    def _view_starts(self) -> list[int]:
        return [s.view_start for s in self.segments]

    @cached_property
    def _article_starts(self) -> list[int] | None:
        """Segment starts in the article, when the segments lie there in order without
        overlapping (as blocks do), so that a range is found by bisection; else None."""
        starts = [s.article_start for s in self.segments]
        ordered = all(
            a.article_start + a.length <= b.article_start
            for a, b in zip(self.segments, self.segments[1:], strict=False)
        )
        return starts if ordered else None

    def to_article(self, offset: int) -> int:
        """The article offset of a view offset (a start or an exclusive end)."""
        i = max(bisect.bisect_right(self._view_starts, offset) - 1, 0)
        seg = self.segments[i]
        inside = min(max(offset - seg.view_start, 0), seg.length)
        return seg.article_start + inside

    def span_to_article(self, start: int, end: int) -> tuple[int, int]:
        # Map the end through its last character so a span never leaks into a separator.
        a_start = self.to_article(start)
        a_end = self.to_article(end - 1) + 1 if end > start else a_start
        return a_start, a_end

    def range_to_article(self, start: int, end: int) -> list[tuple[int, int]]:
        """Article ranges of view ``[start, end)``, split where it crosses blocks."""
        return self._map(start, end, to_article=True)

    def range_to_view(self, start: int, end: int) -> list[tuple[int, int]]:
        """The view ranges covering article ``[start, end)``; parts outside the view drop."""
        return self._map(start, end, to_article=False)

    def _map(self, start: int, end: int, *, to_article: bool) -> list[tuple[int, int]]:
        out = []
        for seg in self._segments_near(start, end, to_article=to_article):
            origin, target = (
                (seg.view_start, seg.article_start)
                if to_article
                else (seg.article_start, seg.view_start)
            )
            lo, hi = max(start, origin), min(end, origin + seg.length)
            if lo < hi:
                out.append((lo - origin + target, hi - origin + target))
        return out

    def _segments_near(self, start: int, end: int, *, to_article: bool) -> Sequence[Segment]:
        """The segments a range may overlap: those from the one holding ``start`` to the
        last starting before ``end`` (reading them all for each span made an article
        of many paragraphs quadratic)."""
        starts = self._view_starts if to_article else self._article_starts
        if starts is None:
            return self.segments
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        return self.segments[first : bisect.bisect_left(starts, end)]

    def paragraph_starts(self) -> list[int]:
        return list(self._view_starts)

    def piece(self, start: int, end: int) -> TextView:
        """The view of ``text[start:end]`` alone, mapping to the same article offsets."""
        segments = []
        for seg in self._segments_near(start, end, to_article=True):
            lo, hi = max(start, seg.view_start), min(end, seg.view_start + seg.length)
            if lo < hi:
                segments.append(
                    Segment(lo - start, seg.article_start + lo - seg.view_start, hi - lo)
                )
        # A piece of separator alone still maps, to where it lies in the article.
        empty = (Segment(0, self.to_article(start), 0),)
        return TextView(self.text[start:end], tuple(segments) or empty)


def analysed_ranges(article: Article) -> list[tuple[int, int]]:
    """Article ranges the pipeline reads, in text order."""
    ranges = []
    for block in sorted(article.blocks, key=lambda b: b.start):
        if block.kind in ANALYSED_KINDS:
            start, end = _without_credit(article.text, block)
            if end > start:
                ranges.append((start, end))
    if not ranges and article.text.strip():
        ranges.append((0, len(article.text)))
    return ranges


def build_view(article: Article) -> TextView:
    parts: list[str] = []
    segments: list[Segment] = []
    cursor = 0
    for start, end in analysed_ranges(article):
        if parts:
            parts.append(SEPARATOR)
            cursor += len(SEPARATOR)
        parts.append(_WHITESPACE.sub(" ", article.text[start:end]))
        segments.append(Segment(cursor, start, end - start))
        cursor += end - start
    if not segments:
        segments.append(Segment(0, 0, 0))
    return TextView("".join(parts), tuple(segments))


def _without_credit(text: str, block: Block) -> tuple[int, int]:
    if block.kind is not BlockKind.CAPTION or not block.credit:
        return block.start, block.end
    match = _TRAILING_CREDIT.search(text, block.start, block.end)
    if match and block.credit in match.group(0):
        return block.start, match.start()
    return block.start, block.end
