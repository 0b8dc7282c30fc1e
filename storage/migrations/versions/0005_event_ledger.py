"""The event ledger's states: received, answered (with the message ts) or failed, and the handler's lease.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.schema import UtcDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Entries recorded before the ledger had states were handled before they were recorded: answered.
    with op.batch_alter_table("processed_events") as batch:
        batch.add_column(sa.Column("state", sa.String(10), nullable=False, server_default="answered"))
        batch.add_column(sa.Column("owner", sa.String(40), nullable=True))
        batch.add_column(sa.Column("lease_until", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("message_ts", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("processed_events") as batch:
        for column in ("message_ts", "attempts", "lease_until", "owner", "state"):
            batch.drop_column(column)
