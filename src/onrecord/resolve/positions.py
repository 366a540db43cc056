"""The positions tracker: where each actor stood on one issue, over time, across articles.

Extraction finds positions article by article. The tracker puts those of a whole
corpus on one timeline per actor (``docs/positions.md`` states the rules)::

    tracker = PositionTracker(issue, load_aliases("aliases.toml"))
    for analysis in analyses:               # analysed with the issue, so with positions
        tracker.add(analysis)
    for tracked in tracker.timeline():      # actor by actor, each in date order
        print(tracked.actor.name, tracked.stance, tracked.as_of, tracked.shifted_from)
    tracker.current(date(2024, 6, 1))       # where each actor stood that day
    tracker.undated(date(2024, 6, 1))       # undated positions on record by then, apart

It resolves actors with its own ``ActorRegistry`` over the same analyses, so one
real actor has one id whichever article names it. Like the registry, it decides
over everything added so far, again after each addition: add everything first.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from onrecord.model import Analysis, Issue, Position
from onrecord.resolve._timeline import Sighting, current, timelines, undated
from onrecord.resolve.aliases import Aliases
from onrecord.resolve.registry import ActorRegistry
from onrecord.resolve.tracked import TrackedPosition

__all__ = ["PositionTracker"]


class PositionTracker:
    """Positions on one issue across articles; see the module docstring."""

    def __init__(self, issue: Issue, aliases: Aliases | None = None) -> None:
        self.issue = issue
        self.registry = ActorRegistry(aliases)
        self._sightings: list[Sighting] = []
        self._article_ids: set[str] = set()
        self._timelines: dict[str, list[TrackedPosition]] | None = None

    def add(self, analysis: Analysis) -> None:
        """The analysis's positions on this issue, and all its actors for the registry.

        An article added twice (the same text) counts once, so that its evidence is
        not doubled.
        """
        article = analysis.article
        if article.id in self._article_ids:
            return
        self._article_ids.add(article.id)
        self.registry.add(analysis)
        published = article.published.date() if article.published else None
        for position in analysis.positions or []:
            if position.issue == self.issue.id:
                named = dataclasses.replace(position, article=article.name)
                self._sightings.append(Sighting(named, published))
                self._add_actors(position, article.id, published)
        self._timelines = None

    def timeline(self, actor_id: str | None = None) -> list[TrackedPosition]:
        """Every tracked position, actor by actor (by name), each actor's dated ones in
        date order, then its undated ones (``undated``), kept apart.

        With ``actor_id``, that actor's alone (none for an id the tracker has not seen).
        """
        by_actor = self._resolved()
        if actor_id is not None:
            return list(by_actor.get(actor_id, []))
        return [item for timeline in by_actor.values() for item in timeline]

    def current(self, as_of: date | None = None) -> list[TrackedPosition]:
        """Each actor's positions of its latest dated day on or before ``as_of`` (by
        default, its latest dated day of all); usually one an actor. An undated position
        is never current."""
        return [item for timeline in self._resolved().values() for item in current(timeline, as_of)]

    def undated(self, as_of: date | None = None) -> list[TrackedPosition]:
        """Each actor's undated positions, kept apart from its timeline: those on record
        by ``as_of`` (published on or before it), by default all of them."""
        return [item for timeline in self._resolved().values() for item in undated(timeline, as_of)]

    def _add_actors(self, position: Position, article_id: str, published: date | None) -> None:
        """The position's actor and speaker, which the attributions may not name as such
        ("Government of the United States" for Blinken's words)."""
        when = position.as_of or published
        self.registry.add_actor(position.actor, article_id, when)
        if position.speaker is not None:
            self.registry.add_actor(position.speaker, article_id, when)

    def _resolved(self) -> dict[str, list[TrackedPosition]]:
        if self._timelines is None:
            canonical = {entry.actor.id: entry.actor for entry in self.registry.actors()}
            sightings = [self._canonical(sighting) for sighting in self._sightings]
            self._timelines = timelines(sightings, canonical)
        return self._timelines

    def _canonical(self, sighting: Sighting) -> Sighting:
        position = sighting.position
        resolve = self.registry.resolve
        speaker = resolve(position.speaker) if position.speaker else None
        resolved = dataclasses.replace(position, actor=resolve(position.actor), speaker=speaker)
        return dataclasses.replace(sighting, position=resolved)
