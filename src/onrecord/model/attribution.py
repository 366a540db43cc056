"""Attributions: who (source) said (cue) what (content), as offsets into the article text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class AttributionKind(StrEnum):
    DIRECT = "direct"  # the content is a quotation
    INDIRECT = "indirect"  # reported speech, no quotation marks
    MIXED = "mixed"  # a paraphrase with quoted fragments


@dataclass(frozen=True, order=True)
class Span:
    """``text[start:end]`` of the article text; ``end`` is exclusive."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["start"], data["end"], data["text"])

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass
class Attribution:
    """One attribution relation.

    ``content`` may have several parts (a quote interrupted by "he said");
    ``source`` is absent when the text names none ("reportedly").
    """

    content: list[Span]
    cue: Span | None
    source: Span | None
    kind: AttributionKind
    confidence: float
    method: str = ""  # which rule or model produced it, with its version
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": [part.to_dict() for part in self.content],
            "kind": self.kind.value,
            "confidence": round(self.confidence, 3),
            "method": self.method,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        return cls(
            content=[Span.from_dict(p) for p in data["content"]],
            cue=Span.from_dict(data["cue"]) if data.get("cue") else None,
            source=Span.from_dict(data["source"]) if data.get("source") else None,
            kind=AttributionKind(data["kind"]),
            confidence=data.get("confidence", 1.0),
            method=data.get("method", ""),
            id=data.get("id", ""),
        )


@dataclass
class Provenance:
    """What produced a record: component names and versions, and settings."""

    components: dict[str, str] = field(default_factory=dict)
    settings_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"components": dict(self.components), "settings_hash": self.settings_hash}
