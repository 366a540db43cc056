"""The actors' list and an actor's page: names, roles over time, positions, quotes.

``/actors/{id}`` shows ``query.actor_profile``: the names and aliases the articles
gave, the roles with the first and last day each was given, the positions per issue
as a small timeline, the quotes newest first with outlet and day, and how the actor
speaks: in its own name, through named others (a minister for a government), or
through anonymous sources.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from onrecord.model import ActorType
from onrecord.query import actor_profile, quote_to_dict, stored_entries
from onrecord.resolve import TrackedPosition
from onrecord.store import Store
from onrecord.web.pages._chart import timeline_chart

__all__ = ["actor_context", "actors_context"]

LISTED = 500  # actors the list shows, the most mentioned first
QUOTES_SHOWN = 100


def actors_context(store: Store, search: str | None) -> dict[str, Any]:
    """The actors of the store (those whose names hold ``search``), most mentioned first."""
    entries = stored_entries(store, search or None)
    return {
        "search": search,
        "total": len(entries),
        "actors": [
            {
                "id": e.actor.id,
                "name": e.actor.name,
                "type": e.actor.type.value,
                "role": e.actor.role,
                "mentions": e.mentions,
                "articles": len(e.articles),
                "aliases": [a for a in e.aliases if a != e.actor.name][:5],
            }
            for e in entries[:LISTED]
        ],
    }


def actor_context(store: Store, actor_id: str) -> dict[str, Any]:
    """The page of one actor (by id, name or alias), as plain data."""
    profile = actor_profile(store, actor_id)
    actor = profile.entry.actor
    quotes = list(reversed(profile.quotes))  # newest first
    by_issue: dict[str, list[TrackedPosition]] = {}
    for item in profile.positions:
        by_issue.setdefault(item.issue, []).append(item)
    return {
        "actor": {
            "id": actor.id,
            "name": actor.name,
            "type": actor.type.value,
            "role": actor.role,
            "affiliation": actor.affiliation,
            "aliases": [a for a in profile.entry.aliases if a != actor.name],
            "mentions": profile.entry.mentions,
            "articles": len(profile.entry.articles),
        },
        "roles": [spell.to_dict() for spell in profile.roles],
        "quotes_total": len(quotes),
        "kinds": dict(Counter(q.kind for q in quotes)),
        "outlets": [{"outlet": o, "quotes": n} for o, n in _outlets(quotes)],
        "voiced": _voiced(profile.positions, actor.id),
        "issues": [
            {
                "id": issue,
                "positions": [_entry(item) for item in items],
                "chart": timeline_chart(items, None, _days(items)),
            }
            for issue, items in sorted(by_issue.items())
        ],
        "quotes": [quote_to_dict(q) for q in quotes[:QUOTES_SHOWN]],
    }


def _outlets(quotes: list[Any]) -> list[tuple[str, int]]:
    counts = Counter(q.outlet for q in quotes if q.outlet)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]


def _voiced(items: list[TrackedPosition], actor_id: str) -> dict[str, int]:
    """Who voiced the actor's positions, report by report: the actor itself, a named
    other (a minister for a government), or an anonymous source."""
    counts = {"itself": 0, "named others": 0, "anonymous sources": 0}
    for item in items:
        for position in item.positions:
            speaker = position.speaker
            if speaker is None or speaker.id == actor_id:
                counts["itself"] += 1
            elif speaker.type is ActorType.ANONYMOUS:
                counts["anonymous sources"] += 1
            else:
                counts["named others"] += 1
    return counts


def _entry(item: TrackedPosition) -> dict[str, Any]:
    return {
        "stance": item.stance,
        "coarse": item.coarse.value,
        "day": item.placed_on.isoformat() if item.placed_on else None,
        "undated": item.undated,
        "shifted_from": item.shifted_from,
        "conditions": item.conditions,
        "articles": len(item.articles),
    }


def _days(items: list[TrackedPosition]) -> list[Any]:
    return sorted({item.placed_on for item in items if item.placed_on})
