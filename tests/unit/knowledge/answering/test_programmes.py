"""Which programme a quote is from, and when pages for different programmes disagree."""

from __future__ import annotations

from datetime import date

import pytest

from core.language import Language
from knowledge.answering.extractive import Excerpt
from knowledge.answering.formatting import compose_body, compose_split, split_lead
from knowledge.answering.programmes import applies_to, differ, disagree, label, programme_facts
from knowledge.models import Chunk, Citation, ProgrammeQuote, ProgrammeSplit
from knowledge.page_facts import Facts, page_facts

NB, EN = Language.NB, Language.EN
KA210 = Facts(actions=frozenset({"KA210"}))
KA220 = Facts(actions=frozenset({"KA220"}))
GENERAL = Facts()


def _excerpt(text: str, doc_id: str = "d") -> Excerpt:
    chunk = Chunk(
        chunk_id=f"{doc_id}-0",
        doc_id=doc_id,
        text=text,
        title=doc_id,
        section="Frist",
        url=None,
        language=NB,
        updated=None,
        position=0,
        group_id=f"{doc_id}-0",
    )
    return Excerpt(chunk=chunk, sentences=(text,), score=1.0)


def _citation(title: str, url: str, updated: date) -> Citation:
    return Citation(title=title, url=url, section="Frist", text="…", score=0.5, language=NB, updated=updated)


def test_pages_for_different_actions_differ() -> None:
    assert differ([KA210, KA220])
    assert differ([KA210, Facts(actions=frozenset({"KA210"}), old_period=True)])
    assert differ(
        [Facts(tools=frozenset({"Mobility Tool+"})), Facts(tools=frozenset({"Beneficiary Module"}))]
    )


def test_one_programme_and_general_pages_never_differ() -> None:
    assert not differ([KA210, KA210, GENERAL])
    assert not differ([GENERAL, GENERAL])
    assert not differ([])


def test_a_general_page_that_mentions_an_action_in_passing_is_about_no_programme() -> None:
    overview = page_facts("For skole og barnehage", ["Les mer om strategiske partnerskap."], updated=None)
    own = page_facts("Sluttrapport for småskalapartnerskap (KA210)", ["Rapporten …"], updated=None)

    assert overview.actions == {"KA201"}
    assert programme_facts(overview, "For skole og barnehage").empty
    assert programme_facts(own, "Sluttrapport for småskalapartnerskap (KA210)") == own


@pytest.mark.parametrize(
    ("facts", "language", "expected"),
    [
        (KA210, NB, "KA210 (småskalapartnerskap)"),
        (KA210, EN, "KA210 (small-scale partnerships)"),
        (
            Facts(actions=frozenset({"KA220", "KA210"})),
            NB,
            "KA210 (småskalapartnerskap) og KA220 (samarbeidspartnerskap)",
        ),
        (Facts(actions=frozenset({"KA131"})), EN, "KA131"),
        (Facts(tools=frozenset({"Mobility Tool+"})), NB, "Mobility Tool+"),
        (Facts(old_period=True), EN, "the 2014–2020 programme period"),
        (Facts(new_period=True), NB, "programperioden 2021–2027"),
        (GENERAL, NB, None),
    ],
)
def test_a_programme_is_labelled_in_the_askers_language(
    facts: Facts, language: Language, expected: str | None
) -> None:
    assert label(facts, language) == expected


def test_the_note_says_which_programme_the_quote_applies_to() -> None:
    assert applies_to(KA210, NB) == "Dette gjelder KA210 (småskalapartnerskap)."
    assert applies_to(KA210, EN) == "This applies to KA210 (small-scale partnerships)."
    assert applies_to(GENERAL, EN) is None


@pytest.mark.parametrize(
    ("question", "first", "second", "expected"),
    [
        ("Når er fristen for sluttrapporten?", "innen 60 dager etter endt prosjekt", "innen 90 dager", True),
        ("When is the final report due?", "within 60 days", "within 90 days", True),
        ("Når er fristen for sluttrapporten?", "innen 60 dager", "innen 60 dager etter endt prosjekt", False),
        ("Hvor mye får vi?", "60 000 euro", "30 000 euro", True),
        ("Hvor mange partnere må vi ha?", "minst 2 partnere", "minst 3 partnere", True),
        # The second page gives no time: nothing to disagree on.
        ("Når er fristen for sluttrapporten?", "innen 60 dager", "Rapporten sendes til HK-dir.", False),
        # A question that asks for no value: the quotes cannot disagree on one.
        ("Hva skal sluttrapporten inneholde?", "innen 60 dager", "innen 90 dager", False),
    ],
)
def test_quotes_disagree_when_both_give_different_values_of_the_asked_kind(
    question: str, first: str, second: str, expected: bool
) -> None:
    assert disagree(question, first, second) is expected


def test_a_body_notes_the_programme_after_each_run_of_quotes_from_one_page() -> None:
    excerpts = [_excerpt("Første.", "a"), _excerpt("Andre.", "a"), _excerpt("Tredje.", "b")]
    notes = ["Dette gjelder KA210.", "Dette gjelder KA210.", "Dette gjelder KA220."]

    body = compose_body(excerpts, NB, notes=notes)

    assert body.split("\n\n") == [
        "Første.",
        "Andre.",
        "Dette gjelder KA210.",
        "Tredje.",
        "Dette gjelder KA220.",
    ]


def test_a_body_without_notes_is_unchanged() -> None:
    excerpts = [_excerpt("Første."), _excerpt("Andre.")]

    assert compose_body(excerpts, NB) == compose_body(excerpts, NB, notes=[None, None]) == "Første.\n\nAndre."


def test_a_split_answer_shows_each_programmes_quote_with_its_own_source() -> None:
    split = ProgrammeSplit(
        lead=split_lead(NB),
        quotes=(
            ProgrammeQuote(
                label="KA210 (småskalapartnerskap)",
                quote="Innen 60 dager.",
                citation=_citation("Sluttrapport KA210", "https://example.org/ka210", date(2024, 2, 1)),
            ),
            ProgrammeQuote(
                label="KA220 (samarbeidspartnerskap)",
                quote="Innen 90 dager.",
                citation=_citation("Sluttrapport KA220", "https://example.org/ka220", date(2024, 3, 1)),
            ),
        ),
    )

    body, text = compose_split(split, NB)

    assert body == (
        "Veiledningen svarer ulikt for ulike programmer. Se hva som gjelder for ditt prosjekt:\n\n"
        "KA210 (småskalapartnerskap): Innen 60 dager.\n\nKA220 (samarbeidspartnerskap): Innen 90 dager."
    )
    assert text.split("\n\n")[1:] == [
        "KA210 (småskalapartnerskap): Innen 60 dager.\n"
        "Kilde: Sluttrapport KA210 › Frist – https://example.org/ka210 (sist oppdatert 1. februar 2024)",
        "KA220 (samarbeidspartnerskap): Innen 90 dager.\n"
        "Kilde: Sluttrapport KA220 › Frist – https://example.org/ka220 (sist oppdatert 1. mars 2024)",
    ]


def test_a_split_of_quotes_in_the_other_language_says_so_first() -> None:
    assert split_lead(EN, other_language=True) == (
        "This is only in HK-dir's Norwegian guidance: The guidance answers differently for different "
        "programmes. See which applies to your project:"
    )
