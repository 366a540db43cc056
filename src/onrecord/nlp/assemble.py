"""Parsed Docs become an article's records, piece by piece.

Each parsed Doc (a whole article, or one piece of a long one: ``nlp.document``)
is turned into records as soon as it is parsed, so that a long article never
holds more than one piece's Doc. An article's pieces then make one analysis:
attribution ids numbered through the article, and the positions that pieces
found for the same actor, issue, label and date merged into one, as they are
within a piece (``nlp.positions.merge``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from onrecord.model import Attribution, Issue, Position, fold
from onrecord.nlp.document import ParsedArticle
from onrecord.nlp.to_model import to_attributions, to_positions

__all__ = ["ArticleRecords"]


@dataclass
class ArticleRecords:
    """The records of an article's pieces so far."""

    attributions: list[Attribution] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    pieces: int = 0

    def add(self, parsed: ParsedArticle, issues: Sequence[Issue]) -> None:
        """The records of one parsed piece (or whole article), after those before it."""
        text = parsed.article.text
        ids: dict[int, str] = {}
        self.attributions += to_attributions(
            parsed.view,
            text,
            parsed.doc._.attributions,
            ids,
            first_number=len(self.attributions) + 1,
        )
        if issues:
            self.positions += to_positions(parsed.view, text, parsed.doc._.positions or [], ids)
        self.pieces += 1

    def merged_positions(self) -> list[Position]:
        """The positions, those of several pieces on the same actor, issue, label and
        date made one (with all their evidence)."""
        if self.pieces < 2:
            return self.positions
        merged: dict[tuple[str, str, str, object], Position] = {}
        for position in self.positions:
            key = (position.issue, fold(position.actor.name), position.stance, position.as_of)
            if key in merged:
                _absorb(merged[key], position)
            else:
                merged[key] = position
        return list(merged.values())


def _absorb(kept: Position, position: Position) -> None:
    kept.evidence += [s for s in position.evidence if s not in kept.evidence]
    kept.attributions += [a for a in position.attributions if a not in kept.attributions]
    kept.confidence = max(kept.confidence, position.confidence)
    parts = [p for text in (kept.conditions, position.conditions) if text for p in text.split("; ")]
    kept.conditions = "; ".join(dict.fromkeys(parts)) or None
    kept.speaker = kept.speaker or position.speaker
    kept.held_before = kept.held_before or position.held_before
