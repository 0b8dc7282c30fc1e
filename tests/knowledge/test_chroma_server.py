"""The knowledge base against a real Chroma server started on a free loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.language import Language
from knowledge.bootstrap import SHIPPED_DOCS, KnowledgeBase
from knowledge.embeddings import Embedder
from knowledge.models import AnswerKind, Question
from knowledge.service import KnowledgeService
from knowledge.vector_store import ChromaStore

CHROMA = Path(sys.executable).parent / "chroma"
_START_TIMEOUT = 30.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    for path in ("/api/v2/heartbeat", "/api/v1/heartbeat"):
        try:
            with urllib.request.urlopen(url + path, timeout=1) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            continue
    return False


@pytest.fixture
def chroma_url(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "chroma.log").open("wb")
    server = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(tmp_path / "data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + _START_TIMEOUT
        while not _answers(url):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"Chroma server did not start: {(tmp_path / 'chroma.log').read_text(errors='replace')}"
                )
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_ingest_and_answer_through_a_chroma_server(chroma_url: str, embedder: Embedder) -> None:
    kb = KnowledgeBase(store=ChromaStore(url=chroma_url), embedder=embedder)

    report = kb.ingest([SHIPPED_DOCS])
    again = kb.ingest([SHIPPED_DOCS])

    assert "hkdir-skoleutvekslingspartnerskap" in report.added and report.failed == []
    assert not again.changed
    service = KnowledgeService(retriever=kb.retriever(), contact="erasmuspluss@hkdir.no")
    answer = service.answer(Question(text="Hvor mange dager har vi på å levere sluttrapporten?"))
    assert (answer.kind, answer.language) == (AnswerKind.EXTRACTIVE, Language.NB)
    assert "innen 60 dager" in answer.text
    assert answer.citations[0].url == "https://erasmuspluss.no/skoleutvekslingspartnerskap"
    assert ChromaStore(url=chroma_url).active() == kb.store.active()  # the pointer lives on the server
