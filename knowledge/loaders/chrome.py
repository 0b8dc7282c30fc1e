"""Recognising page chrome that saved web pages carry along: skip links and breadcrumbs."""

from __future__ import annotations

import re

_CHROME = re.compile(
    r"^\s*(?:hopp til (?:hoved)?innhold(?:et)?|skip to (?:the )?(?:main )?content|(?:home|hjem)\s*/.*)\s*$",
    re.IGNORECASE,
)


def is_page_chrome(line: str) -> bool:
    """True for a skip link ("Hopp til hovedinnhold", "Skip to main content") or a breadcrumb ("Home / …")."""
    return _CHROME.match(line) is not None
