"""A question as typed, made safe to read: control characters dropped, Unicode composed, space folded."""

from __future__ import annotations

import unicodedata


def clean_question(raw: str) -> str:
    """The question without control characters, in composed Unicode form («så» typed as "s" and a combining
    ring is «så»), with white space folded."""
    composed = unicodedata.normalize("NFC", raw)
    printable = "".join(char for char in composed if unicodedata.category(char)[0] != "C" or char in "\n\t")
    return " ".join(printable.split())
