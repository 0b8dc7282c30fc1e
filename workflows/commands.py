"""The typed command every platform's words and buttons turn into."""

from __future__ import annotations

from datetime import date, time
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from core.language import Language
from workflows.models import Role


class CommandKind(StrEnum):
    """What a command asks for."""

    HELP = "help"
    PROCEDURES = "procedures"
    PROJECT_ADD = "project_add"
    PROJECT_SHOW = "project_show"
    PROJECT_END = "project_end"
    PROJECT_NAME = "project_name"
    PROJECT_ORGANISATION = "project_organisation"
    PROJECT_LANGUAGE = "project_language"
    PARTNER_ADD = "partner_add"
    PARTNER_REMOVE = "partner_remove"
    PARTNER_RENAME = "partner_rename"
    PARTNER_WITHDRAW = "partner_withdraw"
    MEMBER_ADD = "member_add"
    MEMBER_REMOVE = "member_remove"
    LANGUAGE = "language"
    START = "start"
    STATUS = "status"
    DONE = "done"
    SKIP = "skip"
    UNDO = "undo"
    BACK = "back"
    AUDIT = "audit"
    REMIND_LIST = "remind_list"
    REMIND_ADD = "remind_add"
    REMIND_REMOVE = "remind_remove"
    REMIND_PAUSE = "remind_pause"
    REMIND_RESUME = "remind_resume"
    PARTNER_LINK = "partner_link"
    PARTNER_LINK_REVOKE = "partner_link_revoke"
    PARTNER_EMAIL = "partner_email"
    NEXT_STEP = "next_step"
    WHAT_NEXT = "what_next"
    WHO_MISSING = "who_missing"
    DEADLINE = "deadline"
    ACK = "ack"


# Questions about the project answered from its own state; without a project they go to the guidance.
PROJECT_QUESTIONS = frozenset(
    {CommandKind.NEXT_STEP, CommandKind.WHAT_NEXT, CommandKind.WHO_MISSING, CommandKind.DEADLINE}
)
STEP_KINDS = frozenset(
    {CommandKind.STATUS, CommandKind.DONE, CommandKind.SKIP, CommandKind.UNDO, CommandKind.BACK}
)


class Command(BaseModel):
    """A parsed command; only the fields its kind needs are set.

    ``explicit`` is False for plain-language step words ("I'm done", "hopp over"), which only count as
    commands while the person has a procedure running; otherwise they go to the knowledge base.
    """

    model_config = ConfigDict(frozen=True)

    kind: CommandKind
    explicit: bool = True
    number: str | None = None
    end_date: date | None = None
    name: str | None = None
    country: str | None = None
    member_id: str | None = None
    role: Role | None = None
    partner_name: str | None = None
    procedure_id: str | None = None
    step_id: str | None = None
    expected_version: int | None = None
    on_date: date | None = None
    at_time: time | None = None
    text: str | None = None
    reminder_id: int | None = None
    contact_language: Language | None = None
    language: Language | None = None
    confirmed: bool = False
