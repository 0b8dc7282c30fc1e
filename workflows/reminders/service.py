"""Reminder commands and look-ups on behalf of one person: list, add, remove, pause, resume, deadlines."""

from __future__ import annotations

from datetime import date, datetime, time

from pydantic import BaseModel, ConfigDict

from core.language import Language
from workflows.errors import NotAuthorised
from workflows.identifiers import MAX_ROW_ID
from workflows.models import Project, Role
from workflows.reminders.calendar import local_moment, working_day_on_or_before
from workflows.reminders.deadlines import completed_work, upcoming_deadlines
from workflows.reminders.errors import ReminderInPast, UnknownReminder
from workflows.reminders.models import Deadline, NewReminder, Reminder, ReminderSettings
from workflows.reminders.plan import future_plan
from workflows.reminders.store import ReminderStore
from workflows.service import Clock, WorkflowService, utc_now
from workflows.transitions import require_member


class ReminderTiming(BaseModel):
    """When reminders are posted: the hour of day in a time zone."""

    model_config = ConfigDict(frozen=True)

    timezone: str = "Europe/Oslo"
    hour: int = 9


class AddedReminder(BaseModel):
    """A custom reminder as stored, and the day that was asked for (it moves off weekends and holidays)."""

    model_config = ConfigDict(frozen=True)

    reminder: Reminder
    asked_for: date


class ReminderList(BaseModel):
    """A project's pending reminders and whether they are paused."""

    model_config = ConfigDict(frozen=True)

    project: Project
    reminders: list[Reminder]
    paused: bool


class ReminderService:
    """The people-facing side of reminders; the ticker posts them."""

    def __init__(
        self,
        *,
        store: ReminderStore,
        workflows: WorkflowService,
        timing: ReminderTiming | None = None,
        clock: Clock = utc_now,
    ) -> None:
        """Create the service.

        Args:
            store: Where reminders live.
            workflows: The workflow service (projects, roles, runs).
            timing: Hour and time zone of reminders.
            clock: Returns the current aware UTC time; tests pass their own.
        """
        self._store = store
        self._workflows = workflows
        self._timing = timing or ReminderTiming()
        self._clock = clock

    @property
    def timing(self) -> ReminderTiming:
        """Hour and time zone of reminders."""
        return self._timing

    def sync(self, project: Project, *, now: datetime) -> None:
        """Plan the project's default reminders for its current end date, if not done yet (idempotent)."""
        plan = future_plan(project, now=now, hour=self._timing.hour, timezone=self._timing.timezone)
        self._store.plan(project_id=project.id, end_date=project.end_date, planned=plan, at=now)

    def reminders(self, *, channel_id: str, user_id: str) -> ReminderList:
        """The channel project's pending reminders (any member may look)."""
        project = self._workflows.project(channel_id=channel_id, user_id=user_id)
        if any(p.id == project.id for p in self._store.projects_to_plan()):
            self.sync(project, now=self._clock())
        settings = self._store.settings(project_id=project.id)
        return ReminderList(
            project=project, reminders=self._store.pending(project_id=project.id), paused=settings.paused
        )

    def add(
        self,
        *,
        channel_id: str,
        user_id: str,
        on_date: date,
        at_time: time | None,
        text: str,
        language: Language,
    ) -> AddedReminder:
        """Add a custom reminder (coordinators only); a weekend or holiday moves to the working day before."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id, language=language)
        day = working_day_on_or_before(on_date)
        due_at = local_moment(day, at=at_time or time(self._timing.hour), timezone=self._timing.timezone)
        now = self._clock()
        if due_at <= now:
            raise ReminderInPast(due_at=due_at)
        new = NewReminder(project_id=project.id, due_at=due_at, text=text.strip(), created_by=user_id)
        return AddedReminder(reminder=self._store.add(new=new, at=now), asked_for=on_date)

    def remove(self, *, channel_id: str, user_id: str, reminder_id: int, language: Language) -> Reminder:
        """Cancel a pending reminder, default or custom (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id, language=language)
        if not 0 < reminder_id <= MAX_ROW_ID:  # no such row; and the database could not even compare it
            raise UnknownReminder(reminder_id=reminder_id)
        removed = self._store.cancel(project_id=project.id, reminder_id=reminder_id, at=self._clock())
        if removed is None:
            raise UnknownReminder(reminder_id=reminder_id)
        return removed

    def set_paused(self, *, channel_id: str, user_id: str, paused: bool, language: Language) -> Project:
        """Pause or resume the project's reminders (coordinators only); paused ones due meanwhile are skipped."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id, language=language)
        self._store.put_settings(
            settings=ReminderSettings(project_id=project.id, paused=paused, language=language)
        )
        return project

    def deadlines_of(self, *, user_id: str, today: date) -> list[Deadline]:
        """The person's projects' deadlines from ``today`` on (for a home tab), soonest first."""
        projects = self._workflows.projects_of(user_id=user_id)
        done = completed_work(self._workflows, projects)
        return upcoming_deadlines(projects, today, completed=done)

    def _coordinated(self, *, channel_id: str, user_id: str, language: Language) -> Project:
        project = self._workflows.project(channel_id=channel_id, user_id=user_id)
        if require_member(project, user_id).role is not Role.COORDINATOR:
            raise NotAuthorised(reason="coordinator_only")
        return project
