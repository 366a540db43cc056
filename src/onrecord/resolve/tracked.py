"""What the positions tracker gives: one position on an actor's timeline, with its evidence.

Several articles often report the same fact ("the U.S. now allows limited strikes", on
30 May, in three outlets). The tracker merges their positions into one
``TrackedPosition`` that keeps every article's position, so no evidence is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from onrecord.model import Actor, Coarse, Position, Span

__all__ = ["Evidence", "TrackedPosition"]


@dataclass(frozen=True)
class Evidence:
    """One evidence span and the name of the article it is in."""

    article: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, **self.span.to_dict()}


@dataclass(frozen=True)
class TrackedPosition:
    """One position on an actor's timeline: the same fact as one or more articles give it.

    ``actor`` is the registry's canonical actor. ``positions`` are the articles'
    positions it merges, each with its ``article`` name, in order of publication;
    their actors are canonical too, keeping the role the article gave.
    ``placed_on`` is the day that places it on the timeline: ``as_of``, else the day
    before ``held_before``, else (``undated``: kept after the dated ones, never the
    latest) the publication date of its articles, else ``None``. ``published`` is
    the earliest publication date of its articles. ``shifted_from`` is the actor's
    stance on its previous dated day when the coarse stance has changed since then.
    """

    issue: str
    actor: Actor
    stance: str
    coarse: Coarse
    as_of: date | None
    placed_on: date | None
    published: date | None
    positions: tuple[Position, ...]
    shifted_from: str | None = None

    @property
    def held_before(self) -> date | None:
        """For an undated position, the day before which its articles say it was held."""
        days = [p.held_before for p in self.positions if p.held_before is not None]
        return min(days, default=None) if self.as_of is None else None

    @property
    def undated(self) -> bool:
        """Neither dated nor held before a known day: the tracker keeps it apart from the
        timeline and never takes it as the actor's latest position."""
        return self.as_of is None and self.held_before is None

    @property
    def shift(self) -> bool:
        return self.shifted_from is not None

    @property
    def articles(self) -> tuple[str, ...]:
        """The names of the articles it rests on, in order of publication."""
        return tuple(dict.fromkeys(p.article for p in self.positions))

    @property
    def evidence(self) -> list[Evidence]:
        return [Evidence(p.article, span) for p in self.positions for span in p.evidence]

    @property
    def attributions(self) -> list[tuple[str, str]]:
        """(article name, attribution id) of every attribution it rests on."""
        return [(p.article, attribution) for p in self.positions for attribution in p.attributions]

    @property
    def conditions(self) -> str | None:
        """The conditions the articles give, each once, joined by "; "."""
        found = dict.fromkeys(p.conditions for p in self.positions if p.conditions)
        return "; ".join(found) or None

    @property
    def confidence(self) -> float:
        """The highest confidence of its positions: more reports never lower it."""
        return max(p.confidence for p in self.positions)

    @property
    def speakers(self) -> list[Actor]:
        """Who voiced it, when not the actor itself (each actor once)."""
        by_id = {p.speaker.id: p.speaker for p in self.positions if p.speaker is not None}
        return list(by_id.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "issue": self.issue,
            "actor": self.actor.to_dict(),
            "stance": self.stance,
            "coarse": self.coarse.value,
            "as_of": _iso(self.as_of),
            "held_before": _iso(self.held_before),
            "placed_on": _iso(self.placed_on),
            "undated": self.undated,
            "published": _iso(self.published),
            "conditions": self.conditions,
            "shift": self.shift,
            "shifted_from": self.shifted_from,
            "confidence": round(self.confidence, 3),
            "articles": list(self.articles),
            "evidence": [evidence.to_dict() for evidence in self.evidence],
            "attributions": [{"article": a, "id": i} for a, i in self.attributions],
            "speakers": [speaker.to_dict() for speaker in self.speakers],
            "methods": sorted({p.method for p in self.positions if p.method}),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
