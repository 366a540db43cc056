"""The store's tables, as SQLAlchemy Core ``Table`` objects: what the code reads and writes.

The migrations in ``store/migrations/versions`` create them (a migration is frozen
once released; ``tests/store/test_migrations.py`` checks that the migrated database
and these tables agree on both dialects). Whole records are kept as the record
model's own dicts (``to_dict``) in ``record`` JSON columns, so nothing the model holds
is lost; real columns hold what queries filter, join or sort on.

Full-text search is not declared here because it differs by dialect (``store.fts``):
FTS5 tables ``articles_fts`` and ``attributions_fts`` in SQLite, a generated
``search`` tsvector column with a GIN index on ``articles`` and ``attributions`` in
PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

__all__ = ["metadata"]

# JSONB in PostgreSQL (indexable, compact), JSON text in SQLite.
Json = JSON().with_variant(JSONB(), "postgresql")
Hash = String(64)
Moment = DateTime(timezone=True)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    comment="the store's own settings and state: the actor aliases file, flags",
)

provenances = Table(
    "provenances",
    metadata,
    Column("hash", Hash, primary_key=True),
    Column("record", Json, nullable=False),
    comment="each distinct Analysis.provenance (Provenance.to_dict()), by its hash",
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", String(32), nullable=False),  # ingest | reanalyze | load
    Column("started_at", Moment, nullable=False),
    Column("finished_at", Moment),  # NULL: still running, or killed
    Column("inputs", Json, nullable=False),
    Column("issues", Json, nullable=False),  # the issue hashes the run analysed with
    Column("settings_hash", String(32), nullable=False),
    Column("provenance_hash", Hash, ForeignKey("provenances.hash")),
    Column("schema_version", String(16), nullable=False),  # the record codec's
    Column("summary", Json),
    comment="one ingest or reanalyze: when, what, with which pipeline",
)

issues = Table(
    "issues",
    metadata,
    Column("hash", Hash, primary_key=True),  # of the issue file's content
    Column("id", String(200), nullable=False),  # Issue.id
    Column("title", Text, nullable=False),
    Column("source", Text),  # the file it was read from
    Column("content", Text, nullable=False),  # the issue file's text, as given
    Column("record", Json, nullable=False),  # Issue.to_dict()
    Column("current", Boolean, nullable=False),  # the latest content given for this id
    Column("added_at", Moment, nullable=False),
    Index("ix_issues_id", "id"),
    comment="every version of every issue file given",
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),  # the FTS5 rowid
    Column("id", String(32), nullable=False, unique=True),  # Article.id, the content hash
    Column("address", Text, nullable=False),  # url, else where it was read from
    Column("version", Integer, nullable=False),  # 1, 2, ... for one address
    Column("previous_id", String(32), ForeignKey("articles.id")),  # the version before
    Column("source", Text),
    Column("external_id", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("language", String(16)),
    Column("published_on", Date),  # the day of Article.published, as the article gives it
    Column("text", Text, nullable=False),
    Column("record", Json, nullable=False),  # Article.to_dict() without text and block text
    Column("first_run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("added_at", Moment, nullable=False),
    Index("ix_articles_address", "address", "version"),
    Index("ix_articles_published_on", "published_on"),
    Index("ix_articles_outlet", "outlet"),
    comment="every article once per content hash; a changed text at one address is a version",
)

blocks = Table(
    "blocks",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("credit", Text),
    comment="the article's typed stretches: articles.text[char_start:char_end]",
)

analyses = Table(
    "analyses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("provenance_hash", Hash, ForeignKey("provenances.hash"), nullable=False),
    Column("issues", Json, nullable=False),  # the issue hashes it looked for, sorted
    Column("with_positions", Boolean, nullable=False),  # Analysis.positions is not None
    Column("skipped", Text),
    Column("current", Boolean, nullable=False),
    Column("superseded_by", Integer, ForeignKey("analyses.id")),
    Column("created_at", Moment, nullable=False),
    Index("ix_analyses_article", "article_id", "current"),
    Index(
        "ux_analyses_one_current",
        "article_id",
        unique=True,
        sqlite_where=text("current"),
        postgresql_where=text("current"),
    ),
    comment="one analysis of one article by one run; reanalyze supersedes, never deletes",
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("role", Text),  # the latest role seen
    Column("affiliation", Text),
    Column("mentions", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("record", Json, nullable=False),  # the registry entry (RegistryEntry.to_dict())
    Index("ix_actors_name", "name"),
    comment="the actor registry across the whole store, rewritten when actors are resolved",
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", String(200), ForeignKey("actors.id"), primary_key=True),
    Column("alias", String(500), primary_key=True),
    Index("ix_actor_aliases_alias", "alias"),
    comment="every name articles gave an actor",
)

actor_forms = Table(
    "actor_forms",
    metadata,
    Column("name", String(500), primary_key=True),  # as the article's analysis named it
    Column("type", String(32), primary_key=True),
    Column("actor_id", String(200), ForeignKey("actors.id"), nullable=False),
    comment="the registry's decision: which actor each (name, type) an analysis gave is",
)

attributions = Table(
    "attributions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # the FTS5 rowid
    Column("analysis_id", Integer, ForeignKey("analyses.id"), nullable=False),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("local_id", String(64), nullable=False),  # Attribution.id within its analysis
    Column("current", Boolean, nullable=False),  # of its article's current analysis
    Column("kind", String(16), nullable=False),
    Column("act", String(16)),  # Attribution.act; NULL for analyses made before acts (0004)
    Column("confidence", Float, nullable=False),
    Column("method", Text, nullable=False),
    Column("speaker_id", String(200)),  # the canonical actor; NULL until resolved
    Column("mention_name", String(500)),  # the actor as the article's analysis named it
    Column("mention_type", String(32)),
    Column("role", Text),  # the role this article gives the speaker
    Column("affiliation", Text),
    Column("said_on", Date),
    Column("said_on_rule", String(16)),
    Column("source_text", Text),
    Column("cue_text", Text),
    Column("content_text", Text, nullable=False),  # the content's parts joined by " … "
    Column("record", Json, nullable=False),  # Attribution.to_dict(), the article's own actor
    Index("ix_attributions_speaker", "speaker_id", "current"),
    Index("ix_attributions_article", "article_id", "current"),
    Index("ix_attributions_analysis", "analysis_id"),
    Index("ix_attributions_said_on", "said_on"),
    Index("ix_attributions_mention", "mention_name", "mention_type"),
    comment="who said what: one row per attribution of each analysis",
)

attribution_spans = Table(
    "attribution_spans",
    metadata,
    Column("attribution_id", Integer, ForeignKey("attributions.id"), primary_key=True),
    Column("part", String(16), primary_key=True),  # source | cue | content | said_on
    Column("seq", Integer, primary_key=True),  # the content part's number, from 0
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    comment="every span of an attribution: articles.text[char_start:char_end]",
)

positions = Table(
    "positions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("analysis_id", Integer, ForeignKey("analyses.id"), nullable=False),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("current", Boolean, nullable=False),
    Column("issue_id", String(200), nullable=False),  # Issue.id
    Column("issue_hash", Hash, ForeignKey("issues.hash")),
    Column("actor_id", String(200)),  # canonical; NULL until resolved
    Column("actor_name", String(500), nullable=False),  # as the analysis named it
    Column("actor_type", String(32), nullable=False),
    Column("speaker_id", String(200)),
    Column("speaker_name", String(500)),
    Column("speaker_type", String(32)),
    Column("stance", String(200), nullable=False),
    Column("coarse", String(32), nullable=False),
    Column("conditions", Text),
    Column("as_of", Date),
    Column("held_before", Date),
    Column("confidence", Float, nullable=False),
    Column("method", Text, nullable=False),
    Column("record", Json, nullable=False),  # Position.to_dict(), the article's own actors
    Index("ix_positions_issue", "issue_id", "current", "as_of"),
    Index("ix_positions_actor", "actor_id", "current"),
    Index("ix_positions_analysis", "analysis_id"),
    comment="where an actor stood on an issue, per analysis",
)

position_evidence = Table(
    "position_evidence",
    metadata,
    Column("position_id", Integer, ForeignKey("positions.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    comment="the sentences a position rests on",
)

position_attributions = Table(
    "position_attributions",
    metadata,
    Column("position_id", Integer, ForeignKey("positions.id"), primary_key=True),
    Column("attribution_id", Integer, ForeignKey("attributions.id"), primary_key=True),
    comment="the attributions a position rests on",
)

syndication_groups = Table(
    "syndication_groups",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("first_article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("first_seen", Date),  # the earliest publication day among its members
    Column("method", Text, nullable=False),  # e.g. "minhash-lsh v1 threshold=0.8"
    Column("run_id", Integer, ForeignKey("runs.id")),
    comment="near-duplicate articles (wire copies re-published by many outlets)",
)

article_signatures = Table(
    "article_signatures",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),  # Signature.to_bytes()
    comment="each article's MinHash signature (resolve.signatures), for syndication groups",
)

syndication_members = Table(
    "syndication_members",
    metadata,
    Column("group_id", Integer, ForeignKey("syndication_groups.id"), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("similarity", Float),
    Index("ix_syndication_members_article", "article_id"),
)

quote_clusters = Table(
    "quote_clusters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("text", Text, nullable=False),  # the earliest member's content
    Column("first_attribution_id", Integer, ForeignKey("attributions.id"), nullable=False),
    Column("first_seen", Date),  # the earliest publication day among its members
    Column("method", Text, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    comment="the same quote across articles",
)

quote_cluster_members = Table(
    "quote_cluster_members",
    metadata,
    Column("cluster_id", Integer, ForeignKey("quote_clusters.id"), primary_key=True),
    Column("attribution_id", Integer, ForeignKey("attributions.id"), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Index("ix_quote_cluster_members_attribution", "attribution_id"),
)
