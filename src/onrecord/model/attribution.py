"""Attributions: who (source) said (cue) what (content), as offsets into the article text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from onrecord.model.actor import Actor, SaidOn


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
    ``source`` is absent when the text names none ("reportedly"); ``actor`` is who
    the source is (or who a cue-less continuation quote belongs to), and ``said_on``
    when the statement was made, when the text or the publication date tells.
    """

    content: list[Span]
    cue: Span | None
    source: Span | None
    kind: AttributionKind
    confidence: float
    method: str = ""  # which rule or model produced it, with its version
    id: str = ""
    actor: Actor | None = None
    said_on: SaidOn | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": _source_dict(self.source, self.actor),
            "cue": self.cue.to_dict() if self.cue else None,
            "content": [part.to_dict() for part in self.content],
            "kind": self.kind.value,
            "confidence": round(self.confidence, 3),
            "method": self.method,
            "said_on": self.said_on.to_dict() if self.said_on else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        source = data.get("source") or {}
        return cls(
            content=[Span.from_dict(p) for p in data["content"]],
            cue=Span.from_dict(data["cue"]) if data.get("cue") else None,
            source=Span.from_dict(source) if source.get("text") is not None else None,
            kind=AttributionKind(data["kind"]),
            confidence=data.get("confidence", 1.0),
            method=data.get("method", ""),
            id=data.get("id", ""),
            actor=Actor.from_dict(source["actor"]) if source.get("actor") else None,
            said_on=SaidOn.from_dict(data["said_on"]) if data.get("said_on") else None,
        )


def _source_dict(source: Span | None, actor: Actor | None) -> dict[str, Any] | None:
    """The source mention with its actor; a continuation quote has an actor and no span."""
    if source is None and actor is None:
        return None
    out: dict[str, Any] = source.to_dict() if source else {"text": None, "start": None, "end": None}
    out["actor"] = actor.to_dict() if actor else None
    return out


@dataclass(frozen=True)
class Provenance:
    """What produced a record: component names and versions, the hash of each
    component's rules, of each data and model file, and of the settings that change
    output. Two records with equal provenance came from the same code, data and settings."""

    components: dict[str, str] = field(default_factory=dict)  # names and versions
    settings_hash: str = ""
    package_version: str = ""
    libraries: dict[str, str] = field(default_factory=dict)  # name: installed version
    rule_sets: dict[str, str] = field(default_factory=dict)  # component: hash of its source
    lexicons: dict[str, str] = field(default_factory=dict)  # "folder/file": content hash
    models: dict[str, str] = field(default_factory=dict)  # model file: content hash

    def to_dict(self) -> dict[str, Any]:
        return {
            "components": dict(self.components),
            "settings_hash": self.settings_hash,
            "package_version": self.package_version,
            "libraries": dict(self.libraries),
            "rule_sets": dict(self.rule_sets),
            "lexicons": dict(self.lexicons),
            "models": dict(self.models),
        }
