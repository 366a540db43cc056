"""Issues a user follows, and the positions actors take on them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from onrecord.model.actor import Actor
from onrecord.model.codec import (
    Fields,
    check_version,
    fields_from_dict,
    fields_to_dict,
    iso,
    versioned,
)
from onrecord.model.span import Span


class Coarse(StrEnum):
    """The four stances every label set maps onto, so trackers and scores compare."""

    FOR = "for"
    FOR_WITH_LIMITS = "for_with_limits"
    AGAINST = "against"
    UNDECIDED = "undecided"


class Signal(StrEnum):
    """What a sentence can do about the statement at stake; ``nlp.positions`` finds them.
    An issue file's labels name them by their values ("permission+limits")."""

    PERMISSION = "permission"  # allows it: "authorized", "is allowed to", "their decision"
    LIMITS = "limits"  # narrows it: "only", "counter-fire", "as long as"
    PROHIBITION = "prohibition"  # rules it out: "prohibited", "only inside Ukraine", "not allowed"
    ADVOCACY = "advocacy"  # asks for it: "should be allowed", "urged ... to lift restrictions"
    OPPOSITION = "opposition"  # is against it: "opposes", "refuses", "rejects"
    WARNING = "warning"  # threatens consequences: "warned", "would mean war"
    CONSIDERATION = "consideration"  # has not decided: "is considering", "weighing"


# The signals' values, which an issue file's labels may combine.
SIGNALS = frozenset(s.value for s in Signal)


@dataclass(frozen=True)
class StanceLabel:
    """One stance of an issue's label set.

    ``signals`` are alternatives; each is one signal or several joined by "+", all of
    which must be present ("permission+limits"). ``hints`` are phrases that give this
    label directly when a relevant sentence contains them.
    """

    label: str
    description: str
    coarse: Coarse
    signals: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return fields_to_dict(self)

    @classmethod
    def from_dict(cls, data: object) -> StanceLabel:
        return fields_from_dict(cls, data)


@dataclass(frozen=True)
class Example:
    text: str
    stance: str

    def to_dict(self) -> dict[str, Any]:
        return fields_to_dict(self)

    @classmethod
    def from_dict(cls, data: object) -> Example:
        return fields_from_dict(cls, data)


@dataclass(frozen=True)
class Issue:
    """A question the user follows.

    A sentence is about the issue when it, or the sentence before it, mentions every
    one of ``topics`` (each a group of alternative words or phrases: "weapons",
    "missiles"; "inside Russia", "Russian territory"). ``scope`` restricts the actor
    types positions are kept for.
    """

    id: str
    title: str
    statement: str
    description: str
    stances: tuple[StanceLabel, ...]
    topics: tuple[tuple[str, ...], ...]
    examples: tuple[Example, ...] = ()
    scope: tuple[str, ...] = ()

    def stance(self, label: str) -> StanceLabel:
        for stance in self.stances:
            if stance.label == label:
                return stance
        raise KeyError(label)

    def to_dict(self) -> dict[str, Any]:
        return versioned(fields_to_dict(self))

    @classmethod
    def from_dict(cls, data: object) -> Issue:
        check_version(Fields(data, "Issue").data, "Issue")
        return fields_from_dict(cls, data)


@dataclass
class Position:
    """Where one actor stood on one issue, on one date, and the words that show it.

    ``speaker`` is who said it when that is not the actor (a minister speaking for
    "Government of Italy"). ``evidence`` are the sentences, ``attributions`` the ids of
    the attributions the position rests on. ``as_of`` is ``None`` when the text gives
    no day; ``held_before`` is then the day before which the text says it was held
    ("Previously, Washington's official position prohibited ..." in an article of 30
    May: 2024-05-30), so that a tracker can order it without a guessed day.
    ``confidence`` is written to three decimals.
    """

    issue: str
    actor: Actor
    stance: str
    coarse: Coarse
    conditions: str | None
    as_of: dt.date | None
    evidence: list[Span]
    confidence: float
    method: str
    attributions: list[str] = field(default_factory=list)
    speaker: Actor | None = None
    article: str = ""  # the article's name, once positions leave their analysis
    held_before: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "issue": self.issue,
            "actor": self.actor.to_dict(),
            "stance": self.stance,
            "coarse": self.coarse.value,
            "conditions": self.conditions,
            "as_of": iso(self.as_of),
            "held_before": iso(self.held_before),
            "evidence": [span.to_dict() for span in self.evidence],
            "attributions": list(self.attributions),
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": round(self.confidence, 3),
            "method": self.method,
        }
        if self.article:
            out["article"] = self.article
        return out

    @classmethod
    def from_dict(cls, data: object) -> Position:
        read = Fields(data, "Position")
        return cls(
            issue=read.text("issue"),
            actor=read.record("actor", Actor.from_dict),
            stance=read.text("stance"),
            coarse=read.choice("coarse", Coarse),
            conditions=read.optional_text("conditions"),
            as_of=read.day("as_of"),
            evidence=read.records("evidence", Span.from_dict),
            confidence=read.number("confidence", 1.0),
            method=read.optional_text("method") or "",
            attributions=read.texts("attributions"),
            speaker=read.optional_record("speaker", Actor.from_dict),
            article=read.optional_text("article") or "",
            held_before=read.day("held_before"),
        )
