"""Actors from the store: the registry as ``onrecord actors`` lists it, searched by
name, and one actor's profile (roles over time, quotes, positions)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from onrecord.errors import ConfigError, NotFoundError
from onrecord.model import Actor, ActorType, fold
from onrecord.query.positions import track_from_store
from onrecord.query.quotes import named_in_store, quote_to_dict
from onrecord.resolve import RegistryEntry, RoleSighting, TrackedPosition
from onrecord.store import QuoteFilter, Store, StoredActor, StoredQuote

__all__ = [
    "ROLE_SPELL_COLUMNS",
    "ActorProfile",
    "RoleSpell",
    "actor_profile",
    "registry_entry",
    "role_spells",
    "search_entries",
    "stored_entries",
]

ROLE_SPELL_COLUMNS = ("role", "first", "last", "articles")


@dataclass(frozen=True)
class RoleSpell:
    """One role an actor was given: the first and last day articles gave it, and in
    how many articles."""

    role: str
    first: date | None
    last: date | None
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "first": _iso(self.first),
            "last": _iso(self.last),
            "articles": self.articles,
        }


@dataclass(frozen=True)
class ActorProfile:
    """One actor of the store: its registry entry, its roles over time, what it said
    (oldest first) and its positions on each issue (issue by issue, in date order)."""

    entry: RegistryEntry
    roles: list[RoleSpell]
    quotes: list[StoredQuote]
    positions: list[TrackedPosition]

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.entry.to_dict(),
            "roles": [spell.to_dict() for spell in self.roles],
            "quotes": [quote_to_dict(quote) for quote in self.quotes],
            "positions": [item.to_dict() for item in self.positions],
        }


def stored_entries(store: Store, search: str | None = None) -> list[RegistryEntry]:
    """The store's actors as the registry gives them (the most mentioned first, then by
    name); with ``search``, those whose name, an alias or the id holds it."""
    entries = sorted(map(registry_entry, store.stored_actors()), key=_registry_order)
    return search_entries(entries, search) if search is not None else entries


def search_entries(entries: Iterable[RegistryEntry], text: str) -> list[RegistryEntry]:
    """The entries whose name, an alias or the id holds ``text``, case and accents aside."""
    wanted = fold(text)
    if not wanted:
        raise ConfigError(f"--search {text!r}: give some letters or digits to look for")
    return [
        entry
        for entry in entries
        if any(wanted in fold(name) for name in (entry.actor.name, entry.actor.id, *entry.aliases))
    ]


def actor_profile(store: Store, name: str) -> ActorProfile:
    """The profile of the actor ``name`` names (its id, name or an alias)."""
    found = named_in_store(store, name)
    exact = [actor for actor in found if actor.id == name]
    if not found:
        raise NotFoundError(
            f"actor {name!r}: the store has no actor of that name, alias or id; "
            "`onrecord actors --search TEXT` lists the actors whose names hold TEXT"
        )
    if len(found) > 1 and not exact:
        named = "; ".join(f"{actor.id} ({actor.name})" for actor in found)
        raise ConfigError(f"actor {name!r} names several actors: {named}; give one of the ids")
    chosen = (exact or found)[0].id
    entry = registry_entry(store.stored_actors([chosen])[0])
    quotes = store.quotes(QuoteFilter(speaker_ids=(chosen,)))
    positions = [
        item
        for issue in store.position_issues(chosen)
        for item in track_from_store(store, issue, actor_id=chosen).positions
    ]
    return ActorProfile(entry, role_spells(entry.roles), quotes, positions)


def registry_entry(stored: StoredActor) -> RegistryEntry:
    """The registry entry a stored actor was written from (``RegistryEntry.to_dict()``)."""
    record = stored.record
    actor = Actor(stored.name, ActorType(stored.type), stored.role, stored.affiliation, stored.id)
    roles = tuple(
        RoleSighting(r["role"], r["article"], date.fromisoformat(r["date"]) if r["date"] else None)
        for r in record.get("roles", [])
    )
    return RegistryEntry(
        actor=actor,
        aliases=tuple(record.get("aliases", stored.aliases)),
        articles=tuple(record.get("articles", [])),
        mentions=stored.mentions,
        roles=roles,
    )


def role_spells(sightings: Iterable[RoleSighting]) -> list[RoleSpell]:
    """Each role once, with its first and last day and its articles, by its first day
    (undated roles last)."""
    by_role: dict[str, list[RoleSighting]] = {}
    for sighting in sightings:
        by_role.setdefault(sighting.role, []).append(sighting)
    spells = []
    for role, seen in by_role.items():
        days = [s.said_on for s in seen if s.said_on is not None]
        first, last = (min(days), max(days)) if days else (None, None)
        spells.append(RoleSpell(role, first, last, len({s.article for s in seen})))
    return sorted(spells, key=lambda s: (s.first or date.max, s.last or date.max, s.role))


def _registry_order(entry: RegistryEntry) -> tuple[int, str, str]:
    # ActorRegistry.actors()'s order, so the store lists actors as files do.
    return (-entry.mentions, fold(entry.actor.name), entry.actor.id)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
