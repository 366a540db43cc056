"""The Article record: plain data with character offsets into ``text``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


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
    def from_dict(cls, data: dict[str, Any]) -> Block:
        return cls(BlockKind(data["kind"]), data["start"], data["end"], data.get("credit"))


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
        if not self.id:
            self.id = content_hash(self.text)

    @property
    def name(self) -> str:
        """How to call this article in messages and outputs."""
        return self.external_id or self.source or self.id

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in BODY_KINDS]

    def to_dict(self, with_block_text: bool = True) -> dict[str, Any]:
        return {
            "id": self.id,
            "external_id": self.external_id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "deck": list(self.deck),
            "bylines": list(self.bylines),
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "language": self.language,
            "text": self.text,
            "blocks": [b.to_dict(self.text if with_block_text else None) for b in self.blocks],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            text=data["text"],
            blocks=[Block.from_dict(b) for b in data.get("blocks", [])],
            source=data.get("source"),
            external_id=data.get("external_id"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            title=data.get("title"),
            deck=list(data.get("deck", [])),
            bylines=list(data.get("bylines", [])),
            published=_parse_iso(data.get("published")),
            updated=_parse_iso(data.get("updated")),
            language=data.get("language"),
            id=data.get("id", ""),
        )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
