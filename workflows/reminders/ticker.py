"""The reminder ticker: posts every reminder that is due, exactly once, and survives restarts.

One ``tick`` plans projects whose plan is missing or stale, leases the due reminders (see
``ReminderStore.claim_due``), posts them outside any transaction, and records the outcome. A process that
dies after leasing leaves its lease to expire; a later tick claims the reminder again, so nothing is lost.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from core.language import Language
from workflows.errors import WorkflowError
from workflows.models import Project, Role
from workflows.notices import DeliveryFailed, Notice, NoticePoster
from workflows.reminders.calendar import local_date
from workflows.reminders.models import Reminder, ReminderKind, SkipReason
from workflows.reminders.plan import next_overdue
from workflows.reminders.service import ReminderService, ReminderTiming
from workflows.reminders.store import ReminderStore
from workflows.reminders.texts import failure_report, format_local, reminder_message
from workflows.service import Clock, RunState, WorkflowService, utc_now
from workflows.views import ChecklistView, build_checklist_view

log = logging.getLogger(__name__)
FINAL_REPORT = "final-report"
RESULTS_UPLOAD = "results-upload"


class DeliveryPolicy(BaseModel):
    """How long a lease lasts, when a reminder counts as late, and how failed posts are retried."""

    model_config = ConfigDict(frozen=True)

    lease_seconds: float = 300
    keep_events_seconds: float = Field(
        default=86_400, description="Event ledger entries older than this are pruned."
    )
    late_after_seconds: float = 1800
    max_attempts: int = Field(default=5, description="Failed claims before the coordinators are told.")
    backoff_seconds: tuple[float, ...] = (60, 300, 900, 3600)
    max_inline_wait_seconds: float = Field(
        default=30, description="A Retry-After up to this long is waited out within the tick, once."
    )


class Forgetful(Protocol):
    """A ledger whose old entries the ticker prunes (the chat platforms' event ledger)."""

    def forget_before(self, *, before: datetime) -> int:
        """Drop entries received before ``before``; returns how many."""
        ...


class TickReport(BaseModel):
    """What one tick did, by reminder id."""

    sent: list[int] = Field(default_factory=list)
    skipped: list[int] = Field(default_factory=list)
    retrying: list[int] = Field(default_factory=list)
    failed: list[int] = Field(default_factory=list)


class _Closing(BaseModel):
    model_config = ConfigDict(frozen=True)

    final: RunState | None
    upload_done: bool


class ReminderTicker:
    """Processes the reminders due at a moment; call ``tick`` from cron or a loop."""

    def __init__(
        self,
        *,
        store: ReminderStore,
        workflows: WorkflowService,
        poster: NoticePoster,
        timing: ReminderTiming | None = None,
        policy: DeliveryPolicy | None = None,
        clock: Clock = utc_now,
        sleep: Callable[[float], None] = time.sleep,
        ledgers: Sequence[Forgetful] = (),
    ) -> None:
        """Create the ticker.

        Args:
            store: Where reminders live.
            workflows: Projects and runs (to say what is missing).
            poster: Delivers notices to channels and people.
            timing: Hour and time zone of reminders.
            policy: Leases, lateness and retries.
            clock: Returns the current aware UTC time (used when ``tick`` gets no moment).
            sleep: Waits out a short Retry-After; tests pass their own.
            ledgers: Event ledgers pruned on every tick (platforms stop retrying after minutes).
        """
        self._store = store
        self._workflows = workflows
        self._poster = poster
        self._timing = timing or ReminderTiming()
        self._policy = policy or DeliveryPolicy()
        self._clock = clock
        self._sleep = sleep
        self._ledgers = tuple(ledgers)
        self._planner = ReminderService(store=store, workflows=workflows, timing=self._timing, clock=clock)

    def tick(self, now: datetime | None = None) -> TickReport:
        """Plan what needs planning, then post every reminder due at ``now`` (default: the clock) once."""
        now = now or self._clock()
        for project in self._store.projects_to_plan():
            self._planner.sync(project, now=now)
        token = uuid.uuid4().hex
        claim = self._store.claim_due(now=now, lease_seconds=self._policy.lease_seconds, token=token)
        report = TickReport()
        for group in same_moment(claim.reminders):
            self._handle(group, token=token, now=now, report=report)
        self._prune(now)
        return report

    def _prune(self, now: datetime) -> None:
        before = now - timedelta(seconds=self._policy.keep_events_seconds)
        for ledger in self._ledgers:
            try:
                ledger.forget_before(before=before)
            except WorkflowError as error:  # next tick tries again
                log.warning("event ledger not pruned: %s", error)

    def _handle(self, group: list[Reminder], *, token: str, now: datetime, report: TickReport) -> None:
        """One project's reminders due at one moment: skipped, or posted together as one message."""
        project = self._store.project(project_id=group[0].project_id)
        if project is None:
            self._skip(group, SkipReason.REMOVED, token=token, now=now, report=report)
            return
        settings = self._store.settings(project_id=project.id)
        closing = self._closing(project)
        # The closing work is the final report and then the results upload (which has its own deadline).
        complete = closing.final is not None and closing.final.complete and closing.upload_done
        if settings.paused:
            self._skip(group, SkipReason.PAUSED, token=token, now=now, report=report)
            group = []
        elif complete:
            done = [r for r in group if r.kind is ReminderKind.DEFAULT]
            self._skip(done, SkipReason.COMPLETE, token=token, now=now, report=report)
            group = [r for r in group if r not in done]
        if group:
            language = project.language or settings.language  # channel posts speak the project's language
            notice = self._notice(project, group, closing, now=now, language=language)
            self._deliver(project, group, notice, token=token, now=now, report=report)
        if not complete:
            self._plan_next_overdue(project, now=now)

    def _skip(
        self, group: list[Reminder], reason: SkipReason, *, token: str, now: datetime, report: TickReport
    ) -> None:
        for reminder in group:
            self._store.mark_skipped(reminder_id=reminder.id, token=token, reason=reason, at=now)
            report.skipped.append(reminder.id)

    def _closing(self, project: Project) -> _Closing:
        states = self._workflows.runs_of(project=project)
        final = next((s for s in states if s.procedure.id == FINAL_REPORT), None)
        upload = any(s.procedure.id == RESULTS_UPLOAD and s.complete for s in states)
        return _Closing(final=final, upload_done=upload)

    def _notice(
        self, project: Project, group: list[Reminder], closing: _Closing, *, now: datetime, language: Language
    ) -> Notice:
        timezone = self._timing.timezone
        view: ChecklistView | None = None
        if closing.final is not None:
            view = build_checklist_view(closing.final, viewer_id="", language=language)
        first = group[0]
        late = (now - first.due_at).total_seconds() > self._policy.late_after_seconds
        message = reminder_message(
            project=project,
            reminders=group,
            view=view,
            upload_done=closing.upload_done,
            today=local_date(now, timezone=timezone),
            late_since=format_local(first.due_at, language, timezone=timezone) if late else None,
            language=language,
        )
        return Notice(
            channel_id=project.channel_id,
            text=message.text,
            mention_user_ids=message.mention_user_ids,
            run_id=view.run_id if view else None,
            marker=str(first.id),
            # Claimed before: that tick may have died after the post was accepted and before it was recorded.
            posted_since=first.due_at if max(r.attempts for r in group) > 1 else None,
        )

    def _deliver(
        self,
        project: Project,
        group: list[Reminder],
        notice: Notice,
        *,
        token: str,
        now: datetime,
        report: TickReport,
    ) -> None:
        late = (now - group[0].due_at).total_seconds() > self._policy.late_after_seconds
        try:
            message_id = self._post(notice)
        except DeliveryFailed as failure:
            self._failed(project, group, notice, failure, token=token, now=now, report=report)
            return
        for reminder in group:
            if not self._store.mark_sent(
                reminder_id=reminder.id, token=token, message_id=message_id, at=now, late=late
            ):
                log.error(
                    "reminder %s was posted but its lease had expired; it may be posted again", reminder.id
                )
            report.sent.append(reminder.id)

    def _post(self, notice: Notice) -> str:
        """Post once; a short Retry-After (e.g. Slack's 429) is waited out and the post tried once more."""
        try:
            return self._poster.post(notice)
        except DeliveryFailed as failure:
            wait = failure.retry_after
            if failure.permanent or wait is None or wait > self._policy.max_inline_wait_seconds:
                raise
            self._sleep(wait)
            return self._poster.post(notice)

    def _failed(
        self,
        project: Project,
        group: list[Reminder],
        notice: Notice,
        failure: DeliveryFailed,
        *,
        token: str,
        now: datetime,
        report: TickReport,
    ) -> None:
        attempts = max(r.attempts for r in group)
        if not failure.permanent and attempts < self._policy.max_attempts:
            retry_at = now + timedelta(seconds=self._backoff(attempts, failure.retry_after))
            for reminder in group:
                self._store.release(
                    reminder_id=reminder.id, token=token, retry_at=retry_at, error=failure.reason
                )
                report.retrying.append(reminder.id)
            return
        reached = self._report(project, notice, reason=failure.reason)
        note = f"{failure.reason}; told {', '.join(reached) or 'nobody (direct messages failed too)'}"
        for reminder in group:
            self._store.mark_failed(reminder_id=reminder.id, token=token, error=note, at=now)
            report.failed.append(reminder.id)

    def _backoff(self, attempts: int, retry_after: float | None) -> float:
        schedule = self._policy.backoff_seconds
        planned = schedule[min(max(attempts, 1), len(schedule)) - 1]
        return max(planned, retry_after or 0)

    def _report(self, project: Project, notice: Notice, *, reason: str) -> list[str]:
        """Tell the project's coordinators privately; returns those reached."""
        language = project.language or self._store.settings(project_id=project.id).language
        text = failure_report(project=project, text=notice.text, reason=reason, language=language)
        reached = []
        for member in project.members:
            if member.role is not Role.COORDINATOR:
                continue
            try:
                self._poster.direct(user_id=member.user_id, text=text)
                reached.append(member.user_id)
            except DeliveryFailed as failure:
                log.error(
                    "could not tell coordinator %s about a failed reminder: %s", member.user_id, failure
                )
        return reached

    def _plan_next_overdue(self, project: Project, *, now: datetime) -> None:
        if local_date(now, timezone=self._timing.timezone) < project.final_report_deadline:
            return
        item = next_overdue(project, after=now, hour=self._timing.hour, timezone=self._timing.timezone)
        self._store.plan(project_id=project.id, end_date=project.end_date, planned=[item], at=now)


def same_moment(reminders: Sequence[Reminder]) -> list[list[Reminder]]:
    """The reminders grouped by project and due moment (one message each), in the order they came."""
    groups: dict[tuple[int, datetime], list[Reminder]] = {}
    for reminder in reminders:
        groups.setdefault((reminder.project_id, reminder.due_at), []).append(reminder)
    return list(groups.values())
