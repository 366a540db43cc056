"""The positions stage's working record, over a Doc's tokens."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span

from onrecord.model import Actor, Coarse
from onrecord.nlp.doc_records import DocAttribution, DocSaidOn


@dataclass
class DocPosition:
    """A position over a Doc's tokens (see ``onrecord.model.Position``)."""

    issue: str
    actor: Actor
    stance: str
    coarse: Coarse
    conditions: str | None
    said_on: DocSaidOn | None
    as_of: date | None
    held_before: date | None
    evidence: list[Span]
    confidence: float
    method: str
    attributions: list[DocAttribution] = field(default_factory=list)
    speaker: Actor | None = None
