"""Bridges in retrieval: an English question finds a Norwegian-only passage, a Bokmål question a Nynorsk one."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.language import Language
from knowledge.bootstrap import KnowledgeBase
from knowledge.bridge.resources import LanguageResources
from knowledge.coverage import Coverage
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.translation import GlossaryTranslator
from knowledge.vector_store import ChromaStore

PAGES = {
    "etwinning.md": (
        "---\nid: etwinning\ntitle: Om eTwinning\nlanguage: nb\n---\n\n# Om eTwinning\n\n"
        "eTwinning tilbyr også muligheter til gratis og kontinuerlig nettbasert etterutdanning for lærere.\n\n"
        "## Skoler\n\neTwinning er fellesskapet for skoler i Europa, og skolebibliotekarer kan også delta.\n"
    ),
    "partnarskap.md": (
        "---\nid: partnarskap\ntitle: Samarbeidspartnarskap\nlanguage: nb\n---\n\n# Samarbeidspartnarskap\n\n"
        "## Kven kan søke\n\nAlle typar organisasjonar som har vore etablert i minst to år, kan søke. Eit "
        "samarbeidspartnarskap skal bestå av minst tre partnarar frå tre land. Ver merksam på at kvar "
        "institusjon berre kan vere involvert i maks. ti søknader per utlysingsår.\n"
    ),
    "mobility.md": (
        "---\nid: mobility\ntitle: Pupil mobility\nlanguage: en\n---\n\n# Pupil mobility\n\n"
        "Group mobility of school pupils can last from two to thirty days, with at least two pupils per group.\n"
    ),
}


@pytest.fixture(scope="module")
def bridged_kb(
    tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder
) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("bridged-pages")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(
        store=ChromaStore(path=str(tmp_path_factory.mktemp("bridged-chroma"))), embedder=embedder
    )
    kb.ingest([folder])
    return kb


def _top_doc(kb: KnowledgeBase, question: str, language: Language) -> tuple[str, dict[str, float]]:
    retriever = kb.retriever()
    _, hits = retriever.search(question, language)
    return retriever.catalog.original(hits[0].group_id).doc_id, hits[0].channels  # type: ignore[union-attr]


def test_english_question_meets_a_norwegian_only_page_through_its_bridge(bridged_kb: KnowledgeBase) -> None:
    doc, channels = _top_doc(bridged_kb, "Is the online training for teachers free of charge?", Language.EN)

    assert doc == "etwinning"
    assert channels.get("lex_b", 0) > 0 or channels.get("dense_b", 0) > 0


def test_nynorsk_page_is_normalised_for_a_bokmal_question(bridged_kb: KnowledgeBase) -> None:
    retriever = bridged_kb.retriever()
    assert retriever.bridge is not None and "partnarskap" in retriever.bridge.nynorsk_docs

    doc, _ = _top_doc(bridged_kb, "Hvor mange søknader kan hver institusjon være med i?", Language.NB)

    assert doc == "partnarskap"


def test_without_the_dictionary_the_bridge_is_built_from_the_glossary(
    bridged_kb: KnowledgeBase, embedder: SentenceTransformerEmbedder
) -> None:
    plain = KnowledgeBase(
        store=bridged_kb.store, embedder=embedder, languages=LanguageResources.glossary_only()
    )

    retriever = plain.retriever()

    assert retriever.bridge is not None
    english = [b.text for b in retriever.bridge.bridges if b.language is Language.EN]
    assert english and not any("teacher" in text.split() for text in english)  # "lærere" needs the dictionary


def test_a_question_word_met_in_the_passage_gloss_counts_towards_coverage(bridged_kb: KnowledgeBase) -> None:
    retriever = bridged_kb.retriever()
    assert retriever.bridge is not None
    query, _ = retriever.search("Is the online training for teachers free of charge?", Language.EN)
    group = next(g for g, chunks in retriever.catalog.groups.items() if "gratis" in chunks[0].text)
    unbridged = Coverage(retriever.catalog, GlossaryTranslator(lexicon=bridged_kb.languages.lexicon))

    with_gloss = retriever.coverage(query, group)

    assert with_gloss > unbridged.of_group(query, group)
    assert retriever.bridge.terms(group, Language.EN)  # the gloss the words were met in
    assert not retriever.bridge.terms(group, Language.NB)  # a Bokmål passage needs no Bokmål bridge


@pytest.mark.skipif(
    not Path("/usr/share/dictd/freedict-nno-nob.index").is_file(), reason="no Nynorsk–Bokmål word pairs"
)
def test_a_sentence_of_a_nynorsk_page_is_glossed_from_its_bokmal_forms(bridged_kb: KnowledgeBase) -> None:
    retriever = bridged_kb.retriever()
    sentence = "Det er mogleg å søke."

    assert "possible" in retriever.gloss(sentence, Language.NB, doc_id="partnarskap")
    assert "possible" not in retriever.gloss(sentence, Language.NB, doc_id="etwinning")
