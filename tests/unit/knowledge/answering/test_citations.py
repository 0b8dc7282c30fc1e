"""Each page cited once, however many of its sections an answer quotes."""

from __future__ import annotations

from core.language import Language
from knowledge.answering.citations import one_per_source
from knowledge.models import Citation

URL = "https://erasmuspluss.no/skoleutvekslingspartnerskap"


def _cite(section: str, *, title: str = "Skoleutvekslingspartnerskap", url: str | None = URL) -> Citation:
    return Citation(
        title=title, url=url, section=section, text=f"… {section} …", score=1.0, language=Language.NB
    )


def test_sections_of_one_page_are_named_together_in_one_citation() -> None:
    cited = one_per_source(
        [_cite("Sluttrapportering"), _cite(""), _cite("Dokumentasjon"), _cite("Sluttrapportering")]
    )

    assert len(cited) == 1
    assert cited[0].section == "Sluttrapportering · Dokumentasjon"  # the page's opening adds no section
    assert cited[0].text == "… Sluttrapportering …"  # the first quoted passage stays the citation's text


def test_different_pages_stay_apart_in_their_order() -> None:
    cited = one_per_source(
        [
            _cite("Endringer"),
            _cite("Om", title="For skole og barnehage", url="https://erasmuspluss.no/skole"),
            _cite(""),
        ]
    )

    assert [(c.title, c.section) for c in cited] == [
        ("Skoleutvekslingspartnerskap", "Endringer"),
        ("For skole og barnehage", "Om"),
    ]


def test_a_page_quoted_only_at_its_opening_keeps_its_empty_section() -> None:
    assert one_per_source([_cite(""), _cite("")])[0].section == ""
    assert one_per_source([_cite("Skoleutvekslingspartnerskap")])[0].section == "Skoleutvekslingspartnerskap"
