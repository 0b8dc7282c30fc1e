"""Projects, partners, members, checklist runs, step marks, positions and the audit trail.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.schema import UtcDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(200)
NAME = sa.String(300)


def _project_fk() -> sa.ForeignKey:
    return sa.ForeignKey("projects.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("name", NAME, nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("organisation", NAME, nullable=True),
        sa.Column("channel_id", ID, nullable=False, unique=True),
        sa.Column("created_by", ID, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "partners",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("project_id", sa.Integer(), _project_fk(), nullable=False, index=True),
        sa.Column("name", NAME, nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.UniqueConstraint("project_id", "name", name="uq_partners_project_name"),
    )
    op.create_table(
        "members",
        sa.Column("project_id", sa.Integer(), _project_fk(), primary_key=True),
        sa.Column("user_id", ID, primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column(
            "partner_id", sa.Integer(), sa.ForeignKey("partners.id", ondelete="CASCADE"), nullable=True
        ),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("project_id", sa.Integer(), _project_fk(), nullable=False, index=True),
        sa.Column("procedure_id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("started_by", ID, nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
    )
    _run_tables()


def _run_tables() -> None:
    run_fk = sa.ForeignKey("runs.id", ondelete="CASCADE")
    op.create_table(
        "step_marks",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer(), run_fk, nullable=False, index=True),
        sa.Column("step_id", sa.String(100), nullable=False),
        sa.Column("partner_key", sa.String(20), nullable=False),
        sa.Column(
            "partner_id", sa.Integer(), sa.ForeignKey("partners.id", ondelete="CASCADE"), nullable=True
        ),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.UniqueConstraint("run_id", "step_id", "partner_key", name="uq_step_marks_step"),
    )
    op.create_table(
        "run_positions",
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("user_id", ID, primary_key=True),
        sa.Column("step_id", sa.String(100), nullable=True),
        sa.Column("touched_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "run_id", sa.Integer(), sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("step_id", sa.String(100), nullable=False),
        sa.Column(
            "partner_id", sa.Integer(), sa.ForeignKey("partners.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
    )


def downgrade() -> None:
    for table in ("audit_entries", "run_positions", "step_marks", "runs", "members", "partners", "projects"):
        op.drop_table(table)
