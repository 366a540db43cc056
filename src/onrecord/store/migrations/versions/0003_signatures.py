"""Article signatures, so that syndication groups and quote clusters last across batches.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

``article_signatures`` keeps each article's MinHash signature (``resolve.signatures``,
as ``Signature.to_bytes`` writes it): every ingest rebuilds the syndication index
from them instead of reading and signing every stored article again. Articles stored
before this migration have none; the next ingest or reanalyze signs them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        comment="each article's MinHash signature (resolve.signatures), for syndication groups",
    )


def downgrade() -> None:
    op.drop_table("article_signatures")
