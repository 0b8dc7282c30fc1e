"""The Agents SDK application: which activity goes to which handler."""

from __future__ import annotations

from dataclasses import dataclass

from microsoft_agents.hosting.core import AgentApplication, MemoryStorage, TurnState

from bot.teams.action_ids import FEEDBACK_VERB, STEP_VERB
from bot.teams.card_updates import CardUpdates
from bot.teams.clicks import Clicks
from bot.teams.delivery import Delivery
from bot.teams.listeners import Listeners
from bot.teams.sdk import TeamsSdk
from bot.teams.services import Blocking, TeamsServices


@dataclass(frozen=True)
class TeamsBot:
    """The running bot: the SDK application and the worker its handlers share."""

    app: AgentApplication[TurnState]
    sdk: TeamsSdk
    blocking: Blocking


def build_bot(*, sdk: TeamsSdk, services: TeamsServices) -> TeamsBot:
    """The application with its routes: card actions first, then messages and installs."""
    blocking = Blocking()
    updates = CardUpdates(sdk=sdk, services=services, blocking=blocking)
    delivery = Delivery(services=services, blocking=blocking, updates=updates)
    listeners = Listeners(services=services, blocking=blocking, delivery=delivery)
    clicks = Clicks(services=services, blocking=blocking, delivery=delivery, updates=updates)
    app = AgentApplication[TurnState](
        storage=MemoryStorage(), connection_manager=sdk.connections, start_typing_timer=False, **sdk.config
    )
    app.before_turn(listeners.first_time)
    app.adaptive_card.action_execute(STEP_VERB)(clicks.step_execute)
    app.adaptive_card.action_submit(STEP_VERB)(clicks.step_submit)
    app.adaptive_card.action_submit(FEEDBACK_VERB)(clicks.feedback_submit)
    app.conversation_update("membersAdded")(listeners.members_added)
    app.message()(listeners.message)
    app.error(listeners.error)
    return TeamsBot(app=app, sdk=sdk, blocking=blocking)
