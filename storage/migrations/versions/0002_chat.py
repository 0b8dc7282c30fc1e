"""Chat platform state: processed events, answers and feedback, posted checklists, conversation references.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.schema import UtcDateTime

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(200)


def upgrade() -> None:
    op.create_table(
        "processed_events",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("received_at", UtcDateTime(), nullable=False, index=True),
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("channel_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "feedback",
        sa.Column(
            "answer_id", sa.Integer(), sa.ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("user_id", ID, primary_key=True),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "posted_checklists",
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("platform", sa.String(20), primary_key=True),
        sa.Column("channel_id", ID, primary_key=True),
        sa.Column("message_id", sa.String(300), primary_key=True),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("posted_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "conversations",
        sa.Column("channel_id", ID, primary_key=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("conversations", "posted_checklists", "feedback", "answers", "processed_events"):
        op.drop_table(table)
