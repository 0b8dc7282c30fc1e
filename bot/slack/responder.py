"""Delivering the engine's replies to Slack: answers in threads, checklists as one message per run, private notes
as ephemeral messages, and every posted copy of a run refreshed in place after a change."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.actions import ChecklistActions, FeedbackActions
from bot.engine.models import Platform, Reply
from bot.slack import blocks
from bot.slack.sender import SlackDeliveryError, SlackSender
from knowledge.models import Language
from workflows.errors import WorkflowError
from workflows.messages import say
from workflows.views import ChecklistView

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
    """Posts replies and keeps posted checklists current.

    Args:
        sender: Web API calls with retries.
        actions: Posted checklist copies and run states.
        feedback: Stores answers so feedback buttons can point at them.
    """

    def __init__(self, *, sender: SlackSender, actions: ChecklistActions, feedback: FeedbackActions) -> None:
        self._sender = sender
        self._actions = actions
        self._feedback = feedback

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

    def adopt(self, run_id: int, *, channel_id: str, message_ts: str, language: Language) -> None:
        """Make sure a clicked checklist message is among the run's known copies (its post may still be
        on its way to the database when the first click arrives)."""
        try:
            known = {(c.channel_id, c.message_id) for c in self._actions.copies(run_id)}
            if (channel_id, message_ts) not in known:
                self._actions.remember_post(
                    run_id=run_id, platform=Platform.SLACK, channel_id=channel_id, message_id=message_ts,
                    language=language,
                )
        except WorkflowError as error:
            log.warning("clicked checklist %s/%s not recorded: %s", channel_id, message_ts, error)

    def refresh(self, run_id: int) -> None:
        """Update every Slack message showing the run (``chat.update``); copies that are gone are skipped."""
        try:
            state = self._actions.run_state(run_id)
            copies = [c for c in self._actions.copies(run_id) if c.platform == Platform.SLACK.value]
        except WorkflowError as error:
            log.warning("could not refresh run %s: %s", run_id, error)
            return
        for copy in copies:
            view = self._actions.channel_view(state, language=Language(copy.language))
            try:
                self._sender.call(
                    "chat.update",
                    channel=copy.channel_id,
                    ts=copy.message_id,
                    text=blocks.checklist_text(view),
                    blocks=blocks.checklist_blocks(view),
                )
            except SlackDeliveryError as error:
                log.warning("checklist copy %s/%s not updated: %s", copy.channel_id, copy.message_id, error.reason)

    def _deliver(self, reply: Reply, where: Where) -> None:
        if reply.private:
            self.private(reply.text, where, language=reply.language)
            return
        if reply.answer is not None:
            self._answer(reply, where)
            return
        if reply.changed_run_id is not None:
            self._post(where, text=reply.text, thread=True)
            self.refresh(reply.changed_run_id)
            return
        if isinstance(reply.checklist, ChecklistView):
            self._checklist(reply, where)
            return
        self._post(where, text=reply.text, thread=True)

    def _answer(self, reply: Reply, where: Where) -> None:
        assert reply.answer is not None
        answer = reply.answer
        answer_id = self._feedback.record_answer(
            answer=answer, platform=Platform.SLACK, channel_id=where.channel_id, user_id=where.user_id
        )
        hint = reply.text[len(answer.text) :].strip() if reply.text.startswith(answer.text) else None
        self._sender.call(
            "chat.postMessage",
            channel=where.channel_id,
            thread_ts=where.thread_ts,
            text=blocks.fallback_text_of(answer.body or answer.text),
            blocks=blocks.answer_blocks(answer, answer_id=answer_id, hint=hint or None),
            unfurl_links=False,
            unfurl_media=False,
        )

    def _checklist(self, reply: Reply, where: Where) -> None:
        """A started or shown run: the lead in the thread, the checklist as its own message (one per run)."""
        assert isinstance(reply.checklist, ChecklistView)
        lead = reply.text.split("\n\n", 1)[0]
        shown = [
            c
            for c in self._actions.copies(reply.checklist.run_id)
            if c.platform == Platform.SLACK.value and c.channel_id == where.channel_id
        ]
        if shown:  # one checklist message per run in a channel: update it in place, answer with the text
            self._post(where, text=reply.text, thread=True)
            self.refresh(reply.checklist.run_id)
            return
        if where.thread_ts and lead:
            self._post(where, text=lead, thread=True)
        state = self._actions.run_state(reply.checklist.run_id)
        view = self._actions.channel_view(state, language=reply.language)
        answer = self._sender.call(
            "chat.postMessage",
            channel=where.channel_id,
            text=blocks.checklist_text(view),
            blocks=blocks.checklist_blocks(view),
        )
        self._actions.remember_post(
            run_id=view.run_id,
            platform=Platform.SLACK,
            channel_id=str(answer.get("channel") or where.channel_id),
            message_id=str(answer["ts"]),
            language=reply.language,
        )

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
