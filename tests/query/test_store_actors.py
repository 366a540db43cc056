"""Actors from the store: the registry as files give it, searched, and one actor's
profile; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from onrecord import api
from onrecord.errors import ConfigError, NotFoundError
from onrecord.query import actor_profile, role_spells, search_entries, stored_entries
from onrecord.resolve import ActorRegistry, RegistryEntry, RoleSighting
from onrecord.store import Store
from stored_corpus import corpus_url, filled


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with filled(corpus_url(request, tmp_path_factory.mktemp("actors"))) as stored:
        yield stored


def test_the_stores_actors_are_the_registrys_entries(store: Store) -> None:
    # The registry over the store's mentions, as `onrecord ingest` resolves them ...
    registry = ActorRegistry()
    for mention in store.mentions():
        registry.add_actor(mention.actor, mention.article, mention.said_on)
    stored = stored_entries(store)
    assert [(e.actor, e.aliases, e.roles) for e in stored] == [
        (e.actor, e.aliases, e.roles) for e in _by_order(registry.actors(), stored)
    ]
    # ... counting attributions only, as `onrecord actors INPUT…` counts them.
    from_files = {
        e.actor.id: e for e in api.actor_registry(store.analyses(canonical=False)).actors()
    }
    for entry in stored:
        counted = from_files.get(entry.actor.id)
        assert (entry.mentions, entry.articles) == (
            (counted.mentions, counted.articles) if counted else (0, ())
        ), entry.actor.id
    positions_only = [e.actor.id for e in stored if e.mentions == 0]
    assert positions_only == ["government-of-the-united-states"]  # Blinken speaks for it


def _by_order(entries: list[RegistryEntry], order: list[RegistryEntry]) -> list[RegistryEntry]:
    by_id = {entry.actor.id: entry for entry in entries}
    assert set(by_id) == {entry.actor.id for entry in order}
    return [by_id[entry.actor.id] for entry in order]


def test_search_by_any_name_case_and_accents_aside(store: Store) -> None:
    assert [e.actor.id for e in stored_entries(store, "STOLT")] == ["jens-stoltenberg"]
    assert [e.actor.id for e in stored_entries(store, "government of")] == [
        "government-of-germany",
        "government-of-the-united-states",
    ]
    assert stored_entries(store, "Scholz") == []
    with pytest.raises(ConfigError, match="--search"):
        search_entries(stored_entries(store), " - ")


def test_a_profile_has_roles_quotes_and_positions(store: Store) -> None:
    profile = actor_profile(store, "Stoltenberg")
    assert profile.entry.actor.id == "jens-stoltenberg"
    assert [(s.role, s.first, s.last, s.articles) for s in profile.roles] == [
        ("NATO's secretary general", date(2024, 5, 30), date(2024, 5, 30), 1)
    ]
    assert [q.article for q in profile.quotes] == ["independent", "cbc"]
    assert [(p.stance, p.as_of, p.shifted_from) for p in profile.positions] == [
        ("opposes", date(2024, 5, 3), None),
        ("supports", date(2024, 5, 30), "opposes"),
    ]
    whole = profile.to_dict()
    assert whole["actor"]["aliases"] == ["Jens Stoltenberg", "Stoltenberg"]
    assert [q["id"] for q in whole["quotes"]] == [q.id for q in profile.quotes]


def test_a_profile_of_an_actor_with_no_positions(store: Store) -> None:
    profile = actor_profile(store, "institute-for-the-study-of-war")
    assert profile.positions == [] and profile.roles == []
    assert [q.content for q in profile.quotes] == ["Russian forces massed near Kharkiv"]


def test_no_such_actor_says_where_to_look(store: Store) -> None:
    with pytest.raises(NotFoundError, match="onrecord actors --search"):
        actor_profile(store, "Olaf Scholz")


def test_role_spells_by_first_day_undated_last() -> None:
    spells = role_spells(
        [
            RoleSighting("foreign minister", "a", date(2024, 1, 5)),
            RoleSighting("prime minister", "b", date(2024, 3, 1)),
            RoleSighting("foreign minister", "c", date(2024, 2, 1)),
            RoleSighting("foreign minister", "c", date(2024, 2, 2)),
            RoleSighting("party leader", "d", None),
        ]
    )
    assert [(s.role, s.first, s.last, s.articles) for s in spells] == [
        ("foreign minister", date(2024, 1, 5), date(2024, 2, 2), 2),
        ("prime minister", date(2024, 3, 1), date(2024, 3, 1), 1),
        ("party leader", None, None, 1),
    ]
