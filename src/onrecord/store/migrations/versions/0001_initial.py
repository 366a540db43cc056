"""Everything: the tables of store/schema.py as they were first released, and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-05-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON_ = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

# FTS5 in SQLite: contentless tables (the text stays in its own table only), keyed by
# the row's integer id. Words as they are, case folded, neither stemmed nor dropped:
# PostgreSQL's 'simple' configuration reads them the same way (store/fts.py).
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE attributions_fts USING fts5(content, content='', "
    "tokenize='unicode61 remove_diacritics 0')",
)
# PostgreSQL: a stored tsvector column, computed by the server, with a GIN index.
POSTGRES_FTS = (
    "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_articles_search ON articles USING gin (search)",
    "ALTER TABLE attributions ADD COLUMN search tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple', content_text)) STORED",
    "CREATE INDEX ix_attributions_search ON attributions USING gin (search)",
)

# In order of creation: each after those its foreign keys name.
TABLES = (
    "actors",
    "issues",
    "meta",
    "provenances",
    "actor_aliases",
    "actor_forms",
    "runs",
    "articles",
    "analyses",
    "blocks",
    "syndication_groups",
    "attributions",
    "positions",
    "syndication_members",
    "attribution_spans",
    "position_attributions",
    "position_evidence",
    "quote_clusters",
    "quote_cluster_members",
)


def upgrade() -> None:
    create_tables()
    name = op.get_bind().dialect.name
    for statement in SQLITE_FTS if name == "sqlite" else POSTGRES_FTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE attributions_fts")
        op.execute("DROP TABLE articles_fts")
    for table in reversed(TABLES):  # the tables that others refer to go last
        op.drop_table(table)


def create_tables() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("record", JSON_, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        comment="the actor registry across the whole store, rewritten when actors are resolved",
    )
    op.create_index("ix_actors_name", "actors", ["name"], unique=False)
    op.create_table(
        "issues",
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("record", JSON_, nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("hash"),
        comment="every version of every issue file given",
    )
    op.create_index("ix_issues_id", "issues", ["id"], unique=False)
    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
        comment="the store's own settings and state: the actor aliases file, flags",
    )
    op.create_table(
        "provenances",
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("record", JSON_, nullable=False),
        sa.PrimaryKeyConstraint("hash"),
        comment="each distinct Analysis.provenance (Provenance.to_dict()), by its hash",
    )
    op.create_table(
        "actor_aliases",
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("alias", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.PrimaryKeyConstraint("actor_id", "alias"),
        comment="every name articles gave an actor",
    )
    op.create_index("ix_actor_aliases_alias", "actor_aliases", ["alias"], unique=False)
    op.create_table(
        "actor_forms",
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.PrimaryKeyConstraint("name", "type"),
        comment="the registry's decision: which actor each (name, type) an analysis gave is",
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("command", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("inputs", JSON_, nullable=False),
        sa.Column("issues", JSON_, nullable=False),
        sa.Column("settings_hash", sa.String(length=32), nullable=False),
        sa.Column("provenance_hash", sa.String(length=64), nullable=True),
        sa.Column("schema_version", sa.String(length=16), nullable=False),
        sa.Column("summary", JSON_, nullable=True),
        sa.ForeignKeyConstraint(
            ["provenance_hash"],
            ["provenances.hash"],
        ),
        sa.PrimaryKeyConstraint("id"),
        comment="one ingest or reanalyze: when, what, with which pipeline",
    )
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.String(length=32), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("record", JSON_, nullable=False),
        sa.Column("first_run_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_run_id"],
            ["runs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
        comment="every article once per content hash; a changed text at one address is a version",
    )
    op.create_index("ix_articles_address", "articles", ["address", "version"], unique=False)
    op.create_index("ix_articles_outlet", "articles", ["outlet"], unique=False)
    op.create_index("ix_articles_published_on", "articles", ["published_on"], unique=False)
    op.create_table(
        "analyses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("provenance_hash", sa.String(length=64), nullable=False),
        sa.Column("issues", JSON_, nullable=False),
        sa.Column("with_positions", sa.Boolean(), nullable=False),
        sa.Column("skipped", sa.Text(), nullable=True),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["provenance_hash"],
            ["provenances.hash"],
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["runs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"],
            ["analyses.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        comment="one analysis of one article by one run; reanalyze supersedes, never deletes",
    )
    op.create_index("ix_analyses_article", "analyses", ["article_id", "current"], unique=False)
    op.create_index(
        "ux_analyses_one_current",
        "analyses",
        ["article_id"],
        unique=True,
        sqlite_where=sa.text("current"),
        postgresql_where=sa.text("current"),
    )
    op.create_table(
        "blocks",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("credit", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "seq"),
        comment="the article's typed stretches: articles.text[char_start:char_end]",
    )
    op.create_table(
        "syndication_groups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("first_article_id", sa.String(length=32), nullable=False),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["first_article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["runs.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        comment="near-duplicate articles (wire copies re-published by many outlets)",
    )
    op.create_table(
        "attributions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("analysis_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("local_id", sa.String(length=64), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("speaker_id", sa.String(length=200), nullable=True),
        sa.Column("mention_name", sa.String(length=500), nullable=True),
        sa.Column("mention_type", sa.String(length=32), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.Column("said_on", sa.Date(), nullable=True),
        sa.Column("said_on_rule", sa.String(length=16), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("cue_text", sa.Text(), nullable=True),
        sa.Column("content_text", sa.Text(), nullable=False),
        sa.Column("record", JSON_, nullable=False),
        sa.ForeignKeyConstraint(
            ["analysis_id"],
            ["analyses.id"],
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        comment="who said what: one row per attribution of each analysis",
    )
    op.create_index("ix_attributions_analysis", "attributions", ["analysis_id"], unique=False)
    op.create_index(
        "ix_attributions_article", "attributions", ["article_id", "current"], unique=False
    )
    op.create_index(
        "ix_attributions_mention", "attributions", ["mention_name", "mention_type"], unique=False
    )
    op.create_index("ix_attributions_said_on", "attributions", ["said_on"], unique=False)
    op.create_index(
        "ix_attributions_speaker", "attributions", ["speaker_id", "current"], unique=False
    )
    op.create_table(
        "positions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("analysis_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("issue_id", sa.String(length=200), nullable=False),
        sa.Column("issue_hash", sa.String(length=64), nullable=True),
        sa.Column("actor_id", sa.String(length=200), nullable=True),
        sa.Column("actor_name", sa.String(length=500), nullable=False),
        sa.Column("actor_type", sa.String(length=32), nullable=False),
        sa.Column("speaker_id", sa.String(length=200), nullable=True),
        sa.Column("speaker_name", sa.String(length=500), nullable=True),
        sa.Column("speaker_type", sa.String(length=32), nullable=True),
        sa.Column("stance", sa.String(length=200), nullable=False),
        sa.Column("coarse", sa.String(length=32), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("held_before", sa.Date(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("record", JSON_, nullable=False),
        sa.ForeignKeyConstraint(
            ["analysis_id"],
            ["analyses.id"],
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["issue_hash"],
            ["issues.hash"],
        ),
        sa.PrimaryKeyConstraint("id"),
        comment="where an actor stood on an issue, per analysis",
    )
    op.create_index("ix_positions_actor", "positions", ["actor_id", "current"], unique=False)
    op.create_index("ix_positions_analysis", "positions", ["analysis_id"], unique=False)
    op.create_index(
        "ix_positions_issue", "positions", ["issue_id", "current", "as_of"], unique=False
    )
    op.create_table(
        "syndication_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["syndication_groups.id"],
        ),
        sa.PrimaryKeyConstraint("group_id", "article_id"),
    )
    op.create_index(
        "ix_syndication_members_article", "syndication_members", ["article_id"], unique=False
    )
    op.create_table(
        "attribution_spans",
        sa.Column("attribution_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attribution_id"],
            ["attributions.id"],
        ),
        sa.PrimaryKeyConstraint("attribution_id", "part", "seq"),
        comment="every span of an attribution: articles.text[char_start:char_end]",
    )
    op.create_table(
        "position_attributions",
        sa.Column("position_id", sa.Integer(), nullable=False),
        sa.Column("attribution_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attribution_id"],
            ["attributions.id"],
        ),
        sa.ForeignKeyConstraint(
            ["position_id"],
            ["positions.id"],
        ),
        sa.PrimaryKeyConstraint("position_id", "attribution_id"),
        comment="the attributions a position rests on",
    )
    op.create_table(
        "position_evidence",
        sa.Column("position_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["position_id"],
            ["positions.id"],
        ),
        sa.PrimaryKeyConstraint("position_id", "seq"),
        comment="the sentences a position rests on",
    )
    op.create_table(
        "quote_clusters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("first_attribution_id", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["first_attribution_id"],
            ["attributions.id"],
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["runs.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        comment="the same quote across articles",
    )
    op.create_table(
        "quote_cluster_members",
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("attribution_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["attribution_id"],
            ["attributions.id"],
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["quote_clusters.id"],
        ),
        sa.PrimaryKeyConstraint("cluster_id", "attribution_id"),
    )
    op.create_index(
        "ix_quote_cluster_members_attribution",
        "quote_cluster_members",
        ["attribution_id"],
        unique=False,
    )
