"""The exported tables: their columns, the select of each, and what a page of rows
needs added from the tables beside it (an actor's aliases, a position's evidence).

One flat row per record of the current analyses, actors by their canonical names;
every table is sorted by a key that tells rows apart, compared byte by byte on both
dialects, so exports of the same store are the same files.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select

from onrecord.store.read_records import ExportColumn, ExportTable
from onrecord.store.schema import (
    actor_aliases,
    actors,
    articles,
    attributions,
    position_evidence,
    positions,
)

__all__ = ["KEY", "complete_rows", "export_columns", "export_select"]

KEY = "_key"  # the paging key, in every selected row, dropped from what is exported
JOIN = "; "  # between an actor's aliases
PARTS = " … "  # between a position's evidence sentences

_COLUMNS: dict[ExportTable, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "text"),
        ("address", "text"),
        ("version", "integer"),
        ("previous_id", "text"),
        ("url", "text"),
        ("outlet", "text"),
        ("title", "text"),
        ("published_on", "date"),
        ("language", "text"),
        ("source", "text"),
        ("external_id", "text"),
        ("text", "text"),
    ),
    "attributions": (
        ("id", "integer"),
        ("article_id", "text"),
        ("local_id", "text"),
        ("speaker_id", "text"),
        ("speaker", "text"),
        ("speaker_type", "text"),
        ("mention_name", "text"),
        ("role", "text"),
        ("affiliation", "text"),
        ("kind", "text"),
        ("said_on", "date"),
        ("cue", "text"),
        ("source", "text"),
        ("content", "text"),
        ("confidence", "real"),
        ("method", "text"),
    ),
    "actors": (
        ("id", "text"),
        ("name", "text"),
        ("type", "text"),
        ("role", "text"),
        ("affiliation", "text"),
        ("mentions", "integer"),
        ("articles", "integer"),
        ("aliases", "text"),
    ),
    "positions": (
        ("id", "integer"),
        ("article_id", "text"),
        ("issue_id", "text"),
        ("actor_id", "text"),
        ("actor", "text"),
        ("actor_type", "text"),
        ("speaker_id", "text"),
        ("speaker", "text"),
        ("stance", "text"),
        ("coarse", "text"),
        ("conditions", "text"),
        ("as_of", "date"),
        ("held_before", "date"),
        ("confidence", "real"),
        ("method", "text"),
        ("evidence", "text"),
    ),
}


def export_columns(table: ExportTable) -> tuple[ExportColumn, ...]:
    return tuple(ExportColumn(name, kind) for name, kind in _COLUMNS[table])  # type: ignore[arg-type]


def export_select(table: ExportTable, dialect: str) -> tuple[Select[Any], ColumnElement[Any]]:
    """The select of ``table``'s rows in key order, and its key column (for paging)."""
    if table == "articles":
        a = articles.c
        key: ColumnElement[Any] = a.pk
        columns = [a.id, a.address, a.version, a.previous_id, a.url, a.outlet, a.title]
        columns += [a.published_on, a.language, a.source, a.external_id, a.text]
        statement = select(*columns, key.label(KEY))
    elif table == "attributions":
        statement, key = _attributions()
    elif table == "actors":
        key = _bytewise(actors.c.id, dialect)
        statement = select(actors.c.id, actors.c.name, actors.c.type, actors.c.role)
        statement = statement.add_columns(
            actors.c.affiliation, actors.c.mentions, actors.c.articles, actors.c.id.label(KEY)
        )
    else:
        statement, key = _positions()
    return statement.order_by(key), key


def complete_rows(connection: Connection, table: ExportTable, rows: list[dict[str, Any]]) -> None:
    """Add to a page of ``table``'s rows what other tables hold, in place; drop the key."""
    if table == "actors":
        ids = [row["id"] for row in rows]
        found = _grouped(connection, actor_aliases.c.actor_id, actor_aliases.c.alias, ids)
        for row in rows:
            row["aliases"] = JOIN.join(sorted(found.get(row["id"], [])))
    elif table == "positions":
        e = position_evidence.c
        ids = [row["id"] for row in rows]
        found = _grouped(connection, e.position_id, e.text, ids, order=e.seq)
        for row in rows:
            row["evidence"] = PARTS.join(found.get(row["id"], []))
    for row in rows:
        del row[KEY]


def _attributions() -> tuple[Select[Any], ColumnElement[Any]]:
    a = attributions.c
    statement = (
        select(
            a.id,
            a.article_id,
            a.local_id,
            a.speaker_id,
            func.coalesce(actors.c.name, a.mention_name).label("speaker"),
            func.coalesce(actors.c.type, a.mention_type).label("speaker_type"),
            a.mention_name,
            a.role,
            a.affiliation,
            a.kind,
            a.said_on,
            a.cue_text.label("cue"),
            a.source_text.label("source"),
            a.content_text.label("content"),
            a.confidence,
            a.method,
            a.id.label(KEY),
        )
        .outerjoin(actors, actors.c.id == a.speaker_id)
        .where(a.current)
    )
    return statement, a.id


def _positions() -> tuple[Select[Any], ColumnElement[Any]]:
    p = positions.c
    actor, speaker = actors.alias("actor"), actors.alias("speaker")
    statement = (
        select(
            p.id,
            p.article_id,
            p.issue_id,
            p.actor_id,
            func.coalesce(actor.c.name, p.actor_name).label("actor"),
            func.coalesce(actor.c.type, p.actor_type).label("actor_type"),
            p.speaker_id,
            func.coalesce(speaker.c.name, p.speaker_name).label("speaker"),
            p.stance,
            p.coarse,
            p.conditions,
            p.as_of,
            p.held_before,
            p.confidence,
            p.method,
            p.id.label(KEY),
        )
        .outerjoin(actor, actor.c.id == p.actor_id)
        .outerjoin(speaker, speaker.c.id == p.speaker_id)
        .where(p.current)
    )
    return statement, p.id


def _bytewise(column: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    """``column`` compared byte by byte (code point order): SQLite's default, PostgreSQL's
    "C" collation, whatever the database's locale."""
    return column if dialect == "sqlite" else column.collate("C")


def _grouped(
    connection: Connection,
    key: ColumnElement[Any],
    value: ColumnElement[Any],
    ids: list[Any],
    order: ColumnElement[Any] | None = None,
) -> dict[Any, list[Any]]:
    if not ids:
        return {}
    statement = select(key, value).where(key.in_(ids))
    if order is not None:
        statement = statement.order_by(key, order)
    found: dict[Any, list[Any]] = defaultdict(list)
    for row_key, row_value in connection.execute(statement):
        found[row_key].append(row_value)
    return found
