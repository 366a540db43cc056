"""Cut plain text into units (lines or re-joined hard-wrapped paragraphs) by offsets."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]+")
_BREAK = re.compile(r"\r\n|\r|\n")
# A line that ends a sentence: terminal punctuation, then closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# Hard-wrapped text: most lines fill a width this narrow, with few blank lines between.
_MAX_WRAP_WIDTH = 100
_MIN_WRAPPED_LINES = 6


@dataclass(frozen=True)
class Unit:
    """A trimmed stretch ``text[start:end]``; ``gap_before``: a blank line precedes it."""

    start: int
    end: int
    gap_before: bool


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past surrounding whitespace; empty when all blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_units(text: str) -> list[Unit]:
    lines = _lines(text)
    if _is_hard_wrapped(text, lines):
        return _join_wrapped(text, lines)
    return lines


def _lines(text: str) -> list[Unit]:
    units: list[Unit] = []
    previous_end = 0
    for match in _LINE.finditer(text):
        start, end = trimmed(text, match.start(), match.end())
        if start == end:
            continue
        breaks = len(_BREAK.findall(text, previous_end, start))
        units.append(Unit(start, end, gap_before=bool(units) and breaks >= 2))
        previous_end = end
    return units


def _is_hard_wrapped(text: str, lines: list[Unit]) -> bool:
    if len(lines) < _MIN_WRAPPED_LINES:
        return False
    if sum(u.gap_before for u in lines) > len(lines) // 5:
        return False
    widths = sorted(u.end - u.start for u in lines)
    width = widths[int(len(widths) * 0.9)]
    if width > _MAX_WRAP_WIDTH:
        return False
    near_full = sum(w >= 0.6 * width for w in widths)
    return near_full >= 0.6 * len(widths) and statistics.median(widths) >= 30


def _join_wrapped(text: str, lines: list[Unit]) -> list[Unit]:
    """Re-join wrapped lines: a line that does not end a sentence runs on into the next."""
    units: list[Unit] = []
    current = lines[0]
    for line in lines[1:]:
        runs_on = not ends_sentence(text[current.start : current.end])
        if runs_on and not line.gap_before:
            current = Unit(current.start, line.end, current.gap_before)
        else:
            units.append(current)
            current = line
    units.append(current)
    return units
