"""Tests for the HTML loader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.language import Language
from knowledge.errors import UnreadableDocumentError
from knowledge.loaders.html import load_html
from knowledge.loaders.source import read_source
from knowledge.models import Document

PAGE = """<!DOCTYPE html>
<html lang="nb-NO">
<head>
  <title>Skoleutvekslingspartnerskap | HK-dir</title>
  <link rel="canonical" href="https://erasmuspluss.no/skoleutvekslingspartnerskap">
  <style>body { color: red; }</style>
  <script>var tracking = "Ikke tekst";</script>
</head>
<body>
  <a class="skip" href="#main">Hopp til hovedinnhold</a>
  <header><a href="/">Erasmus+</a><nav><ul><li>Meny</li></ul></nav></header>
  <nav class="breadcrumbs">Home / For skole og barnehage</nav>
  <main id="main">
    <article>
      <h1>Skoleutvekslingspartnerskap</h1>
      <p class="ingress">Et skoleutvekslingspartnerskap legger til rette for
         elev- og ansattutveksling.</p>
      <p>Sist oppdatert : 3. januar 2024</p>
      <figure><img src="a.jpg" alt=""><figcaption>Glede i barnehagen</figcaption></figure>
      <h2>Mobility Tool+</h2>
      <p>Rapportering skjer gjennom <strong>Mobility Tool+</strong>.<br>Les brukermanualen.</p>
      <ul><li>registrering av deltakere</li><li>budsjett<ul><li>reise</li></ul></li></ul>
      <h3>Sluttrapportering</h3>
      <div>Løs tekst i en div <em>med</em> utheving.<p>Et avsnitt.</p></div>
      <ol start="2"><li>Partnerne ferdigstiller.</li><li>Koordinator sender inn.</li></ol>
      <!-- en kommentar -->
      <aside>Relaterte sider</aside>
      <form><label>Søk</label></form>
    </article>
  </main>
  <footer>Kontakt: erasmuspluss@hkdir.no</footer>
</body>
</html>
"""


def _write_and_load(tmp_path: Path, html: str, name: str = "page.html") -> Document:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return load_html(read_source(path), detect=lambda _text: Language.EN)


def test_page_metadata(tmp_path: Path) -> None:
    document = _write_and_load(tmp_path, PAGE)

    assert document.title == "Skoleutvekslingspartnerskap"
    assert document.url == "https://erasmuspluss.no/skoleutvekslingspartnerskap"
    assert document.language is Language.NB
    assert document.updated == date(2024, 1, 3)


def test_sections_and_blocks_without_chrome(tmp_path: Path) -> None:
    document = _write_and_load(tmp_path, PAGE)

    assert [(section.heading, section.blocks) for section in document.sections] == [
        (
            "Skoleutvekslingspartnerskap",
            ("Et skoleutvekslingspartnerskap legger til rette for elev- og ansattutveksling.",),
        ),
        (
            "Mobility Tool+",
            (
                "Rapportering skjer gjennom Mobility Tool+. Les brukermanualen.",
                "registrering av deltakere",
                "budsjett",
                "reise",
            ),
        ),
        (
            "Sluttrapportering",
            (
                "Løs tekst i en div med utheving.",
                "Et avsnitt.",
                "2. Partnerne ferdigstiller.",
                "3. Koordinator sender inn.",
            ),
        ),
    ]


def test_title_element_and_og_url_are_fallbacks(tmp_path: Path) -> None:
    html = """<html><head><title>Frister</title>
    <meta property="og:url" content="https://example.org/frister"></head>
    <body><p>The final report is due within 60 days.</p></body></html>"""

    document = _write_and_load(tmp_path, html)

    assert document.title == "Frister"
    assert document.url == "https://example.org/frister"
    assert document.language is Language.EN  # from the detector: no lang attribute
    assert document.sections[0].heading == "Frister"


def test_unsupported_lang_attribute_falls_back_to_detection(tmp_path: Path) -> None:
    document = _write_and_load(tmp_path, '<html lang="de"><body><h1>T</h1><p>Text.</p></body></html>')

    assert document.language is Language.EN


def test_page_with_only_chrome_is_unreadable(tmp_path: Path) -> None:
    html = "<html><body><nav>Meny</nav><script>x()</script><footer>Bunn</footer></body></html>"

    with pytest.raises(UnreadableDocumentError, match=r"chrome\.html"):
        _write_and_load(tmp_path, html, name="chrome.html")
