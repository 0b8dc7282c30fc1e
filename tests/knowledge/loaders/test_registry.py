"""Tests for `load_document`: dispatch by suffix, identifiers and unreadable input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from core.language import Language
from knowledge.errors import KnowledgeError, UnreadableDocumentError
from knowledge.loaders import load_document
from knowledge.loaders.registry import SUPPORTED_SUFFIXES

TEXT = "Frister\n\nThe final report is due 60 days after the project ends.\n"


def test_supported_suffixes() -> None:
    assert {".md", ".markdown", ".txt", ".html", ".htm", ".pdf"} == SUPPORTED_SUFFIXES


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.md", "# Frister\n\nTekst."), ("a.MARKDOWN", "# Frister\n\nTekst."), ("a.txt", "Frister\n\nTekst."),
     ("a.htm", "<h1>Frister</h1><p>Tekst.</p>"), ("a.HTML", "<h1>Frister</h1><p>Tekst.</p>")],
)  # fmt: skip
def test_dispatches_by_suffix_case_insensitively(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    document = load_document(path)

    assert document.title == "Frister"
    assert document.sections[0].blocks == ("Tekst.",)


def test_identifiers_come_from_path_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "frister.txt"
    path.write_text(TEXT, encoding="utf-8")
    resolved = str(path.resolve())

    document = load_document(path)

    assert document.doc_id == "file-" + hashlib.sha1(resolved.encode()).hexdigest()[:16]
    assert document.source_path == resolved
    assert load_document(path).doc_id == document.doc_id


def test_the_content_hash_follows_the_bytes_and_what_was_read_from_them(tmp_path: Path) -> None:
    path = tmp_path / "frister.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = load_document(path)

    assert load_document(path).content_hash == document.content_hash  # the same read twice
    assert document.content_hash != hashlib.sha256(path.read_bytes()).hexdigest()  # not the bytes alone
    path.write_text(TEXT + "\nMer tekst.\n", encoding="utf-8")
    assert load_document(path).content_hash != document.content_hash


def test_detector_is_used_when_no_language_is_declared(tmp_path: Path) -> None:
    path = tmp_path / "frister.txt"
    path.write_text(TEXT, encoding="utf-8")
    seen: list[str] = []

    def detect(text: str) -> Language:
        seen.append(text)
        return Language.NB

    assert load_document(path, detect=detect).language is Language.NB
    assert seen and "final report" in seen[0]


def test_front_matter_language_wins_over_detector(tmp_path: Path) -> None:
    path = tmp_path / "frister.md"
    path.write_text("---\nlanguage: en\n---\n# Frister\n\nTekst på norsk.\n", encoding="utf-8")

    assert load_document(path, detect=lambda _text: Language.NB).language is Language.EN


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n ", "empty"),
        ("junk.txt", bytes(range(256)) * 4, "binary"),
        ("latin1.txt", "Sist oppdatert på nettsiden".encode("latin-1"), "UTF-8"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
        ("no_suffix", b"Tekst", "unsupported file type"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj\n<<", "PDF"),
        ("front_matter_only.md", b"---\ntitle: Tom\n---\n", "no text content"),
    ],
)
def test_unreadable_input_names_the_file(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    with pytest.raises(UnreadableDocumentError) as caught:
        load_document(path)

    assert caught.value.path.name == name
    assert name in str(caught.value)
    assert reason in caught.value.reason
    assert isinstance(caught.value, KnowledgeError)


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocumentError, match=r"missing\.md"):
        load_document(tmp_path / "missing.md")
