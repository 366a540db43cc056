"""The actors' list and an actor's page: names, roles over time, positions, quotes.

``/actors/{id}`` shows what ``query.actor_profile`` holds, read for a page: the names
and aliases the articles gave, the roles with the first and last day each was given,
the positions per issue as a small timeline (from the issue's timeline, kept between
requests: ``issue.whole_timeline``), the latest quotes with outlet and day (counted
in the store, not all read), who the same articles quote beside it, and how the
actor speaks: in its own name, through named others (a minister for a government),
or through anonymous sources.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from onrecord.model import ActorType, AttributionKind
from onrecord.query import actor_profile, quote_to_dict, registry_entry, role_spells, stored_entries
from onrecord.resolve import TrackedPosition
from onrecord.store import QuoteFilter, Store, StoredActor, StoredQuote
from onrecord.web.pages._chart import timeline_chart
from onrecord.web.pages.issue import whole_timeline

__all__ = ["actor_context", "actors_context"]

LISTED = 100  # actors a page of the list shows, the most mentioned first
QUOTES_SHOWN = 100
BESIDE = 10  # the speakers quoted beside the actor that the page names


def actors_context(store: Store, search: str | None, page: int = 1) -> dict[str, Any]:
    """The actors of the store (those whose names hold ``search``), most mentioned
    first, ``LISTED`` a page."""
    entries = stored_entries(store, search or None)
    pages = max(1, -(-len(entries) // LISTED))
    page = min(max(page, 1), pages)
    return {
        "search": search,
        "total": len(entries),
        "page": page,
        "pages": pages,
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
            for e in entries[(page - 1) * LISTED : page * LISTED]
        ],
    }


def actor_context(store: Store, actor_id: str) -> dict[str, Any]:
    """The page of one actor (by id; a name or alias is looked up as
    ``onrecord actor`` looks it up), as plain data."""
    found = store.stored_actors([actor_id])
    # Not an id: the profile resolves a name or an alias, or says why it cannot.
    stored = found[0] if found else _by_name(store, actor_id)
    entry = registry_entry(stored)
    actor = entry.actor
    said = QuoteFilter(speaker_ids=(actor.id,))
    total = store.quote_count(said)
    # The end of the store's order only (by day, oldest first, undated last): shown
    # newest first, the undated after them.
    tail = store.quotes(said, QUOTES_SHOWN, max(0, total - QUOTES_SHOWN))
    latest = sorted(tail, key=lambda q: (q.day is None, -(q.day.toordinal() if q.day else 0)))
    kinds = {k.value: store.quote_count(replace(said, kind=k.value)) for k in AttributionKind}
    issues = {
        issue: [i for i in whole_timeline(store, issue).positions if i.actor.id == actor.id]
        for issue in store.position_issues(actor.id)
    }
    return {
        "actor": {
            "id": actor.id,
            "name": actor.name,
            "type": actor.type.value,
            "role": actor.role,
            "affiliation": actor.affiliation,
            "aliases": [a for a in entry.aliases if a != actor.name],
            "mentions": entry.mentions,
            "articles": len(entry.articles),
        },
        "roles": [spell.to_dict() for spell in role_spells(entry.roles)],
        "quotes_total": total,
        "kinds": {kind: n for kind, n in kinds.items() if n},
        "outlets": [{"outlet": o, "quotes": n} for o, n in _outlets(latest)],
        "voiced": _voiced([item for items in issues.values() for item in items], actor.id),
        "issues": [
            {
                "id": issue,
                "positions": [_entry(item) for item in items],
                "chart": timeline_chart(items, None, _days(items)),
            }
            for issue, items in sorted(issues.items())
        ],
        "beside": _beside(store, latest, actor.id),
        "quotes": [quote_to_dict(q) for q in latest],
    }


def _beside(store: Store, latest: list[StoredQuote], actor_id: str) -> list[dict[str, Any]]:
    """Who else the articles of the actor's latest quotes quote, the most articles first."""
    articles = tuple(dict.fromkeys(q.article_id for q in latest))
    if not articles:
        return []
    others = store.quotes(QuoteFilter(article_ids=articles))
    seen = {(q.speaker_id, q.speaker, q.article_id) for q in others if q.speaker_id != actor_id}
    counts = Counter((sid, name) for sid, name, _ in seen if name)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0][1])))[:BESIDE]
    return [{"id": sid, "name": name, "articles": n} for (sid, name), n in ranked]


def _by_name(store: Store, name: str) -> StoredActor:
    chosen = actor_profile(store, name).entry.actor.id
    return store.stored_actors([chosen])[0]


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
