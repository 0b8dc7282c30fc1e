"""Messages, installs and redeliveries: Teams activities translated to and from the engine."""

from __future__ import annotations

import logging

from microsoft_agents.activity import Activity, ActivityTypes, InvokeResponse
from microsoft_agents.hosting.core import TurnContext, TurnState

from bot.engine.models import IncomingMessage
from bot.messages import say
from bot.teams.activities import text_activity
from bot.teams.delivery import Delivery
from bot.teams.payloads import mentioned_people, split_conversation_id, strip_mentions
from bot.teams.references import channel_reference, is_personal, stored, user_key
from bot.teams.services import Blocking, TeamsServices
from core.language import Language, Platform

_log = logging.getLogger(__name__)
_OK = 200


class Listeners:
    """Handlers of messages, of the bot being added somewhere, of redeliveries and of errors."""

    def __init__(self, *, services: TeamsServices, blocking: Blocking, delivery: Delivery) -> None:
        """Answer through ``services.engine`` and send through ``delivery``."""
        self._services = services
        self._blocking = blocking
        self._delivery = delivery

    async def first_time(self, context: TurnContext, _state: TurnState) -> bool:
        """Before each turn: False (skip the turn) for an activity id already handled, by any process."""
        activity = context.activity
        if not activity.id:
            return True
        key = f"teams:{activity.id}"
        fresh = await self._blocking(self._services.engine.first_time, key=key)
        if not fresh:
            _log.info("Teams: activity %s was redelivered; not handled again", activity.id)
            if activity.type == ActivityTypes.invoke:  # Teams waits for an answer to every invoke
                await context.send_activity(
                    Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=_OK))
                )
        return fresh

    async def message(self, context: TurnContext, _state: TurnState) -> None:
        """A personal message or a channel @mention: remember where it came from, then answer it."""
        activity = context.activity
        await self._remember(activity)
        names = (activity.recipient.name,) if activity.recipient and activity.recipient.name else ()
        bot_id = activity.recipient.id if activity.recipient else None
        found = [(m.text, m.mentioned.id if m.mentioned else None) for m in activity.get_mentions()]
        text = strip_mentions(activity.text, names=names, people=mentioned_people(found, bot_id=bot_id))
        if not text:
            return
        channel_id, thread_id = split_conversation_id(activity.conversation.id)
        message = IncomingMessage(
            user_id=activity.from_property.id,
            channel_id=channel_id,
            text=text,
            platform=Platform.TEAMS,
            thread_id=thread_id,
        )
        await context.send_activity(Activity(type=ActivityTypes.typing))
        reply = await self._blocking(self._services.engine.handle, message)
        await self._delivery.reply(context, reply, channel_id=channel_id)

    async def members_added(self, context: TurnContext, _state: TurnState) -> None:
        """The bot was added to a team, channel or chat: keep the reference for reminders, say hello."""
        activity = context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if not any(member.id == bot_id for member in activity.members_added or []):
            return
        await self._remember(activity)
        await context.send_activity(text_activity(say("teams.welcome", _language(activity))))

    async def error(self, context: TurnContext, error: Exception) -> None:
        """The adapter's one error handler: log, and tell the person nothing was changed."""
        _log.error("Teams: turn failed: %s", error, exc_info=error)
        if context.activity.type == ActivityTypes.message:
            await context.send_activity(text_activity(say("error.unexpected", _language(context.activity))))

    async def _remember(self, activity: Activity) -> None:
        at = self._services.clock()
        reference = channel_reference(activity)
        channel_id = reference.conversation.id
        records = [stored(key=channel_id, reference=reference, at=at)]
        if is_personal(activity) and activity.from_property:
            records.append(stored(key=user_key(activity.from_property.id), reference=reference, at=at))
        for record in records:
            await self._blocking(self._services.store.save_conversation, conversation=record)


def _language(activity: Activity) -> Language:
    """English for an English Teams client, else Bokmål."""
    return Language.EN if (activity.locale or "").lower().startswith("en") else Language.NB
