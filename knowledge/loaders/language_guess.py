"""Languages of documents: declared codes, and the detector type (the one guesser is ``knowledge.language``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from core.language import Language

LanguageDetector = Callable[[str], Language]
"""Something that tells which supported language a text is written in."""


def language_from_code(code: str) -> Language | None:
    """Map a declared code such as ``nb``, ``nn``, ``no``, ``en``, ``nb-NO`` or ``en_GB`` to a language.

    Args:
        code: The code as written in front matter or an HTML ``lang`` attribute.

    Returns:
        The language, or None when the code is not one the bot supports.
    """
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    if primary in ("nb", "no", "nn", "nob", "nno", "nor"):
        return Language.NB
    if primary in ("en", "eng"):
        return Language.EN
    return None
