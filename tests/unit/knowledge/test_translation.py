"""Glossary translation of questions into search terms of the other language."""

from __future__ import annotations

from core.language import Language
from knowledge.translation import GlossaryTranslator

GLOSSARY = "# comment\nfinal report\tsluttrapport|sluttrapporten\ndeadline\tfrist|innen\nbudget\tbudsjett\n"


def test_english_phrases_become_every_norwegian_alternative() -> None:
    translator = GlossaryTranslator(GLOSSARY)

    assert translator.translate("What is the deadline for the final report?", Language.EN).split() == [
        "frist",
        "innen",
        "sluttrapport",
        "sluttrapporten",
    ]


def test_norwegian_inflections_match_through_stems() -> None:
    translator = GlossaryTranslator(GLOSSARY)

    assert translator.translate("Når er fristen for sluttrapporten?", Language.NB).split() == [
        "deadline",
        "final",
        "report",
    ]


def test_unknown_content_words_pass_through_and_stop_words_drop() -> None:
    translator = GlossaryTranslator(GLOSSARY)

    assert translator.translate("How do we use Mobility Tool+ for the budget?", Language.EN).split() == [
        "use",
        "mobility",
        "tool",
        "budsjett",
    ]


def test_longest_phrase_wins() -> None:
    glossary = "report\trapport\nfinal report\tsluttrapport\n"

    assert GlossaryTranslator(glossary).translate("final report", Language.EN) == "sluttrapport"


def test_shipped_glossary_carries_the_core_words() -> None:
    translator = GlossaryTranslator()

    assert {"sluttrapport", "frist"} <= set(
        translator.translate("final report deadline", Language.EN).split()
    )
    assert {"budget"} <= set(translator.translate("budsjett", Language.NB).split())


def test_shipped_glossary_names_the_actions_in_both_languages() -> None:
    translator = GlossaryTranslator()

    # A hyphenated name reaches the translator as its parts ("small-scale" → "small scale") or joined.
    assert "småskala" in translator.translate("small scale contract", Language.EN).split()
    assert "småskala" in translator.translate("smallscale budget", Language.EN).split()
    assert "samarbeidspartnarskap" in translator.translate("cooperation partnership", Language.EN).split()
    assert "akkreditert" in translator.translate("accredited kindergarten", Language.EN).split()
    assert translator.translate("småskalapartnarskap", Language.NB).startswith("small scale partnership")
