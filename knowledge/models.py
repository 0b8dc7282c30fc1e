"""Typed models that cross the knowledge package's boundary."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from core.language import Language


class Section(BaseModel):
    """A titled part of a document; ``blocks`` are paragraphs or list items in reading order."""

    model_config = ConfigDict(frozen=True)

    heading: str
    blocks: tuple[str, ...]


class Document(BaseModel):
    """A parsed guidance page, ready to chunk."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    title: str
    url: str | None = None
    language: Language
    updated: date | None = None
    source_path: str
    content_hash: str = Field(
        description="Hash of the file's bytes and of what the loader read from them: changes when either does."
    )
    sections: tuple[Section, ...]
    translation_of: str | None = Field(default=None, description="doc_id of the original this renders.")
    official: bool = True


class Chunk(BaseModel):
    """A passage of a document as stored in the index."""

    model_config = ConfigDict(frozen=True)

    chunk_id: str
    doc_id: str
    text: str
    title: str
    section: str
    url: str | None
    language: Language
    updated: date | None
    position: int = Field(description="Order of the chunk within its document.")
    group_id: str = Field(description="Chunk id of the authoritative passage (itself unless a translation).")
    official: bool = True
    source_path: str = Field(default="", description="File the document was read from.")
    content_hash: str = Field(
        default="", description="Hash of that file and of what was read from it (see Document.content_hash)."
    )

    def embedding_text(self) -> str:
        """Text given to the embedding model: the passage with its title and section for context."""
        return f"{self.title} — {self.section}: {self.text}" if self.section else f"{self.title}: {self.text}"


class Question(BaseModel):
    """A question as the answer engine receives it."""

    model_config = ConfigDict(frozen=True)

    text: str
    language: Language | None = Field(default=None, description="Detected when not given.")
    usual_language: Language | None = Field(
        default=None,
        description="The asker's language when the message's own words do not tell (a chat's last language).",
    )
    context: tuple[str, ...] = Field(default=(), description="Earlier questions in the same thread.")
    project: str | None = Field(
        default=None, description="The number of the asker's project, when asked in its channel."
    )


class Citation(BaseModel):
    """One cited passage: where it is, what it says and how strongly it matched."""

    model_config = ConfigDict(frozen=True)

    title: str
    url: str | None
    section: str
    text: str
    score: float
    language: Language
    updated: date | None = None
    official: bool = True
    original_text: str | None = None
    original_title: str | None = None
    original_url: str | None = None


class ProgrammeQuote(BaseModel):
    """What one programme's page says, when pages for different programmes answer a question differently."""

    model_config = ConfigDict(frozen=True)

    label: str = Field(description="The programme in the answer's language ('KA210 (småskalapartnerskap)').")
    quote: str = Field(description="The sentences quoted from that programme's page.")
    citation: Citation


class ProgrammeSplit(BaseModel):
    """An answer shown per programme: pages for different programmes give different answers to a question
    that names none, so each is quoted with its own source."""

    model_config = ConfigDict(frozen=True)

    lead: str = Field(description="The sentence that opens the answer (that the programmes differ).")
    quotes: tuple[ProgrammeQuote, ...]


class AnswerKind(StrEnum):
    """How an answer came about."""

    EXTRACTIVE = "extractive"
    GENERATIVE = "generative"
    ABSTAINED = "abstained"
    INVALID = "invalid"


class Answer(BaseModel):
    """The engine's reply to a question."""

    model_config = ConfigDict(frozen=True)

    question: str
    text: str
    language: Language
    kind: AnswerKind
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    body: str = Field(default="", description="The answer without its source lines ('' when it has none).")
    cited: tuple[Citation, ...] = Field(default=(), description="The passages the body quotes, in order.")
    split: ProgrammeSplit | None = Field(
        default=None, description="When pages for different programmes disagree: each one's quote and source."
    )

    @property
    def said(self) -> str:
        """What the answer says without its source lines (its whole text when it has no body)."""
        return self.body or self.text

    @property
    def abstained(self) -> bool:
        """True when the bot declined to answer from the knowledge base."""
        return self.kind in (AnswerKind.ABSTAINED, AnswerKind.INVALID)
