"""Tokens and sentences."""

from __future__ import annotations

from knowledge.text.tokens import split_sentences, tokenize, tokenize_question


def test_tokens_are_lower_case_words_without_punctuation() -> None:
    assert tokenize("Når er FRISTEN for sluttrapporten?") == ["når", "er", "fristen", "for", "sluttrapporten"]


def test_dotted_numbers_stay_whole_and_underscores_split() -> None:
    assert tokenize("Se 1.3.3 i kontrakten, snake_case.") == [
        "se",
        "1.3.3",
        "i",
        "kontrakten",
        "snake",
        "case",
    ]


def test_emoji_only_text_has_no_tokens() -> None:
    assert tokenize("🙂🎉 !!") == []


def test_sentences_split_before_capitals_and_digits_only() -> None:
    text = "Fristen er 60 dager. Se kontrakten, f.eks. punkt 2. 3 steg gjenstår! «Ready» er status."

    assert split_sentences(text) == [
        "Fristen er 60 dager.",
        "Se kontrakten, f.eks. punkt 2.",
        "3 steg gjenstår!",
        "«Ready» er status.",
    ]


def test_norwegian_capitals_start_sentences() -> None:
    assert split_sentences("Først dette. Ærlig talt. Østlandet.") == [
        "Først dette.",
        "Ærlig talt.",
        "Østlandet.",
    ]


def test_a_numbered_list_item_is_not_cut_after_its_number() -> None:
    assert split_sentences("1. Koordinator fullfører. 2. Partnerne bekrefter.") == [
        "1. Koordinator fullfører.",
        "2. Partnerne bekrefter.",
    ]


def test_a_hyphenated_word_is_indexed_by_its_parts_and_joined() -> None:
    assert tokenize("E-post: erasmuspluss@hkdir.no, HK-dir") == [
        "e",
        "post",
        "erasmuspluss",
        "hkdir",
        "no",
        "hk",
        "dir",
        "epost",
        "hkdir",
    ]


def test_a_question_counts_a_hyphenated_word_once() -> None:
    assert tokenize_question("Hvordan kontakter jeg HK-dir?") == ["hvordan", "kontakter", "jeg", "hkdir"]


def test_a_million_letter_word_is_one_token_found_in_linear_time():
    # The hyphenated-word pattern once backtracked quadratically: 40,000 letters took 19 s, this would take days.
    word = "a" * 1_000_000
    assert tokenize(word) == [word]
    assert tokenize_question(word + "-b") == [word + "b"]
    assert split_sentences("Slutt." + " " * 100_000 + "x") == ["Slutt." + " " * 100_000 + "x"]


def test_passage_sentences_are_the_sentences_of_each_paragraph_and_list_item() -> None:
    from knowledge.text.tokens import passage_sentences

    text = "Frist\n\nRapporten leveres innen 60 dager. Deretter vurderes den.\n1. Koordinator fullfører. Så partnerne."
    assert passage_sentences(text) == [
        "Frist",
        "Rapporten leveres innen 60 dager.",
        "Deretter vurderes den.",
        "1. Koordinator fullfører.",
        "Så partnerne.",
    ]
