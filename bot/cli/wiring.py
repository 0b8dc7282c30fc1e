"""Building the running application from the one settings object (the only place that wires parts)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from bot.engine.conversation import Engine
from bot.settings import Settings
from knowledge.bootstrap import KnowledgeBase
from knowledge.service import KnowledgeService

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from bot.engine.commands import WorkflowCommands
    from bot.engine.front import ChatEngine
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


def build_workflow_service(database: Database, settings: Settings | None = None) -> WorkflowService:
    """The workflow service over ``database`` with the shipped procedures; with ``settings``, times are shown in
    its time zone and a project's reminder plan is stored in the same transaction that creates it or changes its
    end date."""
    from storage.workflow_store import SqlWorkflowStore
    from workflows.definitions import load_procedures
    from workflows.reminders.plan import future_plan
    from workflows.service import WorkflowService

    planner = None
    if settings is not None:
        hour, timezone = settings.reminder_hour, settings.timezone
        planner = lambda project, at: future_plan(project, now=at, hour=hour, timezone=timezone)  # noqa: E731
    store = SqlWorkflowStore(database=database, planner=planner)
    zone = settings.timezone if settings is not None else "Europe/Oslo"
    return WorkflowService(store=store, procedures=load_procedures(), timezone=zone)


def build_commands(settings: Settings, database: Database | None = None) -> WorkflowCommands:
    """Workflow commands over the configured SQL database (migrated on start)."""
    return _workflows(settings, database or open_database(settings))[1]


def _workflows(settings: Settings, database: Database) -> tuple[WorkflowService, WorkflowCommands]:
    """One workflow service and the commands over it (with the ``remind`` commands)."""
    from bot.cli.reminder_wiring import build_reminder_service
    from bot.engine.commands import WorkflowCommands

    service = build_workflow_service(database, settings)
    reminders = build_reminder_service(settings, database=database, workflows=service)
    links = build_link_commands(settings, database=database, workflows=service)
    return service, WorkflowCommands(service=service, reminders=reminders, links=links)


def build_engine(settings: Settings, database: Database | None = None) -> Engine:
    """The conversation engine with knowledge answers, workflow commands and memory in the database."""
    from storage.conversation_memory import SqlConversationMemory

    database = database or open_database(settings)
    return Engine(
        knowledge=build_knowledge(settings),
        commands=build_commands(settings, database),
        memory=SqlConversationMemory(database=database),
        max_chars=settings.max_question_chars,
    )


def build_front(settings: Settings, database: Database) -> ChatEngine:
    """The engine's one front over ``database``: messages, clicks, feedback and overviews for every platform."""
    from bot.engine.actions import ChecklistActions, FeedbackActions
    from bot.engine.front import ChatEngine
    from bot.engine.home import build_home
    from storage.chat_store import SqlChatStore
    from storage.conversation_memory import SqlConversationMemory

    service, commands = _workflows(settings, database)
    store = SqlChatStore(database=database)
    conversation = Engine(
        knowledge=build_knowledge(settings),
        commands=commands,
        memory=SqlConversationMemory(database=database),
        max_chars=settings.max_question_chars,
    )
    return ChatEngine(
        conversation=conversation,
        checklists=ChecklistActions(service=service, messages=store),
        feedback=FeedbackActions(log=store),
        overview=lambda user_id, language, today: build_home(
            service, user_id=user_id, language=language, today=today
        ),
        ledger=store,
    )


def build_slack(settings: Settings, database: Database) -> tuple[SlackDeps, WebClient]:
    """The Slack listeners' dependencies over ``database``, and the Web API client."""
    from bot.slack.deps import SlackDeps
    from bot.slack.event_guard import EventGuard
    from bot.slack.responder import SlackResponder
    from bot.slack.sender import SlackSender
    from storage.event_ledger import SqlEventLedger
    from workflows.service import utc_now

    client = build_slack_client(settings)
    engine = build_front(settings, database)
    responder = SlackResponder(sender=SlackSender(client=client), engine=engine.copies)
    guard = EventGuard(
        ledger=SqlEventLedger(database=database),
        clock=utc_now,
        lease=timedelta(seconds=settings.slack_event_lease_seconds),
    )
    return SlackDeps(engine=engine, guard=guard, responder=responder), client


def build_slack_client(settings: Settings) -> WebClient:
    """The Web API client with the bot token, aimed at ``SLACK_API_URL`` when set (its own retries off: the
    one Slack sender decides when to retry)."""
    from slack_sdk import WebClient

    return WebClient(
        token=settings.secret("slack_bot_token"),
        base_url=settings.slack_api_url or WebClient.BASE_URL,
        retry_handlers=[],
    )


# Microsoft Teams.
if TYPE_CHECKING:
    from bot.teams.app import TeamsBot
    from bot.teams.services import TeamsServices


def build_teams_services(settings: Settings, database: Database) -> TeamsServices:
    """The Teams adapter's engine front and conversation directory, over ``database``."""
    from bot.teams.services import TeamsServices
    from storage.chat_store import SqlChatStore

    return TeamsServices(engine=build_front(settings, database), store=SqlChatStore(database=database))


def build_teams_bot(settings: Settings, database: Database) -> TeamsBot:
    """The Teams bot (Agents SDK application and adapter) over ``database``."""
    from bot.teams.app import build_bot
    from bot.teams.sdk import build_sdk

    return build_bot(sdk=build_sdk(settings), services=build_teams_services(settings, database))


# Partner links and the partner page (``rapportlos serve web``); reminders, by chat and e-mail, are wired in
# bot/cli/reminder_wiring.py.
if TYPE_CHECKING:
    from bot.engine.partner_links import LinkCommands
    from workflows.links.service import PartnerLinkService


def build_link_service(database: Database, *, workflows: WorkflowService | None = None) -> PartnerLinkService:
    """Partner links over ``database``; ticks go through the same run store as chat ticks."""
    from storage.link_store import SqlLinkStore
    from storage.workflow_store import SqlWorkflowStore
    from workflows.links.service import PartnerLinkService

    return PartnerLinkService(
        store=SqlLinkStore(database=database),
        workflows=workflows or build_workflow_service(database),
        runs=SqlWorkflowStore(database=database),
    )


def build_link_commands(
    settings: Settings, *, database: Database, workflows: WorkflowService
) -> LinkCommands:
    """The ``partner link`` / ``partner email`` commands, with links under ``RAPPORTLOS_PUBLIC_URL``."""
    from bot.engine.partner_links import LinkCommands

    return LinkCommands(
        links=build_link_service(database, workflows=workflows),
        public_url=settings.public_url,
        mail_enabled=settings.smtp_url is not None and bool(settings.mail_from),
    )


if TYPE_CHECKING:
    from starlette.applications import Starlette

    from bot.web.refresh import ChecklistRefresher


def build_checklist_refresher(settings: Settings, database: Database) -> ChecklistRefresher:
    """Refreshes a run's Slack messages (with a bot token) and Teams cards (with Teams settings)."""
    from bot.engine.actions import ChecklistActions
    from bot.engine.copies import ChecklistCopies
    from bot.web.refresh import EveryPlatform
    from storage.chat_store import SqlChatStore

    store = SqlChatStore(database=database)
    actions = ChecklistActions(service=build_workflow_service(database, settings), messages=store)
    refreshers: list[ChecklistRefresher] = []
    if settings.secret("slack_bot_token"):
        from bot.slack.responder import SlackResponder
        from bot.slack.sender import SlackSender

        sender = SlackSender(client=build_slack_client(settings))
        refreshers.append(SlackResponder(sender=sender, engine=ChecklistCopies(checklists=actions)))
    if settings.teams_app_id or settings.teams_anonymous_allowed:
        from bot.teams.checklist_refresher import TeamsChecklistRefresher
        from bot.teams.sdk import build_sdk

        refreshers.append(
            TeamsChecklistRefresher(sdk=build_sdk(settings), directory=store, checklists=actions)
        )
    return EveryPlatform(refreshers)


def build_web_app(settings: Settings, database: Database) -> Starlette:
    """The partner page over ``database``: ticks refresh Slack and Teams copies as chat ticks do."""
    import secrets

    from bot.web.app import build_app
    from bot.web.security import RateLimiter

    key = settings.secret("web_secret") or secrets.token_urlsafe(32)
    return build_app(
        links=build_link_service(database),
        csrf_key=key.encode(),
        limiter=RateLimiter(limit=settings.web_lookups_per_minute),
        timezone=settings.timezone,
        refresh=build_checklist_refresher(settings, database).refresh,
    )
