"""Word forms: one form of each word for the embedding model, the parts of hyphenated words."""

from __future__ import annotations

from core.language import Language
from knowledge.text.forms import hyphen_parts, one_form_each


def test_inflections_of_a_word_are_kept_once_in_their_first_form() -> None:
    text = "sende inn sender levere sluttrapport sluttrapporten Sluttrapport frist"

    assert one_form_each(text, Language.NB) == "sende inn levere sluttrapport frist"


def test_english_plurals_fold_into_the_singular_met_first() -> None:
    assert one_form_each("deadline deadlines due date dates", Language.EN) == "deadline due date"


def test_an_empty_rendering_stays_empty() -> None:
    assert one_form_each("", Language.NB) == ""


def test_hyphen_parts_by_joined_form() -> None:
    assert hyphen_parts("Fane i BM for KA220-prosjektet, spør HK-dir") == {
        "ka220prosjektet": ("ka220", "prosjektet"),
        "hkdir": ("hk", "dir"),
    }
