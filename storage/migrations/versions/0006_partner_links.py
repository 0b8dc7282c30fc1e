"""Partner links (hashed tokens), partners' e-mail contacts and the ledger of reminders sent by e-mail.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.schema import UtcDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "partner_links",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("project_id", sa.Integer(), _fk("projects"), nullable=False),
        sa.Column("run_id", sa.Integer(), _fk("runs"), nullable=False),
        sa.Column("partner_id", sa.Integer(), _fk("partners"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("revoked_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_partner_links_project_id", "partner_links", ["project_id"])
    op.create_table(
        "partner_contacts",
        sa.Column("partner_id", sa.Integer(), _fk("partners"), primary_key=True),
        sa.Column("project_id", sa.Integer(), _fk("projects"), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_partner_contacts_project_id", "partner_contacts", ["project_id"])
    op.create_table(
        "partner_mail",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("reminder_id", sa.Integer(), _fk("reminders"), nullable=False),
        sa.Column("partner_id", sa.Integer(), _fk("partners"), nullable=False),
        sa.Column("project_id", sa.Integer(), _fk("projects"), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UtcDateTime(), nullable=True),
        sa.Column("claim_token", sa.String(40), nullable=True),
        sa.Column("claimed_until", UtcDateTime(), nullable=True),
        sa.Column("message_id", sa.String(300), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("reminder_id", "partner_id", name="uq_partner_mail_reminder_partner"),
    )
    op.create_index("ix_partner_mail_status", "partner_mail", ["status"])


def downgrade() -> None:
    op.drop_index("ix_partner_mail_status", table_name="partner_mail")
    op.drop_table("partner_mail")
    op.drop_index("ix_partner_contacts_project_id", table_name="partner_contacts")
    op.drop_table("partner_contacts")
    op.drop_index("ix_partner_links_project_id", table_name="partner_links")
    op.drop_table("partner_links")
