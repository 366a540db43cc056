"""The tracker's rules: which positions merge, their order, shifts, and the current one.

Pure functions over record objects; ``docs/positions.md`` states the rules for users.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from onrecord.model import Actor, Position, fold
from onrecord.resolve.tracked import TrackedPosition

MergeKey = tuple[str, str, date | None, date | None]


@dataclass(frozen=True)
class Sighting:
    """One article's position, its actor already canonical, with its article's date."""

    position: Position
    published: date | None

    @property
    def placed_on(self) -> date | None:
        """Its day, else the day before the one it was held before, else publication."""
        position = self.position
        if position.as_of is None and position.held_before is not None:
            return position.held_before - timedelta(days=1)
        return position.as_of or self.published

    def merge_key(self) -> MergeKey:
        position = self.position
        # An undated position is anchored by its article's day alone: merged with one from
        # another day, a later restatement would vanish into the earlier one's place.
        anchor = self.published if position.as_of is None else None
        return (position.actor.id, position.stance, position.as_of, anchor)

    def order_key(self) -> tuple[date, str, int]:
        first = min((span.start for span in self.position.evidence), default=0)
        return (self.published or date.max, self.position.article, first)


def timelines(
    sightings: Iterable[Sighting], actors: dict[str, Actor]
) -> dict[str, list[TrackedPosition]]:
    """Each actor's tracked positions in timeline order with shifts flagged, by actor id.

    ``actors`` gives the canonical actor of each id; actors come by name.
    """
    by_actor: dict[str, list[TrackedPosition]] = defaultdict(list)
    for group in _merge_groups(sightings):
        tracked = _merge(group, actors)
        by_actor[tracked.actor.id].append(tracked)
    ordered = sorted(by_actor, key=lambda i: (fold(by_actor[i][0].actor.name), i))
    return {i: _flag_shifts(sorted(by_actor[i], key=_timeline_key)) for i in ordered}


def current(timeline: list[TrackedPosition], as_of: date | None) -> list[TrackedPosition]:
    """The positions of the actor's latest dated day on or before ``as_of`` (any day if
    ``None``).

    Usually one; several when the actor took several positions that day (France
    permitting strikes with its own weapons and calling on others to allow them).
    Undated positions are never the latest: their article's date says only that they
    were on record by then, not that nothing came after them (see :func:`undated`).
    """
    placed = [
        item
        for item in timeline
        if not item.undated
        and item.placed_on is not None
        and (as_of is None or item.placed_on <= as_of)
    ]
    if not placed:
        return []
    latest = placed[-1].placed_on
    return [item for item in placed if item.placed_on == latest]


def undated(timeline: list[TrackedPosition], as_of: date | None) -> list[TrackedPosition]:
    """The actor's undated positions on record by ``as_of`` (all of them if ``None``):
    those whose articles were published on or before it."""
    return [
        item
        for item in timeline
        if item.undated
        and (as_of is None or (item.published is not None and item.published <= as_of))
    ]


def _merge_groups(sightings: Iterable[Sighting]) -> list[list[Sighting]]:
    groups: dict[MergeKey, list[Sighting]] = {}
    for sighting in sightings:
        groups.setdefault(sighting.merge_key(), []).append(sighting)
    return list(groups.values())


def _merge(group: list[Sighting], actors: dict[str, Actor]) -> TrackedPosition:
    group = sorted(group, key=Sighting.order_key)
    first = group[0].position
    published = [s.published for s in group if s.published is not None]
    return TrackedPosition(
        issue=first.issue,
        actor=actors.get(first.actor.id, first.actor),
        stance=first.stance,
        coarse=first.coarse,
        as_of=first.as_of,
        placed_on=group[0].placed_on,
        published=min(published, default=None),
        positions=tuple(s.position for s in group),
    )


def _timeline_key(item: TrackedPosition) -> tuple[bool, date, date, str, int]:
    """Dated positions by day, then the undated ones apart (by publication); ties by
    publication, article, offset."""
    evidence = item.evidence
    return (
        item.undated,
        item.placed_on or date.max,
        item.published or date.max,
        item.articles[0],
        evidence[0].span.start if evidence else 0,
    )


def _flag_shifts(ordered: list[TrackedPosition]) -> list[TrackedPosition]:
    """Dated positions whose coarse stance the actor's previous dated day did not have.

    A position held before a known day ("Previously, ...") counts as dated, on the day
    before. Other undated positions are never flagged and never the previous day: their
    place on the timeline is only their article's publication date. Positions of one day are
    not shifts from each other: they are different aspects, or reports in no order.
    """
    out: list[TrackedPosition] = []
    previous_day: list[TrackedPosition] = []
    this_day: list[TrackedPosition] = []
    for item in ordered:
        if not item.undated:
            if this_day and this_day[-1].placed_on != item.placed_on:
                previous_day, this_day = this_day, []
            item = dataclasses.replace(item, shifted_from=_shifted_from(item, previous_day))
            this_day.append(item)
        out.append(item)
    return out


def _shifted_from(item: TrackedPosition, previous_day: list[TrackedPosition]) -> str | None:
    if not previous_day or item.coarse in {p.coarse for p in previous_day}:
        return None
    return previous_day[-1].stance
