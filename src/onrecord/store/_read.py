"""Reading records back: articles, analyses with their actors, and actor mentions.

Records come back through the record model's codec (``from_dict`` of the ``record``
columns), so what was stored is what is read. Large reads go in pages of articles, so
memory stays bounded however big the store is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Row, select

from onrecord.model import Actor, ActorType, Analysis, Article, Attribution, Position, Provenance
from onrecord.store.protocol import Mention
from onrecord.store.schema import actors, analyses, articles, attributions, positions, provenances

__all__ = [
    "PAGE",
    "article_from_row",
    "canonical_actors",
    "current_article_ids",
    "read_articles",
    "read_mentions",
    "read_page",
]

PAGE = 200  # articles read at once


def article_from_row(row: Row[Any, Any, Any]) -> Article:
    return Article.from_dict({**row.record, "text": row.text})


def read_articles(connection: Connection, ids: Sequence[str]) -> list[Article]:
    """The articles with ``ids``, in that order (an id not stored is left out)."""
    found = connection.execute(
        select(articles.c.id, articles.c.text, articles.c.record).where(articles.c.id.in_(ids))
    )
    by_id = {row.id: article_from_row(row) for row in found}
    return [by_id[i] for i in ids if i in by_id]


def current_article_ids(connection: Connection, ids: Iterable[str] | None) -> list[str]:
    """Ids of the stored articles that have a current analysis, in the order stored."""
    statement = (
        select(articles.c.id)
        .join(analyses, (analyses.c.article_id == articles.c.id) & analyses.c.current)
        .order_by(articles.c.pk)
    )
    if ids is not None:
        wanted = list(ids)
        statement = statement.where(articles.c.id.in_(wanted))
    return list(connection.scalars(statement))


def read_page(
    connection: Connection, ids: Sequence[str], canon: dict[str, Actor]
) -> Iterator[Analysis]:
    """The current analysis of each article in ``ids``, in that order, its actors the
    canonical ones of ``canon`` (by id) where resolved."""
    heads = {
        row.article_id: row
        for row in connection.execute(
            select(analyses, provenances.c.record.label("provenance"))
            .join(provenances, provenances.c.hash == analyses.c.provenance_hash)
            .where(analyses.c.article_id.in_(ids), analyses.c.current)
        )
    }
    analysis_ids = [head.id for head in heads.values()]
    found = _attributions(connection, analysis_ids, canon)
    held = _positions(connection, analysis_ids, canon)
    for article in read_articles(connection, [i for i in ids if i in heads]):
        head = heads[article.id]
        yield Analysis(
            article=article,
            attributions=found.get(head.id, []),
            provenance=Provenance.from_dict(head.provenance),
            skipped=head.skipped,
            positions=held.get(head.id, []) if head.with_positions else None,
        )


def _attributions(
    connection: Connection, analysis_ids: list[int], canon: dict[str, Actor]
) -> dict[int, list[Attribution]]:
    out: dict[int, list[Attribution]] = defaultdict(list)
    rows = connection.execute(
        select(attributions.c.analysis_id, attributions.c.speaker_id, attributions.c.record)
        .where(attributions.c.analysis_id.in_(analysis_ids))
        .order_by(attributions.c.id)
    )
    for row in rows:
        attribution = Attribution.from_dict(row.record)
        actor = _resolved(attribution.actor, row.speaker_id, canon)
        out[row.analysis_id].append(dataclasses.replace(attribution, actor=actor))
    return out


def _positions(
    connection: Connection, analysis_ids: list[int], canon: dict[str, Actor]
) -> dict[int, list[Position]]:
    out: dict[int, list[Position]] = defaultdict(list)
    rows = connection.execute(
        select(
            positions.c.analysis_id,
            positions.c.actor_id,
            positions.c.speaker_id,
            positions.c.record,
        )
        .where(positions.c.analysis_id.in_(analysis_ids))
        .order_by(positions.c.id)
    )
    for row in rows:
        position = Position.from_dict(row.record)
        actor = _resolved(position.actor, row.actor_id, canon) or position.actor
        speaker = _resolved(position.speaker, row.speaker_id, canon)
        out[row.analysis_id].append(dataclasses.replace(position, actor=actor, speaker=speaker))
    return out


def canonical_actors(connection: Connection) -> dict[str, Actor]:
    """The store's actors by id."""
    rows = connection.execute(
        select(actors.c.id, actors.c.name, actors.c.type, actors.c.role, actors.c.affiliation)
    )
    return {
        row.id: Actor(row.name, ActorType(row.type), row.role, row.affiliation, row.id)
        for row in rows
    }


def _resolved(actor: Actor | None, actor_id: str | None, canon: dict[str, Actor]) -> Actor | None:
    """The canonical actor, keeping the role and affiliation the article gave, as
    ``ActorRegistry.resolve`` does; the article's own actor when not resolved (yet)."""
    canonical = canon.get(actor_id) if actor_id else None
    if actor is None or canonical is None:
        return actor
    return dataclasses.replace(
        canonical,
        role=actor.role or canonical.role,
        affiliation=actor.affiliation or canonical.affiliation,
    )


def read_mentions(connection: Connection) -> Iterator[Mention]:
    """Every actor mention of the current analyses, as ``ActorRegistry.add`` and the
    positions tracker count them: an attribution's actor on its statement's day (else
    the publication day), a position's actor and speaker on its as-of day (else the
    publication day)."""
    rows = connection.execute(
        select(
            attributions.c.mention_name,
            attributions.c.mention_type,
            attributions.c.role,
            attributions.c.affiliation,
            attributions.c.article_id,
            attributions.c.said_on,
            articles.c.published_on,
        )
        .join(articles, articles.c.id == attributions.c.article_id)
        .where(attributions.c.current, attributions.c.mention_name.is_not(None))
        .order_by(attributions.c.id)
    )
    for row in rows:
        actor = Actor(row.mention_name, ActorType(row.mention_type), row.role, row.affiliation)
        yield Mention(actor, row.article_id, row.said_on or row.published_on)
    yield from _position_mentions(connection)


def _position_mentions(connection: Connection) -> Iterator[Mention]:
    rows = connection.execute(
        select(positions.c.record, positions.c.article_id, articles.c.published_on)
        .join(articles, articles.c.id == positions.c.article_id)
        .where(positions.c.current)
        .order_by(positions.c.id)
    )
    for row in rows:
        position = Position.from_dict(row.record)
        when: dt.date | None = position.as_of or row.published_on
        # Resolved with the others, but not counted: ``mentions`` counts attributions.
        yield Mention(position.actor, row.article_id, when, counted=False)
        if position.speaker is not None:
            yield Mention(position.speaker, row.article_id, when, counted=False)
