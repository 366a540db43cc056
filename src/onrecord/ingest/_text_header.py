"""The head of a scraped article: title, deck, byline, dates, and the leading date token."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from onrecord.ingest import lexicons
from onrecord.ingest._text_dates import find_dates, is_dateline, with_year_and_zone
from onrecord.ingest._text_rules import is_caption_over_credit, is_chrome, is_credit_line
from onrecord.ingest._text_units import Unit, ends_sentence, trimmed
from onrecord.knowledge.lexicons import alternatives
from onrecord.model.article import Block, BlockKind

# Some scrapes start with " date 2024-05-03 " (or just a year and month) before the text.
_DATE_TOKEN = re.compile(r"date\s+\d{4}(?:-\d\d){0,2}\b")
# "Title | CBC News"; dashes only before a name that looks like an outlet.
_OUTLET_SUFFIX = re.compile(r"^(?P<title>.*\S)\s+\|\s+(?P<outlet>[^|]{2,40})$")
_BYLINE_SPLIT = re.compile(r"^(?:by\s+)?(?P<names>.+?)\s*(?:[·|—–]|\s-\s)\s*(?P<rest>.*)$", re.I)
_BY = re.compile(r"^by\s+(?P<names>.+)$", re.I)
# A headline's own dates are news ("Sept. 11"); only a labelled one is the article's date.
_DATE_LABEL = re.compile(rf"(?:{alternatives(lexicons.load('date-labels-v1'))})\W*$", re.I)
_NAME_PARTICLES = lexicons.load("name-particles-v1")
_TITLE_MAX = 300
# After the names, a byline holds an outlet or a date, not a sentence.
_BYLINE_REST_WORDS = 5
_HEADER_WINDOW = 8
_BODY_LENGTH = 300  # a unit this long is article text: the header has ended


@dataclass
class Header:
    """What the head of the article gave; ``body_from`` indexes the first body unit."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    deck: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    units: list[Unit] = field(default_factory=list)
    body_from: int = 0


def read_header(text: str, units: list[Unit]) -> Header:
    header = Header(units=list(units))
    had_token = _take_date_token(text, header)
    index = _take_title(text, header, had_token)
    last = _last_byline_or_date(text, header.units, index)
    if last is None:
        header.body_from = _take_loose_deck(text, header, index)
        return header
    while index <= last:
        index += _take_header_unit(text, index, header)
    header.body_from = _take_labels(text, header, index)
    return header


def _take_header_unit(text: str, index: int, header: Header) -> int:
    """Read ``header.units[index]``; return how many units it used."""
    unit = header.units[index]
    if index + 1 < len(header.units):
        below = header.units[index + 1]
        credit = text[below.start : below.end]
        if is_caption_over_credit(text[unit.start : unit.end], credit):
            header.blocks.append(
                Block(BlockKind.CAPTION, unit.start, below.end, credit.rstrip("."))
            )
            return 2
    _take_header_line(text, unit, header)
    return 1


def _take_labels(text: str, header: Header, index: int) -> int:
    """Edition labels and site chrome right under the byline belong to the head."""
    while index < len(header.units):
        unit = header.units[index]
        line = text[unit.start : unit.end]
        if not (_is_label(line) or is_chrome(line)):
            break
        header.blocks.append(Block(BlockKind.BOILERPLATE, unit.start, unit.end))
        index += 1
    return index


def _take_date_token(text: str, header: Header) -> bool:
    if not header.units:
        return False
    first = header.units[0]
    match = _DATE_TOKEN.match(text, first.start, first.end)
    if match is None:
        return False
    header.blocks.append(Block(BlockKind.DATELINE, match.start(), match.end()))
    _note_dates(match.group(), header)
    start, end = trimmed(text, match.end(), first.end)
    header.units[0:1] = [Unit(start, end, False)] if start < end else []
    return True


def _take_title(text: str, header: Header, had_token: bool) -> int:
    if not header.units:
        return 0
    first = header.units[0]
    line = text[first.start : first.end]
    if len(line) > _TITLE_MAX or "\n" in line or is_chrome(line):
        return 0
    if had_token and ends_sentence(line):
        return 0  # the token was glued to the first paragraph, not to a headline
    match = _OUTLET_SUFFIX.match(line)
    end = first.start + (len(match.group("title")) if match else len(line))
    if match:
        header.outlet = match.group("outlet").strip()
    header.title = text[first.start : end]
    header.blocks.append(Block(BlockKind.TITLE, first.start, end))
    _note_dates(line, header, labelled_only=True)
    return 1


def _last_byline_or_date(text: str, units: list[Unit], index: int) -> int | None:
    last = None
    for offset, unit in enumerate(units[index : index + _HEADER_WINDOW]):
        line = text[unit.start : unit.end]
        if len(line) > _BODY_LENGTH:
            break
        if is_dateline(line) or parse_byline(line) is not None:
            last = index + offset
    return last


def _take_header_line(text: str, unit: Unit, header: Header) -> None:
    line = text[unit.start : unit.end]
    byline = parse_byline(line)
    if is_dateline(line):
        header.blocks.append(Block(BlockKind.DATELINE, unit.start, unit.end))
        _note_dates(line, header)
    elif byline is not None:
        header.blocks.append(Block(BlockKind.BYLINE, unit.start, unit.end))
        names, rest = byline
        header.bylines.extend(names)
        if rest and not find_dates(rest, default_year=_year(header)):
            header.outlet = header.outlet or rest
        _note_dates(rest or line, header)  # a date glued to a name ("Cecil3 May") has no \b
    elif is_chrome(line) or _is_label(line) or is_credit_line(line):
        header.blocks.append(Block(BlockKind.BOILERPLATE, unit.start, unit.end))
    elif header.title is None:
        # With no headline, what precedes the byline is the lead paragraph.
        header.blocks.append(Block(BlockKind.PARAGRAPH, unit.start, unit.end))
    else:
        header.deck.append(line)
        header.blocks.append(Block(BlockKind.DECK, unit.start, unit.end))


def _take_loose_deck(text: str, header: Header, index: int) -> int:
    """With no byline to bound the head: a standfirst line right under the title."""
    if index == 0 or index >= len(header.units) - 1:
        return index
    unit = header.units[index]
    line = text[unit.start : unit.end]
    same_chunk = not unit.gap_before and "\n" not in line
    standfirst = not ends_sentence(line) and len(line) <= 200 and not line.endswith(":")
    if (same_chunk or standfirst) and not is_chrome(line) and "\n" not in line:
        header.deck.append(line)
        header.blocks.append(Block(BlockKind.DECK, unit.start, unit.end))
        return index + 1
    return index


def _is_label(line: str) -> bool:
    """An edition or kicker label in capitals ("WEST END FINAL", "BREAKING")."""
    return line.isupper() and len(line.split()) <= 4


def parse_byline(line: str) -> tuple[list[str], str] | None:
    """``(names, rest)`` for "By X and Y", "X · Outlet", "X, Y — date", "Name3 May 2024"."""
    if len(line) > 200:
        return None
    match = _BY.match(line)
    if match and (names := _names(match.group("names"))):
        return names, ""
    match = _BYLINE_SPLIT.match(line)
    if match and (names := _names(match.group("names"))):
        rest = match.group("rest").strip()
        if len(rest.split()) <= _BYLINE_REST_WORDS or find_dates(rest):
            return names, rest
    return _glued_date_byline(line)


def _glued_date_byline(line: str) -> tuple[list[str], str] | None:
    glued = re.match(r"^(?P<names>.*?[a-z])(?P<date>\d{1,2}\s+\w+\.?,?\s+\d{4}.*)$", line)
    if glued is None or not find_dates(glued.group("date")):
        return None
    names = _names(glued.group("names"))
    return (names, glued.group("date")) if names else None


def _names(part: str) -> list[str]:
    names = [n.strip() for n in re.split(r",|\s+and\s+|\s+&\s+", part) if n.strip()]
    return names if names and all(_is_name(n) for n in names) else []


def _is_name(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4 or not words[0][:1].isupper() or name.isupper():
        return False  # "DES MOINES —" opens a dateline, not a byline
    return all(w[:1].isupper() or w in _NAME_PARTICLES for w in words) and not any(
        ch.isdigit() for ch in name
    )


def _note_dates(line: str, header: Header, *, labelled_only: bool = False) -> None:
    year = _year(header) or next((f.value.year for f in find_dates(line)), None)
    for found in find_dates(line, default_year=year):
        if labelled_only and not _DATE_LABEL.search(line, 0, found.start):
            continue
        if found.updated and header.published is not None:
            header.updated = header.updated or with_year_and_zone(found.value, header.published)
        elif not found.updated:
            header.published = header.published or found.value


def _year(header: Header) -> int | None:
    return header.published.year if header.published else None
