"""The SQL tables, as typed SQLAlchemy 2 ORM classes. Migrations in ``storage/migrations`` create them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

ID = String(200)
NAME = String(300)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out; SQLite, which has no time zones, stores naive UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; pass an aware UTC datetime")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Base of every table."""


class ProjectRow(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(NAME)
    end_date: Mapped[date] = mapped_column(Date)
    organisation: Mapped[str | None] = mapped_column(NAME)
    channel_id: Mapped[str] = mapped_column(ID, unique=True)
    created_by: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    language: Mapped[str | None] = mapped_column(String(5))


class PartnerRow(Base):
    __tablename__ = "partners"
    __table_args__ = (UniqueConstraint("project_id", "name", name="uq_partners_project_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(NAME)
    country: Mapped[str] = mapped_column(String(2))
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class MemberRow(Base):
    __tablename__ = "members"

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ID, primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))


class RunRow(Base):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    procedure_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)
    started_by: Mapped[str] = mapped_column(ID)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())


class MarkRow(Base):
    """A settled step; ``partner_key`` is the partner id as text, or '' for a whole-project step."""

    __tablename__ = "step_marks"
    __table_args__ = (UniqueConstraint("run_id", "step_id", "partner_key", name="uq_step_marks_step"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    step_id: Mapped[str] = mapped_column(String(100))
    partner_key: Mapped[str] = mapped_column(String(20))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[str] = mapped_column(ID)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    platform: Mapped[str] = mapped_column(String(20))


class PositionRow(Base):
    __tablename__ = "run_positions"

    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ID, primary_key=True)
    step_id: Mapped[str | None] = mapped_column(String(100))
    touched_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AuditRow(Base):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    step_id: Mapped[str] = mapped_column(String(100))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[str] = mapped_column(ID)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    platform: Mapped[str] = mapped_column(String(20))


class ProcessedEventRow(Base):
    """A chat platform event received (Slack event_id, Teams activity id) and where it stands: the event ledger.

    ``state`` is received (``owner`` holds it until ``lease_until``), answered (``message_ts``) or failed.
    """

    __tablename__ = "processed_events"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    state: Mapped[str] = mapped_column(String(10), server_default="answered")
    owner: Mapped[str | None] = mapped_column(String(40))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    attempts: Mapped[int] = mapped_column(Integer, server_default="1")
    message_ts: Mapped[str | None] = mapped_column(String(40))


class AnswerRow(Base):
    """A knowledge answer the bot gave, kept so that feedback can point at it."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(20))
    channel_id: Mapped[str] = mapped_column(ID)
    user_id: Mapped[str] = mapped_column(ID)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    sources: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class FeedbackRow(Base):
    """A person's verdict on an answer; a second click changes the verdict."""

    __tablename__ = "feedback"

    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ID, primary_key=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    platform: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class PostedChecklistRow(Base):
    """Where a run's checklist message was posted, so every copy is refreshed after a tick."""

    __tablename__ = "posted_checklists"

    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)
    platform: Mapped[str] = mapped_column(String(20), primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID, primary_key=True)
    message_id: Mapped[str] = mapped_column(String(300), primary_key=True)
    language: Mapped[str] = mapped_column(String(5))
    posted_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ConversationRow(Base):
    """How to reach a channel proactively (a Teams conversation reference as JSON)."""

    __tablename__ = "conversations"

    channel_id: Mapped[str] = mapped_column(ID, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ThreadQuestionRow(Base):
    """A question asked in a chat thread, so a follow-up is read in its context on any replica."""

    __tablename__ = "thread_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    thread_key: Mapped[str] = mapped_column(String(300), index=True)
    question: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class PersonLanguageRow(Base):
    """The language a person last clearly wrote in (``platform:user id``)."""

    __tablename__ = "person_languages"

    person_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    language: Mapped[str] = mapped_column(String(5))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ReminderRow(Base):
    """A deadline reminder: planned from the project's end date or added by a coordinator, and its lease.

    ``plan_key`` names a default reminder for the end date it was planned from (NULL for custom ones), so the
    same plan stored twice by racing processes is stored once.
    """

    __tablename__ = "reminders"
    __table_args__ = (UniqueConstraint("project_id", "plan_key", name="uq_reminders_plan_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    plan_key: Mapped[str | None] = mapped_column(String(40))
    offset_days: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(12), index=True)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    claim_token: Mapped[str | None] = mapped_column(String(40))
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    message_id: Mapped[str | None] = mapped_column(String(300))
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ReminderSettingsRow(Base):
    """A project's reminder preferences and the end date its default plan was made from."""

    __tablename__ = "reminder_settings"

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(5))
    planned_end_date: Mapped[date | None] = mapped_column(Date)


class PartnerLinkRow(Base):
    """A link to one partner's part of one run; only the SHA-256 of its token is kept."""

    __tablename__ = "partner_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class PartnerContactRow(Base):
    """Where a partner organisation gets its reminders by e-mail."""

    __tablename__ = "partner_contacts"

    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(5))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class PartnerMailRow(Base):
    """One reminder e-mailed to one partner: the ledger that makes it go out once, with its lease and retries."""

    __tablename__ = "partner_mail"
    __table_args__ = (UniqueConstraint("reminder_id", "partner_id", name="uq_partner_mail_reminder_partner"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reminder_id: Mapped[int] = mapped_column(ForeignKey("reminders.id", ondelete="CASCADE"))
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    claim_token: Mapped[str | None] = mapped_column(String(40))
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    message_id: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
