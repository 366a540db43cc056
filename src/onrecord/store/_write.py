"""Writing one analysed article: every row it makes, inside the caller's transaction.

Each function takes an open connection whose transaction the caller commits or rolls
back as a whole, so an article is stored completely or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from onrecord.errors import StoreError
from onrecord.model import Analysis, Provenance
from onrecord.store import fts, schema
from onrecord.store._rows import (
    article_row,
    attribution_row,
    attribution_spans,
    block_rows,
    position_evidence,
    position_row,
    provenance_hash,
)
from onrecord.store.protocol import Added
from onrecord.store.schema import (
    analyses,
    articles,
    attributions,
    blocks,
    issues,
    position_attributions,
    positions,
    provenances,
)

__all__ = [
    "insert_analysis",
    "insert_article",
    "insert_ignoring",
    "link_superseded",
    "now",
    "put_provenance",
    "supersede",
]


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def insert_ignoring(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert ``rows``, leaving any whose key is already there as it is."""
    if not rows:
        return
    dialect = sqlite if connection.dialect.name == "sqlite" else postgresql
    connection.execute(dialect.insert(table).on_conflict_do_nothing(), list(rows))


def put_provenance(connection: Connection, provenance: Provenance) -> str:
    key = provenance_hash(provenance)
    insert_ignoring(connection, provenances, [{"hash": key, "record": provenance.to_dict()}])
    return key


def insert_article(connection: Connection, analysis: Analysis, address: str, run_id: int) -> Added:
    """The article row (and its blocks and search text), unless its content hash is
    stored already; a new text at a stored address becomes its next version."""
    article = analysis.article
    if connection.scalar(select(articles.c.pk).where(articles.c.id == article.id)) is not None:
        return Added.UNCHANGED
    if "\\u0000" in json.dumps(article.to_dict()):
        # PostgreSQL stores no NUL in text or JSON: refused on both engines alike.
        raise StoreError(f"{article.name}: holds a NUL character (U+0000), which is not stored")
    latest = connection.execute(
        select(articles.c.id, articles.c.version)
        .where(articles.c.address == address)
        .order_by(articles.c.version.desc())
        .limit(1)
    ).first()
    row = {
        **article_row(article, address),
        "version": latest.version + 1 if latest else 1,
        "previous_id": latest.id if latest else None,
        "first_run_id": run_id,
        "added_at": now(),
    }
    dialect = sqlite if connection.dialect.name == "sqlite" else postgresql
    statement = dialect.insert(articles).on_conflict_do_nothing().returning(articles.c.pk)
    pk = connection.scalar(statement, row)
    if pk is None:  # another writer stored the same text since the check above
        return Added.UNCHANGED
    if connection.dialect.name == "sqlite":
        fts.index_articles(connection, [(pk, article.title or "", article.text)])
    rows = block_rows(article)
    if rows:
        connection.execute(insert(blocks), rows)
    return Added.VERSION if latest else Added.NEW


def insert_analysis(
    connection: Connection,
    analysis: Analysis,
    run_id: int,
    issue_hashes: Sequence[str],
) -> int:
    """The analysis row and its attributions and positions, current; its id."""
    analysis_id: int = connection.scalar(
        insert(analyses).returning(analyses.c.id),
        {
            "article_id": analysis.article.id,
            "run_id": run_id,
            "provenance_hash": put_provenance(connection, analysis.provenance),
            "issues": sorted(issue_hashes),
            "with_positions": analysis.positions is not None,
            "skipped": analysis.skipped,
            "current": True,
            "created_at": now(),
        },
    )
    local_ids = _insert_attributions(connection, analysis, analysis_id)
    _insert_positions(connection, analysis, analysis_id, issue_hashes, local_ids)
    return analysis_id


def supersede(connection: Connection, article_id: str, by: int | None = None) -> int | None:
    """Mark the article's current analysis and its records as no longer current; its id."""
    old = connection.scalar(
        select(analyses.c.id).where(analyses.c.article_id == article_id, analyses.c.current)
    )
    if old is None:
        return None
    connection.execute(update(analyses).where(analyses.c.id == old).values(current=False))
    for table in (attributions, positions):
        connection.execute(update(table).where(table.c.analysis_id == old).values(current=False))
    return int(old)


def link_superseded(connection: Connection, old: int, new: int) -> None:
    connection.execute(update(analyses).where(analyses.c.id == old).values(superseded_by=new))


def _insert_attributions(
    connection: Connection, analysis: Analysis, analysis_id: int
) -> dict[str, int]:
    """The attribution rows, their spans and search text; local id to row id."""
    found = analysis.attributions
    if not found:
        return {}
    rows = [{**attribution_row(a, analysis), "analysis_id": analysis_id} for a in found]
    statement = insert(attributions).returning(attributions.c.id, sort_by_parameter_order=True)
    ids = [int(row_id) for row_id in connection.scalars(statement, rows)]
    spans = [
        span for a, row_id in zip(found, ids, strict=True) for span in attribution_spans(a, row_id)
    ]
    if spans:
        connection.execute(insert(schema.attribution_spans), spans)
    if connection.dialect.name == "sqlite":
        fts.index_attributions(
            connection, [(i, r["content_text"]) for i, r in zip(ids, rows, strict=True)]
        )
    return {a.id: row_id for a, row_id in zip(found, ids, strict=True)}


def _insert_positions(
    connection: Connection,
    analysis: Analysis,
    analysis_id: int,
    issue_hashes: Sequence[str],
    local_ids: Mapping[str, int],
) -> None:
    found = analysis.positions or []
    if not found:
        return
    hashes = _issue_hash_by_id(connection, issue_hashes)
    rows = [
        {**position_row(p, analysis, hashes.get(p.issue)), "analysis_id": analysis_id}
        for p in found
    ]
    statement = insert(positions).returning(positions.c.id, sort_by_parameter_order=True)
    ids = [int(row_id) for row_id in connection.scalars(statement, rows)]
    evidence = [
        e for p, row_id in zip(found, ids, strict=True) for e in position_evidence(p, row_id)
    ]
    if evidence:
        connection.execute(insert(schema.position_evidence), evidence)
    links = {
        (row_id, local_ids[local])
        for p, row_id in zip(found, ids, strict=True)
        for local in p.attributions
        if local in local_ids
    }
    if links:
        rows = [{"position_id": p, "attribution_id": a} for p, a in sorted(links)]
        connection.execute(insert(position_attributions), rows)


def _issue_hash_by_id(connection: Connection, issue_hashes: Sequence[str]) -> dict[str, str]:
    if not issue_hashes:
        return {}
    found = connection.execute(
        select(issues.c.id, issues.c.hash).where(issues.c.hash.in_(list(issue_hashes)))
    )
    return {row.id: row.hash for row in found}
