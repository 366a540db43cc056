"""The one :class:`Store` implementation, over SQLAlchemy Core, for SQLite and PostgreSQL.

Every write is one transaction (an SQLite write takes the lock at its start, so the
one writer at a time waits its turn instead of failing); reads see committed data only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Literal

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from onrecord.model import SCHEMA_VERSION, Analysis, Article, Issue, Provenance
from onrecord.store import _copies, _read, _write, fts
from onrecord.store._rows import digest, provenance_hash
from onrecord.store.engine import WRITE, database_url, make_engine, migrate, shown_url
from onrecord.store.protocol import (
    ActorRecord,
    Added,
    FormKey,
    Mention,
    QuoteCluster,
    QuoteContent,
    RunRecord,
    SearchHit,
    StoredIssue,
    StoredSignature,
    SyndicationGroup,
)
from onrecord.store.reads import SqlReads
from onrecord.store.schema import (
    actor_aliases,
    actor_forms,
    actors,
    analyses,
    articles,
    attributions,
    issues,
    meta,
    metadata,
    positions,
    provenances,
    runs,
)

__all__ = ["SqlStore", "open_store"]


def open_store(db: str) -> SqlStore:
    """The store at ``db`` (a file path, ``sqlite:///…`` or ``postgresql://…``),
    created or migrated to the newest schema."""
    return SqlStore(make_engine(database_url(db)))


class SqlStore(SqlReads):
    """A store in one database; see :class:`onrecord.store.Store` for the methods."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = shown_url(str(engine.url))
        self.dialect = engine.dialect.name
        migrate(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on error."""
        with self.engine.connect() as connection:
            connection.execution_options(**{WRITE: True})
            with connection.begin():
                yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    # Runs.
    def start_run(self, command: str, inputs: Sequence[str], settings_hash: str) -> int:
        row = {
            "command": command,
            "started_at": _write.now(),
            "inputs": list(inputs),
            "issues": [],
            "settings_hash": settings_hash,
            "schema_version": SCHEMA_VERSION,
        }
        with self.writing() as connection:
            return int(connection.scalar(insert(runs).returning(runs.c.id), row))

    def set_run_provenance(self, run_id: int, provenance: Provenance) -> None:
        with self.writing() as connection:
            key = _write.put_provenance(connection, provenance)
            connection.execute(update(runs).where(runs.c.id == run_id).values(provenance_hash=key))

    def set_run_issues(self, run_id: int, issue_hashes: Sequence[str]) -> None:
        with self.writing() as connection:
            values = {"issues": sorted(issue_hashes)}
            connection.execute(update(runs).where(runs.c.id == run_id).values(**values))

    def finish_run(self, run_id: int, summary: Mapping[str, Any]) -> None:
        values = {"finished_at": _write.now(), "summary": dict(summary)}
        with self.writing() as connection:
            connection.execute(update(runs).where(runs.c.id == run_id).values(**values))
            if self.dialect == "sqlite":
                # Statistics for SQLite's planner, from a sample of each index (a
                # fraction of a second): without them it reads positions --as-of through
                # an index that selects every row, at twice the cost. PostgreSQL's
                # autovacuum keeps its own.
                connection.exec_driver_sql("PRAGMA analysis_limit=1000")
                connection.exec_driver_sql("ANALYZE")

    def runs(self) -> list[RunRecord]:
        statement = (
            select(runs, provenances.c.record.label("provenance"))
            .outerjoin(provenances, provenances.c.hash == runs.c.provenance_hash)
            .order_by(runs.c.id)
        )
        with self.reading() as connection:
            return [_run_record(row) for row in connection.execute(statement)]

    # Issues.
    def put_issue(self, issue: Issue, content: str, source: str | None = None) -> StoredIssue:
        """Store an issue file's content; it becomes the current version of its id."""
        key = digest(content)
        row = {
            "hash": key,
            "id": issue.id,
            "title": issue.title,
            "source": source,
            "content": content,
            "record": issue.to_dict(),
            "current": True,
            "added_at": _write.now(),
        }
        with self.writing() as connection:
            others = (issues.c.id == issue.id) & (issues.c.hash != key)
            connection.execute(update(issues).where(others).values(current=False))
            _write.insert_ignoring(connection, issues, [row])
            connection.execute(update(issues).where(issues.c.hash == key).values(current=True))
        return StoredIssue(issue, key, content, source)

    def current_issues(self) -> list[StoredIssue]:
        statement = select(issues).where(issues.c.current).order_by(issues.c.id)
        with self.reading() as connection:
            return [
                StoredIssue(Issue.from_dict(row.record), row.hash, row.content, row.source)
                for row in connection.execute(statement)
            ]

    # Articles and analyses.
    def has_article(self, article_id: str) -> bool:
        with self.reading() as connection:
            found = connection.scalar(select(articles.c.pk).where(articles.c.id == article_id))
        return found is not None

    def add_analysis(
        self, analysis: Analysis, address: str, run_id: int, issue_hashes: Sequence[str] = ()
    ) -> Added:
        """Store one analysed article whole, in one transaction: nothing when its
        content hash is stored already."""
        with self.writing() as connection:
            added = _write.insert_article(connection, analysis, address, run_id)
            if added is not Added.UNCHANGED:
                _write.insert_analysis(connection, analysis, run_id, issue_hashes)
        return added

    def replace_analysis(
        self, analysis: Analysis, run_id: int, issue_hashes: Sequence[str] = ()
    ) -> None:
        """A new current analysis of a stored article; the one before is kept, superseded."""
        with self.writing() as connection:
            old = _write.supersede(connection, analysis.article.id)
            new = _write.insert_analysis(connection, analysis, run_id, issue_hashes)
            if old is not None:
                _write.link_superseded(connection, old, new)

    def stale_articles(self, provenance: Provenance, issue_hashes: Sequence[str]) -> list[str]:
        """Articles whose current analysis was made by another pipeline, or with other
        issues, than ``provenance`` and ``issue_hashes``: what reanalyze re-runs."""
        key = provenance_hash(provenance)
        wanted = sorted(issue_hashes)
        statement = (
            select(analyses.c.article_id, analyses.c.provenance_hash, analyses.c.issues)
            .where(analyses.c.current)
            .order_by(analyses.c.id)
        )
        with self.reading() as connection:
            rows = connection.execute(statement).all()
        return [r.article_id for r in rows if r.provenance_hash != key or list(r.issues) != wanted]

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles (those with ``ids``, else all), in the order they were stored."""
        with self.reading() as connection:
            wanted = _read.current_article_ids(connection, ids)
        # A read transaction a page long: one held for the whole loop would keep SQLite
        # from folding the writes made meanwhile (reanalyze's) back into the database.
        for start in range(0, len(wanted), _read.PAGE):
            with self.reading() as connection:
                page = _read.read_articles(connection, wanted[start : start + _read.PAGE])
            yield from page

    def analyses(
        self, ids: Iterable[str] | None = None, *, canonical: bool = True
    ) -> Iterator[Analysis]:
        """The current analysis of each stored article (of ``ids``, else all), in the
        order stored. ``canonical``: actors as the store's registry resolved them, with
        the role the article gave; else as the article's analysis named them."""
        with self.reading() as connection:
            wanted = _read.current_article_ids(connection, ids)
            canon = _read.canonical_actors(connection) if canonical else {}
        for start in range(0, len(wanted), _read.PAGE):
            with self.reading() as connection:
                page = list(_read.read_page(connection, wanted[start : start + _read.PAGE], canon))
            yield from page

    # The actor registry.
    def mentions(self) -> Iterator[Mention]:
        with self.reading() as connection:
            yield from _read.read_mentions(connection)

    def put_actors(self, found: Sequence[ActorRecord], forms: Mapping[FormKey, str]) -> None:
        """Replace the registry (actors, aliases, forms) and point every current
        attribution and position at its canonical actor, in one transaction."""
        actor_rows = [_actor_row(record) for record in found]
        alias_rows = [
            {"actor_id": r.actor.id, "alias": alias} for r in found for alias in set(r.aliases)
        ]
        form_rows = [
            {"name": key.name, "type": key.type.value, "actor_id": actor_id}
            for key, actor_id in forms.items()
        ]
        with self.writing() as connection:
            for table in (actor_forms, actor_aliases, actors):
                connection.execute(delete(table))
            for table, rows in ((actors, actor_rows), (actor_aliases, alias_rows)):
                if rows:
                    connection.execute(insert(table), rows)
            if form_rows:
                connection.execute(insert(actor_forms), form_rows)
            _point_at_actors(connection)

    def actors(self) -> list[dict[str, Any]]:
        """Every actor's registry entry (``RegistryEntry.to_dict()``), as the registry
        orders them: the most mentioned first, then by name."""
        statement = select(actors.c.record).order_by(actors.c.mentions.desc(), actors.c.id)
        with self.reading() as connection:
            return [dict(record) for record in connection.scalars(statement)]

    def get_meta(self, key: str) -> str | None:
        with self.reading() as connection:
            value = connection.scalar(select(meta.c.value).where(meta.c.key == key))
        return None if value is None else str(value)

    def set_meta(self, key: str, value: str | None) -> None:
        with self.writing() as connection:
            connection.execute(delete(meta).where(meta.c.key == key))
            if value is not None:
                connection.execute(insert(meta), {"key": key, "value": value})

    # Syndication and quote clusters: each replaced whole, as resolve recomputes them.
    def put_syndication(self, groups: Sequence[SyndicationGroup], run_id: int | None) -> None:
        with self.writing() as connection:
            _copies.replace_syndication(connection, groups, run_id)

    def put_quote_clusters(self, clusters: Sequence[QuoteCluster], run_id: int | None) -> None:
        with self.writing() as connection:
            _copies.replace_quote_clusters(connection, clusters, run_id)

    def put_copies(
        self,
        signed: Sequence[tuple[str, bytes]],
        groups: Sequence[SyndicationGroup],
        clusters: Sequence[QuoteCluster],
        run_id: int | None,
    ) -> None:
        """New signatures, and the groups and clusters they give, in one transaction:
        an article signed is always an article whose quotes were clustered."""
        with self.writing() as connection:
            _copies.put_signatures(connection, signed)
            _copies.replace_syndication(connection, groups, run_id)
            _copies.replace_quote_clusters(connection, clusters, run_id)

    def unsigned_articles(self) -> list[str]:
        with self.reading() as connection:
            return _copies.unsigned_articles(connection)

    def signatures(self) -> list[StoredSignature]:
        with self.reading() as connection:
            return _copies.signatures(connection)

    def quote_contents(self) -> list[QuoteContent]:
        with self.reading() as connection:
            return _copies.quote_contents(connection)

    def syndication_groups(self) -> list[list[str]]:
        """The article ids of each group of copies, its first member first."""
        with self.reading() as connection:
            return _copies.group_members(connection)

    def quote_cluster_ids(self) -> list[list[int]]:
        """The attribution row ids of each quote cluster."""
        with self.reading() as connection:
            return _copies.quote_cluster_members_of(connection)

    # Reading.
    def search(
        self,
        query: str,
        *,
        within: Literal["attributions", "articles"] = "attributions",
        limit: int | None = None,
        current: bool = True,
    ) -> list[SearchHit]:
        """Attributions (by their content) or articles (by title and text) with every
        word of ``query``; see ``store.fts``."""
        with self.reading() as connection:
            return fts.search(connection, query, within, limit, current)

    def counts(self) -> dict[str, int]:
        """Rows in each table, by name."""
        with self.reading() as connection:
            return {
                name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
                for name, table in sorted(metadata.tables.items())
            }


def _actor_row(record: ActorRecord) -> dict[str, Any]:
    actor = record.actor
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type.value,
        "role": actor.role,
        "affiliation": actor.affiliation,
        "mentions": record.mentions,
        "articles": record.articles,
        "record": record.record,
    }


def _point_at_actors(connection: Connection) -> None:
    """Every current attribution and position gets the actor its form resolves to."""

    def actor_of(name: Any, kind: Any) -> Any:
        return (
            select(actor_forms.c.actor_id)
            .where(actor_forms.c.name == name, actor_forms.c.type == kind)
            .scalar_subquery()
        )

    a, p = attributions.c, positions.c
    connection.execute(
        update(attributions)
        .where(a.current)
        .values(speaker_id=actor_of(a.mention_name, a.mention_type))
    )
    connection.execute(
        update(positions)
        .where(p.current)
        .values(
            actor_id=actor_of(p.actor_name, p.actor_type),
            speaker_id=actor_of(p.speaker_name, p.speaker_type),
        )
    )


def _run_record(row: Any) -> RunRecord:
    return RunRecord(
        id=row.id,
        command=row.command,
        started_at=_aware(row.started_at),
        finished_at=_aware(row.finished_at) if row.finished_at else None,
        inputs=list(row.inputs),
        issues=list(row.issues),
        settings_hash=row.settings_hash,
        provenance=Provenance.from_dict(row.provenance) if row.provenance else None,
        summary=dict(row.summary) if row.summary is not None else None,
    )


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite keeps no time zone: every moment the store writes is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
