"""Reading and writing what links articles to one another: signatures, syndication
groups and quote clusters (``resolve.syndication`` and ``resolve.quote_clusters``
compute them; ``onrecord.query.copies`` keeps them up to date after each batch)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from onrecord.store._write import insert_ignoring
from onrecord.store.protocol import QuoteCluster, QuoteContent, StoredSignature, SyndicationGroup
from onrecord.store.schema import (
    analyses,
    article_signatures,
    articles,
    attribution_spans,
    attributions,
    quote_cluster_members,
    quote_clusters,
    syndication_groups,
    syndication_members,
)

__all__ = [
    "group_members",
    "put_signatures",
    "quote_cluster_members_of",
    "quote_contents",
    "replace_quote_clusters",
    "replace_syndication",
    "signatures",
    "unsigned_articles",
]


def _published() -> Any:
    """An article's publication moment as its record gives it (ISO text, or NULL):
    the day alone would tie every article of one day."""
    return articles.c.record["published"].as_string()


def _current() -> Any:
    return select(analyses.c.article_id).where(analyses.c.current)


def unsigned_articles(connection: Connection) -> list[str]:
    """Stored articles with a current analysis and no signature, in the order stored."""
    signed = select(article_signatures.c.article_id)
    statement = (
        select(articles.c.id)
        .where(articles.c.id.in_(_current()), articles.c.id.not_in(signed))
        .order_by(articles.c.pk)
    )
    return list(connection.scalars(statement))


def signatures(connection: Connection) -> list[StoredSignature]:
    """Every signature of an article with a current analysis, in the order stored."""
    statement = (
        select(articles.c.id, _published(), article_signatures.c.signature)
        .join(article_signatures, article_signatures.c.article_id == articles.c.id)
        .where(articles.c.id.in_(_current()))
        .order_by(articles.c.pk)
    )
    return [
        StoredSignature(row[0], _moment(row[1]), bytes(row[2]))
        for row in connection.execute(statement)
    ]


def quote_contents(connection: Connection) -> list[QuoteContent]:
    """Every current attribution with a content, its parts joined by a space (as
    ``resolve.quote_members`` joins them), in the order stored."""
    a, s = attributions.c, attribution_spans.c
    parts: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    spans = (
        select(s.attribution_id, s.seq, s.char_start, s.text)
        .join(attributions, a.id == s.attribution_id)
        .where(a.current, s.part == "content")
    )
    for row in connection.execute(spans):
        parts[row.attribution_id].append((row.seq, row.char_start, row.text))
    rows = connection.execute(
        select(a.id, a.article_id, a.local_id, a.kind, a.mention_name, articles.c.outlet)
        .add_columns(_published().label("published"))
        .join(articles, articles.c.id == a.article_id)
        .where(a.current)
        .order_by(a.id)
    )
    found = []
    for row in rows:
        content = sorted(parts.get(row.id, []))
        if content:
            found.append(
                QuoteContent(
                    id=row.id,
                    article_id=row.article_id,
                    local_id=row.local_id,
                    kind=row.kind,
                    text=" ".join(part[2] for part in content),
                    start=min(part[1] for part in content),
                    outlet=row.outlet,
                    published=_moment(row.published),
                    speaker=row.mention_name,
                )
            )
    return found


def quote_cluster_members_of(connection: Connection) -> list[list[int]]:
    """The attribution row ids of each stored quote cluster."""
    m = quote_cluster_members.c
    by_cluster: dict[int, list[int]] = defaultdict(list)
    statement = select(m.cluster_id, m.attribution_id).order_by(m.cluster_id, m.attribution_id)
    for row in connection.execute(statement):
        by_cluster[row.cluster_id].append(row.attribution_id)
    return list(by_cluster.values())


def group_members(connection: Connection) -> list[list[str]]:
    """The article ids of each stored group of copies, its first member first."""
    m, g = syndication_members.c, syndication_groups.c
    by_group: dict[int, list[str]] = defaultdict(list)
    statement = (
        select(m.group_id, m.article_id)
        .join(syndication_groups, g.id == m.group_id)
        .order_by(m.group_id, (m.article_id != g.first_article_id), m.article_id)
    )
    for row in connection.execute(statement):
        by_group[row.group_id].append(row.article_id)
    return list(by_group.values())


def put_signatures(connection: Connection, signed: Sequence[tuple[str, bytes]]) -> None:
    rows = [{"article_id": article_id, "signature": data} for article_id, data in signed]
    insert_ignoring(connection, article_signatures, rows)


def replace_syndication(
    connection: Connection, groups: Sequence[SyndicationGroup], run_id: int | None
) -> None:
    connection.execute(delete(syndication_members))
    connection.execute(delete(syndication_groups))
    for group in groups:
        row = {
            "first_article_id": group.first_article_id,
            "first_seen": group.first_seen,
            "method": group.method,
            "run_id": run_id,
        }
        group_id = connection.scalar(
            insert(syndication_groups).returning(syndication_groups.c.id), row
        )
        members = [
            {"group_id": group_id, "article_id": article, "similarity": similarity}
            for article, similarity in group.members.items()
        ]
        connection.execute(insert(syndication_members), members)


def replace_quote_clusters(
    connection: Connection, clusters: Sequence[QuoteCluster], run_id: int | None
) -> None:
    connection.execute(delete(quote_cluster_members))
    connection.execute(delete(quote_clusters))
    for cluster in clusters:
        row = {
            "text": cluster.text,
            "first_attribution_id": cluster.first_attribution_id,
            "first_seen": cluster.first_seen,
            "method": cluster.method,
            "run_id": run_id,
        }
        cluster_id = connection.scalar(insert(quote_clusters).returning(quote_clusters.c.id), row)
        found = connection.execute(
            select(attributions.c.id, attributions.c.article_id).where(
                attributions.c.id.in_(list(cluster.members))
            )
        )
        members = [
            {"cluster_id": cluster_id, "attribution_id": r.id, "article_id": r.article_id}
            for r in found
        ]
        if members:
            connection.execute(insert(quote_cluster_members), members)


def _moment(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None
