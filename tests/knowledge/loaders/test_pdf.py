"""Tests for the PDF loader, on a small PDF written by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.language import Language
from knowledge.errors import UnreadableDocumentError
from knowledge.language import detect_language
from knowledge.loaders.pdf import load_pdf
from knowledge.loaders.source import read_source
from knowledge.models import Document

LINES = (
    "Rapportering",
    "",
    "Sist oppdatert: 03.01.2024",
    "",
    "Innledning til veiledningen.",
    "",
    "Frister",
    "",
    "Sluttrapporten skal leveres innen 60 dager.",
    "- Last opp resultater",
)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(lines: tuple[str, ...], *, title: str | None = None) -> bytes:
    """A one-page PDF showing each line in Helvetica; an empty line leaves a vertical gap."""
    operators = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    operators += [f"({_escape(line)}) Tj T*" for line in lines]
    stream = "\n".join([*operators, "ET"]).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    if title is not None:
        objects.append(b"<< /Title (" + _escape(title).encode("latin-1") + b") >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    info = b" /Info %d 0 R" % len(objects) if title is not None else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info, xref)
    return bytes(out)


def _load(tmp_path: Path, data: bytes, name: str = "veiledning.pdf") -> Document:
    path = tmp_path / name
    path.write_bytes(data)
    return load_pdf(read_source(path), detect=detect_language)


def test_title_comes_from_the_first_line_without_metadata(tmp_path: Path) -> None:
    document = _load(tmp_path, minimal_pdf(LINES))

    assert document.title == "Rapportering"
    assert document.updated == date(2024, 1, 3)
    assert document.language is Language.NB
    assert [(section.heading, section.blocks) for section in document.sections] == [
        ("Rapportering", ("Innledning til veiledningen.",)),
        ("Frister", ("Sluttrapporten skal leveres innen 60 dager.", "Last opp resultater")),
    ]


def test_title_comes_from_metadata_when_present(tmp_path: Path) -> None:
    document = _load(tmp_path, minimal_pdf(LINES, title="Veiledning for rapportering"))

    assert document.title == "Veiledning for rapportering"
    assert document.sections[0].heading == "Veiledning for rapportering"
    assert document.sections[0].blocks[0] == "Rapportering"


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nthis is not really a pdf\n", minimal_pdf(LINES)[:200]],
    ids=["garbage", "truncated"],
)
def test_broken_pdf_is_unreadable(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(UnreadableDocumentError, match=r"broken\.pdf"):
        _load(tmp_path, data, name="broken.pdf")


def test_pdf_without_text_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocumentError, match="no text content"):
        _load(tmp_path, minimal_pdf(()), name="empty.pdf")
