"""Positions in one Doc: candidate statements, their relevance, stance and actor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from onrecord.model import Actor, Coarse, Issue
from onrecord.nlp.rules import DocAttribution, DocSaidOn


@dataclass
class DocPosition:
    """A position over a Doc's tokens (see ``onrecord.model.Position``)."""

    issue: str
    actor: Actor
    stance: str
    coarse: Coarse
    conditions: str | None
    said_on: DocSaidOn | None
    evidence: list[Span]
    confidence: float
    method: str
    attributions: list[DocAttribution] = field(default_factory=list)
    speaker: Actor | None = None


class PositionFinder:
    def find(self, doc: Doc, issues: Sequence[Issue]) -> list[DocPosition]:
        return []
