"""The SQL implementation of ``workflows.links.store.PartnerLinkStore``: partner links and e-mail contacts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from core.language import Language
from storage.database import Database
from storage.schema import PartnerContactRow, PartnerLinkRow
from storage.transaction import transaction
from workflows.links.models import NewLink, PartnerContact, PartnerLink


class SqlLinkStore:
    """Partner links and contacts in SQLite or PostgreSQL (implements ``PartnerLinkStore``)."""

    def __init__(self, *, database: Database) -> None:
        """Use ``database``'s sessions."""
        self._database = database

    def add_link(self, *, new: NewLink, at: datetime) -> PartnerLink:
        with transaction(self._database) as session:
            row = PartnerLinkRow(**new.model_dump(), created_at=at)
            session.add(row)
            session.flush()
            return _link(row)

    def link_by_hash(self, *, token_hash: str) -> PartnerLink | None:
        with transaction(self._database) as session:
            row = session.scalar(select(PartnerLinkRow).where(PartnerLinkRow.token_hash == token_hash))
            return _link(row) if row else None

    def revoke_links(self, *, project_id: int, partner_id: int, at: datetime) -> int:
        with transaction(self._database) as session:
            result = session.execute(
                update(PartnerLinkRow)
                .where(
                    PartnerLinkRow.project_id == project_id,
                    PartnerLinkRow.partner_id == partner_id,
                    PartnerLinkRow.revoked_at.is_(None),
                )
                .values(revoked_at=at)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def put_contact(self, *, contact: PartnerContact) -> None:
        with transaction(self._database) as session:
            row = session.get(PartnerContactRow, contact.partner_id, with_for_update=True)
            if row is None:
                row = PartnerContactRow(partner_id=contact.partner_id)
                session.add(row)
            row.project_id, row.email = contact.project_id, contact.email
            row.language, row.updated_at = contact.language.value, contact.updated_at

    def contacts(self, *, project_id: int) -> list[PartnerContact]:
        with transaction(self._database) as session:
            rows = session.scalars(
                select(PartnerContactRow)
                .where(PartnerContactRow.project_id == project_id)
                .order_by(PartnerContactRow.partner_id)
            )
            return [
                PartnerContact(
                    project_id=row.project_id,
                    partner_id=row.partner_id,
                    email=row.email,
                    language=Language(row.language),
                    updated_at=row.updated_at,
                )
                for row in rows
            ]


def _link(row: PartnerLinkRow) -> PartnerLink:
    return PartnerLink(
        id=row.id,
        project_id=row.project_id,
        run_id=row.run_id,
        partner_id=row.partner_id,
        token_hash=row.token_hash,
        created_by=row.created_by,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )
