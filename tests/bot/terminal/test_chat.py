"""The terminal chat end to end: a project with two partners, the final report walked to the end by the
coordinator and both partners, with the process restarted in the middle."""

import io
from collections.abc import Iterator

import pytest

from bot.engine.commands import WorkflowCommands
from bot.engine.models import IncomingMessage, Reply
from bot.terminal.chat import run_chat
from core.language import Language
from storage import SqlWorkflowStore, create_database
from workflows.definitions import load_procedures
from workflows.service import WorkflowService

C = "C-erasmus"


class StandInEngine:
    """Does what ``bot.engine.conversation.Engine`` does with workflow commands: try them first, else answer
    from the knowledge base and remind the person where their procedure stands. The knowledge answer is a
    fixed text here because the knowledge engine is not the unit under test."""

    def __init__(self, commands: WorkflowCommands, language: Language) -> None:
        self._commands = commands
        self._language = language

    def handle(self, message: IncomingMessage) -> Reply:
        reply = self._commands.try_handle(message, language=self._language)
        if reply is not None:
            return reply
        hint = self._commands.resume_hint(message, language=self._language)
        return Reply.message("\n".join(filter(None, ["(knowledge answer)", hint])), self._language)


class Process:
    """One bot process: its own database connection, service, commands and engine."""

    def __init__(self, url: str, clock) -> None:
        self.database = create_database(url)
        store = SqlWorkflowStore(database=self.database)
        self.commands = WorkflowCommands(
            service=WorkflowService(store=store, procedures=load_procedures(), clock=clock)
        )

    def chat(self, user: str, lines: list[str], language: Language = Language.NB) -> str:
        out = io.StringIO()
        engine = StandInEngine(self.commands, language)
        run_chat(engine, user_id=user, channel_id=C, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
        return out.getvalue()


@pytest.fixture
def url(database) -> Iterator[str]:
    url = database.engine.url.render_as_string(hide_password=False)
    yield url


def test_final_report_with_two_partners_survives_a_restart(url, clock):
    first = Process(url, clock)
    out = first.chat(
        "kari",
        [
            "project add 2020-1-NO01-KA229-012345 31.08.2025 Vann i Europa",
            "add partner Escola X, PT",
            "partner add Gymnasium Y, DE",
            "member add <@ana> partner Escola X",
            "legg til bea som partner i Gymnasium Y",
            "start final-report",
            "ferdig",
            "Hva regnes som exceptional costs?",
            "hopp over",
        ],
    )
    assert "sluttrapporten skal leveres innen 30.10.2025" in out.lower()
    assert "(knowledge answer)\n(Vi er på steg 2 av 6" in out
    assert "Hoppet over: Legg ved fakturaer" in out
    clock.advance(hours=3)
    out = first.chat("ana", ["status", "done partner-use-of-funds"], Language.EN)
    assert "Ticked: Partner completes its part (use of funds) for Escola X." in out
    first.database.close()

    clock.advance(days=1)
    second = Process(url, clock)  # the restart: a new process on the same database
    out = second.chat("kari", ["status"])
    assert "2 av 6 steg ferdig" in out
    assert "[x] Escola X (PT)  (ana, 01.09.2025 kl. 13:00)" in out  # 11:00 UTC in Oslo time
    assert "<- du er her" in out and "[ ] 3. Marker rapporten «Ready for submission»" in out
    out = second.chat("kari", ["ferdig", "ferdig"])
    assert "Avkrysset: Marker rapporten «Ready for submission»." in out
    # Submitting waits for every partner's confirmation, and says who is missing.
    assert "«Send inn rapporten for hele partnerskapet» kan ikke krysses av ennå" in out
    assert "Partneren bekrefter og melder «Ready for submission» (Escola X)" in out
    assert "(Gymnasium Y)" in out
    out = second.chat("ana", ["ferdig"])
    assert "Avkrysset: Partneren bekrefter og melder «Ready for submission» for Escola X." in out
    assert "Du har gjort alt ditt" in out and "Gymnasium Y" in out  # not "every step is done"
    out = second.chat("bea", ["done", "I'm done"], Language.EN)
    assert out.count("Ticked:") == 2 and "for Gymnasium Y" in out
    out = second.chat("kari", ["status", "ferdig", "status", "audit"])
    assert "Escola X (PT): 2 av 2" in out and "Gymnasium Y (PT)" not in out
    assert "Avkrysset: Send inn rapporten for hele partnerskapet." in out
    assert "Alle stegene i «Sluttrapport i Mobility Tool+» er ferdige." in out
    # The results upload starts by itself, with its own deadline, and is what status shows next.
    assert "Neste: «Laste opp resultater i Erasmus+ Project Results Platform», frist 30.10.2025" in out
    assert (
        "«Laste opp resultater i Erasmus+ Project Results Platform» for 2020-1-NO01-KA229-012345: 0 av 7"
        in out
    )
    assert "bea · krysset av · Partneren bekrefter og melder «Ready for submission» (Gymnasium Y)" in out
    second.database.close()


def test_the_chat_ends_cleanly_on_end_of_input_and_skips_blank_lines(sqlite_database, clock):
    class Echo:
        def __init__(self) -> None:
            self.seen: list[IncomingMessage] = []

        def handle(self, message: IncomingMessage) -> Reply:
            self.seen.append(message)
            return Reply.message(f"echo {message.text}", Language.EN)

    echo, out = Echo(), io.StringIO()
    run_chat(
        echo, user_id="U1", channel_id="C9", stdin=io.StringIO("hei\n\n  \nstatus"), stdout=out, prompt="> "
    )
    assert [m.text for m in echo.seen] == ["hei", "status"]
    assert {(m.user_id, m.channel_id, m.platform.value) for m in echo.seen} == {("U1", "C9", "terminal")}
    assert out.getvalue() == "> echo hei\n\n> > > echo status\n\n> "


def test_an_engine_failure_is_reported_and_the_chat_goes_on():
    class Broken:
        calls = 0

        def handle(self, message: IncomingMessage) -> Reply:
            self.calls += 1
            if self.calls == 1:
                raise RuntimeError("boom")
            return Reply.message("ok", Language.NB)

    out = io.StringIO()
    run_chat(Broken(), user_id="U1", channel_id="C9", stdin=io.StringIO("a\nb\n"), stdout=out)
    assert "Noe gikk galt" in out.getvalue() and "Something went wrong" in out.getvalue()
    assert out.getvalue().endswith("ok\n\n")
