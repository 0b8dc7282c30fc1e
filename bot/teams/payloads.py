"""Pure translations of Teams payload pieces: mention stripping, channel ids and card action data."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.teams.action_ids import FEEDBACK_VERB, STEP_VERB, VERB_KEY
from core.language import Language
from workflows.transitions import StepAction

_MESSAGE_ID = ";messageid="
_AT = re.compile(r"<at>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_M = TypeVar("_M", bound=BaseModel)


class StepData(BaseModel):
    """What a step button carries back."""

    model_config = ConfigDict(frozen=True)

    run_id: int
    step_id: str
    version: int
    action: StepAction = StepAction.DONE
    language: Language = Language.NB


class FeedbackData(BaseModel):
    """What a feedback button carries back."""

    model_config = ConfigDict(frozen=True)

    answer_id: int
    helpful: bool
    language: Language = Language.NB


def step_data(data: Mapping[str, Any] | None) -> StepData | None:
    """The step click in an action's data, or None when it is not one (or malformed)."""
    return _parse(StepData, data, STEP_VERB)


def feedback_data(data: Mapping[str, Any] | None) -> FeedbackData | None:
    """The feedback click in an action's data, or None when it is not one (or malformed)."""
    return _parse(FeedbackData, data, FEEDBACK_VERB)


def _parse(model: type[_M], data: Mapping[str, Any] | None, verb: str) -> _M | None:
    if not isinstance(data, Mapping) or data.get(VERB_KEY, verb) != verb:
        return None
    try:
        return model.model_validate({k: v for k, v in data.items() if k != VERB_KEY})
    except ValidationError:
        return None


def strip_mentions(
    text: str | None, *, names: tuple[str, ...], people: Mapping[str, str] | None = None
) -> str:
    """The text without the ``<at>…</at>`` mentions of ``names`` (the bot), tidied.

    The SDK already removes the mention of the recipient when the entity is there; this also covers a mention
    whose entity is missing. A mention of a person in ``people`` (mention text -> Teams user id) becomes
    ``<@id>``, as in Slack, so ``member add @Ana partner Escola Azul`` needs no ``29:`` id; other mentions
    become their plain names.
    """
    wanted = {n.casefold() for n in names if n}
    ids = {name.strip().casefold(): user_id for name, user_id in (people or {}).items()}

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if not wanted or inner.casefold() in wanted:
            return ""
        return f"<@{ids[inner.casefold()]}>" if inner.casefold() in ids else inner

    return " ".join(_AT.sub(replace, text or "").split())


def split_conversation_id(conversation_id: str) -> tuple[str, str | None]:
    """A Teams conversation id as (channel, thread): ``19:x@thread.tacv2;messageid=42`` -> (``19:x@…``, ``42``)."""
    channel, _, thread = conversation_id.partition(_MESSAGE_ID)
    return channel, thread or None


def mentioned_people(
    mentions: Sequence[tuple[str | None, str | None]], *, bot_id: str | None
) -> dict[str, str]:
    """Mention text (without ``<at>``) -> user id, for the people mentioned in a message (not the bot)."""
    people: dict[str, str] = {}
    for text, user_id in mentions:
        inner = _AT.sub(lambda m: m.group(1), text or "").strip()
        if inner and user_id and user_id != bot_id:
            people[inner] = user_id
    return people
