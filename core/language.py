"""The closed sets every layer shares: the languages the bot speaks and the platforms it runs on."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """Languages the bot answers in."""

    NB = "nb"
    EN = "en"

    @property
    def other(self) -> Language:
        """The other supported language."""
        return Language.EN if self is Language.NB else Language.NB


class Platform(StrEnum):
    """Where a message came from."""

    TERMINAL = "terminal"
    SLACK = "slack"
    TEAMS = "teams"
