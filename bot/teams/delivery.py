"""Sending the engine's replies in a turn: answer cards, checklist cards, text, and private replies.

Teams has no ephemeral messages. A private reply in a channel or group chat (a refusal, help, a feedback
thank-you) goes to the person's personal chat with the bot, created on the spot; when that fails (e.g. the app is
not installed for the person), it is posted in the thread, addressed to the person with an @mention and a note.
"""

from __future__ import annotations

import logging

import aiohttp
from microsoft_agents.activity import Activity, ChannelAccount, ConversationParameters
from microsoft_agents.hosting.core import TurnContext

from bot.engine.models import Reply, ReplyKind
from bot.messages import say
from bot.teams.activities import card_activity, mention_activity, text_activity
from bot.teams.card_updates import CardUpdates
from bot.teams.cards import answer_card, checklist_card
from bot.teams.proactive import turn_connector
from bot.teams.references import is_personal, personal_reference, stored, user_key
from bot.teams.services import Blocking, TeamsServices
from core.language import Language, Platform
from workflows.views import ChecklistView

_log = logging.getLogger(__name__)


class Delivery:
    """Turns a ``Reply`` into Teams messages in the current turn."""

    def __init__(self, *, services: TeamsServices, blocking: Blocking, updates: CardUpdates) -> None:
        """Use ``services`` to record posted checklists and ``updates`` to refresh them in place."""
        self._services = services
        self._blocking = blocking
        self._updates = updates

    async def reply(self, context: TurnContext, reply: Reply, *, channel_id: str) -> None:
        """Send ``reply`` where the message came from (privately when it is private)."""
        if reply.private and not is_personal(context.activity):
            await self.private(context, [text_activity(reply.text)], language=reply.language)
        elif reply.kind is ReplyKind.ANSWER:
            await context.send_activity(card_activity(answer_card(reply)))
        elif reply.kind is ReplyKind.STEP_CHANGED:  # a typed tick: a short line, the posted cards updated
            await context.send_activity(text_activity(reply.lines()))
            if reply.changed_run_id is not None:
                await self._updates.refresh(context, reply.changed_run_id)
        elif reply.checklist is not None:
            await self._checklist(context, reply, reply.checklist, channel_id=channel_id)
        else:
            await context.send_activity(text_activity(reply.lines()))

    async def private(self, context: TurnContext, activities: list[Activity], *, language: Language) -> None:
        """Send ``activities`` to the sender alone: their personal chat, or the thread with a note."""
        if is_personal(context.activity):
            await context.send_activities(activities)
            return
        try:
            await self._to_personal_chat(context, activities)
        except (aiohttp.ClientError, ValueError, RuntimeError) as error:
            _log.warning("Teams: no personal chat for a private reply (%s); replying in the thread", error)
            sender = context.activity.from_property
            note = say("teams.private_fallback", language, name=sender.name or sender.id)
            texts = [a.text for a in activities if a.text]
            await context.send_activity(mention_activity("\n\n".join([note, *texts]), [sender]))
            cards = [a for a in activities if a.attachments]
            if cards:
                await context.send_activities(cards)

    async def _checklist(
        self, context: TurnContext, reply: Reply, view: ChecklistView, *, channel_id: str
    ) -> None:
        """A started or shown run: the lead, then the checklist card (one per run and channel, updated in place)."""
        engine = self._services.engine
        if reply.lines().strip():
            await context.send_activity(text_activity(reply.lines()))
        if await self._updates.shown_in(view.run_id, channel_id=channel_id):
            await self._updates.refresh(context, view.run_id)
            return
        posted = await self._blocking(engine.channel_view, view.run_id, language=view.language)
        response = await context.send_activity(card_activity(checklist_card(posted)))
        if response and response.id:
            await self._blocking(
                engine.remember_post,
                run_id=view.run_id,
                platform=Platform.TEAMS,
                channel_id=channel_id,
                message_id=response.id,
                language=view.language,
            )

    async def _to_personal_chat(self, context: TurnContext, activities: list[Activity]) -> None:
        connector = turn_connector(context)
        incoming = context.activity
        sender: ChannelAccount = incoming.from_property
        tenant = incoming.conversation.tenant_id
        parameters = ConversationParameters.model_validate(
            {
                "is_group": False,
                "agent": incoming.recipient,
                "members": [ChannelAccount(id=sender.id, name=sender.name)],
                "tenant_id": tenant,
                "channel_data": {"tenant": {"id": tenant}} if tenant else None,
            }
        )
        created = await connector.conversations.create_conversation(parameters)
        if not created.id:
            raise ValueError("the connector created no conversation")
        reference = personal_reference(incoming.get_conversation_reference(), conversation_id=created.id)
        for activity in activities:
            outgoing = activity.apply_conversation_reference(reference)
            await connector.conversations.send_to_conversation(created.id, outgoing)
        record = stored(key=user_key(sender.id), reference=reference, at=self._services.clock())
        await self._blocking(self._services.store.save_conversation, conversation=record)
