"""The one evidence type: a stretch of the article text, by character offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.model.codec import Fields


@dataclass(frozen=True, order=True)
class Span:
    """``text[start:end]`` of the article text; ``end`` is exclusive."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: object) -> Span:
        read = Fields(data, "Span")
        return cls(read.integer("start"), read.integer("end"), read.text("text"))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])
