"""Building the running application from the one settings object (the only place that wires parts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.engine.conversation import Engine
from bot.settings import Settings
from knowledge.bootstrap import KnowledgeBase
from knowledge.service import KnowledgeService

if TYPE_CHECKING:
    from bot.engine.commands import WorkflowCommands
    from knowledge.answering.generative import GenerativeAnswerer


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


def build_commands(settings: Settings) -> WorkflowCommands:
    """Workflow commands over the configured SQL database (migrated on start)."""
    from bot.engine.commands import WorkflowCommands
    from storage.database import create_database
    from storage.workflow_store import SqlWorkflowStore
    from workflows.definitions import load_procedures
    from workflows.service import WorkflowService

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    database = create_database(settings.sqlalchemy_url)
    service = WorkflowService(store=SqlWorkflowStore(database=database), procedures=load_procedures())
    return WorkflowCommands(service=service)


def build_engine(settings: Settings) -> Engine:
    """The conversation engine with knowledge answers and workflow commands."""
    return Engine(knowledge=build_knowledge(settings), commands=build_commands(settings))
