"""The three systems under test, each behind one tiny contract."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Protocol

from knowledge.catalog import Catalog
from knowledge.embeddings import Embedder
from knowledge.language import detect_language
from knowledge.models import Chunk, Question
from knowledge.service import KnowledgeService

TOP_K = 5
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


class System(Protocol):
    """Anything that answers a question and shows the passages it retrieved."""

    name: str

    def answer(self, question: str) -> tuple[str, bool, list[str]]:
        """``(answer text, abstained, retrieved passages best first)``."""
        ...


class ProjectSystem:
    """This project: the knowledge service with its hybrid bilingual retriever."""

    def __init__(
        self, *, service: KnowledgeService, name: str = "Rapportlos", project: str | None = None
    ) -> None:
        self.name = name
        self.service = service
        self.project = project  # the number of the project whose channel the questions are asked in

    def answer(self, question: str) -> tuple[str, bool, list[str]]:
        """The service's answer and its ranked passage groups (every language version joined)."""
        reply = self.service.answer(Question(text=question, project=self.project))
        passages = self.service.ranked_passages(question, k=TOP_K, project=self.project)
        return reply.text, reply.abstained, passages


class BM25System:
    """The project's BM25 and analyser alone: no dense search, no glossary, never abstains."""

    name = "BM25 alone"

    def __init__(self, *, catalog: Catalog) -> None:
        self._catalog = catalog

    def answer(self, question: str) -> tuple[str, bool, list[str]]:
        """The top passage's text; the question is analysed in its detected language, both shards searched."""
        passages = [chunk.text for chunk in self._ranked(question)]
        return (passages[0] if passages else ""), False, passages

    def _ranked(self, question: str) -> list[Chunk]:
        terms = self._catalog.analyzer.terms(question, detect_language(question))
        scored = [
            (score, shard.chunks[index])
            for shard in self._catalog.shards.values()
            for index, score in shard.bm25.scores(terms).items()
        ]
        scored.sort(key=lambda pair: -pair[0])
        best: dict[str, Chunk] = {}  # one passage per group, so the top k are k distinct passages
        for _, chunk in scored:
            best.setdefault(chunk.group_id, chunk)
            if len(best) == TOP_K:
                break
        return list(best.values())


def strip_front_matter(markdown: str) -> str:
    """The Markdown body without its YAML front matter."""
    return _FRONT_MATTER.sub("", markdown, count=1)


class RecipeSystem:
    """The recipe a user would copy: LangChain's recursive splitter, Chroma (cosine), dense top-k only.

    Args:
        paths: Markdown files to index (front matter stripped, bodies split as they are).
        embedder: The same embedding model as the project.
        folder: Where the throwaway Chroma database lives.
    """

    name = "LangChain recipe"

    def __init__(self, *, paths: list[Path], embedder: Embedder, folder: Path) -> None:
        import chromadb
        from chromadb.config import Settings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        texts = [
            piece
            for path in paths
            for piece in splitter.split_text(strip_front_matter(path.read_text(encoding="utf-8")))
        ]
        client = chromadb.PersistentClient(path=str(folder), settings=Settings(anonymized_telemetry=False))
        self._collection = client.create_collection(
            f"recipe_{uuid.uuid4().hex[:8]}",
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
        )
        self._collection.add(
            ids=[f"c{index}" for index in range(len(texts))],
            documents=texts,
            embeddings=embedder.embed(texts),
        )
        self._embedder = embedder
        self.chunks = len(texts)

    def answer(self, question: str) -> tuple[str, bool, list[str]]:
        """The nearest chunk's text."""
        found = self._collection.query(
            query_embeddings=self._embedder.embed([question]), n_results=TOP_K, include=["documents"]
        )
        passages = [str(text) for text in (found.get("documents") or [[]])[0]]
        return (passages[0] if passages else ""), False, passages
