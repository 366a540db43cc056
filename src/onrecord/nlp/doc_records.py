"""The NLP stage's working records: attributions and dates over a Doc's tokens.

Every component reads and writes these on ``doc._.attributions``; ``nlp.to_model``
turns them into the record model's plain data with article offsets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span

from onrecord.model import Actor, AttributionAct, AttributionKind, DateRule

# The method of an interview transcript's turns ("TAPPER: …"), which the speaker
# resolver reads as the label's person.
TRANSCRIPT_METHOD = "rule:transcript-turn-v1"


@dataclass(frozen=True)
class DocSaidOn:
    """When a statement was made (see ``onrecord.model.SaidOn``), over a Doc's tokens."""

    date: dt.date | None
    rule: DateRule
    basis: Span | None = None  # the time expression; None for the publication date
    earliest: dt.date | None = None
    latest: dt.date | None = None


@dataclass
class DocAttribution:
    """An attribution over a Doc's tokens; ``cue`` or ``source`` may be absent.

    ``act`` is set by the attribution component once every rule has run
    (``nlp.attribution.acts``); ``actor`` and ``said_on`` by the components that run
    after it (``onrecord_speakers_v1``, ``onrecord_said_on_v1``).
    """

    cue: Span | None
    source: Span | None
    content: list[Span]
    kind: AttributionKind
    confidence: float
    method: str
    actor: Actor | None = None
    said_on: DocSaidOn | None = None
    act: AttributionAct | None = None

    def content_tokens(self) -> set[int]:
        """The indices of the content's tokens, all parts together."""
        return {t.i for part in self.content for t in part}
