"""Typed messages in and replies out of the conversation engine."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from knowledge.models import Answer, Language


class Platform(StrEnum):
    """Where a message came from."""

    TERMINAL = "terminal"
    SLACK = "slack"
    TEAMS = "teams"


class IncomingMessage(BaseModel):
    """One message from a person, already translated out of the platform's payload."""

    model_config = ConfigDict(frozen=True)

    user_id: str
    channel_id: str
    text: str
    platform: Platform = Platform.TERMINAL
    thread_id: str | None = None
    language: Language | None = Field(default=None, description="Detected by the engine when not given.")


class Reply(BaseModel):
    """What the engine answers; adapters render it for their platform."""

    model_config = ConfigDict(frozen=True)

    text: str
    language: Language
    answer: Answer | None = None
    checklist: Any | None = Field(default=None, description="A workflows checklist view, when one is shown.")
    private: bool = Field(default=False, description="Show only to the sender (e.g. refusals, help).")
    changed_run_id: int | None = Field(
        default=None, description="The run this message changed; adapters refresh its posted checklists."
    )
    sets_language: bool = Field(
        default=False, description="The person chose ``language`` for themselves (``language en``)."
    )
