"""Full-text search, one behaviour over two engines.

SQLite: contentless FTS5 tables ``articles_fts`` (title, text) and
``attributions_fts`` (content), written by the store in the same transaction as the
row they index, keyed by the row's integer id. PostgreSQL: a ``search`` tsvector
column the server computes (the 'simple' configuration), with a GIN index.

Both read words the same way: case folded, nothing stemmed and no word dropped as too
common, so that the same store gives the same hits on either engine. A query matches
the rows that have every one of its words, each as a word or the start of one:
"strike Kharkiv" finds "strikes near Kharkiv" but not "striking". Ranks (bm25 in
SQLite, ts_rank in PostgreSQL) order the hits within one engine; ties go by id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from sqlalchemy import Connection, Float, String, TextClause, column, exists, select, text
from sqlalchemy.sql.elements import ColumnClause

from onrecord.store.protocol import SearchHit
from onrecord.store.schema import articles, attributions

__all__ = ["index_articles", "index_attributions", "search", "words_of"]

_WORD = re.compile(r"\w+")
Within = Literal["attributions", "articles"]
_HITS: tuple[ColumnClause[Any], ...] = (
    column("id"),
    column("article_id", String),
    column("rank", Float),
)


def words_of(query: str) -> list[str]:
    """The words a query looks for, case folded."""
    return _WORD.findall(query.casefold())


def index_articles(connection: Connection, rows: Sequence[tuple[int, str, str]]) -> None:
    """(pk, title, text) into SQLite's ``articles_fts``."""
    connection.execute(
        text("INSERT INTO articles_fts (rowid, title, text) VALUES (:pk, :title, :text)"),
        [{"pk": pk, "title": title, "text": body} for pk, title, body in rows],
    )


def index_attributions(connection: Connection, rows: Sequence[tuple[int, str]]) -> None:
    """(id, content text) into SQLite's ``attributions_fts``."""
    if rows:
        connection.execute(
            text("INSERT INTO attributions_fts (rowid, content) VALUES (:id, :content)"),
            [{"id": row_id, "content": content} for row_id, content in rows],
        )


def search(
    connection: Connection, query: str, within: Within, limit: int | None, current: bool
) -> list[SearchHit]:
    """Rows with every word of ``query``, best first (ties by id); with ``current``,
    attributions of current analyses only, or articles of which no newer version is
    stored."""
    words = words_of(query)
    if not words:
        return []
    sqlite = connection.dialect.name == "sqlite"
    matches = (_sqlite if sqlite else _postgres)(words, within)
    found = matches.columns(*_HITS).subquery("found")
    statement = select(found.c.id, found.c.article_id, found.c.rank)
    if current and within == "attributions":
        kept = select(attributions.c.id).where(
            attributions.c.id == found.c.id, attributions.c.current
        )
        statement = statement.where(exists(kept))
    elif current:
        # One list of the articles a newer version replaced, read once: asked per hit
        # (no index on previous_id), it read the whole table for every hit.
        replaced = select(articles.c.previous_id).where(articles.c.previous_id.is_not(None))
        statement = statement.where(found.c.id.not_in(replaced))
    statement = statement.order_by(found.c.rank, found.c.id)
    if limit is not None:
        statement = statement.limit(limit)
    hits = connection.execute(statement)
    return [SearchHit(within, _id(row.id, within), row.article_id, float(row.rank)) for row in hits]


def _sqlite(words: list[str], within: Within) -> TextClause:
    # Each word quoted, so that FTS5 reads none as an operator (AND, NEAR), then "*":
    # the word or a longer one that starts with it.
    match = " ".join('"' + word.replace('"', '""') + '"*' for word in words)
    if within == "attributions":
        sql = (
            "SELECT a.id AS id, a.article_id AS article_id, bm25(attributions_fts) AS rank "
            "FROM attributions_fts JOIN attributions a ON a.id = attributions_fts.rowid "
            "WHERE attributions_fts MATCH :match"
        )
    else:
        sql = (
            "SELECT ar.id AS id, ar.id AS article_id, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles ar ON ar.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH :match"
        )
    return text(sql).bindparams(match=match)


def _postgres(words: list[str], within: Within) -> TextClause:
    # \w+ words hold no tsquery operator; ":*" is the same prefix match as FTS5's "*".
    query = " & ".join(f"{word}:*" for word in words)
    table = "attributions" if within == "attributions" else "articles"
    article_id = "article_id" if within == "attributions" else "id"
    sql = (
        f"SELECT id, {article_id} AS article_id, "
        f"-ts_rank(search, to_tsquery('simple', :query)) AS rank "
        f"FROM {table} WHERE search @@ to_tsquery('simple', :query)"
    )
    return text(sql).bindparams(query=query)


def _id(value: object, within: Within) -> int | str:
    return int(str(value)) if within == "attributions" else str(value)
