"""A passage's sentences, and what follows a quote in its page."""

from __future__ import annotations

from knowledge.answering.units import blocks_of, sentences_after, units_of
from knowledge.catalog import Catalog
from tests.unit.knowledge.answering.passages import passage as _chunk

FIRST = _chunk("rapport", 0, "Sluttrapporten leveres innen 60 dager. Koordinator sender den inn.")
SECOND = _chunk("rapport", 1, "HK-dir vurderer rapporten.\n- Deretter utbetales resten.")
CATALOG = Catalog([FIRST, SECOND, _chunk("budsjett", 0, "Budsjettet kan endres.")], generation="g")


def test_each_sentence_knows_its_block() -> None:
    units = units_of(blocks_of(SECOND))

    assert [(unit.sentence, unit.block) for unit in units] == [
        ("HK-dir vurderer rapporten.", 0),
        ("- Deretter utbetales resten.", 1),
    ]


def test_what_follows_is_the_rest_of_the_passage_then_the_next_passage_of_the_page() -> None:
    assert sentences_after(CATALOG, FIRST, "Sluttrapporten leveres innen 60 dager.") == (
        FIRST,
        ["Koordinator sender den inn."],
    )
    assert sentences_after(CATALOG, FIRST, "Koordinator sender den inn.") == (
        SECOND,
        ["HK-dir vurderer rapporten.", "- Deretter utbetales resten."],
    )
    assert sentences_after(CATALOG, SECOND, "- Deretter utbetales resten.") is None
