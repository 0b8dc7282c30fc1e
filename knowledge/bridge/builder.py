"""Writing the bridges of passages at ingest: a gloss in the other language, and Nynorsk normalised.

Every authoritative passage (the one a passage group is named after) gets a gloss in the language it is not
written in, and a Nynorsk one also its Bokmål normalisation, each with its BM25 terms; the English text that
the (English-only) embedding model compares is the gloss of a Norwegian passage. They are computed for the
pages being written and stored with them (see :mod:`knowledge.vector_store`), so opening the index neither
glosses, normalises nor embeds. Whether a gloss is searched (only where the group has no passage in that
language) is decided when the index is opened, so adding a translation later needs no rewrite.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from core.language import Language
from knowledge.bridge.nynorsk import NynorskNormaliser, is_nynorsk
from knowledge.catalog import analyzer_fingerprint
from knowledge.models import Chunk
from knowledge.text.analyzer import Analyzer
from knowledge.text.compounds import CompoundSplitter
from knowledge.text.tokens import tokenize
from knowledge.translation import GlossaryTranslator

FormsFn = Callable[[Sequence[str]], dict[str, tuple[str, ...]]]


@dataclass(frozen=True)
class PassageBridge:
    """The bridges of one authoritative passage.

    Attributes:
        chunk_id: The passage (also its group's id).
        doc_id: Its document.
        language: The language the passage is written in.
        gloss: The passage in the other language (glossary and dictionary, word by word).
        gloss_terms: BM25 terms of ``gloss`` in the other language.
        normalised: Bokmål normalisation of a Nynorsk passage ("" otherwise).
        normalised_terms: BM25 terms of ``normalised``.
    """

    chunk_id: str
    doc_id: str
    language: Language
    gloss: str
    gloss_terms: tuple[str, ...]
    normalised: str = ""
    normalised_terms: tuple[str, ...] = ()

    @property
    def english(self) -> str:
        """The English text the embedding model compares ("" for an English passage)."""
        return self.gloss if self.language is Language.NB else ""


class BridgeBuilder:
    """Builds the bridges of the passages being written.

    Args:
        translator: Glossary (and dictionary) translator that writes the glosses.
        normaliser: Turns Nynorsk passages into Bokmål.
        resources: What the deployment has (dictionary, Apertium), part of the fingerprint.
    """

    def __init__(
        self,
        *,
        translator: GlossaryTranslator,
        normaliser: NynorskNormaliser,
        resources: str,
        english_forms: FormsFn | None = None,
    ) -> None:
        self._translator = translator
        self._normaliser = normaliser
        self._english_forms = english_forms
        self.fingerprint = builder_fingerprint(resources)

    def build(self, chunks: Sequence[Chunk]) -> list[PassageBridge]:
        """The bridges of every authoritative passage among ``chunks`` (whole documents)."""
        by_doc: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            by_doc.setdefault(chunk.doc_id, []).append(chunk)
        nynorsk = [
            chunk for doc_chunks in by_doc.values() if _is_nynorsk_doc(doc_chunks) for chunk in doc_chunks
        ]
        texts = self._normaliser.pages([f"{chunk.section}\n{chunk.text}" for chunk in nynorsk])
        normalised = {chunk.chunk_id: text for chunk, text in zip(nynorsk, texts, strict=True)}
        sources = {
            chunk.chunk_id: _source(chunk, normalised.get(chunk.chunk_id))
            for chunk in chunks
            if chunk.chunk_id == chunk.group_id
        }
        norwegian = [
            sources[c.chunk_id] for c in chunks if c.chunk_id in sources and c.language is Language.NB
        ]
        forms = self._english_forms(norwegian) if self._english_forms and norwegian else {}
        return [
            bridge
            for doc_chunks in by_doc.values()
            for bridge in self._document(doc_chunks, normalised, sources, forms)
        ]

    def _document(
        self,
        chunks: list[Chunk],
        normalised: dict[str, str],
        sources: dict[str, str],
        forms: dict[str, tuple[str, ...]],
    ) -> list[PassageBridge]:
        originals = [chunk for chunk in chunks if chunk.chunk_id == chunk.group_id]
        glosses = {
            chunk.chunk_id: self._translator.gloss(
                sources[chunk.chunk_id], chunk.language, forms if chunk.language is Language.NB else None
            )
            for chunk in originals
        }
        vocabulary = {
            word
            for text in [*glosses.values(), *normalised.values()]
            + [f"{c.title} {c.section} {c.text}" for c in chunks]
            for word in tokenize(text)
        }
        analyzer = Analyzer(CompoundSplitter(vocabulary))
        bridges = []
        for chunk in originals:
            plain = normalised.get(chunk.chunk_id, "")
            bridges.append(
                PassageBridge(
                    chunk_id=chunk.chunk_id,
                    doc_id=chunk.doc_id,
                    language=chunk.language,
                    gloss=glosses[chunk.chunk_id],
                    gloss_terms=tuple(analyzer.terms(glosses[chunk.chunk_id], chunk.language.other)),
                    normalised=plain,
                    normalised_terms=tuple(analyzer.terms(plain, Language.NB)) if plain else (),
                )
            )
        return bridges


def _source(chunk: Chunk, normalised: str | None) -> str:
    """What a passage's gloss is written from: its title and its (Bokmål) text."""
    body = normalised or f"{chunk.section}\n{chunk.text}"
    return f"{chunk.title}\n{body}"


def _is_nynorsk_doc(chunks: Sequence[Chunk]) -> bool:
    norwegian = [chunk.text for chunk in chunks if chunk.language is Language.NB]
    return bool(norwegian) and is_nynorsk(" ".join(norwegian))


def builder_fingerprint(resources_used: str) -> str:
    """A hash of what writes the bridges (code, glossary, analyser, the dictionary and Apertium present):
    stored bridges are used only while it holds."""
    from knowledge import translation
    from knowledge.bridge import dictionary, lemmas, lexicon, nynorsk

    digest = hashlib.sha256(f"{analyzer_fingerprint()}|{resources_used}".encode())
    for module in (translation, dictionary, lemmas, lexicon, nynorsk):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update(resources.files("knowledge.lexicon").joinpath("glossary.tsv").read_bytes())
    return digest.hexdigest()[:16]
