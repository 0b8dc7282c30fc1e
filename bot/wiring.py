"""Building the running application from the one settings object (the only place that wires parts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.engine.conversation import Engine
from bot.settings import Settings
from knowledge.bootstrap import KnowledgeBase
from knowledge.service import KnowledgeService

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from bot.engine.commands import WorkflowCommands
    from bot.slack.deps import SlackDeps
    from knowledge.answering.generative import GenerativeAnswerer
    from storage.database import Database
    from workflows.service import WorkflowService


def open_knowledge_base(settings: Settings) -> KnowledgeBase:
    """Open Chroma and the embedding model as configured."""
    return KnowledgeBase.open(
        chroma_path=settings.chroma_path,
        chroma_url=settings.chroma_url,
        prefix=settings.collection_prefix,
        model=settings.embedding_model,
    )


def build_generator(settings: Settings) -> GenerativeAnswerer | None:
    """The LangChain answerer when a chat model is configured, else None (extractive answers)."""
    if not settings.llm_model:
        return None
    from langchain.chat_models import init_chat_model

    from knowledge.answering.generative import GenerativeAnswerer

    model = init_chat_model(settings.llm_model, model_provider=settings.llm_provider)
    return GenerativeAnswerer(model=model, timeout_seconds=settings.llm_timeout_seconds)


def build_knowledge(settings: Settings, kb: KnowledgeBase | None = None) -> KnowledgeService:
    """The answer engine over the configured index, built on first start from the shipped pages."""
    kb = kb or open_knowledge_base(settings)
    kb.ensure_ready(settings.docs_dirs)
    return KnowledgeService(
        retriever=kb.retriever(),
        threshold=settings.abstain_threshold,
        contact=settings.contact_email,
        max_chars=settings.max_question_chars,
        generator=build_generator(settings),
    )


def open_database(settings: Settings) -> Database:
    """The configured SQL database (SQLite under data_dir by default), migrated to head."""
    from storage.database import create_database

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return create_database(settings.sqlalchemy_url)


def build_workflow_service(database: Database, *, timezone: str = "Europe/Oslo") -> WorkflowService:
    """The workflow service over ``database`` with the shipped procedures, showing times in ``timezone``."""
    from storage.workflow_store import SqlWorkflowStore
    from workflows.definitions import load_procedures
    from workflows.service import WorkflowService

    store = SqlWorkflowStore(database=database)
    return WorkflowService(store=store, procedures=load_procedures(), timezone=timezone)


def build_commands(settings: Settings, database: Database | None = None) -> WorkflowCommands:
    """Workflow commands over the configured SQL database (migrated on start)."""
    return _workflows(settings, database or open_database(settings))[1]


def _workflows(settings: Settings, database: Database) -> tuple[WorkflowService, WorkflowCommands]:
    """One workflow service and the commands over it (with the ``remind`` commands)."""
    from bot.engine.commands import WorkflowCommands

    service = build_workflow_service(database, timezone=settings.timezone)
    reminders = build_reminder_service(settings, database=database, workflows=service)
    return service, WorkflowCommands(service=service, reminders=reminders)


def build_engine(settings: Settings, database: Database | None = None) -> Engine:
    """The conversation engine with knowledge answers and workflow commands."""
    return Engine(knowledge=build_knowledge(settings), commands=build_commands(settings, database))


def build_slack(settings: Settings, database: Database) -> tuple[SlackDeps, WebClient]:
    """The Slack listeners' dependencies over ``database``, and the Web API client."""
    from slack_sdk import WebClient

    from bot.engine.actions import ChecklistActions, FeedbackActions
    from bot.engine.home import build_home
    from bot.slack.deps import SlackDeps
    from bot.slack.responder import SlackResponder
    from bot.slack.sender import SlackSender
    from storage.chat_store import SqlChatStore
    from workflows.service import utc_now

    service, commands = _workflows(settings, database)
    engine = Engine(knowledge=build_knowledge(settings), commands=commands)
    chat_store = SqlChatStore(database=database)
    client = WebClient(
        token=settings.secret("slack_bot_token"), base_url=settings.slack_api_url or WebClient.BASE_URL
    )
    sender = SlackSender(client=client)
    actions = ChecklistActions(service=service, messages=chat_store)
    feedback = FeedbackActions(log=chat_store)
    deps = SlackDeps(
        engine=engine,
        actions=actions,
        feedback=feedback,
        ledger=chat_store,
        responder=SlackResponder(sender=sender, actions=actions, feedback=feedback),
        sender=sender,
        home=lambda user_id, language, today: build_home(
            service, user_id=user_id, language=language, today=today
        ),
        clock=utc_now,
    )
    return deps, client


# Microsoft Teams.
if TYPE_CHECKING:
    from bot.teams.app import TeamsBot
    from bot.teams.notice_poster import TeamsNoticePoster
    from bot.teams.services import TeamsServices
    from workflows.notices import NoticePoster


def build_teams_services(settings: Settings, database: Database) -> TeamsServices:
    """The Teams adapter's engine, step clicks, feedback and chat store, over ``database``."""
    from bot.engine.actions import ChecklistActions, FeedbackActions
    from bot.teams.services import TeamsServices
    from storage.chat_store import SqlChatStore

    service, commands = _workflows(settings, database)
    store = SqlChatStore(database=database)
    return TeamsServices(
        engine=Engine(knowledge=build_knowledge(settings), commands=commands),
        checklists=ChecklistActions(service=service, messages=store),
        feedback=FeedbackActions(log=store),
        store=store,
    )


def build_teams_bot(settings: Settings, database: Database) -> TeamsBot:
    """The Teams bot (Agents SDK application and adapter) over ``database``."""
    from bot.teams.app import build_bot
    from bot.teams.sdk import build_sdk

    return build_bot(sdk=build_sdk(settings), services=build_teams_services(settings, database))


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
    from storage.chat_store import SqlChatStore

    if not settings.teams_app_id and not settings.teams_anonymous_allowed:
        return slack
    teams = build_teams_notice_poster(settings, database)
    return RoutingNoticePoster(directory=SqlChatStore(database=database), teams=teams, slack=slack)


# Deadline reminders (``rapportlos remind tick`` and the serve loops): no embedding model, no Chroma.
if TYPE_CHECKING:
    from bot.reminders.loop import ReminderLoop
    from bot.slack.notice_poster import SlackNoticePoster
    from workflows.reminders.service import ReminderService
    from workflows.reminders.ticker import ReminderTicker


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
    from bot.slack.notice_poster import SlackNoticePoster, build_client
    from storage.chat_store import SqlChatStore

    client = build_client(token=settings.secret("slack_bot_token"), base_url=settings.slack_api_url)
    checklists = SqlChatStore(database=database or open_database(settings))
    return SlackNoticePoster(client=client, checklists=checklists)


def build_reminder_ticker(
    settings: Settings, *, poster: NoticePoster, database: Database | None = None
) -> ReminderTicker:
    """The reminder ticker over the configured database, posting through ``poster``."""
    from storage.reminder_store import SqlReminderStore
    from workflows.reminders.service import ReminderTiming
    from workflows.reminders.ticker import ReminderTicker

    database = database or open_database(settings)
    timing = ReminderTiming(timezone=settings.timezone, hour=settings.reminder_hour)
    return ReminderTicker(
        store=SqlReminderStore(database=database),
        workflows=build_workflow_service(database, timezone=settings.timezone),
        poster=poster,
        timing=timing,
    )


def build_reminder_poster(settings: Settings, database: Database) -> NoticePoster:
    """Where reminders go: Teams channels through Teams (when configured), every other channel through Slack."""
    return build_routing_poster(settings, slack=build_notice_poster(settings, database), database=database)


def start_reminders(settings: Settings, database: Database) -> ReminderLoop | None:
    """The serve processes' background reminder loop, unless cron ticks instead (``reminder_loop`` false)."""
    if not settings.reminder_loop:
        return None
    from bot.reminders.loop import start_reminder_loop

    ticker = build_reminder_ticker(settings, poster=build_reminder_poster(settings, database), database=database)
    return start_reminder_loop(ticker, interval_seconds=settings.reminder_interval_seconds)
