"""Quotation regions in the pipeline's text.

Curly, straight and angle quotes, nesting one level deep, and unbalanced
marks: an unclosed quote ends with its paragraph unless the next paragraph
opens with a quotation mark (the newspaper convention for a quote that runs
over several paragraphs). A stray mark never swallows the rest of the article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

QUOTE_CHARS = frozenset("“”«»„‹›\"‟‘’'‚")
DOUBLE_QUOTE_CHARS = frozenset('“”«»„‹›"‟')
SINGLE_QUOTE_CHARS = frozenset("‘’'‚")
_ALWAYS_OPEN = frozenset("«‹„‚")
_ALWAYS_CLOSE = frozenset("»›")
_OPEN_AFTER = "([{—–-/:"


@dataclass(frozen=True)
class QuoteRegion:
    """Text between (and including) an opening and a closing mark."""

    start: int
    end: int  # exclusive; includes the closing mark when there is one
    closed: bool


def _is_opening(text: str, i: int) -> bool:
    if text[i] in _ALWAYS_OPEN:
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in _OPEN_AFTER or before in QUOTE_CHARS


def _is_closing(text: str, i: int) -> bool:
    if text[i] in _ALWAYS_CLOSE:
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before == " " and not after.isalnum():
        # a nested quote closed just before, set off by a space: "the term 'African
        # American outreach,' " he told the group"
        j = i - 1
        while j > 0 and text[j] == " ":
            j -= 1
        return text[j] in SINGLE_QUOTE_CHARS and j > 0 and not text[j - 1].isspace()
    return not before.isspace() and not after.isalnum()


def _paragraph_bounds(text: str, paragraph_starts: list[int]) -> list[tuple[int, int]]:
    ends = paragraph_starts[1:] + [len(text)]
    return [(s, e) for s, e in zip(paragraph_starts, ends, strict=True)]


def find_quotes(text: str, paragraph_starts: list[int] | None = None) -> list[QuoteRegion]:
    """Top-level double-quote regions (single quotes count only when nested)."""
    starts = sorted(set(paragraph_starts or [0]) | {0})
    regions: list[QuoteRegion] = []
    carry: int | None = None  # start of a quote left open by the previous paragraph
    previous_start = 0
    for p_start, p_end in _paragraph_bounds(text, starts):
        if carry is not None and not _continues(text, carry, previous_start, p_start, p_end):
            regions.append(QuoteRegion(carry, _rstrip(text, p_start), False))
            carry = None
        carry = _scan_paragraph(text, p_start, p_end, carry, regions)
        previous_start = p_start
    if carry is not None:
        regions.append(QuoteRegion(carry, _rstrip(text, len(text)), False))
    return regions


def _scan_paragraph(
    text: str, start: int, end: int, carry: int | None, regions: list[QuoteRegion]
) -> int | None:
    marks = DOUBLE_QUOTE_CHARS
    if carry is None and not any(text[k] in DOUBLE_QUOTE_CHARS for k in range(start, end)):
        marks = SINGLE_QUOTE_CHARS  # British style: single marks are the primary quotes
    open_at = carry
    continued = carry is not None
    first_mark = -1  # the paragraph's first non-space character, found when needed
    closers = _ClosersAfter(text, start, end)
    nested = 0  # “…” inside a region opened by the same curly mark: “a “hell” b”
    i = start
    while i < end:
        ch = text[i]
        if ch in marks:
            if continued and open_at is not None and first_mark < 0:
                first_mark = _first_nonspace(text, start)
            if continued and open_at is not None and first_mark == i:
                continued = False  # the re-opening mark of a continued quote
            elif open_at is None and _is_opening(text, i):
                open_at = i
            elif open_at is not None and _opens_nested(text, open_at, i, closers, nested):
                nested += 1
            elif open_at is not None and _is_closing(text, i) and i > open_at:
                if nested:
                    nested -= 1
                else:
                    regions.append(QuoteRegion(open_at, i + 1, True))
                    open_at = None
        i += 1
    if marks is SINGLE_QUOTE_CHARS and open_at is not None:
        return None  # an unpaired single mark is an apostrophe, not a quote
    return open_at


class _ClosersAfter:
    """How many ” a paragraph holds from a position on, found once when first asked
    (counting them again at every opening mark made a paragraph of marks quadratic)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end
        self._positions: list[int] | None = None

    def count(self, i: int) -> int:
        if self._positions is None:
            self._positions = []
            k = self._text.find("”", self._start, self._end)
            while k >= 0:
                self._positions.append(k)
                k = self._text.find("”", k + 1, self._end)
        return len(self._positions) - bisect.bisect_left(self._positions, i)


def _opens_nested(text: str, open_at: int, i: int, closers: _ClosersAfter, nested: int) -> bool:
    """A “ inside a region that “ opened opens a nested quotation, when enough closing
    marks follow in the paragraph to close it and the region around it."""
    if text[open_at] != "“" or text[i] != "“" or not _is_opening(text, i):
        return False
    before = i - 1
    while before > open_at and text[before] in " \xa0":
        before -= 1
    if text[before] in ".!?:\n":
        return False  # a new quotation after an unclosed one, not one inside it
    return closers.count(i) >= nested + 2


def _continues(text: str, open_at: int, para_start: int, next_start: int, next_end: int) -> bool:
    """Whether a quote left open runs on into the next paragraph.

    Newspapers re-open a quote that runs over paragraphs with a mark at the
    start of each new paragraph. The quote itself begins a paragraph, a
    sentence, or follows a colon or comma ("She said: “…"); a mark opened
    mid-sentence and left unclosed is a stray, and ends with its paragraph.
    """
    if not _opens_with_quote(text, next_start, next_end):
        return False
    before = open_at - 1
    while before >= para_start and text[before].isspace():
        before -= 1
    return before < para_start or text[before] in ":,.!?"


def _opens_with_quote(text: str, start: int, end: int) -> bool:
    i = _first_nonspace(text, start)
    return i < end and text[i] in DOUBLE_QUOTE_CHARS


def _first_nonspace(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
