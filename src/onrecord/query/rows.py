"""Records as rows: the flat views that tables, CSV exports and the web app show.

Each row is a dict of plain values (text, numbers, ``None`` where there is nothing),
its keys the names of its view's columns. Pure functions over record-model objects
and what ``resolve`` makes of them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from onrecord.model import Attribution, Position
from onrecord.resolve import RegistryEntry, TrackedPosition

__all__ = [
    "ACTOR_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "POSITION_COLUMNS",
    "Row",
    "TRACKED_POSITION_COLUMNS",
    "TRACKED_POSITION_SUMMARY_COLUMNS",
    "actor_row",
    "attribution_row",
    "position_row",
    "tracked_position_row",
    "tracked_position_summary",
]

Row = dict[str, Any]

PARTS = " … "  # between the parts of one quote, or one position's evidence sentences

ATTRIBUTION_COLUMNS = ("speaker", "cue", "said_on", "kind", "act", "content")
POSITION_COLUMNS = ("actor", "stance", "as_of", "evidence")
ACTOR_COLUMNS = ("id", "name", "type", "mentions", "articles", "roles")
TRACKED_POSITION_COLUMNS = (
    "issue",
    "actor_id",
    "actor",
    "actor_type",
    "stance",
    "coarse",
    "as_of",
    "held_before",
    "placed_on",
    "conditions",
    "shift",
    "shifted_from",
    "confidence",
    "articles",
    "evidence",
    "undated",
)
TRACKED_POSITION_SUMMARY_COLUMNS = (
    "actor",
    "stance",
    "coarse",
    "as_of",
    "shift",
    "articles",
    "conditions",
    "evidence",
)


def attribution_row(attribution: Attribution) -> Row:
    """Who (the actor's name, else the source's words), the cue, the day, the kind, the
    act and the content, its parts joined by " … "."""
    a = attribution
    return {
        "speaker": a.actor.name if a.actor else (a.source.text if a.source else None),
        "cue": a.cue.text if a.cue else None,
        "said_on": _iso(a.said_on.date) if a.said_on else None,
        "kind": a.kind.value,
        "act": a.act.value if a.act else None,
        "content": PARTS.join(part.text for part in a.content),
    }


def position_row(position: Position) -> Row:
    """One article's position: actor, stance, day and evidence sentences."""
    return {
        "actor": position.actor.name,
        "stance": position.stance,
        "as_of": _iso(position.as_of),
        "evidence": PARTS.join(span.text for span in position.evidence),
    }


def actor_row(entry: RegistryEntry) -> Row:
    """One actor of a corpus: id, name, type, how many mentions and articles, its roles
    (each once, sorted, joined by "; ")."""
    actor = entry.actor
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type.value,
        "mentions": entry.mentions,
        "articles": len(entry.articles),
        "roles": "; ".join(sorted({sighting.role for sighting in entry.roles})),
    }


def tracked_position_row(item: TrackedPosition) -> Row:
    """A tracked position, every field flat: articles joined by "; ", evidence texts by
    " | ", ``shift`` and ``undated`` "yes" or ``None``."""
    return {
        "issue": item.issue,
        "actor_id": item.actor.id,
        "actor": item.actor.name,
        "actor_type": item.actor.type.value,
        "stance": item.stance,
        "coarse": item.coarse.value,
        "as_of": _iso(item.as_of),
        "held_before": _iso(item.held_before),
        "placed_on": _iso(item.placed_on),
        "conditions": item.conditions,
        "shift": "yes" if item.shift else None,
        "shifted_from": item.shifted_from,
        "confidence": round(item.confidence, 3),
        "articles": "; ".join(item.articles),
        "evidence": " | ".join(evidence.span.text for evidence in item.evidence),
        "undated": "yes" if item.undated else None,
    }


def tracked_position_summary(item: TrackedPosition) -> Row:
    """A tracked position in one line: its first evidence sentence, how many articles,
    and a shift as "← " and the stance it left."""
    return {
        "actor": item.actor.name,
        "stance": item.stance,
        "coarse": item.coarse.value,
        "as_of": _iso(item.as_of),
        "shift": f"← {item.shifted_from}" if item.shifted_from else None,
        "articles": len(item.articles),
        "conditions": item.conditions,
        "evidence": item.evidence[0].span.text if item.evidence else None,
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
