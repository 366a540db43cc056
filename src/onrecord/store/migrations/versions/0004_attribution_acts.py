"""Each attribution's act (speech, writing, thought, intention, evidence, report).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

``attributions.act`` holds ``Attribution.act`` (docs/acts.md). Analyses stored before
acts existed have none: their column stays NULL, as their records have no act, until
``onrecord reanalyze`` analyses their articles again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attributions", sa.Column("act", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.drop_column("attributions", "act")
