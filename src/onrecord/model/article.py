"""The Article record: plain data with character offsets into ``text``."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from onrecord.model.codec import Fields, check_version, iso, versioned


class BlockKind(StrEnum):
    """What a stretch of the article text is.

    Only ``PARAGRAPH`` and ``HEADING`` blocks are body text; the rest are
    kept so that nothing is silently lost, and so that later stages can skip
    them on purpose.
    """

    TITLE = "title"
    DECK = "deck"
    BYLINE = "byline"
    DATELINE = "dateline"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    CAPTION = "caption"
    VIDEO = "video"
    AUTHOR_BIO = "author_bio"
    CREDIT_LINE = "credit_line"
    BOILERPLATE = "boilerplate"


BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING})


@dataclass(frozen=True)
class Block:
    """A typed stretch ``text[start:end]`` of an article."""

    kind: BlockKind
    start: int
    end: int
    credit: str | None = None  # a caption's photo credit, e.g. "Inna Varenytsia/Reuters"

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "start": self.start, "end": self.end}
        if self.credit is not None:
            out["credit"] = self.credit
        if text is not None:
            out["text"] = text[self.start : self.end]
        return out

    @classmethod
    def from_dict(cls, data: object) -> Block:
        """A block from its dict; a ``text`` key is ignored: the article's text is the truth."""
        read = Fields(data, "Block")
        return cls(
            read.choice("kind", BlockKind),
            read.integer("start"),
            read.integer("end"),
            read.optional_text("credit"),
        )


# A Python string can hold a lone UTF-16 surrogate (JSON's "\ud800" decodes to one);
# no encoder writes it, so it would fail far from where it came in.
_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD: as long, so offsets hold."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def content_hash(text: str) -> str:
    """The stable article id: the first 16 hex digits of the text's SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One news article as read from its source.

    ``text`` is the article text; every block's offsets index it. For plain
    text input ``text`` is the file's characters exactly, so offsets map back
    to the original file.
    """

    text: str
    blocks: list[Block] = field(default_factory=list)
    source: str | None = None  # where it was read from: a path, a URL, "file.jsonl:3"
    external_id: str | None = None  # an id the input gave (JSONL "id", a file stem)
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    deck: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    language: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        self.text = valid_unicode(self.text)
        if not self.id:
            self.id = content_hash(self.text)

    @property
    def name(self) -> str:
        """How to call this article in messages and outputs."""
        return self.external_id or self.source or self.id

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in BODY_KINDS]

    def to_dict(self, with_block_text: bool = True) -> dict[str, Any]:
        """The article as a document; ``with_block_text`` repeats each block's text."""
        return versioned(
            {
                "id": self.id,
                "external_id": self.external_id,
                "source": self.source,
                "url": self.url,
                "outlet": self.outlet,
                "title": self.title,
                "deck": list(self.deck),
                "bylines": list(self.bylines),
                "published": iso(self.published),
                "updated": iso(self.updated),
                "language": self.language,
                "text": self.text,
                "blocks": [b.to_dict(self.text if with_block_text else None) for b in self.blocks],
            }
        )

    @classmethod
    def from_dict(cls, data: object) -> Article:
        read = Fields(data, "Article")
        check_version(read.data, "Article")
        return cls(
            text=read.text("text"),
            blocks=read.records("blocks", Block.from_dict),
            source=read.optional_text("source"),
            external_id=read.optional_text("external_id"),
            url=read.optional_text("url"),
            outlet=read.optional_text("outlet"),
            title=read.optional_text("title"),
            deck=read.texts("deck"),
            bylines=read.texts("bylines"),
            published=read.moment("published"),
            updated=read.moment("updated"),
            language=read.optional_text("language"),
            id=read.optional_text("id") or "",
        )
