"""Issue 12's story through Slack over loopback: a real ``rapportlos serve slack --http`` process, signed events,
slash commands and button clicks, and the local Web API stand-in. The same story as the terminal one
(``tests/bot/terminal/test_story.py``): a Norwegian coordinator and two partners abroad writing English, a restart
in the middle (a new process on the same database), ending with a submitted report and a started upload; every
reply in the right language, no raw step ids, no dead end."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.bot.slack.harness import SECRET, Transport, bot_process, buttons, mention, message, texts, unique
from tests.stand_ins.slack_requests import SignedPoster
from tests.stand_ins.slack_web_api import Call, SlackWebApi

pytestmark = pytest.mark.slow

NUMBER = "2022-1-NO01-KA229-012345"
RAW_IDS = (
    "qualitative-content",
    "ready-for-submission",
    "partner-use-of-funds",
    "partner-confirmation",
    "[submit]",
)
WAIT = 120  # seconds per awaited reply: the machine may be busy
SHOWN = ("chat.postMessage", "chat.postEphemeral", "chat.update", "response_url", "views.publish")
# Lines of the other language that must never reach a person (the catalogue's leads and joins).
ENGLISH = ("Ticked:", "Skipped:", 'Type "', "Your next", "You have", "is added", "cannot be ticked", "Next for you",
           "now belongs", "is due", "Something went wrong")  # fmt: skip
NORWEGIAN = ("Avkrysset", "Hoppet over", "Skriv «", "Neste for deg", "Du har", "er lagt til", "kan ikke krysses",
             "mangler", "Fristen", " og ", "Noe gikk galt")  # fmt: skip

Where = Callable[[Call], bool]


class Story:
    """The project channel as its three people use it; every reply the bot addresses to a person is kept."""

    def __init__(self, api: SlackWebApi, channel: str) -> None:
        self.api = api
        self.channel = channel
        self.transport: Transport | None = None
        self.checklist: dict[str, Any] = {}  # the posted final-report checklist: its ts and what was posted
        self.said: dict[str, list[str]] = {}
        self.replies: list[Call] = []  # the replies to @mentions (answers carry feedback buttons)

    def connect(self, port: int | None) -> None:
        """Reach the (new) process listening on ``port``."""
        poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
        self.transport = Transport(api=self.api, poster=poster, socket=None)

    @property
    def run(self) -> Transport:
        assert self.transport is not None
        return self.transport

    def _in_channel(self, call: Call) -> bool:
        return call.status == 200 and call.params.get("channel") == self.channel

    def _next(self, method: str, where: Where, act: Callable[[], None], *, refreshes: bool = False) -> Call:
        """Do ``act`` and wait for the next ``method`` call matching ``where`` (and for the checklist's refresh)."""
        seen = len([c for c in self.api.calls_to(method) if where(c)])
        updates = len(self._updates())
        act()
        found = self.api.wait_for(method, where=where, count=seen + 1, timeout=WAIT)
        if refreshes:
            self.api.wait_for("chat.update", where=self._is_update, count=updates + 1, timeout=WAIT)
        return found[seen]

    def _keep(self, user: str, call: Call) -> str:
        shown = texts(call)
        self.said.setdefault(user, []).append(shown)
        return shown

    def ask(self, user: str, text: str) -> str:
        """An @mention in the channel; the reply in its thread."""
        event = mention(text, user=user, channel=self.channel)
        where = lambda c: self._in_channel(c) and c.params.get("thread_ts") == event["ts"]  # noqa: E731
        call = self._next("chat.postMessage", where, lambda: self.run.event(event))
        self.replies.append(call)
        return self._keep(user, call)

    def command(self, user: str, text: str, *, refreshes: bool = False) -> str:
        """``/erasmus <text>`` in the channel; its public reply at the channel's top level."""
        where = lambda c: self._in_channel(c) and not c.params.get("thread_ts")  # noqa: E731
        act = lambda: self.run.command(text, user=user, channel=self.channel)  # noqa: E731
        return self._keep(user, self._next("chat.postMessage", where, act, refreshes=refreshes))

    def in_thread(self, user: str, text: str) -> str:
        """A plain message in the checklist's thread (a tick); the reply in that thread."""
        event = message(text, user=user, channel=self.channel, thread_ts=self.checklist["ts"])
        where = lambda c: self._in_channel(c) and c.params.get("thread_ts") == self.checklist["ts"]  # noqa: E731
        call = self._next("chat.postMessage", where, lambda: self.run.event(event), refreshes=True)
        return self._keep(user, call)

    def _is_update(self, call: Call) -> bool:
        return self._in_channel(call) and call.params.get("ts") == self.checklist.get("ts")

    def _updates(self) -> list[Call]:
        return [c for c in self.api.calls_to("chat.update") if self._is_update(c)]

    def latest(self) -> Call:
        """The checklist as it is shown now (its newest update, else its first post)."""
        updates = self._updates()
        return updates[-1] if updates else self.checklist["call"]

    def _click(self, user: str, step: str, kind: str) -> Callable[[], None]:
        action = f"{kind}:{step}"
        value = buttons(self.latest())[action]
        posted = {"ts": self.checklist["ts"], **self.checklist["call"].params}
        return lambda: self.run.click(
            user=user, channel=self.channel, message=posted, action_id=action, value=value
        )

    def tick(self, user: str, step: str, kind: str = "step_done") -> str:
        """A button on the checklist that changes it: the checklist updated in place."""
        return texts(self._next("chat.update", self._is_update, self._click(user, step, kind)))

    def tick_privately(self, user: str, step: str) -> str:
        """A button that completes the run: the checklist updated in place and a private note for the clicker."""
        where = lambda c: self._in_channel(c) and c.params.get("user") == user  # noqa: E731
        click = self._click(user, step, "step_done")
        return self._keep(user, self._next("chat.postEphemeral", where, click, refreshes=True))

    def feedback(self, user: str, answer: Call, action: str = "feedback_helpful") -> str:
        """A helpful / not helpful button under an answer: the thanks, privately."""
        where = lambda c: self._in_channel(c) and c.params.get("user") == user  # noqa: E731
        posted = {"ts": answer.response["ts"], **answer.params}
        act = lambda: self.run.click(  # noqa: E731
            user=user, channel=self.channel, message=posted, action_id=action, value=buttons(answer)[action]
        )
        return self._keep(user, self._next("chat.postEphemeral", where, act))

    def refused(self, user: str, step: str) -> str:
        """A button that may not be pressed yet: a private note for the clicker, nothing changes."""
        where = lambda c: self._in_channel(c) and c.params.get("user") == user  # noqa: E731
        before = len(self._updates())
        shown = self._keep(
            user, self._next("chat.postEphemeral", where, self._click(user, step, "step_done"))
        )
        assert len(self._updates()) == before and f"step_done:{step}" in buttons(self.latest())
        return shown

    def home(self, user: str) -> str:
        """The person opens the App Home tab."""
        where = lambda c: c.status == 200 and c.params.get("user_id") == user  # noqa: E731
        event = {"type": "app_home_opened", "user": user, "channel": unique("D"), "tab": "home"}
        return self._keep(user, self._next("views.publish", where, lambda: self.run.event(event)))


def _clean(output: list[str]) -> None:
    log = "".join(output)
    assert "Traceback" not in log, log


def test_a_norwegian_coordinator_and_two_partners_abroad_reach_a_submitted_report_in_slack(
    tmp_path: Path,
) -> None:
    channel = unique("C")
    kari, luca, ana = unique("UKARI"), unique("ULUCA"), unique("UANA")
    with SlackWebApi() as api:
        story = Story(api, channel)
        with bot_process(api=api, data_dir=tmp_path, http=True) as (_, output, port):
            story.connect(port)
            # The coordinator writes a Norwegian sentence first; commands never switch her language.
            assert "60 dager" in story.ask(kari, "Når er fristen for sluttrapporten?")
            created = story.command(kari, f"project add {NUMBER} 30.06.2027 Vennskap")
            assert f"Prosjektet {NUMBER} «Vennskap» hører nå til denne kanalen" in created
            assert "Sluttrapporten skal leveres innen 29.08.2027" in created
            assert "Partneren Liceo Galilei (IT) er lagt til" in story.ask(
                kari, "legg til partner Liceo Galilei, Italia"
            )
            assert "Partneren Escola Azul (PT) er lagt til" in story.command(
                kari, "partner add Escola Azul, Portugal"
            )
            # A person in a reply is a mention: Slack shows the name, not the raw id.
            added = story.command(kari, f"member add <@{luca}> partner Liceo Galilei")
            assert f"<@{luca}> er lagt til som partner i Liceo Galilei" in added
            added = story.command(kari, f"member add <@{ana}> partner escola azul")
            assert f"<@{ana}> er lagt til som partner i Escola Azul" in added
            assert "Vi starter «Sluttrapport i Mobility Tool+»" in story.ask(kari, "start final-report")
            [checklist] = api.wait_for(
                "chat.postMessage",
                where=lambda c: story._in_channel(c) and "step_done:submit" in buttons(c),
                timeout=WAIT,
            )
            story.checklist = {"ts": checklist.response["ts"], "call": checklist}
            shown = texts(checklist)
            assert f"Sluttrapport i Mobility Tool+ – {NUMBER}" in shown and "Skriv «ferdig» i tråden" in shown

            shown = story.tick(kari, "qualitative-content")
            assert "step_done:qualitative-content" not in buttons(story.latest()) and f"<@{kari}>" in shown
            assert "Fristen for sluttrapporten er 29.08.2027" in story.ask(kari, "frist?")

            # A partner abroad writes English and is answered in English, from the project's own state.
            assert "The final report is due 29 Aug 2027" in story.ask(luca, "When is the final report due?")
            step = story.ask(luca, "What is my next step?")
            assert "Your next step" in step and "Partner completes its part (use of funds)" in step
            shown = story.tick(luca, "partner-use-of-funds")
            assert f"Liceo Galilei (IT) – _<@{luca}>" in shown
            _clean(output)

        # The restart: a new process with nothing but the database (and the same Slack workspace).
        with bot_process(api=api, data_dir=tmp_path, http=True) as (_, output, port):
            story.connect(port)
            # A partner not yet heard in a sentence: English, in the checklist's thread.
            ticked = story.in_thread(ana, "done")
            assert ticked.startswith("Ticked: Partner completes its part (use of funds) for Escola Azul.")
            refusal = story.refused(ana, "submit")
            assert "the coordinator's" in refusal and "Submit the report for the whole partnership" in refusal
            shown = story.tick(luca, "partner-confirmation")
            assert shown.count(f"<@{luca}>") == 2
            waiting = story.ask(luca, "What is my next step?")
            assert "You have done all your part" in waiting
            assert "waiting for the coordinator and Escola Azul" in waiting

            status = story.command(kari, "status", refreshes=True)
            assert status.startswith(f"«Sluttrapport i Mobility Tool+» for {NUMBER}")
            assert f"Venter på koordinator (<@{kari}>)" in status and f"Escola Azul (<@{ana}>)" in status
            copies = [
                c
                for c in api.calls_to("chat.postMessage")
                if story._in_channel(c) and "step_done:submit" in buttons(c)
            ]
            assert len(copies) == 1  # the checklist is updated in place, not posted again
            assert "Hoppet over: Legg ved fakturaer" in story.command(kari, "hopp over", refreshes=True)
            story.tick(kari, "ready-for-submission")
            blocked = story.refused(kari, "submit")  # a partner has not confirmed: who is missing
            assert (
                "kan ikke krysses av ennå" in blocked
                and "(Escola Azul)" in blocked
                and "Liceo" not in blocked
            )
            missing = story.ask(kari, "hvem mangler?")
            assert missing.startswith(
                "Escola Azul mangler: Partneren bekrefter og melder «Ready for submission»"
            )
            story.tick(ana, "partner-confirmation")

            # «Ferdig ✓» on submit: the checklist is updated and she is told, privately, what comes next.
            submitted = story.tick_privately(kari, "submit")
            assert "Avkrysset: Send inn rapporten for hele partnerskapet." in submitted
            assert "Alle stegene i «Sluttrapport i Mobility Tool+» er ferdige." in submitted
            assert (
                "Neste: «Laste opp resultater i Erasmus+ Project Results Platform», frist 29.08.2027"
                in submitted
            )
            final = story.latest()
            assert not [a for a in buttons(final) if a.startswith("step_done:")]
            assert "Alle stegene i «Sluttrapport i Mobility Tool+» er ferdige." in texts(final)
            assert "UTC" not in texts(final)  # marks in local time
            upload = story.command(kari, "status")  # the upload has started: its own checklist
            assert upload.startswith(f"Laste opp resultater i Erasmus+ Project Results Platform – {NUMBER}")

            # Each person's overview in their own language; Luca's English was remembered across the restart.
            home = story.home(kari)
            assert "sluttrapport innen 29.08.2027" in home and "du er koordinator" in home
            home = story.home(luca)
            assert "final report due 29 Aug 2027" in home and "you are partner" in home
            # Ana has never written a sentence: her partner school is abroad, so English, not Bokmål.
            home = story.home(ana)
            assert "final report due 29 Aug 2027" in home and "you are partner" in home
            assert story.feedback(ana, story.replies[0]).startswith("Thanks!")
            _clean(output)

        for user, language, other in ((kari, "nb", ENGLISH), (luca, "en", NORWEGIAN), (ana, "en", NORWEGIAN)):
            for reply in story.said[user]:
                assert not [word for word in other if word in reply], (user, language, reply)
        raw_user = re.compile(rf"(?<!<@)\b({kari}|{luca}|{ana})\b")  # a person is a mention, never a bare id
        for call in (c for c in api.calls if c.method in SHOWN):
            assert not [raw for raw in RAW_IDS if raw in texts(call)], texts(call)
            assert not raw_user.search(texts(call)), texts(call)
        assert not api.calls_to("response_url")  # every command was understood: no refusal, no error
        assert not [c for c in api.calls if c.status != 200]
