"""One ``NoticePoster`` for every project: Teams for channels the Teams bot knows, Slack for the rest."""

from __future__ import annotations

from bot.engine.models import Platform
from bot.engine.records import ConversationDirectory
from bot.teams.references import user_key
from workflows.notices import Notice, NoticePoster


class RoutingNoticePoster:
    """Sends a notice to Teams when a Teams conversation is stored for its channel, else to Slack.

    A project is linked to one channel; the Teams adapter stores a reference for every Teams channel and
    personal chat it has seen, so the directory tells the two platforms apart.

    Args:
        directory: The stored conversation references (``storage.chat_store.SqlChatStore``).
        teams: The Teams poster (``bot.teams.notice_poster.TeamsNoticePoster``).
        slack: The Slack poster, for every channel Teams does not know.
    """

    def __init__(self, *, directory: ConversationDirectory, teams: NoticePoster, slack: NoticePoster) -> None:
        self._directory = directory
        self._teams = teams
        self._slack = slack

    def post(self, notice: Notice) -> str:
        """Post on the platform of the notice's channel."""
        return self._for(notice.channel_id).post(notice)

    def direct(self, *, user_id: str, text: str) -> None:
        """Teams for people with a personal chat with the Teams bot, else Slack."""
        self._for(user_key(user_id)).direct(user_id=user_id, text=text)

    def _for(self, key: str) -> NoticePoster:
        stored = self._directory.conversation(channel_id=key)
        return self._teams if stored is not None and stored.platform == Platform.TEAMS.value else self._slack
