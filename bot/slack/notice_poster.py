"""Notices (reminders, failure reports) posted to Slack: the ``NoticePoster`` of the Slack platform.

Posts through the one Slack sender (``bot.slack.sender``) with a single attempt, so that a 429 reaches the
reminder ticker once, as ``DeliveryFailed(retry_after=…)``, and is never retried twice over.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from bot.messages import say
from bot.slack.formatting import escape, link, mention
from bot.slack.posted_lookup import REMINDER_EVENT, find_posted, metadata
from bot.slack.sender import SlackDeliveryError, SlackSender
from core.language import Language, Platform
from core.records import ChecklistMessages, PostedChecklist
from workflows.notices import DeliveryFailed, Notice

log = logging.getLogger(__name__)


def message_link(channel_id: str, ts: str) -> str:
    """A link to a Slack message (slack.com redirects it to the workspace)."""
    return f"https://slack.com/archives/{channel_id}/p{ts.replace('.', '')}"


def notice_text(notice: Notice, *, checklist: PostedChecklist | None) -> str:
    """The message text: the mentions, the escaped notice and a link to the posted checklist, if any."""
    mentions = " ".join(mention(user_id) for user_id in notice.mention_user_ids)
    lines = [f"{mentions} {escape(notice.text)}".strip()]
    if checklist is not None:
        label = say("reminder.checklist_link", Language(checklist.language))
        lines.append(link(message_link(checklist.channel_id, checklist.message_id), label))
    return "\n".join(lines)


def _slack_copy(copies: Sequence[PostedChecklist], channel_id: str) -> PostedChecklist | None:
    slack = [c for c in copies if c.platform == Platform.SLACK.value]
    same_channel = [c for c in slack if c.channel_id == channel_id]
    found = same_channel or slack
    return found[0] if found else None


class SlackNoticePoster:
    """Posts notices with ``chat.postMessage`` and direct messages via ``conversations.open``.

    Args:
        sender: The Slack sender; give it one attempt (the reminder ticker decides when to retry).
        checklists: Posted checklist copies to link to.
    """

    def __init__(self, *, sender: SlackSender, checklists: ChecklistMessages | None = None) -> None:
        self._sender = sender
        self._checklists = checklists

    def post(self, notice: Notice) -> str:
        """Post ``notice`` to its channel; returns the message ``ts``. Raises DeliveryFailed.

        The notice's marker goes into the message metadata; when an earlier attempt may have been posted, the
        channel's history is searched for it first and its ts returned instead of posting again.
        """
        earlier = self._posted_before(notice)
        if earlier is not None:
            log.info("notice %s was posted before (%s); not posted again", notice.marker, earlier)
            return earlier
        copy = None
        if notice.run_id is not None and self._checklists is not None:
            copy = _slack_copy(self._checklists.for_run(run_id=notice.run_id), notice.channel_id)
        text = notice_text(notice, checklist=copy)
        marked = {"metadata": metadata(REMINDER_EVENT, reminder_id=notice.marker)} if notice.marker else {}
        response = self._call(
            "chat.postMessage",
            channel=notice.channel_id,
            text=text,
            link_names=False,
            unfurl_links=False,
            **marked,
        )
        return str(response["ts"])

    def _posted_before(self, notice: Notice) -> str | None:
        if notice.marker is None or notice.posted_since is None:
            return None
        try:
            return find_posted(
                self._call,
                channel=notice.channel_id,
                thread_ts=None,
                since=notice.posted_since,
                event_type=REMINDER_EVENT,
                key="reminder_id",
                value=notice.marker,
            )
        except DeliveryFailed as failure:
            if not failure.permanent and failure.reason not in ("missing_scope", "not_allowed_token_type"):
                raise  # cannot tell now; the ticker retries later
            log.warning("cannot look for an earlier post of %s (%s); posting", notice.marker, failure.reason)
            return None

    def direct(self, *, user_id: str, text: str) -> None:
        """Send ``text`` to one person in a direct message. Raises DeliveryFailed."""
        opened = self._call("conversations.open", users=user_id)
        channel = opened["channel"]["id"]
        self._call("chat.postMessage", channel=channel, text=escape(text), link_names=False)

    def _call(self, method: str, **params: object) -> dict[str, Any]:
        try:
            return self._sender.call(method, **params)
        except SlackDeliveryError as error:
            raise DeliveryFailed(
                error.reason, retry_after=error.retry_after, permanent=error.permanent
            ) from error
