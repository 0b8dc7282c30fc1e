"""Card buttons: ticking steps (Action.Submit and Action.Execute) and feedback on answers.

After a tick every Teams copy of the checklist (``ChecklistActions.copies``) is updated in place; a tick that
completes the run also tells the clicker privately what comes next. For
Action.Execute the clicked card comes back refreshed in the invoke response; a refusal comes back as a message
response, which Teams shows to the clicker alone.
"""

from __future__ import annotations

from typing import Any

from microsoft_agents.activity import AdaptiveCardInvokeResponse, ContentTypes
from microsoft_agents.hosting.core import TurnContext, TurnState

from bot.engine.actions import StepClick
from bot.engine.front import FeedbackClick
from bot.engine.models import Reply
from bot.teams.activities import text_activity
from bot.teams.card_updates import CardUpdates
from bot.teams.cards import checklist_card
from bot.teams.delivery import Delivery
from bot.teams.payloads import StepData, feedback_data, split_conversation_id, step_data
from bot.teams.services import Blocking, TeamsServices
from core.language import Platform
from workflows.display import draw_people
from workflows.views import ChecklistView

_OK = 200
_BAD_REQUEST = 400


class Clicks:
    """Handlers of the card actions."""

    def __init__(
        self, *, services: TeamsServices, blocking: Blocking, delivery: Delivery, updates: CardUpdates
    ) -> None:
        """Apply clicks through ``services``; refresh the posted copies through ``updates``."""
        self._updates = updates
        self._services = services
        self._blocking = blocking
        self._delivery = delivery

    async def step_submit(self, context: TurnContext, _state: TurnState, data: Any) -> None:
        """Action.Submit on a step: tick, then refresh every copy (a refusal goes privately to the clicker)."""
        step = step_data(data)
        if step is None:
            return
        reply = await self._click(context, step)
        if reply.checklist is None:
            if reply.text:
                await self._delivery.private(context, [text_activity(reply.text)], language=reply.language)
            return
        await self._refresh(context, reply.checklist, skip_message_id=None)
        await self._confirm(context, reply)

    async def step_execute(
        self, context: TurnContext, _state: TurnState, data: Any
    ) -> AdaptiveCardInvokeResponse:
        """Action.Execute on a step: tick, refresh the other copies, answer with the refreshed card."""
        step = step_data(data)
        if step is None:
            return AdaptiveCardInvokeResponse(
                status_code=_BAD_REQUEST, type=ContentTypes.error, value="bad data"
            )
        reply = await self._click(context, step)
        if reply.checklist is None:
            return AdaptiveCardInvokeResponse(
                status_code=_OK, type=ContentTypes.message, value=draw_people(reply.text)
            )
        card = await self._refresh(context, reply.checklist, skip_message_id=context.activity.reply_to_id)
        await self._confirm(context, reply)
        return AdaptiveCardInvokeResponse(status_code=_OK, type=ContentTypes.adaptive_card, value=card)

    async def feedback_submit(self, context: TurnContext, _state: TurnState, data: Any) -> None:
        """Helpful / not helpful: store the verdict and thank the person privately."""
        verdict = feedback_data(data)
        if verdict is None:
            return
        click = FeedbackClick(
            platform=Platform.TEAMS,
            user_id=context.activity.from_property.id,
            answer_id=verdict.answer_id,
            helpful=verdict.helpful,
            language=verdict.language,
        )
        reply = await self._blocking(self._services.engine.feedback, click)
        await self._delivery.private(context, [text_activity(reply.text)], language=reply.language)

    async def _confirm(self, context: TurnContext, reply: Reply) -> None:
        """When the click completed the run: what comes next, for the clicker alone (as after a typed tick)."""
        if reply.text:
            await self._delivery.private(context, [text_activity(reply.text)], language=reply.language)

    async def _click(self, context: TurnContext, step: StepData) -> Reply:
        channel_id, _thread = split_conversation_id(context.activity.conversation.id)
        user_id = context.activity.from_property.id
        known = await self._blocking(
            self._services.engine.stored_language, platform=Platform.TEAMS, user_id=user_id
        )
        click = StepClick(
            platform=Platform.TEAMS,
            user_id=user_id,
            channel_id=channel_id,
            run_id=step.run_id,
            step_id=step.step_id,
            version=step.version,
            action=step.action,
            language=known or step.language,
            language_known=known is not None,  # else the card's: the project's choice for the clicker holds
        )
        return await self._blocking(self._services.engine.click, click)

    async def _refresh(
        self, context: TurnContext, clicked: ChecklistView, *, skip_message_id: str | None
    ) -> dict[str, Any]:
        """Update every Teams copy of the run but ``skip_message_id``; returns the clicked card."""
        await self._updates.refresh(context, clicked.run_id, skip_message_id=skip_message_id)
        return checklist_card(clicked)
