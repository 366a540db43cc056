"""Views with readable names, for Datasette and anyone reading the database with SQL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-21

``quotes``: who said what, the speaker by name; ``tracker``: every article's position
on each issue, the actor by name, with its evidence; ``quote_provenance``: each quote
cluster's members, first seen first; ``sources_by_outlet``: named and anonymous
speakers by outlet. Current analyses only. One SQL for both dialects but the joining
of evidence sentences (``group_concat`` in SQLite, ``string_agg`` in PostgreSQL).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

VIEWS = ("quotes", "tracker", "quote_provenance", "sources_by_outlet")

QUOTES = """
CREATE VIEW quotes AS
SELECT a.id AS id,
       COALESCE(a.said_on, ar.published_on) AS day,
       ar.outlet AS outlet,
       COALESCE(ac.name, a.mention_name, a.source_text) AS speaker,
       COALESCE(ac.type, a.mention_type) AS speaker_type,
       a.role AS role,
       a.cue_text AS cue,
       a.kind AS kind,
       a.content_text AS content,
       a.said_on AS said_on,
       ar.published_on AS published_on,
       ar.title AS title,
       ar.url AS url,
       a.confidence AS confidence,
       a.speaker_id AS speaker_id,
       a.article_id AS article_id
FROM attributions a
JOIN articles ar ON ar.id = a.article_id
LEFT JOIN actors ac ON ac.id = a.speaker_id
WHERE a.current
"""

# The evidence sentences of position p, in order, joined by " … ".
SQLITE_EVIDENCE = (
    "(SELECT group_concat(ordered.text, ' … ') FROM "
    "(SELECT e.text AS text FROM position_evidence e WHERE e.position_id = p.id "
    "ORDER BY e.seq) AS ordered)"
)
POSTGRES_EVIDENCE = (
    "(SELECT string_agg(e.text, ' … ' ORDER BY e.seq) FROM position_evidence e "
    "WHERE e.position_id = p.id)"
)

TRACKER = """
CREATE VIEW tracker AS
SELECT p.issue_id AS issue,
       i.title AS issue_title,
       COALESCE(ac.name, p.actor_name) AS actor,
       COALESCE(ac.type, p.actor_type) AS actor_type,
       p.stance AS stance,
       p.coarse AS coarse,
       p.as_of AS as_of,
       p.held_before AS held_before,
       p.conditions AS conditions,
       COALESCE(sp.name, p.speaker_name) AS speaker,
       {evidence} AS evidence,
       ar.published_on AS published_on,
       ar.outlet AS outlet,
       ar.title AS title,
       ar.url AS url,
       p.confidence AS confidence,
       p.actor_id AS actor_id,
       p.id AS position_id,
       p.article_id AS article_id
FROM positions p
JOIN articles ar ON ar.id = p.article_id
LEFT JOIN actors ac ON ac.id = p.actor_id
LEFT JOIN actors sp ON sp.id = p.speaker_id
LEFT JOIN issues i ON i.id = p.issue_id AND i.current
WHERE p.current
"""

QUOTE_PROVENANCE = """
CREATE VIEW quote_provenance AS
SELECT c.id AS cluster_id,
       c.first_seen AS first_seen,
       c.text AS quote,
       m.attribution_id AS quote_id,
       CAST(CASE WHEN m.attribution_id = c.first_attribution_id THEN 1 ELSE 0 END AS INTEGER)
           AS is_first,
       ar.published_on AS published_on,
       ar.outlet AS outlet,
       COALESCE(ac.name, a.mention_name, a.source_text) AS speaker,
       a.content_text AS content,
       ar.title AS title,
       ar.url AS url,
       a.article_id AS article_id
FROM quote_clusters c
JOIN quote_cluster_members m ON m.cluster_id = c.id
JOIN attributions a ON a.id = m.attribution_id
JOIN articles ar ON ar.id = a.article_id
LEFT JOIN actors ac ON ac.id = a.speaker_id
"""

SOURCES_BY_OUTLET = """
CREATE VIEW sources_by_outlet AS
SELECT outlet,
       COUNT(*) AS quotes,
       SUM(CASE WHEN speaker_type IS NOT NULL AND speaker_type <> 'anonymous'
           THEN 1 ELSE 0 END) AS named,
       SUM(CASE WHEN speaker_type = 'anonymous' THEN 1 ELSE 0 END) AS anonymous,
       SUM(CASE WHEN speaker_type IS NULL THEN 1 ELSE 0 END) AS unknown
FROM quotes
GROUP BY outlet
"""


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    evidence = SQLITE_EVIDENCE if sqlite else POSTGRES_EVIDENCE
    for statement in (QUOTES, TRACKER.format(evidence=evidence), QUOTE_PROVENANCE):
        op.execute(statement)
    op.execute(SOURCES_BY_OUTLET)


def downgrade() -> None:
    for view in reversed(VIEWS):
        op.execute(f"DROP VIEW {view}")
