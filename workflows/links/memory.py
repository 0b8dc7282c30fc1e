"""The in-memory twin of ``PartnerLinkStore``, for tests and tools."""

from __future__ import annotations

from datetime import datetime

from workflows.links.models import NewLink, PartnerContact, PartnerLink


class MemoryLinkStore:
    """Partner links and contacts in a dictionary (implements ``PartnerLinkStore``)."""

    def __init__(self) -> None:
        """Start empty."""
        self._links: dict[int, PartnerLink] = {}
        self._contacts: dict[tuple[int, int], PartnerContact] = {}

    def add_link(self, *, new: NewLink, at: datetime) -> PartnerLink:
        link = PartnerLink(id=len(self._links) + 1, created_at=at, **new.model_dump())
        self._links[link.id] = link
        return link

    def link_by_hash(self, *, token_hash: str) -> PartnerLink | None:
        return next((link for link in self._links.values() if link.token_hash == token_hash), None)

    def revoke_links(self, *, project_id: int, partner_id: int, at: datetime) -> int:
        live = [
            link
            for link in self._links.values()
            if link.project_id == project_id and link.partner_id == partner_id and link.revoked_at is None
        ]
        for link in live:
            self._links[link.id] = link.model_copy(update={"revoked_at": at})
        return len(live)

    def put_contact(self, *, contact: PartnerContact) -> None:
        self._contacts[(contact.project_id, contact.partner_id)] = contact

    def contacts(self, *, project_id: int) -> list[PartnerContact]:
        return sorted(
            (c for c in self._contacts.values() if c.project_id == project_id), key=lambda c: c.partner_id
        )
