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
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from onrecord.errors import NotFoundError
from onrecord.model import Actor, ActorType, Issue
from onrecord.resolve import TrackedPosition
from onrecord.resolve._timeline import Sighting, current, timelines
from onrecord.store import PositionDay, Store, StoredPosition

__all__ = ["Timeline", "needed_as_of", "stored_issue", "track_from_store"]


@dataclass(frozen=True)
class Timeline:
    """The tracker's answer for one issue: its positions, actor by actor, each in date
    order (with ``as_of``, only each actor's positions of its latest day by then)."""

    issue: Issue
    positions: list[TrackedPosition]
    as_of: date | None = None


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
        by_actor = _timelines(store, store.stored_positions(issue_id, actor_id))
        return Timeline(issue, [item for line in by_actor.values() for item in line])
    if actor_id is None:
        ids = needed_as_of(store.position_days(issue_id, until=as_of), as_of)
        stored = store.stored_positions(issue_id, ids=ids) if ids else []
    else:
        stored = store.stored_positions(issue_id, actor_id)
    by_actor = _timelines(store, stored)
    return Timeline(
        issue, [item for line in by_actor.values() for item in current(line, as_of)], as_of
    )


def needed_as_of(days: Sequence[PositionDay], as_of: date) -> list[int]:
    """The positions that where actors stood on ``as_of`` depends on: of each actor, those
    placed from its last dated day before its latest day by ``as_of`` up to ``as_of``
    (that day's shifts are from the day before it), and every position merged with one
    of them. The tracker over these gives, as of that day, what it gives over all; over
    a long record it reads a few positions an actor instead of every one.
    """
    by_actor: dict[str, list[PositionDay]] = defaultdict(list)
    for day in days:
        by_actor[day.actor].append(day)
    needed: set[int] = set()
    for held in by_actor.values():
        placed = [(d, _placed_on(d)) for d in held]
        on_time = [(d, when) for d, when in placed if when is not None and when <= as_of]
        if not on_time:
            continue
        latest = max(when for _, when in on_time)
        dated = [when for d, when in on_time if _dated(d) and when < latest]
        start = max(dated, default=latest)
        chosen = [d for d, when in on_time if when >= start]
        # An undated position merges with the actor's others of that stance and article day.
        undated = {(d.stance, d.published) for d in chosen if d.as_of is None}
        needed.update(d.id for d in chosen)
        needed.update(d.id for d in held if d.as_of is None and (d.stance, d.published) in undated)
    return sorted(needed)


def _placed_on(day: PositionDay) -> date | None:
    # Sighting.placed_on: its day, else the day before it was held before, else publication.
    if day.as_of is None and day.held_before is not None:
        return day.held_before - timedelta(days=1)
    return day.as_of or day.published


def _dated(day: PositionDay) -> bool:
    # A day _flag_shifts counts as a day: dated, or held before a known day.
    return day.as_of is not None or day.held_before is not None


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
