"""Delivering the engine's replies to Slack: answers in threads, checklists as one message per run, private notes
as ephemeral messages, and every posted copy of a run refreshed in place after a change."""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.engine.copies import ChecklistCopies
from bot.engine.home import HomeOverview
from bot.engine.models import Reply, ReplyKind
from bot.messages import say
from bot.slack import blocks
from bot.slack.posted_lookup import ANSWER_EVENT, find_posted, metadata
from bot.slack.sender import SlackDeliveryError, SlackSender
from core.language import Language, Platform
from workflows.errors import WorkflowError

log = logging.getLogger(__name__)

Explain = Callable[[str], None]


@dataclass(frozen=True)
class Where:
    """Where a reply goes: the channel, the person it answers, the thread (None: top level) and the event."""

    channel_id: str
    user_id: str
    thread_ts: str | None
    direct: bool
    event_id: str | None = None  # carried in the posted answer's metadata (found again after a crash)


class SlackResponder:
    """Draws the engine's typed replies as Slack messages, and keeps posted checklists current.

    Args:
        sender: Web API calls with retries.
        engine: Where posted checklist copies are recorded and read.
    """

    def __init__(self, *, sender: SlackSender, engine: ChecklistCopies) -> None:
        self._sender = sender
        self._engine = engine
        # A run's checklist is looked up, posted and recorded under its lock, so a command that arrives while
        # the first copy is being posted updates that copy instead of posting a second one.
        self._run_locks: defaultdict[int, threading.Lock] = defaultdict(threading.Lock)
        self._locks_lock = threading.Lock()

    def reply(self, reply: Reply, where: Where, *, explain: Explain | None = None) -> str | None:
        """Deliver one engine reply; returns the ts of the message posted (None for private notes).

        A failure is explained to the person (``explain``) or by DM, and logged.
        """
        try:
            return self._deliver(reply, where)
        except SlackDeliveryError as error:
            self._explain_failure(error, where, reply.language, explain)
            return None

    def private(self, text: str, where: Where, *, language: Language) -> None:
        """A note only the person sees (ephemeral in channels, a normal message in a DM)."""
        params = {
            "channel": where.channel_id,
            "text": blocks.fallback_text_of(text),
            "blocks": blocks.text_blocks(text),
        }
        if where.thread_ts:
            params["thread_ts"] = where.thread_ts
        try:
            if where.direct:
                self._sender.call("chat.postMessage", **params)
            else:
                self._sender.call("chat.postEphemeral", user=where.user_id, **params)
        except SlackDeliveryError as error:
            self._explain_failure(error, where, language, None)

    def posted_answer(self, where: Where, *, since: datetime) -> str | None:
        """The ts of an answer to ``where``'s event that an earlier, crashed handler posted (found by its
        metadata), or None; None too when Slack cannot tell now (answering twice beats not answering)."""
        if not where.event_id:
            return None
        try:
            return find_posted(
                self._sender.call,
                channel=where.channel_id,
                thread_ts=where.thread_ts,
                since=since,
                event_type=ANSWER_EVENT,
                key="event_id",
                value=where.event_id,
            )
        except SlackDeliveryError as error:
            log.warning("could not look for an earlier answer to %s: %s", where.event_id, error.reason)
            return None

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
                log.warning(
                    "checklist copy %s/%s not updated: %s", posted.channel_id, posted.message_id, error.reason
                )

    def _deliver(self, reply: Reply, where: Where) -> str | None:
        if reply.kind is ReplyKind.NOTICE:
            self.private(reply.text, where, language=reply.language)
            return None
        if reply.kind is ReplyKind.ANSWER:
            return self._answer(reply, where)
        if reply.kind is ReplyKind.STEP_CHANGED:
            ts = self._post(where, text=reply.lines(), thread=True)
            if reply.changed_run_id is not None:
                self.refresh(reply.changed_run_id)
            return ts
        if reply.kind is ReplyKind.CHECKLIST and reply.checklist is not None:
            return self._checklist(reply, where)
        return self._post(where, text=reply.lines(), thread=True)

    def _answer(self, reply: Reply, where: Where) -> str:
        assert reply.answer is not None
        part = reply.answer
        posted = self._sender.call(
            "chat.postMessage",
            channel=where.channel_id,
            thread_ts=where.thread_ts,
            text=blocks.fallback_text_of(part.body),
            blocks=blocks.answer_blocks(part, language=reply.language, hint=reply.hint),
            unfurl_links=False,
            unfurl_media=False,
            **_marked(where),
        )
        return str(posted.get("ts") or "")

    def _checklist(self, reply: Reply, where: Where) -> str:
        """A started or shown run: the lead in the thread, the checklist as its own message (one per run)."""
        assert reply.checklist is not None
        with self._locks_lock:
            lock = self._run_locks[reply.checklist.run_id]
        with lock:
            return self._checklist_locked(reply, where)

    def _checklist_locked(self, reply: Reply, where: Where) -> str:
        assert reply.checklist is not None
        run_id = reply.checklist.run_id
        if self._shown_in(run_id, where.channel_id):  # one checklist message per run in a channel: update it
            ts = self._post(where, text=reply.lines(), thread=True)
            self.refresh(run_id)
            return ts
        first = self._post(where, text=reply.text, thread=True) if where.thread_ts and reply.text else None
        view = self._engine.channel_view(run_id, language=reply.language)
        answer = self._sender.call(
            "chat.postMessage",
            channel=where.channel_id,
            text=blocks.checklist_text(view),
            blocks=blocks.checklist_blocks(view),
            **({} if first else _marked(where)),
        )
        self._engine.remember_post(
            run_id=view.run_id,
            platform=Platform.SLACK,
            channel_id=str(answer.get("channel") or where.channel_id),
            message_id=str(answer["ts"]),
            language=reply.language,
        )
        return first or str(answer["ts"])

    def _shown_in(self, run_id: int, channel_id: str) -> bool:
        try:
            copies = self._engine.posted_views(run_id, platform=Platform.SLACK)
        except WorkflowError:
            return False
        return any(copy.posted.channel_id == channel_id for copy in copies)

    def _post(self, where: Where, *, text: str, thread: bool) -> str:
        params = {
            "channel": where.channel_id,
            "text": blocks.fallback_text_of(text),
            "blocks": blocks.text_blocks(text),
        }
        if thread and where.thread_ts:
            params["thread_ts"] = where.thread_ts
        return str(self._sender.call("chat.postMessage", **params, **_marked(where)).get("ts") or "")

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


def _marked(where: Where) -> dict[str, object]:
    """The metadata that finds a reply to ``where``'s event again (``bot.slack.posted_lookup``)."""
    if not where.event_id:
        return {}
    return {"metadata": metadata(ANSWER_EVENT, event_id=where.event_id)}
