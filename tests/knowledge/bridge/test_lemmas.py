"""English for Bokmål word forms by their lemmas (Apertium's Bokmål analyser, a Danish pivot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.bridge.dictionary import WordPairs
from knowledge.bridge.lemmas import APERTIUM_FOLDER, BokmalLemmas, _split_unit

_ENGLISH = {"prosjekt": ("project",), "tittel": ("title",), "kontor": ("office",), "nasjonal": ("national",)}
_DANISH = WordPairs({"ændring": ["change", "alteration"], "udkast": ["draft"]})
installed = pytest.mark.skipif(
    not (APERTIUM_FOLDER / "nob-dan.automorf.bin").is_file(), reason="apertium-dan-nor is not installed"
)


def _lookup(word: str) -> tuple[str, ...]:
    return _ENGLISH.get(word, ())


def test_a_unit_gives_its_written_form_and_each_analysis_parts() -> None:
    assert _split_unit("prosjekttittelen/prosjekt<n><nt><sg><ind><cmp>+tittel<n><m><sg><def>") == (
        "prosjekttittelen",
        [["prosjekt<n><nt><sg><ind><cmp>", "tittel<n><m><sg><def>"]],
    )
    assert _split_unit("lager/lage<vblex><pres>/lager<n><nt><sg><ind>") == (
        "lager",
        [["lage<vblex><pres>"], ["lager<n><nt><sg><ind>"]],
    )
    assert _split_unit("Xyzzy/*Xyzzy") == ("Xyzzy", [])


@installed
def test_inflected_forms_and_compounds_get_english_through_their_lemmas() -> None:
    lemmas = BokmalLemmas(APERTIUM_FOLDER, lambda: _DANISH)

    found = lemmas.english(
        ["Endringene i utkastet til prosjekttittelen.", "Nasjonalkontoret svarer."], _lookup
    )

    assert found["prosjekttittelen"] == ("project title",)
    assert found["nasjonalkontoret"] == ("national office",)
    assert "change" in found["endringene"]  # the English–Norwegian dictionary lacks it: through Danish
    assert found["utkastet"] == ("draft",)
    assert "svarer" not in found  # neither dictionary knows it: nothing is made up


@installed
def test_without_the_danish_dictionary_only_the_english_one_is_used() -> None:
    found = BokmalLemmas(APERTIUM_FOLDER, lambda: None).english(["Endringene i prosjekttittelen."], _lookup)

    assert found == {"prosjekttittelen": ("project title",)}


@installed
def test_a_question_is_analysed_by_the_analyser_kept_running() -> None:
    lemmas = BokmalLemmas(APERTIUM_FOLDER, lambda: _DANISH)

    first = lemmas.question("Hvem svarer på endringene i prosjekttittelen?", _lookup)
    again = lemmas.question("Nasjonalkontoret og utkastet", _lookup)

    assert first["prosjekttittelen"] == ("project title",)
    assert "change" in first["endringene"]
    assert again == {"nasjonalkontoret": ("national office",), "utkastet": ("draft",)}


def test_a_missing_analyser_gives_nothing_and_loses_nothing(tmp_path: Path) -> None:
    lemmas = BokmalLemmas(tmp_path, lambda: _DANISH)  # no data files there: Apertium fails

    assert lemmas.english(["Endringene i prosjekttittelen."], _lookup) == {}
    assert lemmas.question("Endringene i prosjekttittelen?", _lookup) == {}
