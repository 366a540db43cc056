"""Read plain text scraped from news pages into an :class:`Article`.

``Article.text`` is the input string itself, never altered: every block is a
pair of offsets into it, so spans map back to the original file. The rules
that recover the page's structure (title, byline, captions glued to the next
paragraph, headings glued to the next sentence, video teasers, comment forms)
are general tests on lines, not rules for one outlet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from onrecord.ingest import _text_rules as rules
from onrecord.ingest._text_header import Header, read_header
from onrecord.ingest._text_units import Unit, split_units, trimmed
from onrecord.ingest.language import detect_language
from onrecord.model.article import BODY_KINDS, Article, Block, BlockKind, valid_unicode

__all__ = ["parse_text"]

# Author bios, "Follow X on Twitter" and credit lines sit at the end of an article.
_TAIL_UNITS = 6


def parse_text(
    text: str,
    *,
    source: str | None = None,
    external_id: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: datetime | None = None,
    language: str | None = None,
) -> Article:
    """An Article from scraped plain text; keyword arguments win over what the text gives."""
    text = valid_unicode(text)  # before the title, bylines … are taken from it
    header = read_header(text, split_units(text))
    body = _read_body(text, header)
    blocks = sorted(header.blocks + body, key=lambda b: b.start)
    return Article(
        text=text,
        blocks=blocks,
        source=source,
        external_id=external_id,
        url=url,
        outlet=outlet or header.outlet,
        title=title or header.title,
        deck=header.deck,
        bylines=header.bylines,
        published=published or header.published,
        updated=header.updated,
        language=language or detect_language(_body_text(text, blocks)),
    )


def _body_text(text: str, blocks: list[Block]) -> str:
    body = "\n".join(text[b.start : b.end] for b in blocks if b.kind in BODY_KINDS)
    return body or text


@dataclass
class _BodyState:
    """What reading earlier units tells about the next one."""

    bylines: list[str]
    tail_from: int
    teaser: str | None = None
    in_comment_form: bool = False
    blocks: list[Block] = field(default_factory=list)


def _read_body(text: str, header: Header) -> list[Block]:
    units = header.units[header.body_from :]
    state = _BodyState(header.bylines, tail_from=len(units) - _TAIL_UNITS)
    index = 0
    while index < len(units):
        index += _read_unit(text, units, index, state)
    return state.blocks


def _read_unit(text: str, units: list[Unit], index: int, state: _BodyState) -> int:
    """Classify ``units[index]``; return how many units it used."""
    unit = units[index]
    line = text[unit.start : unit.end]
    following = units[index + 1] if index + 1 < len(units) else None
    teaser = state.teaser
    kind = _line_kind(line, index >= state.tail_from, state)
    repeat = rules.teaser_repeat_end(line, teaser) if kind is BlockKind.VIDEO and teaser else None
    if repeat is not None:
        # The teaser's title again, glued to its description: kept once, as the WATCH line.
        state.blocks.append(Block(BlockKind.BOILERPLATE, unit.start, unit.start + repeat))
        start, end = trimmed(text, unit.start + repeat, unit.end)
        if start < end:
            state.blocks.append(Block(BlockKind.VIDEO, start, end))
        return 1
    if kind is BlockKind.HEADING and following is None:
        kind = None  # a heading leads into text; a short last line is a cut-off sentence
    if kind is not None:
        state.blocks.append(Block(kind, unit.start, unit.end))
        return 1
    if following is not None and rules.is_caption_over_credit(
        line, text[following.start : following.end]
    ):
        credit = text[following.start : following.end].rstrip(".")
        state.blocks.append(Block(BlockKind.CAPTION, unit.start, following.end, credit))
        return 2
    caption = rules.caption_credit_end(line)
    if caption is not None:
        state.blocks.append(Block(BlockKind.CAPTION, unit.start, unit.end, caption[1]))
        return 1
    state.blocks.extend(_split_glued(text, unit.start, unit.end))
    return 1


def _line_kind(line: str, in_tail: bool, state: _BodyState) -> BlockKind | None:
    """The kind of a whole line, when the line alone decides it."""
    if rules.starts_comment_form(line):
        state.in_comment_form = True
    if rules.is_chrome(line) or (state.in_comment_form and len(line) <= 300):
        return BlockKind.BOILERPLATE
    teaser = rules.video_teaser(line)
    if teaser is not None or (state.teaser and rules.repeats_teaser(line, state.teaser)):
        state.teaser = teaser
        return BlockKind.VIDEO
    state.teaser = None
    if rules.is_credit_line_text(line):
        return BlockKind.CREDIT_LINE
    if in_tail and rules.is_author_bio(line, state.bylines):
        return BlockKind.AUTHOR_BIO
    if rules.is_standalone_heading(line):
        return BlockKind.HEADING
    return None


def _split_glued(text: str, start: int, end: int) -> list[Block]:
    """A unit cut into a glued caption and/or heading, then the paragraph they hide."""
    blocks: list[Block] = []
    while start < end:
        piece = _glued_piece(text[start:end])
        if piece is None:
            break
        kind, length, credit = piece
        blocks.append(Block(kind, start, start + length, credit))
        start, end = trimmed(text, start + length, end)
    if start < end:
        chrome = rules.is_chrome(text[start:end])  # "(Credit)Read also: …"
        blocks.append(Block(BlockKind.BOILERPLATE if chrome else BlockKind.PARAGRAPH, start, end))
    return blocks


def _glued_piece(line: str) -> tuple[BlockKind, int, str | None] | None:
    caption = rules.glued_caption_end(line)
    if caption is not None:
        return BlockKind.CAPTION, caption[0], caption[1]
    heading = rules.glued_heading_end(line)
    if heading is not None:
        return BlockKind.HEADING, heading, None
    return None
