"""The typed models of partner links and partner contacts."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from core.language import Language


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class NewLink(_Frozen):
    """A link to store: only the SHA-256 of its token is kept, never the token."""

    project_id: int
    run_id: int
    partner_id: int
    token_hash: str = Field(min_length=64, max_length=64)
    created_by: str


class PartnerLink(_Frozen):
    """A stored link to one partner's part of one run."""

    id: int
    project_id: int
    run_id: int
    partner_id: int
    token_hash: str
    created_by: str
    created_at: datetime
    revoked_at: datetime | None = None


class PartnerContact(_Frozen):
    """Where a partner organisation gets its reminders by e-mail, and in which language."""

    project_id: int
    partner_id: int
    email: str
    language: Language = Language.EN
    updated_at: datetime


class IssuedLink(_Frozen):
    """A link just made: the only moment the plain token exists."""

    token: str
    partner: str
    run_id: int
    procedure_title_nb: str
    procedure_title_en: str
