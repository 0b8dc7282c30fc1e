"""The language of a project's channel posts, and partners that have withdrawn from a project.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("language", sa.String(5), nullable=True))
    with op.batch_alter_table("partners") as batch:
        batch.add_column(sa.Column("withdrawn", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("partners") as batch:
        batch.drop_column("withdrawn")
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("language")
