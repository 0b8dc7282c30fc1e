"""Choosing the page's language: an explicit choice (the switch), else the browser's Accept-Language."""

from __future__ import annotations

from core.language import Language

_NORWEGIAN = ("nb", "no", "nn")


def choose_language(choice: str | None, accept_language: str | None) -> Language:
    """``choice`` when it is ``nb``/``en``; else the best of Accept-Language (Norwegian or English); else English."""
    if choice in (Language.NB.value, Language.EN.value):
        return Language(choice)
    ranked: list[tuple[float, int, Language]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        language = Language.NB if primary in _NORWEGIAN else Language.EN if primary == "en" else None
        if language is not None:
            ranked.append((-_quality(params), index, language))
    ranked = [r for r in ranked if r[0] < 0]  # q=0 means "not this one"
    return min(ranked)[2] if ranked else Language.EN


def _quality(params: str) -> float:
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key == "q":
            try:
                return max(0.0, min(1.0, float(value)))
            except ValueError:
                return 0.0
    return 1.0
