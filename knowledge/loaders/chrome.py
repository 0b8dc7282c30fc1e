"""Recognising page chrome that saved web pages carry along, so that it never becomes a passage.

Generic rules, not per page: skip links ("Hopp til hovedinnhold", "Skip to main content"), breadcrumbs
("Home / For skole og barnehage"), image placeholders and alt texts left as lines ("article image",
"photo.jpg"), cookie notices, and a contact box at the end of the page ("Kontakt oss" followed by short
lines such as "E-post: …").
"""

from __future__ import annotations

import re

_SKIP_LINK = re.compile(
    r"^\s*(?:hopp(?:e)? til (?:hoved|hovud)?(?:innhold|innhald)(?:et)?|gå til (?:hoved)?innhold"
    r"|skip to (?:the )?(?:main )?content|skip navigation)\s*$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^\s*(?:home|hjem|forside|heim)\s*[/›>»|]", re.IGNORECASE)
_TRAIL_SEPARATOR = re.compile(r"\s[/›>»]\s")
_IMAGE_LINE = re.compile(
    r"^\s*(?:(?:article|header|hero|featured|cover)\s+)?(?:image|img|photo|picture|bilde|foto|illustrasjon)"
    r"(?:\s*\d+)?\s*$|^\s*\S+\.(?:jpe?g|png|gif|svg|webp)\s*$",
    re.IGNORECASE,
)
# A greeting or a dated stamp on a line of its own ("Welcome", "Updated on 08.11.22").
_STAMP = re.compile(
    r"^\s*(?:welcome|velkommen|(?:last\s+)?updated\s+on\s+[\d./-]+|oppdatert\s+[\d./-]+)\s*$", re.IGNORECASE
)
_COOKIE = re.compile(r"\b(?:cookies?|informasjonskapsl\w*)\b", re.IGNORECASE)
_CONTACT_HEADING = re.compile(r"^\s*(?:kontakt(?: oss)?|contact(?: us)?|ta kontakt)\s*:?\s*$", re.IGNORECASE)
_CONTACT_LINE_LENGTH = 60
_TRAIL_PART = 40


def is_page_chrome(line: str) -> bool:
    """True for a skip link, a breadcrumb, an image placeholder or alt text, or a cookie notice line."""
    return (
        _SKIP_LINK.match(line) is not None
        or _is_breadcrumb(line)
        or _IMAGE_LINE.match(line) is not None
        or _COOKIE.search(line) is not None
        or _STAMP.match(line) is not None
    )


def _is_breadcrumb(line: str) -> bool:
    if _BREADCRUMB.match(line):
        return True
    parts = _TRAIL_SEPARATOR.split(line.strip())
    return len(parts) >= 3 and all(0 < len(part) <= _TRAIL_PART and not part.endswith(".") for part in parts)


def contact_box_start(lines: list[str]) -> int | None:
    """Index of a "Kontakt oss" heading that opens a box of short lines running to the end of the page."""
    for index in range(len(lines) - 1, -1, -1):
        if _CONTACT_HEADING.match(lines[index]):
            rest = [line for line in lines[index + 1 :] if line.strip()]
            if all(len(line.strip()) <= _CONTACT_LINE_LENGTH for line in rest):
                return index
            return None
    return None
