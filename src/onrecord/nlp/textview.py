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
from dataclasses import dataclass

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

    def to_article(self, offset: int) -> int:
        """The article offset of a view offset (a start or an exclusive end)."""
        starts = [s.view_start for s in self.segments]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
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
        for seg in self.segments:
            origin, target = (
                (seg.view_start, seg.article_start)
                if to_article
                else (seg.article_start, seg.view_start)
            )
            lo, hi = max(start, origin), min(end, origin + seg.length)
            if lo < hi:
                out.append((lo - origin + target, hi - origin + target))
        return out

    def paragraph_starts(self) -> list[int]:
        return [s.view_start for s in self.segments]


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
