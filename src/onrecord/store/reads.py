"""The read side of :class:`onrecord.store.SqlStore`: the ``Reads`` methods, in SQL.

One select per question over SQLAlchemy Core, the same on both dialects; what differs
(the full-text match) is in ``_about``. Sorting is always on columns that tell every
row apart (ids last), with undated rows placed explicitly, so that both dialects give
the same rows in the same order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Select, and_, func, or_, select, text

from onrecord.model import Actor, ActorType, Position
from onrecord.store import fts
from onrecord.store._as_of import positions_as_of
from onrecord.store._export import KEY, complete_rows, export_columns, export_select
from onrecord.store.read_records import (
    ActorName,
    ExportColumn,
    ExportTable,
    QuoteFilter,
    SourceCount,
    StoredActor,
    StoredCluster,
    StoredPosition,
    StoredQuote,
)
from onrecord.store.schema import (
    actor_aliases,
    actors,
    articles,
    attributions,
    positions,
    quote_cluster_members,
    quote_clusters,
)

__all__ = ["SqlReads"]

PAGE = 1000  # exported rows fetched at once
ANONYMOUS = ActorType.ANONYMOUS.value

_speaker_type = func.coalesce(actors.c.type, attributions.c.mention_type)
# The day a quote sorts by: when it was said, else its article's publication day.
_DAY = func.coalesce(attributions.c.said_on, articles.c.published_on)
# In the order of StoredQuote's fields, so that a row is one: a long answer is made
# at the speed of tuples, not of named lookups.
_QUOTE_COLUMNS = (
    attributions.c.id,
    attributions.c.article_id,
    attributions.c.local_id,
    func.coalesce(articles.c.external_id, articles.c.source, attributions.c.article_id),
    articles.c.title,
    articles.c.url,
    articles.c.outlet,
    articles.c.published_on,
    attributions.c.said_on,
    attributions.c.kind,
    attributions.c.confidence,
    attributions.c.speaker_id,
    func.coalesce(actors.c.name, attributions.c.mention_name, attributions.c.source_text),
    _speaker_type,
    attributions.c.role,
    attributions.c.affiliation,
    attributions.c.source_text,
    attributions.c.cue_text,
    attributions.c.content_text,
)


class SqlReads:
    """The ``Reads`` methods of a store over one SQLAlchemy engine."""

    engine: Engine

    def quotes(
        self, where: QuoteFilter, limit: int | None = None, offset: int = 0
    ) -> list[StoredQuote]:
        conditions = _quote_conditions(where, self.engine.dialect.name)
        if where.after is not None:
            conditions.append(_after(*where.after))
        order = (_DAY.asc().nulls_last(), attributions.c.id)
        if limit is None and not offset:
            statement = _quote_select().where(*conditions).order_by(*order)
        else:
            # A page: the ids sorted first, then only their rows read whole; sorting
            # every matching row whole took up to twice as long on a large store.
            ids = select(attributions.c.id).select_from(_quote_from())
            ids = ids.where(attributions.c.current, *conditions).order_by(*order)
            ids = ids.limit(limit).offset(offset or None)
            statement = _quote_select().where(attributions.c.id.in_(ids.scalar_subquery()))
            statement = statement.order_by(*order)
        with self.engine.connect() as connection:
            return [StoredQuote(*row) for row in connection.execute(statement).all()]

    def quote_count(self, where: QuoteFilter) -> int:
        conditions = _quote_conditions(where, self.engine.dialect.name)
        # Joined only to what the conditions read: counting every quote of a large
        # store through both joins took as long as reading a page of them.
        dated = where.since is not None or where.until is not None or where.outlets is not None
        joined: Any = attributions
        if dated:
            joined = joined.join(articles, articles.c.id == attributions.c.article_id)
        if where.anonymous:
            joined = joined.outerjoin(actors, actors.c.id == attributions.c.speaker_id)
        statement = (
            select(func.count()).select_from(joined).where(attributions.c.current, *conditions)
        )
        with self.engine.connect() as connection:
            return int(connection.scalar(statement) or 0)

    def quote_id(self, article_id: str, local_id: str) -> int | None:
        a = attributions.c
        statement = select(a.id).where(a.article_id == article_id, a.local_id == local_id)
        with self.engine.connect() as connection:
            found = connection.scalar(statement.where(a.current))
        return None if found is None else int(found)

    def outlets(self) -> list[str]:
        statement = select(articles.c.outlet).where(articles.c.outlet.is_not(None)).distinct()
        with self.engine.connect() as connection:
            return sorted(str(outlet) for outlet in connection.scalars(statement))

    def actor_names(self, exact: Sequence[str] | None = None) -> list[ActorName]:
        statement = select(actors.c.id, actors.c.name, actors.c.type)
        if exact is not None:
            wanted = list(exact)
            aliased = select(actor_aliases.c.actor_id).where(actor_aliases.c.alias.in_(wanted))
            statement = statement.where(
                actors.c.id.in_(wanted) | actors.c.name.in_(wanted) | actors.c.id.in_(aliased)
            )
        with self.engine.connect() as connection:
            rows = connection.execute(statement).all()
            aliases = _aliases(connection, [r.id for r in rows] if exact is not None else None)
        found = [ActorName(r.id, r.name, r.type, aliases.get(r.id, ())) for r in rows]
        return sorted(found, key=lambda actor: actor.id)

    def stored_actors(self, ids: Sequence[str] | None = None) -> list[StoredActor]:
        statement = select(actors)
        if ids is not None:
            statement = statement.where(actors.c.id.in_(list(ids)))
        with self.engine.connect() as connection:
            aliases = _aliases(connection, ids)
            found = [_actor(row, aliases.get(row.id, ())) for row in connection.execute(statement)]
        # Sorted here, not by the database: by code point whatever the server's locale.
        return sorted(found, key=lambda actor: actor.id)

    def stored_positions(
        self,
        issue_id: str | None = None,
        actor_id: str | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[StoredPosition]:
        p = positions.c
        statement = (
            select(
                p.id,
                p.article_id,
                p.actor_id,
                p.speaker_id,
                p.record,
                articles.c.external_id,
                articles.c.source,
                articles.c.published_on,
            )
            .join(articles, articles.c.id == p.article_id)
            .where(p.current)
            .order_by(p.id)
        )
        if issue_id is not None:
            statement = statement.where(p.issue_id == issue_id)
        if actor_id is not None:
            statement = statement.where(p.actor_id == actor_id)
        if ids is not None:
            statement = statement.where(p.id.in_(list(ids)))
        with self.engine.connect() as connection:
            rows = connection.execute(statement).all()
            wanted = {i for row in rows for i in (row.actor_id, row.speaker_id) if i}
            canon = _canonical(connection, wanted)
        return [_stored_position(row, canon) for row in rows]

    def positions_as_of(self, issue_id: str, as_of: dt.date) -> list[int]:
        with self.engine.connect() as connection:
            return positions_as_of(connection, issue_id, as_of)

    def position_issues(self, actor_id: str) -> list[str]:
        p = positions.c
        statement = select(p.issue_id).where(p.current, p.actor_id == actor_id).distinct()
        with self.engine.connect() as connection:
            return sorted(str(issue) for issue in connection.scalars(statement))

    def quote_cluster(self, attribution_id: int) -> StoredCluster | None:
        m = quote_cluster_members.c
        statement = (
            select(quote_clusters)
            .join(quote_cluster_members, m.cluster_id == quote_clusters.c.id)
            .where(m.attribution_id == attribution_id)
            .order_by(quote_clusters.c.id)
            .limit(1)
        )
        with self.engine.connect() as connection:
            cluster = connection.execute(statement).first()
            if cluster is None:
                return None
            members = select(m.attribution_id).where(m.cluster_id == cluster.id)
            ids = tuple(int(i) for i in connection.scalars(members))
        found = self.quotes(QuoteFilter(ids=ids))
        first = [q for q in found if q.id == cluster.first_attribution_id]
        return StoredCluster(
            id=cluster.id,
            text=cluster.text,
            first_attribution_id=cluster.first_attribution_id,
            first_seen=cluster.first_seen,
            method=cluster.method,
            members=tuple(first + [q for q in found if q.id != cluster.first_attribution_id]),
        )

    def source_counts(self) -> list[SourceCount]:
        kind = _speaker_type.label("speaker_type")
        statement = (
            select(articles.c.outlet, kind, func.count().label("quotes"))
            .select_from(_quote_from())
            .where(attributions.c.current)
            .group_by(articles.c.outlet, kind)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(statement).all()
        counts = [SourceCount(r.outlet, r.speaker_type, int(r.quotes)) for r in rows]
        return sorted(counts, key=lambda c: (c.outlet or "", c.speaker_type or ""))

    def database_size(self) -> int:
        with self.engine.connect() as connection:
            if connection.dialect.name != "sqlite":
                size = connection.scalar(text("SELECT pg_database_size(current_database())"))
                return int(size or 0)
            # The size the file has once its write-ahead log is folded in: page_count
            # counts the pages of the latest snapshot, those in the log too.
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
            page_size = connection.exec_driver_sql("PRAGMA page_size").scalar()
            return int(pages or 0) * int(page_size or 0)

    def export_columns(self, table: ExportTable) -> tuple[ExportColumn, ...]:
        return export_columns(table)

    def export_rows(self, table: ExportTable) -> Iterator[dict[str, Any]]:
        statement, key = export_select(table, self.engine.dialect.name)
        after: Any = None
        while True:
            page = statement if after is None else statement.where(key > after)
            with self.engine.connect() as connection:
                rows = [dict(row._mapping) for row in connection.execute(page.limit(PAGE))]
                last = rows[-1][KEY] if rows else None
                complete_rows(connection, table, rows)
            yield from rows
            if len(rows) < PAGE:
                return
            after = last


def _quote_from() -> Any:
    return attributions.join(articles, articles.c.id == attributions.c.article_id).outerjoin(
        actors, actors.c.id == attributions.c.speaker_id
    )


def _quote_select() -> Select[Any]:
    return select(*_QUOTE_COLUMNS).select_from(_quote_from()).where(attributions.c.current)


def _quote_conditions(where: QuoteFilter, dialect: str) -> list[ColumnElement[bool]]:
    a = attributions.c
    day = _DAY
    conditions: list[ColumnElement[bool]] = []
    if where.ids is not None:
        conditions.append(a.id.in_(list(where.ids)))
    if where.article_ids is not None:
        conditions.append(a.article_id.in_(list(where.article_ids)))
    if where.speaker_ids is not None:
        conditions.append(a.speaker_id.in_(list(where.speaker_ids)))
    if where.about is not None:
        conditions.append(_about(where.about, dialect))
    if where.since is not None:
        conditions.append(day >= where.since)
    if where.until is not None:
        conditions.append(day <= where.until)
    if where.outlets is not None:
        conditions.append(articles.c.outlet.in_(list(where.outlets)))
    if where.kind is not None:
        conditions.append(a.kind == where.kind)
    if where.anonymous:
        conditions.append(_speaker_type == ANONYMOUS)
    return conditions


def _after(day: dt.date | None, row_id: int) -> ColumnElement[bool]:
    """The quotes after (``day``, ``row_id``) in the quotes' order: by day, undated
    last, then by id."""
    if day is None:
        return and_(_DAY.is_(None), attributions.c.id > row_id)
    same_day = and_(_DAY == day, attributions.c.id > row_id)
    return or_(_DAY > day, same_day, _DAY.is_(None))


def _about(query: str, dialect: str) -> ColumnElement[bool]:
    """Attributions whose content has every word of ``query``, each as a word or the
    start of one, read as ``store.fts`` reads them (case folded, nothing stemmed)."""
    words = fts.words_of(query)
    if not words:
        return and_(text("1 = 0"))
    if dialect == "sqlite":
        match = " ".join('"' + word.replace('"', '""') + '"*' for word in words)
        matching = text(
            "SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH :match"
        ).bindparams(match=match)
        return attributions.c.id.in_(matching)
    tsquery = " & ".join(f"{word}:*" for word in words)
    return and_(
        text("attributions.search @@ to_tsquery('simple', :tsquery)").bindparams(tsquery=tsquery)
    )


def _aliases(
    connection: Connection, ids: Sequence[str] | None = None
) -> dict[str, tuple[str, ...]]:
    statement = select(actor_aliases.c.actor_id, actor_aliases.c.alias)
    if ids is not None:
        statement = statement.where(actor_aliases.c.actor_id.in_(list(ids)))
    found: dict[str, list[str]] = defaultdict(list)
    for row in connection.execute(statement):
        found[row.actor_id].append(row.alias)
    return {actor_id: tuple(sorted(names)) for actor_id, names in found.items()}


def _actor(row: Any, aliases: tuple[str, ...]) -> StoredActor:
    return StoredActor(
        id=row.id,
        name=row.name,
        type=row.type,
        role=row.role,
        affiliation=row.affiliation,
        mentions=int(row.mentions),
        articles=int(row.articles),
        aliases=aliases,
        record=dict(row.record),
    )


def _canonical(connection: Connection, ids: set[str]) -> dict[str, Actor]:
    if not ids:
        return {}
    rows = connection.execute(
        select(
            actors.c.id, actors.c.name, actors.c.type, actors.c.role, actors.c.affiliation
        ).where(actors.c.id.in_(sorted(ids)))
    )
    return {r.id: Actor(r.name, ActorType(r.type), r.role, r.affiliation, r.id) for r in rows}


def _stored_position(row: Any, canon: dict[str, Actor]) -> StoredPosition:
    position = Position.from_dict(row.record)
    speaker = position.speaker
    resolved = dataclasses.replace(
        position,
        actor=_resolved(position.actor, row.actor_id, canon),
        speaker=_resolved(speaker, row.speaker_id, canon) if speaker else None,
    )
    return StoredPosition(
        id=int(row.id),
        article_id=row.article_id,
        article=row.external_id or row.source or row.article_id,
        published=row.published_on,
        position=resolved,
    )


def _resolved(actor: Actor, actor_id: str | None, canon: dict[str, Actor]) -> Actor:
    """The canonical actor with the role and affiliation the article gave, as
    ``ActorRegistry.resolve`` makes it; the article's own actor when not resolved."""
    canonical = canon.get(actor_id) if actor_id else None
    if canonical is None:
        return actor
    return dataclasses.replace(
        canonical,
        role=actor.role or canonical.role,
        affiliation=actor.affiliation or canonical.affiliation,
    )
