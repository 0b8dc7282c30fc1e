"""Notices (reminders, failure reports) posted to Slack: the ``NoticePoster`` of the Slack platform.

Uses the real ``slack_sdk.WebClient``; its own retry handlers are off so that a 429 reaches the reminder
ticker once, as ``DeliveryFailed(retry_after=…)``, and is never retried twice over.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.engine.records import ChecklistMessages, PostedChecklist
from bot.slack.posted_lookup import REMINDER_EVENT, find_posted, metadata
from knowledge.models import Language
from workflows.messages import say
from workflows.notices import DeliveryFailed, Notice

log = logging.getLogger(__name__)
PERMANENT_ERRORS = frozenset(
    {"not_in_channel", "channel_not_found", "is_archived", "account_inactive", "invalid_auth", "not_authed"}
)
PLATFORM = "slack"


def escape_mrkdwn(text: str) -> str:
    """Text safe for Slack: ``&``, ``<`` and ``>`` escaped, so nothing becomes a link or ``<!channel>``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def message_link(channel_id: str, ts: str) -> str:
    """A link to a Slack message (slack.com redirects it to the workspace)."""
    return f"https://slack.com/archives/{channel_id}/p{ts.replace('.', '')}"


def notice_text(notice: Notice, *, checklist: PostedChecklist | None) -> str:
    """The message text: the mentions, the escaped notice and a link to the posted checklist, if any."""
    mentions = " ".join(f"<@{escape_mrkdwn(user_id)}>" for user_id in notice.mention_user_ids)
    lines = [f"{mentions} {escape_mrkdwn(notice.text)}".strip()]
    if checklist is not None:
        label = say("reminder.checklist_link", Language(checklist.language))
        lines.append(f"<{message_link(checklist.channel_id, checklist.message_id)}|{label}>")
    return "\n".join(lines)


def _slack_copy(copies: Sequence[PostedChecklist], channel_id: str) -> PostedChecklist | None:
    slack = [c for c in copies if c.platform == PLATFORM]
    same_channel = [c for c in slack if c.channel_id == channel_id]
    found = same_channel or slack
    return found[0] if found else None


class SlackNoticePoster:
    """Posts notices with ``chat.postMessage`` and direct messages via ``conversations.open``."""

    def __init__(self, *, client: WebClient, checklists: ChecklistMessages | None = None) -> None:
        """Post through ``client``; link to the checklist copies ``checklists`` knows of."""
        self._client = client
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
            "chat.postMessage", channel=notice.channel_id, text=text, link_names=False, unfurl_links=False, **marked
        )
        return str(response["ts"])

    def _posted_before(self, notice: Notice) -> str | None:
        if notice.marker is None or notice.posted_since is None:
            return None
        try:
            return find_posted(
                self._call, channel=notice.channel_id, thread_ts=None, since=notice.posted_since,
                event_type=REMINDER_EVENT, key="reminder_id", value=notice.marker,
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
        self._call("chat.postMessage", channel=channel, text=escape_mrkdwn(text), link_names=False)

    def _call(self, method: str, **params: object) -> dict[str, Any]:
        try:
            response = self._client.api_call(method, json=params)
        except SlackApiError as error:
            raise _delivery_failed(error) from error
        except (URLError, OSError, TimeoutError) as error:
            raise DeliveryFailed("unreachable") from error
        return dict(response.data) if isinstance(response.data, dict) else {}


def _delivery_failed(error: SlackApiError) -> DeliveryFailed:
    response = error.response
    reason = str(response.get("error") or "slack_error") if isinstance(response.data, dict) else "slack_error"
    if response.status_code == 429:
        header = response.headers.get("Retry-After") or response.headers.get("retry-after") or "1"
        return DeliveryFailed("ratelimited", retry_after=float(header))
    return DeliveryFailed(reason, permanent=reason in PERMANENT_ERRORS)


def build_client(*, token: str | None, base_url: str | None) -> WebClient:
    """A WebClient without automatic retries (the reminder ticker decides when to retry)."""
    return WebClient(token=token, base_url=base_url or WebClient.BASE_URL, retry_handlers=[])
