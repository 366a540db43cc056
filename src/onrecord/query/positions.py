"""The positions tracker over the store: each actor's positions on an issue, on one
timeline, as ``onrecord positions --issue FILE INPUT…`` gives them for files.

The store keeps every article's positions with the actor the registry resolved them
to, across the whole store. This module reads them for one issue (and, asked, one
actor) and applies the tracker's own rules (``resolve._timeline``: which positions
merge, their order, shifts, the position as of a day), so the tracker from the store
and the one from files are the same function of the same positions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from onrecord.errors import NotFoundError
from onrecord.model import Actor, ActorType, Issue
from onrecord.resolve import TrackedPosition
from onrecord.resolve._timeline import Sighting, current, timelines, undated
from onrecord.store import Store, StoredPosition

__all__ = ["Timeline", "stored_issue", "track_from_store"]


@dataclass(frozen=True)
class Timeline:
    """The tracker's answer for one issue: its positions, actor by actor, each in date
    order, its undated ones after, and the store's id of each article they name
    (``Position.article``), to link them. With ``as_of``: each actor's positions of its
    latest dated day by then, and apart (``undated``) the undated positions on record by
    then, never taken as the latest; ``shown`` gives both, as ``positions --issue FILE
    INPUT… --as-of`` lists them."""

    issue: Issue
    positions: list[TrackedPosition]
    as_of: date | None = None
    undated: list[TrackedPosition] = field(default_factory=list)
    article_ids: dict[str, str] = field(default_factory=dict)

    @property
    def shown(self) -> list[TrackedPosition]:
        return self.positions + self.undated


def stored_issue(store: Store, issue_id: str) -> Issue:
    """The current version of an issue the store follows."""
    followed = {stored.issue.id: stored.issue for stored in store.current_issues()}
    if issue_id in followed:
        return followed[issue_id]
    known = ", ".join(sorted(followed)) or "none yet"
    raise NotFoundError(
        f"issue {issue_id!r}: the store follows no issue of that id (it follows: {known}); "
        "`onrecord ingest --issue FILE` adds one"
    )


def track_from_store(
    store: Store, issue_id: str, as_of: date | None = None, actor_id: str | None = None
) -> Timeline:
    """The tracker of ``issue_id`` from the store's current positions: every position,
    or each actor's as of ``as_of``; with ``actor_id``, that actor's alone."""
    issue = stored_issue(store, issue_id)
    if as_of is None:
        stored = store.stored_positions(issue_id, actor_id)
        by_actor = _timelines(store, stored)
        found = [item for line in by_actor.values() for item in line]
        return Timeline(issue, found, None, article_ids=_article_ids(stored))
    if actor_id is None:
        ids = store.positions_as_of(issue_id, as_of)
        stored = store.stored_positions(issue_id, ids=ids) if ids else []
    else:
        stored = store.stored_positions(issue_id, actor_id)
    # Where each actor stood that day depends on a few of its positions only: the
    # store picks them (store._as_of), and the tracker's rules run over those.
    by_actor = _timelines(store, stored)
    found = [item for line in by_actor.values() for item in current(line, as_of)]
    apart = [item for line in by_actor.values() for item in undated(line, as_of)]
    return Timeline(issue, found, as_of, undated=apart, article_ids=_article_ids(stored))


def _article_ids(stored: Sequence[StoredPosition]) -> dict[str, str]:
    return {s.article: s.article_id for s in stored}


def _timelines(store: Store, stored: Sequence[StoredPosition]) -> dict[str, list[TrackedPosition]]:
    # As PositionTracker.add: each position named by its article, with its article's day.
    sightings = [
        Sighting(dataclasses.replace(s.position, article=s.article), s.published) for s in stored
    ]
    ids = sorted({s.position.actor.id for s in stored})
    canonical = {
        a.id: Actor(a.name, ActorType(a.type), a.role, a.affiliation, a.id)
        for a in store.stored_actors(ids)
    }
    return timelines(sightings, canonical)
