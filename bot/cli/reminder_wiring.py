"""Wiring the deadline reminders: the ticker, where its notices go (Slack, Teams), the serve loop and the
partners' reminders by e-mail (no embedding model, no Chroma: ``rapportlos remind tick`` starts fast)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.cli.wiring import build_link_service, build_slack_client, build_workflow_service, open_database
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.reminders.loop import ReminderLoop
    from bot.slack.notice_poster import SlackNoticePoster
    from bot.teams.notice_poster import TeamsNoticePoster
    from storage.database import Database
    from workflows.links.mail_ticker import PartnerMailTicker
    from workflows.notices import NoticePoster
    from workflows.reminders.service import ReminderService
    from workflows.reminders.ticker import ReminderTicker
    from workflows.service import WorkflowService


def build_teams_notice_poster(settings: Settings, database: Database | None = None) -> TeamsNoticePoster:
    """Proactive Teams posts from the stored conversation references (needs the Teams settings)."""
    from bot.teams.notice_poster import TeamsNoticePoster
    from bot.teams.sdk import build_sdk
    from storage.chat_store import SqlChatStore

    directory = SqlChatStore(database=database or open_database(settings))
    return TeamsNoticePoster(sdk=build_sdk(settings), directory=directory)


def build_routing_poster(settings: Settings, *, slack: NoticePoster, database: Database) -> NoticePoster:
    """Notices to Teams channels through Teams and to all others through ``slack``; just ``slack`` without Teams."""
    from bot.routing_poster import RoutingNoticePoster

    if not settings.teams_app_id and not settings.teams_anonymous_allowed:
        return slack
    return RoutingNoticePoster(teams=build_teams_notice_poster(settings, database), slack=slack)


def build_reminder_service(
    settings: Settings, *, database: Database, workflows: WorkflowService
) -> ReminderService:
    """The ``remind`` commands and deadline look-ups over ``database``, timed by the settings."""
    from storage.reminder_store import SqlReminderStore
    from workflows.reminders.service import ReminderService, ReminderTiming

    timing = ReminderTiming(timezone=settings.timezone, hour=settings.reminder_hour)
    return ReminderService(store=SqlReminderStore(database=database), workflows=workflows, timing=timing)


def build_notice_poster(settings: Settings, database: Database | None = None) -> SlackNoticePoster:
    """Slack notices with the bot token, to ``SLACK_API_URL`` when set; links to posted checklists."""
    from bot.slack.notice_poster import SlackNoticePoster
    from bot.slack.sender import SlackSender
    from storage.chat_store import SqlChatStore

    sender = SlackSender(client=build_slack_client(settings), attempts=1)  # the ticker decides on retries
    checklists = SqlChatStore(database=database or open_database(settings))
    return SlackNoticePoster(sender=sender, checklists=checklists)


def build_reminder_ticker(
    settings: Settings, *, poster: NoticePoster, database: Database | None = None
) -> ReminderTicker:
    """The reminder ticker over the configured database, posting through ``poster``."""
    from storage.event_ledger import SqlEventLedger
    from storage.reminder_store import SqlReminderStore
    from workflows.reminders.service import ReminderTiming
    from workflows.reminders.ticker import ReminderTicker

    database = database or open_database(settings)
    timing = ReminderTiming(timezone=settings.timezone, hour=settings.reminder_hour)
    return ReminderTicker(
        store=SqlReminderStore(database=database),
        workflows=build_workflow_service(database, settings),
        poster=poster,
        timing=timing,
        ledgers=[SqlEventLedger(database=database)],
    )


def build_reminder_poster(settings: Settings, database: Database) -> NoticePoster:
    """Where reminders go: Teams channels through Teams (when configured), every other channel through Slack."""
    return build_routing_poster(settings, slack=build_notice_poster(settings, database), database=database)


def start_reminders(settings: Settings, database: Database) -> ReminderLoop | None:
    """The serve processes' background reminder loop, unless cron ticks instead (``reminder_loop`` false)."""
    if not settings.reminder_loop:
        return None
    from bot.reminders.loop import start_reminder_loop

    poster = build_reminder_poster(settings, database)
    ticker = build_reminder_ticker(settings, poster=poster, database=database)
    mail = build_mail_ticker(settings, poster=poster, database=database)
    if mail is not None:
        from bot.mail.ticks import ChannelThenMail

        return start_reminder_loop(
            ChannelThenMail(channel=ticker, mail=mail), interval_seconds=settings.reminder_interval_seconds
        )
    return start_reminder_loop(ticker, interval_seconds=settings.reminder_interval_seconds)


def build_mail_ticker(
    settings: Settings, *, poster: NoticePoster, database: Database
) -> PartnerMailTicker | None:
    """Partner reminders by e-mail when SMTP, a sender and the public URL are set; else None."""
    smtp_url = settings.secret("smtp_url")
    if not smtp_url or not settings.mail_from or not settings.public_url:
        return None
    from bot.engine.partner_links import link_url
    from bot.mail.smtp import SmtpMailer
    from storage.mail_ledger import SqlMailLedger
    from storage.reminder_store import SqlReminderStore
    from workflows.links.mail_ticker import PartnerMailTicker

    public_url = settings.public_url
    workflows = build_workflow_service(database, settings)
    return PartnerMailTicker(
        ledger=SqlMailLedger(database=database),
        reminders=SqlReminderStore(database=database),
        workflows=workflows,
        links=build_link_service(database, workflows=workflows),
        mailer=SmtpMailer(url=smtp_url, sender=settings.mail_from),
        poster=poster,
        link_url=lambda token: link_url(public_url, token),
    )
