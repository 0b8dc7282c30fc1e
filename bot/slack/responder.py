"""Delivering the engine's replies to Slack: answers in threads, checklists as one message per run, private notes
as ephemeral messages, and every posted copy of a run refreshed in place after a change."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.copies import ChecklistCopies
from bot.engine.home import HomeOverview
from bot.engine.models import Reply, ReplyKind
from bot.messages import say
from bot.slack import blocks
from bot.slack.sender import SlackDeliveryError, SlackSender
from core.language import Language, Platform
from workflows.errors import WorkflowError

log = logging.getLogger(__name__)

Explain = Callable[[str], None]


@dataclass(frozen=True)
class Where:
    """Where a reply goes: the channel, the person it answers and the thread (None: top level)."""

    channel_id: str
    user_id: str
    thread_ts: str | None
    direct: bool


class SlackResponder:
    """Draws the engine's typed replies as Slack messages, and keeps posted checklists current.

    Args:
        sender: Web API calls with retries.
        engine: Where posted checklist copies are recorded and read.
    """

    def __init__(self, *, sender: SlackSender, engine: ChecklistCopies) -> None:
        self._sender = sender
        self._engine = engine

    def reply(self, reply: Reply, where: Where, *, explain: Explain | None = None) -> None:
        """Deliver one engine reply; a failure is explained to the person (``explain``) or by DM, and logged."""
        try:
            self._deliver(reply, where)
        except SlackDeliveryError as error:
            self._explain_failure(error, where, reply.language, explain)

    def private(self, text: str, where: Where, *, language: Language) -> None:
        """A note only the person sees (ephemeral in channels, a normal message in a DM)."""
        params = {"channel": where.channel_id, "text": blocks.fallback_text_of(text), "blocks": blocks.text_blocks(text)}
        if where.thread_ts:
            params["thread_ts"] = where.thread_ts
        try:
            if where.direct:
                self._sender.call("chat.postMessage", **params)
            else:
                self._sender.call("chat.postEphemeral", user=where.user_id, **params)
        except SlackDeliveryError as error:
            self._explain_failure(error, where, language, None)

    def publish_home(self, user_id: str, overview: HomeOverview) -> None:
        """Publish a person's App Home tab; a failure is logged."""
        try:
            self._sender.call("views.publish", user_id=user_id, view=blocks.home_view(overview))
        except SlackDeliveryError as error:
            log.warning("home tab of %s not published: %s", user_id, error.reason)

    def refresh(self, run_id: int) -> None:
        """Update every Slack message showing the run (``chat.update``); copies that are gone are skipped."""
        try:
            copies = self._engine.posted_views(run_id, platform=Platform.SLACK)
        except WorkflowError as error:
            log.warning("could not refresh run %s: %s", run_id, error)
            return
        for copy in copies:
            posted = copy.posted
            try:
                self._sender.call(
                    "chat.update",
                    channel=posted.channel_id,
                    ts=posted.message_id,
                    text=blocks.checklist_text(copy.view),
                    blocks=blocks.checklist_blocks(copy.view),
                )
            except SlackDeliveryError as error:
                log.warning("checklist copy %s/%s not updated: %s", posted.channel_id, posted.message_id, error.reason)

    def _deliver(self, reply: Reply, where: Where) -> None:
        if reply.kind is ReplyKind.NOTICE:
            self.private(reply.text, where, language=reply.language)
        elif reply.kind is ReplyKind.ANSWER:
            self._answer(reply, where)
        elif reply.kind is ReplyKind.STEP_CHANGED:
            self._post(where, text=reply.lines(), thread=True)
            if reply.changed_run_id is not None:
                self.refresh(reply.changed_run_id)
        elif reply.kind is ReplyKind.CHECKLIST and reply.checklist is not None:
            self._checklist(reply, where)
        else:
            self._post(where, text=reply.lines(), thread=True)

    def _answer(self, reply: Reply, where: Where) -> None:
        assert reply.answer is not None
        part = reply.answer
        self._sender.call(
            "chat.postMessage",
            channel=where.channel_id,
            thread_ts=where.thread_ts,
            text=blocks.fallback_text_of(part.body),
            blocks=blocks.answer_blocks(part, language=reply.language, hint=reply.hint),
            unfurl_links=False,
            unfurl_media=False,
        )

    def _checklist(self, reply: Reply, where: Where) -> None:
        """A started or shown run: the lead in the thread, the checklist as its own message (one per run)."""
        assert reply.checklist is not None
        run_id = reply.checklist.run_id
        if self._shown_in(run_id, where.channel_id):  # one checklist message per run in a channel: update it
            self._post(where, text=reply.lines(), thread=True)
            self.refresh(run_id)
            return
        if where.thread_ts and reply.text:
            self._post(where, text=reply.text, thread=True)
        view = self._engine.channel_view(run_id, language=reply.language)
        answer = self._sender.call(
            "chat.postMessage",
            channel=where.channel_id,
            text=blocks.checklist_text(view),
            blocks=blocks.checklist_blocks(view),
        )
        self._engine.remember_post(
            run_id=view.run_id,
            platform=Platform.SLACK,
            channel_id=str(answer.get("channel") or where.channel_id),
            message_id=str(answer["ts"]),
            language=reply.language,
        )

    def _shown_in(self, run_id: int, channel_id: str) -> bool:
        try:
            copies = self._engine.posted_views(run_id, platform=Platform.SLACK)
        except WorkflowError:
            return False
        return any(copy.posted.channel_id == channel_id for copy in copies)

    def _post(self, where: Where, *, text: str, thread: bool) -> None:
        params = {"channel": where.channel_id, "text": blocks.fallback_text_of(text), "blocks": blocks.text_blocks(text)}
        if thread and where.thread_ts:
            params["thread_ts"] = where.thread_ts
        self._sender.call("chat.postMessage", **params)

    def _explain_failure(
        self, error: SlackDeliveryError, where: Where, language: Language, explain: Explain | None
    ) -> None:
        key = {"not_in_channel": "chat.not_in_channel", "channel_not_found": "chat.channel_not_found"}.get(
            error.reason, "error.unexpected"
        )
        text = say(key, language)
        log.warning("reply to %s in %s not delivered: %s", where.user_id, where.channel_id, error.reason)
        if explain is not None:
            explain(text)
            return
        try:
            opened = self._sender.call("conversations.open", users=where.user_id)
            self._sender.call("chat.postMessage", channel=opened["channel"]["id"], text=text)
        except (SlackDeliveryError, KeyError, TypeError) as again:
            log.error("could not tell %s that a reply failed (%s): %s", where.user_id, error.reason, again)
