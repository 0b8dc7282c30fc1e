"""The storage contract of partner links and contacts; ``storage.link_store`` implements it over SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from workflows.links.models import NewLink, PartnerContact, PartnerLink


class PartnerLinkStore(Protocol):
    """Links (by token hash) and partners' e-mail contacts."""

    def add_link(self, *, new: NewLink, at: datetime) -> PartnerLink:
        """Store a new link."""
        ...

    def link_by_hash(self, *, token_hash: str) -> PartnerLink | None:
        """The link whose token hashes to ``token_hash``, revoked or not."""
        ...

    def revoke_links(self, *, project_id: int, partner_id: int, at: datetime) -> int:
        """End every live link of a partner in a project; returns how many were ended."""
        ...

    def put_contact(self, *, contact: PartnerContact) -> None:
        """Store or replace a partner's e-mail contact."""
        ...

    def contacts(self, *, project_id: int) -> list[PartnerContact]:
        """The project's partner contacts."""
        ...
