"""Deadline reminders and each project's reminder settings.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.schema import UtcDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "project_id", sa.Integer(), sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("plan_key", sa.String(40), nullable=True),
        sa.Column("offset_days", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("due_at", UtcDateTime(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UtcDateTime(), nullable=True),
        sa.Column("claim_token", sa.String(40), nullable=True),
        sa.Column("claimed_until", UtcDateTime(), nullable=True),
        sa.Column("message_id", sa.String(300), nullable=True),
        sa.Column("sent_at", UtcDateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(200), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("project_id", "plan_key", name="uq_reminders_plan_key"),
    )
    op.create_index("ix_reminders_project_id", "reminders", ["project_id"])
    op.create_index("ix_reminders_status", "reminders", ["status"])
    op.create_table(
        "reminder_settings",
        sa.Column(
            "project_id",
            sa.Integer(),
            sa.ForeignKey("projects.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("planned_end_date", sa.Date(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("reminder_settings")
    op.drop_index("ix_reminders_status", table_name="reminders")
    op.drop_index("ix_reminders_project_id", table_name="reminders")
    op.drop_table("reminders")
