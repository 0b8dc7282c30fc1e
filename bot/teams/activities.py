"""Outgoing Teams activities, built by pure functions (text, cards, mentions)."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    Entity,
    EntityTypes,
    Mention,
)

from bot.teams.action_ids import ADAPTIVE_CARD
from bot.teams.cards import Card
from workflows.display import draw_people


def text_activity(text: str) -> Activity:
    """A plain message (Teams renders its Markdown); a person it names is shown by their id."""
    return Activity(type=ActivityTypes.message, text=draw_people(text))


def card_activity(card: Card) -> Activity:
    """A message holding one Adaptive Card."""
    return Activity(
        type=ActivityTypes.message, attachments=[Attachment(content_type=ADAPTIVE_CARD, content=card)]
    )


def mention_activity(text: str, people: Sequence[ChannelAccount]) -> Activity:
    """``text`` after an ``<at>`` mention of each person, with the mention entities Teams needs to notify them."""
    tags = [f"<at>{person.name or person.id}</at>" for person in people]
    entities: list[Entity] = [
        Mention(
            mentioned=ChannelAccount(id=person.id, name=person.name or person.id),
            text=tag,
            type=EntityTypes.MENTION,
        )
        for person, tag in zip(people, tags, strict=True)
    ]
    body = " ".join([*tags, text]) if tags else text
    activity = Activity(type=ActivityTypes.message, text=body)
    if entities:
        activity.entities = entities
    return activity
