"""Attributions: who (source) said (cue) what (content), as offsets into the article text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from onrecord.model.actor import Actor
from onrecord.model.codec import Fields, fields_from_dict, fields_to_dict
from onrecord.model.said_on import SaidOn
from onrecord.model.span import Span


class AttributionKind(StrEnum):
    DIRECT = "direct"  # the content is a quotation
    INDIRECT = "indirect"  # reported speech, no quotation marks
    MIXED = "mixed"  # a paraphrase with quoted fragments


class AttributionAct(StrEnum):
    """What the source did with the content (docs/acts.md): said it, wrote it, thinks
    it, means to do it, or the content is what a document or data show, or what is
    reported with no one's own word behind it."""

    SPEECH = "speech"  # said, told, announced, warned, "in a statement"
    WRITING = "writing"  # wrote, posted, tweeted, published, "in a letter"
    THOUGHT = "thought"  # thinks, believes, fears, is concerned
    INTENTION = "intention"  # plans, wants, aims, intends
    EVIDENCE = "evidence"  # documents show, the study found, data suggest
    REPORT = "report"  # reportedly, according to, reports say


@dataclass
class Attribution:
    """One attribution relation.

    ``content`` may have several parts (a quote interrupted by "he said");
    ``source`` is absent when the text names none ("reportedly"); ``actor`` is who
    the source is (or who a cue-less continuation quote belongs to), and ``said_on``
    when the statement was made, when the text or the publication date tells.
    ``confidence`` is written to three decimals. ``act`` is what the source did
    (``AttributionAct``); records written before acts existed have none.
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
    act: AttributionAct | None = None

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
            "act": self.act.value if self.act else None,
        }

    @classmethod
    def from_dict(cls, data: object) -> Attribution:
        read = Fields(data, "Attribution")
        source = Fields(read.data.get("source") or {}, read.path("source"))
        return cls(
            content=read.records("content", Span.from_dict),
            cue=read.optional_record("cue", Span.from_dict),
            source=read.optional_record("source", Span.from_dict) if source.has("text") else None,
            kind=read.choice("kind", AttributionKind),
            confidence=read.number("confidence", 1.0),
            method=read.optional_text("method") or "",
            id=read.optional_text("id") or "",
            actor=source.optional_record("actor", Actor.from_dict),
            said_on=read.optional_record("said_on", SaidOn.from_dict),
            act=read.optional_choice("act", AttributionAct),
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
        return fields_to_dict(self)

    @classmethod
    def from_dict(cls, data: object) -> Provenance:
        return fields_from_dict(cls, data)
