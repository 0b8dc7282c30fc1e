"""The one shape of a message catalogue: each key holds its Bokmål and its English text, side by side."""

from __future__ import annotations

from collections.abc import Mapping

from core.language import Language

Entries = Mapping[str, tuple[str, str]]
"""``key -> (Bokmål, English)``; texts are ``str.format`` templates."""


class Catalogue:
    """Messages looked up by key and language; a key defined in two parts is refused (one would silently win).

    Args:
        parts: The catalogue's parts, merged in order.
    """

    def __init__(self, *parts: Entries) -> None:
        merged: dict[str, tuple[str, str]] = {}
        for part in parts:
            twice = merged.keys() & part.keys()
            if twice:
                raise ValueError(f"message keys defined twice: {sorted(twice)}")
            merged.update(part)
        self._entries = merged

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def keys(self) -> frozenset[str]:
        """Every key of the catalogue."""
        return frozenset(self._entries)

    def say(self, key: str, language: Language, /, **values: object) -> str:
        """The message ``key`` in ``language``, with ``values`` filled in."""
        nb, en = self._entries[key]
        return (nb if language is Language.NB else en).format(**values)
