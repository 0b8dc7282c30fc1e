"""Choosing the answering sentences out of retrieved passages (scoring functions passed in as fakes)."""

from __future__ import annotations

from core.language import Language
from knowledge.answering.extractive import QuoteWeights, passage_for, score_candidates, select_sentences
from knowledge.answering.meaning import meaning_anchors
from knowledge.catalog import Catalog
from knowledge.models import Chunk
from knowledge.retrieval import Hit


def _chunk(chunk_id: str, text: str, *, language: Language = Language.NB, group: str | None = None) -> Chunk:
    return Chunk(
        chunk_id=chunk_id,
        doc_id=chunk_id.split("#")[0],
        text=text,
        title="Tittel",
        section="Seksjon",
        url=None,
        language=language,
        updated=None,
        position=0,
        group_id=group or chunk_id,
    )


def _select(
    catalog: Catalog, question: str, hits: list[Hit], *, keyword: str, language: Language = Language.NB
):
    """Select with a word score that rewards ``keyword`` and a neutral similarity."""
    return _select_with(
        catalog,
        question,
        hits,
        language=language,
        score_words=lambda passage, _language: 1.0 if keyword in passage else 0.0,
    )


def _select_with(catalog: Catalog, question: str, hits: list[Hit], *, language: Language, score_words):
    candidates = score_candidates(
        catalog=catalog,
        question=question,
        hits=hits,
        language=language,
        score_words=score_words,
        similarity=lambda _anchor, texts: [0.0] * len(texts),
    )
    return select_sentences(catalog=catalog, candidates=candidates, score_words=score_words)


def test_the_sentence_with_the_asked_words_is_picked() -> None:
    text = (
        "Skoleutvekslingspartnerskap er et tiltak fra forrige programperiode i Erasmus+ og har mange deltakere.\n"
        "Skoleutvekslingspartnerskap skal levere en sluttrapport innen 60 dager etter endt prosjekt, sier HK-dir."
    )
    catalog = Catalog([_chunk("d#0.0", text)], generation="g")

    excerpts = _select(catalog, "frist sluttrapport", [Hit(group_id="d#0.0", score=1.0)], keyword="60 dager")

    assert [excerpt.sentences for excerpt in excerpts] == [(text.split("\n")[1],)]


def test_a_lead_in_brings_the_items_it_introduces() -> None:
    text = "Mobility Tool+ gir deg oversikt over stadiene:\n- registrering\n- prosjektdrift\n- budsjett\n- rapportering"
    catalog = Catalog([_chunk("d#0.0", text)], generation="g")

    excerpts = _select(catalog, "mobility tool", [Hit(group_id="d#0.0", score=1.0)], keyword="oversikt")

    assert excerpts[0].sentences == tuple(text.split("\n"))


def test_a_question_on_the_page_brings_its_answer() -> None:
    text = (
        "Har du fått støtte til exceptional costs?\n"
        "Da må du legge ved fakturaer som dokumenterer utgiftene, og det er den eneste dokumentasjonen."
    )
    catalog = Catalog([_chunk("d#0.0", text)], generation="g")

    excerpts = _select(
        catalog, "exceptional costs", [Hit(group_id="d#0.0", score=1.0)], keyword="exceptional"
    )

    assert excerpts[0].sentences == tuple(text.split("\n"))


def test_the_askers_language_version_of_a_passage_is_used() -> None:
    original = _chunk("d#0.0", "Fristen er 60 dager etter endt prosjekt.")
    rendering = _chunk(
        "d-en#0.0", "The deadline is 60 days after the project.", language=Language.EN, group="d#0.0"
    )
    catalog = Catalog([original, rendering], generation="g")
    hit = Hit(group_id="d#0.0", score=1.0)

    assert passage_for(catalog, hit, Language.EN) == rendering
    assert passage_for(catalog, hit, Language.NB) == original
    assert _select(catalog, "deadline", [hit], keyword="60", language=Language.EN)[0].chunk == rendering


def test_no_hits_no_excerpts() -> None:
    assert _select(Catalog([], generation="g"), "frist", [], keyword="x") == []


def test_a_who_question_prefers_the_sentence_that_names_a_role() -> None:
    text = (
        "Rapporten sendes inn i Mobility Tool+ når alt er klart.\n"
        "Koordinator sender inn rapporten på vegne av hele partnerskapet."
    )
    catalog = Catalog([_chunk("d#0.0", text)], generation="g")

    excerpts = _select(
        catalog, "hvem sender inn rapporten", [Hit(group_id="d#0.0", score=1.0)], keyword="sende"
    )

    assert excerpts[0].sentences == ("Koordinator sender inn rapporten på vegne av hele partnerskapet.",)


def test_the_whole_short_list_item_is_quoted_for_its_best_sentence() -> None:
    item = "1. Koordinator fullfører innholdet. Koordinator markerer deretter rapporten som klar."
    catalog = Catalog(
        [_chunk("d#0.0", f"Dette gjøres i tre steg om noen uker, når prosjektet er slutt.\n{item}")],
        generation="g",
    )

    excerpts = _select(catalog, "markerer rapporten", [Hit(group_id="d#0.0", score=1.0)], keyword="markerer")

    assert excerpts[0].sentences == (item,)


def test_in_a_long_paragraph_a_sentence_that_refers_back_brings_the_one_before() -> None:
    filler = "Dette er en lang forklaring om prosjektet som ikke handler om spørsmålet i det hele tatt. " * 4
    paragraph = f"{filler}Har dere fått støtte til reiser. Da må dere legge ved fakturaer."
    catalog = Catalog([_chunk("d#0.0", paragraph)], generation="g")

    excerpts = _select(catalog, "fakturaer", [Hit(group_id="d#0.0", score=1.0)], keyword="fakturaer")

    assert excerpts[0].sentences == ("Har dere fått støtte til reiser.", "Da må dere legge ved fakturaer.")


def test_a_sentence_that_opens_with_a_pronoun_brings_the_one_that_names_its_noun() -> None:
    filler = "Dette er en lang forklaring om prosjektet som ikke handler om spørsmålet i det hele tatt. " * 4
    paragraph = (
        f"{filler}Grant Agreement er hovudkontrakten dykkar. Ho inneheld reglar for budsjettoverføringar."
    )
    catalog = Catalog([_chunk("d#0.0", paragraph)], generation="g")

    excerpts = _select(
        catalog, "budsjettoverføringar", [Hit(group_id="d#0.0", score=1.0)], keyword="budsjett"
    )

    assert excerpts[0].sentences == (
        "Grant Agreement er hovudkontrakten dykkar.",
        "Ho inneheld reglar for budsjettoverføringar.",
    )


def test_the_next_sentence_is_added_when_it_holds_question_words_the_answer_lacks() -> None:
    first = Chunk(
        **{
            **_chunk("d#0.0", "Resultatene blir sendt til HK-dir for gjennomgang.").model_dump(),
            "position": 0,
        }
    )
    second = Chunk(
        **{**_chunk("d#0.1", "Vi sjekker om noe ikke burde ligge ute.").model_dump(), "position": 1}
    )
    unrelated = Chunk(**{**_chunk("d#0.2", "Kontakt oss på e-post.").model_dump(), "position": 2})
    catalog = Catalog([first, second, unrelated], generation="g")
    wanted = ("hk-dir", "sjekker")

    excerpts = _select_with(
        catalog,
        "Hva sjekker HK-dir?",
        [Hit(group_id="d#0.0", score=1.0)],
        language=Language.NB,
        score_words=lambda text, _language: sum(word in text.lower() for word in wanted) / len(wanted),
    )

    assert [excerpt.sentences for excerpt in excerpts] == [
        ("Resultatene blir sendt til HK-dir for gjennomgang.",),
        ("Vi sjekker om noe ikke burde ligge ute.",),
    ]


def test_no_sentence_is_added_when_the_next_one_brings_no_question_words() -> None:
    first = Chunk(
        **{
            **_chunk("d#0.0", "Resultatene blir sendt til HK-dir for gjennomgang.").model_dump(),
            "position": 0,
        }
    )
    second = Chunk(**{**_chunk("d#0.1", "Kontakt oss på e-post.").model_dump(), "position": 1})
    catalog = Catalog([first, second], generation="g")

    excerpts = _select(catalog, "hk-dir", [Hit(group_id="d#0.0", score=1.0)], keyword="HK-dir")

    assert [excerpt.sentences for excerpt in excerpts] == [
        ("Resultatene blir sendt til HK-dir for gjennomgang.",)
    ]


def test_an_answer_is_led_by_its_sections_scope_note() -> None:
    note = Chunk(**{**_chunk("d#1.0", "Gjelder kun koordinatorer.").model_dump(), "position": 0})
    body = Chunk(
        **{
            **_chunk(
                "d#1.1", "Når alle resultater er lastet opp, klikk på «Submit for Review»."
            ).model_dump(),
            "position": 1,
        }
    )
    catalog = Catalog([note, body], generation="g")

    excerpts = _select(catalog, "submit for review", [Hit(group_id="d#1.1", score=1.0)], keyword="Submit")

    assert excerpts[0].sentences == (
        "Gjelder kun koordinatorer.",
        "Når alle resultater er lastet opp, klikk på «Submit for Review».",
    )


def test_the_best_passage_outweighs_a_closer_sentence_of_a_worse_one_by_the_passage_weight() -> None:
    norwegian = _chunk("nb#0.0", "Ho trer i kraft når begge partar har skrive under.")
    english = _chunk("en#0.0", "The contract is sent to the coordinator by email.", language=Language.EN)
    catalog = Catalog([norwegian, english], generation="g")
    hits = [Hit(group_id="nb#0.0", score=0.6), Hit(group_id="en#0.0", score=0.45)]

    def first_quote(weight: float) -> str:
        candidates = score_candidates(
            catalog=catalog,
            question="When does the contract take effect?",
            hits=hits,
            language=Language.EN,
            # The English sentence shares the question's words; the Norwegian one only through a gloss.
            score_words=lambda text, language: 0.5 if language is Language.EN else 0.1,
            similarity=lambda _anchor, texts: [0.6 if "contract" in t else 0.2 for t in texts],
            weights=QuoteWeights(passage=weight),
        )
        return candidates[0].chunk.chunk_id

    assert first_quote(0.5) == "en#0.0"
    assert first_quote(8.0) == "nb#0.0"


def test_giving_the_kind_of_answer_asked_for_counts_by_the_answer_kind_bonus() -> None:
    # One passage: a sentence with a period ("when" is answered by a time) and one that answers by an event.
    text = "Prosjektet varer i 6 til 24 månader. Kontrakten trer i kraft når begge parter har skrevet under."
    catalog = Catalog([_chunk("nb#0.0", text)], generation="g")

    def first_quote(bonus: float) -> str:
        candidates = score_candidates(
            catalog=catalog,
            question="Når trer kontrakten i kraft?",
            hits=[Hit(group_id="nb#0.0", score=1.0)],
            language=Language.NB,
            score_words=lambda text, _language: 0.6 if "kontrakten" in text.lower() else 0.1,
            similarity=lambda _anchor, texts: [0.3 for _ in texts],
            weights=QuoteWeights(cue=bonus),
        )
        return candidates[0].sentence

    assert first_quote(0.0).startswith("Kontrakten trer i kraft")
    assert first_quote(1.2).startswith("Prosjektet varer")


def test_a_line_that_only_points_to_another_page_is_never_quoted() -> None:
    text = "Les mer om strategiske partnerskap innen Erasmus+.\nSluttrapporten skal leveres innen 60 dager."
    other = _chunk("e#0.0", "Read more about strategic partnerships.", language=Language.EN)
    catalog = Catalog([_chunk("d#0.0", text), other], generation="g")
    hits = [Hit(group_id="e#0.0", score=1.0), Hit(group_id="d#0.0", score=0.9)]

    excerpts = _select(catalog, "strategiske partnerskap", hits, keyword="strategi")

    quoted = [sentence for excerpt in excerpts for sentence in excerpt.sentences]
    assert quoted and not any(s.startswith(("Les mer", "Read more")) for s in quoted)


def test_a_sentence_is_compared_with_the_question_in_its_own_language() -> None:
    norwegian = _chunk("nb#0.0", "Kontrakten trer i kraft når begge parter har skrevet under.")
    english = _chunk("en#0.0", "The contract is signed by the coordinator.", language=Language.EN)
    catalog = Catalog([norwegian, english], generation="g")
    hits = [Hit(group_id="en#0.0", score=0.5), Hit(group_id="nb#0.0", score=0.5)]
    compared: dict[str, str] = {}

    def similarity(anchor: str, texts: list[str]) -> list[float]:
        compared.update(dict.fromkeys(texts, anchor))
        return [1.0 if anchor.startswith("når kontrakt") and "kraft" in t else 0.0 for t in texts]

    candidates = score_candidates(
        catalog=catalog,
        question="When does the contract take effect?",
        hits=hits,
        language=Language.EN,
        score_words=lambda _text, _language: 0.5,
        similarity=similarity,
        anchors=meaning_anchors("When does the contract take effect?", Language.EN, "når kontrakt kraft"),
    )

    assert compared == {
        "Kontrakten trer i kraft når begge parter har skrevet under.": "når kontrakt kraft",
        "The contract is signed by the coordinator.": "When does the contract take effect?",
    }
    assert candidates[0].chunk.chunk_id == "nb#0.0"


def _second_quote(question: str, runner_up: str) -> list[tuple[str, ...]]:
    """The sentences quoted when the best passage names the coordinator and the runner-up, from another
    passage, scores about the same (its meaning-match makes up for the best one's role)."""
    best = _chunk("d#0.0", "Koordinator sender inn rapporten på vegne av hele partnerskapet.")
    other = _chunk("d#1.0", runner_up)
    catalog = Catalog([best, other], generation="g")
    hits = [Hit(group_id="d#0.0", score=1.0), Hit(group_id="d#1.0", score=1.0)]
    candidates = score_candidates(
        catalog=catalog,
        question=question,
        hits=hits,
        language=Language.NB,
        score_words=lambda passage, _language: 1.0 if "rapport" in passage else 0.0,
        similarity=lambda _anchor, texts: [0.0 if text.startswith("Koordinator") else 0.4 for text in texts],
    )
    assert candidates[1].score >= 0.9 * candidates[0].score  # close enough to be quoted on score alone
    excerpts = select_sentences(
        catalog=catalog, candidates=candidates, score_words=lambda *_: 0.0, question=question
    )
    return [excerpt.sentences for excerpt in excerpts]


def test_a_runner_up_that_does_not_give_what_the_best_quote_gives_is_left_out() -> None:
    found = _second_quote("Hvem sender inn rapporten?", "Fakturaer sendes inn sammen med rapporten.")
    assert found == [("Koordinator sender inn rapporten på vegne av hele partnerskapet.",)]


def test_a_runner_up_that_gives_it_too_is_quoted_as_well() -> None:
    found = _second_quote(
        "Hvem sender inn rapporten?", "Partnerne bekrefter rapporten før koordinator sender."
    )
    assert ("Partnerne bekrefter rapporten før koordinator sender.",) in found and len(found) == 2


def test_without_a_kind_asked_for_a_close_runner_up_is_quoted() -> None:
    found = _second_quote("Hva med rapporten?", "Fakturaer sendes inn sammen med rapporten.")
    assert len(found) == 2
