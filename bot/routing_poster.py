"""One ``NoticePoster`` for every project: Teams for channels and people the Teams bot can reach, Slack for the rest."""

from __future__ import annotations

from typing import Protocol

from workflows.notices import Notice, NoticePoster


class ReachablePoster(NoticePoster, Protocol):
    """A poster that can tell whether it reaches a channel or a person (``TeamsNoticePoster``)."""

    def reaches(self, channel_id: str) -> bool:
        """True when the platform knows the channel."""
        ...

    def reaches_person(self, user_id: str) -> bool:
        """True when the platform has a personal chat with the person."""
        ...


class RoutingNoticePoster:
    """Sends a notice to Teams when Teams reaches its channel (or person), else to Slack.

    A project is linked to one channel; the Teams adapter stores a reference for every Teams channel and
    personal chat it has seen, so the Teams poster tells the two platforms apart.

    Args:
        teams: The Teams poster (``bot.teams.notice_poster.TeamsNoticePoster``).
        slack: The Slack poster, for every channel Teams does not know.
    """

    def __init__(self, *, teams: ReachablePoster, slack: NoticePoster) -> None:
        self._teams = teams
        self._slack = slack

    def post(self, notice: Notice) -> str:
        """Post on the platform of the notice's channel."""
        poster = self._teams if self._teams.reaches(notice.channel_id) else self._slack
        return poster.post(notice)

    def direct(self, *, user_id: str, text: str) -> None:
        """Teams for people with a personal chat with the Teams bot, else Slack."""
        poster = self._teams if self._teams.reaches_person(user_id) else self._slack
        poster.direct(user_id=user_id, text=text)
