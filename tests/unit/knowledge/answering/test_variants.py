"""Labelling and splitting an answer by programme over a hand-built index (scoring passed in as fakes)."""

from __future__ import annotations

from core.language import Language
from knowledge.answering.extractive import Candidate, score_candidates, select_sentences
from knowledge.answering.variants import Programmes
from knowledge.catalog import Catalog
from knowledge.models import Chunk
from knowledge.retrieval import Hit

NB = Language.NB
QUESTION = "Når er fristen for sluttrapporten?"


def _chunk(doc_id: str, title: str, text: str) -> Chunk:
    return Chunk(
        chunk_id=f"{doc_id}#0",
        doc_id=doc_id,
        text=text,
        title=title,
        section="Frist",
        url=f"https://example.org/{doc_id}",
        language=NB,
        updated=None,
        position=0,
        group_id=f"{doc_id}#0",
    )


def _words(passage: str, _language: Language) -> float:
    return 1.0 if "sluttrapport" in passage.lower() else 0.0


def _candidates(catalog: Catalog, question: str = QUESTION) -> list[Candidate]:
    hits = [Hit(group_id=group, score=1.0 - 0.01 * rank) for rank, group in enumerate(catalog.group_ids)]
    return score_candidates(
        catalog=catalog,
        question=question,
        hits=hits,
        language=NB,
        score_words=_words,
        similarity=lambda _anchor, texts: [0.0] * len(texts),
    )


def _catalog(*pages: tuple[str, str, str]) -> Catalog:
    return Catalog([_chunk(*page) for page in pages], generation="g")


KA210 = ("ka210", "Sluttrapport for småskalapartnerskap (KA210)", "Sluttrapporten leveres innen 60 dager.")
KA220 = ("ka220", "Sluttrapport for samarbeidspartnerskap (KA220)", "Sluttrapporten leveres innen 90 dager.")


def test_two_programmes_giving_different_deadlines_split_the_answer() -> None:
    catalog = _catalog(KA210, KA220)

    split = Programmes(catalog).split(candidates=_candidates(catalog), question=QUESTION, score_words=_words)

    assert split is not None
    ours, theirs = split
    assert [e.chunk.doc_id for e in ours] == ["ka210"] and [e.chunk.doc_id for e in theirs] == ["ka220"]
    assert "60 dager" in ours[0].sentences[0] and "90 dager" in theirs[0].sentences[0]


def test_two_programmes_giving_the_same_deadline_are_labelled_not_split() -> None:
    same = ("ka220", KA220[1], "Sluttrapporten leveres innen 60 dager.")
    catalog = _catalog(KA210, same)
    programmes = Programmes(catalog)
    candidates = _candidates(catalog)
    excerpts = select_sentences(catalog=catalog, candidates=candidates, score_words=_words, question=QUESTION)
    hits = [Hit(group_id=group, score=1.0) for group in catalog.group_ids]

    assert programmes.split(candidates=candidates, question=QUESTION, score_words=_words) is None
    assert programmes.differ(excerpts, hits)
    assert programmes.notes(excerpts[:1], NB) == ["Dette gjelder KA210 (småskalapartnerskap)."]


def test_one_programme_and_a_general_page_are_neither_split_nor_labelled() -> None:
    general = (
        "generelt",
        "Rapportering",
        "Sluttrapporten leveres innen 30 dager for strategiske partnerskap.",
    )
    catalog = _catalog(KA210, general)
    programmes = Programmes(catalog)
    candidates = _candidates(catalog)
    excerpts = select_sentences(catalog=catalog, candidates=candidates, score_words=_words, question=QUESTION)
    hits = [Hit(group_id=group, score=1.0) for group in catalog.group_ids]

    assert programmes.split(candidates=candidates, question=QUESTION, score_words=_words) is None
    assert not programmes.differ(excerpts, hits)
    assert programmes.facts(catalog.by_id["generelt#0"]).empty  # it names KA201 in passing only
