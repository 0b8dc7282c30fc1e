"""Conversation references for proactive posts: what is stored, under which key, and how it comes back."""

from __future__ import annotations

from datetime import datetime

from microsoft_agents.activity import Activity, ConversationAccount, ConversationReference

from bot.teams.payloads import split_conversation_id
from core.language import Platform
from core.records import StoredConversation

_USER_PREFIX = "teams-user:"
PERSONAL = "personal"


def user_key(user_id: str) -> str:
    """The directory key of a person's personal chat with the bot (channel ids never look like this)."""
    return f"{_USER_PREFIX}{user_id}"


def channel_reference(activity: Activity) -> ConversationReference:
    """The reference of the activity's channel (a thread's channel, not the thread), pointing at no message."""
    reference = activity.get_conversation_reference()
    conversation = activity.conversation
    channel, _thread = split_conversation_id(conversation.id)
    reference.conversation = conversation.model_copy(update={"id": channel})
    reference.activity_id = None
    return reference


def stored(*, key: str, reference: ConversationReference, at: datetime) -> StoredConversation:
    """A reference as the directory keeps it (JSON)."""
    text = reference.model_dump_json(by_alias=True, exclude_none=True)
    return StoredConversation(channel_id=key, platform=Platform.TEAMS.value, reference=text, updated_at=at)


def loaded(conversation: StoredConversation) -> ConversationReference:
    """The SDK reference back from the directory."""
    return ConversationReference.model_validate_json(conversation.reference)


def personal_reference(reference: ConversationReference, *, conversation_id: str) -> ConversationReference:
    """``reference`` moved to a newly created personal chat (same bot, person and service URL)."""
    tenant = reference.conversation.tenant_id
    conversation = ConversationAccount(id=conversation_id, conversation_type=PERSONAL, tenant_id=tenant)
    return reference.model_copy(update={"conversation": conversation, "activity_id": None})


def is_personal(activity: Activity) -> bool:
    """True in a one-to-one chat with the bot."""
    return (activity.conversation.conversation_type or PERSONAL) == PERSONAL
