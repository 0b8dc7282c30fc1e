"""Section-aware chunking: sections, lead-ins, long paragraphs and translations cut along their original."""

from __future__ import annotations

from datetime import date

from core.language import Language
from knowledge.bootstrap import SHIPPED_DOCS
from knowledge.chunking import MAX_CHARS, chunk_document, plan_spans, section_units
from knowledge.loaders.registry import load_document
from knowledge.models import Document, Section


def _doc(
    *sections: Section, doc_id: str = "doc", language: Language = Language.NB, **extra: object
) -> Document:
    return Document(
        doc_id=doc_id,
        title="Tittel",
        url="https://example.org/side",
        language=language,
        updated=date(2024, 1, 3),
        source_path="/tmp/doc.md",
        content_hash="abc",
        sections=sections,
        **extra,  # type: ignore[arg-type]
    )


def _sentences(count: int, *, word: str, length: int) -> list[str]:
    """``count`` distinct sentences of about ``length`` characters, each starting with a capital."""
    return [
        f"{word.capitalize()} {number} " + "x" * (length - len(word) - 6) + "." for number in range(count)
    ]


def test_passages_never_cross_a_section() -> None:
    first = Section(heading="Frister", blocks=("Kort avsnitt om frister.",))
    second = Section(heading="Budsjett", blocks=("Kort avsnitt om budsjett.",))

    chunks = chunk_document(_doc(first, second))

    assert [(chunk.section, chunk.text) for chunk in chunks] == [
        ("Frister", "Kort avsnitt om frister."),
        ("Budsjett", "Kort avsnitt om budsjett."),
    ]


def test_chunks_carry_title_url_date_and_their_own_group() -> None:
    chunk = chunk_document(_doc(Section(heading="Frister", blocks=("Fristen er 60 dager.",))))[0]

    assert (chunk.title, chunk.url, chunk.updated) == ("Tittel", "https://example.org/side", date(2024, 1, 3))
    assert chunk.group_id == chunk.chunk_id == "doc#0.0"
    assert chunk.embedding_text() == "Tittel — Frister: Fristen er 60 dager."


def test_consecutive_paragraphs_are_grouped_up_to_the_size_limit() -> None:
    paragraphs = tuple(_sentences(6, word="avsnitt", length=150))

    chunks = chunk_document(_doc(Section(heading="S", blocks=paragraphs)))

    assert len(chunks) == 3
    assert all(len(chunk.text) <= MAX_CHARS for chunk in chunks)
    assert "\n".join(chunk.text for chunk in chunks) == "\n".join(paragraphs)


def test_lead_in_with_colon_stays_with_what_follows() -> None:
    lead_in = "Koordinator må gjøre dette før rapporten sendes inn " + "l" * 150 + ":"
    item = "Registrere alle aktiviteter i Mobility Tool+ og kontrollere deltakerlisten " + "i" * 150 + "."
    assert len(lead_in) + len(item) > MAX_CHARS  # by size alone they would be cut apart
    section = Section(heading="Rapport", blocks=("Innledning " + "y" * 300 + ".", lead_in, item))

    chunks = chunk_document(_doc(section))

    holding_lead_in = next(chunk for chunk in chunks if lead_in in chunk.text)
    assert item in holding_lead_in.text


def test_a_paragraph_without_colon_is_cut_from_what_follows_when_too_long() -> None:
    first = "Koordinator må gjøre dette før rapporten sendes inn " + "l" * 150 + "."
    second = "Registrere alle aktiviteter i Mobility Tool+ og kontrollere deltakerlisten " + "i" * 150 + "."

    chunks = chunk_document(_doc(Section(heading="Rapport", blocks=(first, second))))

    assert [chunk.text for chunk in chunks] == [first, second]


def test_short_list_items_stay_together_beyond_the_size_limit() -> None:
    items = tuple(f"Punkt {number}: " + "k" * 55 for number in range(8))
    assert sum(len(item) for item in items) > MAX_CHARS

    chunks = chunk_document(_doc(Section(heading="Liste", blocks=items)))

    assert [chunk.text for chunk in chunks] == ["\n".join(items)]


def test_long_paragraph_is_cut_between_sentences() -> None:
    sentences = _sentences(10, word="setning", length=90)
    paragraph = " ".join(sentences)
    assert len(paragraph) > 2 * MAX_CHARS

    units = section_units(Section(heading="S", blocks=(paragraph,)))

    assert len(units) > 1
    assert all(len(unit) <= MAX_CHARS for unit in units)
    assert [
        s for unit in units for s in sentences if s in unit
    ] == sentences  # every sentence whole, in order


def test_translation_is_cut_along_its_originals_spans() -> None:
    original = _doc(
        Section(heading="Frister", blocks=tuple(_sentences(5, word="frist", length=150))),
        Section(heading="Budsjett", blocks=("Det er mulig å flytte midler mellom budsjettposter.",)),
        doc_id="orig",
    )
    # The English paragraphs are longer, so cutting them on their own would give different passages.
    translation = _doc(
        Section(heading="Deadlines", blocks=tuple(_sentences(5, word="deadline", length=200))),
        Section(heading="Budget", blocks=("It is possible to move funds between budget categories.",)),
        doc_id="orig-en",
        language=Language.EN,
        translation_of="orig",
        official=False,
    )

    own = chunk_document(original)
    rendered = chunk_document(translation, original=original)

    assert plan_spans(translation) != plan_spans(original)
    assert [chunk.group_id for chunk in rendered] == [chunk.chunk_id for chunk in own]
    assert [chunk.section for chunk in rendered] == ["Deadlines"] * (len(own) - 1) + ["Budget"]
    assert all(not chunk.official and chunk.chunk_id.startswith("orig-en#") for chunk in rendered)


def test_shipped_translations_pair_every_passage_with_its_original() -> None:
    original = load_document(SHIPPED_DOCS / "skoleutvekslingspartnerskap.md")
    translation = load_document(SHIPPED_DOCS / "skoleutvekslingspartnerskap.en.md")

    own = chunk_document(original)
    rendered = chunk_document(translation, original=original)

    assert [chunk.group_id for chunk in rendered] == [chunk.chunk_id for chunk in own]
    assert "60 days" in next(r.text for r, o in zip(rendered, own, strict=True) if "60 dager" in o.text)


def test_translation_keeps_all_its_text_when_it_cuts_a_long_paragraph_into_more_pieces() -> None:
    original = _doc(Section(heading="S", blocks=(" ".join(_sentences(10, word="setning", length=80)),)))
    english = _sentences(10, word="sentence", length=110)
    translation = _doc(
        Section(heading="S", blocks=(" ".join(english),)),
        doc_id="doc-en",
        language=Language.EN,
        translation_of="doc",
    )

    rendered = "\n".join(chunk.text for chunk in chunk_document(translation, original=original))

    assert [sentence for sentence in english if sentence not in rendered] == []
