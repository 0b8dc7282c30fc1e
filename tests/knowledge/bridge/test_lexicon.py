"""Word-for-word English ↔ Norwegian translation (pure, on a small dictionary)."""

from __future__ import annotations

from core.language import Language
from knowledge.bridge.dictionary import WordPairs
from knowledge.bridge.lexicon import WordLexicon
from knowledge.translation import GlossaryTranslator


def _lexicon() -> WordLexicon:
    return WordLexicon(
        WordPairs(
            {
                "teacher": ["lærer"],
                "librarian": ["bibliotekar"],
                "account": ["konto"],
                "number": ["nummer", "tall"],
                "free": ["fri", "gratis"],
                "free of charge": ["gratis"],
            }
        )
    )


def test_english_words_are_found_through_their_inflections() -> None:
    lexicon = _lexicon()

    assert lexicon.lookup("teachers", Language.EN) == ("lærer",)
    assert lexicon.lookup("librarians", Language.EN) == ("bibliotekar",)
    assert lexicon.lookup("unknownword", Language.EN) == ()


def test_norwegian_words_through_the_inverted_dictionary_and_endings() -> None:
    lexicon = _lexicon()

    assert lexicon.lookup("lærerne", Language.NB) == ("teacher",)
    assert lexicon.lookup("bibliotekarer", Language.NB) == ("librarian",)
    assert "free" in lexicon.lookup("gratis", Language.NB)


def test_a_compound_is_translated_part_by_part() -> None:
    assert _lexicon().lookup("kontonummer", Language.NB) == ("account number",)


def test_the_glossary_translator_adds_dictionary_words_and_keeps_names() -> None:
    translator = GlossaryTranslator("# en\tnb\nfinal report\tsluttrapport\n", lexicon=_lexicon())

    out = translator.translate("lærerne og sluttrapport i Mobility", Language.NB)

    assert "teacher" in out.split() and "final report" in out and "mobility" in out.split()
    assert "lærerne" in out.split()  # unknown to the glossary: passes through as well (names read the same)


def test_a_passage_gloss_takes_the_renderings_found_by_lemma_before_the_dictionary() -> None:
    translator = GlossaryTranslator(lexicon=_lexicon())

    plain = translator.gloss("lærerne utkastet", Language.NB)
    with_forms = translator.gloss("lærerne utkastet", Language.NB, {"utkastet": ("draft",)})

    assert "draft" not in plain.split()
    assert "draft" in with_forms.split() and "teacher" in with_forms.split()
