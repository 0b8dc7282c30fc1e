"""Issue 12's story through the terminal chat with the real engine and answer engine: a Norwegian coordinator
and two partners abroad writing English, a restart in the middle, ending with a submitted report and a
started upload; every reply in the right language and no raw step ids."""

import io

import pytest

from bot.engine.commands import WorkflowCommands
from bot.engine.conversation import Engine
from bot.terminal.chat import run_chat
from knowledge.bootstrap import SHIPPED_DOCS, KnowledgeBase
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.service import KnowledgeService
from knowledge.vector_store import ChromaStore
from storage import SqlWorkflowStore
from workflows.definitions import load_procedures
from workflows.service import WorkflowService

C = "C-vennskap"
NUMBER = "2022-1-NO01-KA229-012345"
RAW_IDS = (
    "qualitative-content",
    "ready-for-submission",
    "partner-use-of-funds",
    "partner-confirmation",
    "[submit]",
)


class Process:
    """One bot process: engine, commands and service over the shared database (a restart = a new one)."""

    def __init__(self, database, clock, knowledge: KnowledgeService) -> None:
        service = WorkflowService(
            store=SqlWorkflowStore(database=database), procedures=load_procedures(), clock=clock
        )
        self.engine = Engine(knowledge=knowledge, commands=WorkflowCommands(service=service))

    def chat(self, user: str, *lines: str) -> list[str]:
        out = io.StringIO()
        stdin = io.StringIO("\n".join(lines) + "\n")
        run_chat(self.engine, user_id=user, channel_id=C, stdin=stdin, stdout=out, prompt="\x00")
        replies = [r.strip() for r in out.getvalue().split("\x00") if r.strip()]
        for reply in replies:
            assert not any(raw in reply for raw in RAW_IDS), reply
        return replies


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    """The answer engine over the shipped pages with the real model (the chat's questions go to it)."""
    store = ChromaStore(path=str(tmp_path_factory.mktemp("story-chroma")))
    kb = KnowledgeBase(store=store, embedder=SentenceTransformerEmbedder())
    kb.ingest([SHIPPED_DOCS])
    return KnowledgeService(retriever=kb.retriever(), contact="erasmuspluss@hkdir.no")


def test_the_coordinator_and_two_partners_reach_a_submitted_report(database, clock, knowledge):
    service = knowledge
    first = Process(database, clock, service)
    kari = first.chat(
        "kari",
        f"project add {NUMBER} 30.06.2027 Vennskap",
        "legg til partner Liceo Galilei, Italia",
        "add partner Escola Azul, Portugal",
        "member add <@luca> partner Liceo Galilei",
        "member add <@ana> partner escola azul",
        "start final-report",
        "ferdig",
        "frist?",
    )
    out = "\n".join(kari)
    # Command words never switch the language: a Norwegian coordinator gets Norwegian all along.
    assert "Prosjektet 2022-1-NO01-KA229-012345 «Vennskap» hører nå til denne kanalen" in out
    assert (
        "Partneren Liceo Galilei (IT) er lagt til" in out and "Partneren Escola Azul (PT) er lagt til" in out
    )
    assert "Vi starter «Sluttrapport i Mobility Tool+»" in out
    assert "Avkrysset: Fullfør det kvalitative innholdet." in out
    assert "Fristen for sluttrapporten er 29.08.2027" in kari[-1]

    luca = first.chat(
        "luca", "Hello, I am the coordinator at Liceo Galilei in Italy.", "What is my next step?", "done"
    )
    assert "Your next step" in luca[1] and "Partner completes its part (use of funds)" in luca[1]
    assert luca[2].startswith("Ticked: Partner completes its part (use of funds) for Liceo Galilei.")

    second = Process(database, clock, service)  # the restart: no memory but the database
    ana = second.chat("ana", "done")  # a partner abroad, not yet heard in a sentence: English
    assert ana[0].startswith("Ticked: Partner completes its part (use of funds) for Escola Azul.")
    luca = second.chat("luca", "done")
    assert (
        "You have done all your part" in luca[0] and "waiting for the coordinator and Escola Azul" in luca[0]
    )
    kari = second.chat("kari", "status", "hopp over", "ferdig", "ferdig", "hvem mangler?")
    assert kari[0].startswith("«Sluttrapport i Mobility Tool+» for 2022-1-NO01-KA229-012345")
    assert "Hoppet over: Legg ved fakturaer" in kari[1]
    assert "kan ikke krysses av ennå" in kari[3] and "(Escola Azul)" in kari[3] and "Liceo" not in kari[3]
    assert kari[4].startswith("Escola Azul mangler: Partneren bekrefter og melder «Ready for submission»")
    second.chat("ana", "done")
    kari = second.chat("kari", "ferdig", "status")
    assert "Alle stegene i «Sluttrapport i Mobility Tool+» er ferdige." in kari[0]
    assert "Neste: «Laste opp resultater i Erasmus+ Project Results Platform», frist 29.08.2027" in kari[0]
    assert kari[1].startswith("«Laste opp resultater i Erasmus+ Project Results Platform»")
