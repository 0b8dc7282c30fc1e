"""Conversation memory: the questions asked in chat threads and each person's language.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.schema import UtcDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "thread_questions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("thread_key", sa.String(300), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_thread_questions_thread_key", "thread_questions", ["thread_key"])
    op.create_table(
        "person_languages",
        sa.Column("person_key", sa.String(300), primary_key=True),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("person_languages")
    op.drop_index("ix_thread_questions_thread_key", table_name="thread_questions")
    op.drop_table("thread_questions")
