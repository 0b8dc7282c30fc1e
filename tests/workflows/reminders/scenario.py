"""A project with two partner schools, a recording poster and ticker builders shared by the reminder tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from storage import Database
from storage.reminder_store import SqlReminderStore
from storage.schema import ReminderRow
from workflows.models import Role
from workflows.notices import DeliveryFailed, Notice
from workflows.reminders.service import ReminderService
from workflows.reminders.ticker import DeliveryPolicy, ReminderTicker
from workflows.service import WorkflowService
from workflows.transitions import StepAction

C = "C1"
COORD, ANA, BEA = "UCOORD", "UANA", "UBEA"
END = date(2025, 8, 29)  # a Friday; the final report is due Tuesday 28.10.2025, after the switch to CET


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


class RecordingPoster:
    """A NoticePoster that records what it was given and fails as scripted."""

    def __init__(self) -> None:
        self.notices: list[Notice] = []
        self.directs: list[tuple[str, str]] = []
        self.failures: list[DeliveryFailed] = []
        self.always_fail: DeliveryFailed | None = None
        self.attempts = 0

    def post(self, notice: Notice) -> str:
        self.attempts += 1
        if self.always_fail is not None:
            raise self.always_fail
        if self.failures:
            raise self.failures.pop(0)
        self.notices.append(notice)
        return f"{len(self.notices)}.000100"

    def direct(self, *, user_id: str, text: str) -> None:
        self.directs.append((user_id, text))


def make_project(service: WorkflowService, *, end: date = END, channel: str = C) -> None:
    service.add_project(
        channel_id=channel,
        user_id=COORD,
        number="2020-1-NO01-KA229-012345",
        end_date=end,
        name="Vann i Europa",
    )
    service.add_partner(channel_id=channel, user_id=COORD, name="Escola X", country="PT")
    service.add_partner(channel_id=channel, user_id=COORD, name="Gymnasium Y", country="DE")
    service.add_member(
        channel_id=channel, user_id=COORD, member_id=ANA, role=Role.PARTNER, partner_name="Escola X"
    )
    service.add_member(
        channel_id=channel, user_id=COORD, member_id=BEA, role=Role.PARTNER, partner_name="Gymnasium Y"
    )


def tick_steps(service: WorkflowService, user: str, *steps: str, skip: bool = False) -> None:
    for step in steps:
        action = StepAction.SKIP if skip else StepAction.DONE
        service.change_step(channel_id=C, user_id=user, action=action, platform="slack", step_id=step)


def complete_final_report(service: WorkflowService) -> None:
    service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    tick_steps(service, COORD, "qualitative-content")
    tick_steps(service, COORD, "invoices", skip=True)
    tick_steps(service, COORD, "ready-for-submission")
    for partner in (ANA, BEA):
        tick_steps(service, partner, "partner-use-of-funds", "partner-confirmation")
    tick_steps(service, COORD, "submit")


def complete_results_upload(service: WorkflowService) -> None:
    """The upload the submitted final report started by itself; its optional step is not needed."""
    upload = service.procedures.get("results-upload")
    run_id = next(s.run.id for s in service.open_runs(channel_id=C, user_id=COORD))
    for step in upload.steps:
        if not step.optional:
            service.change_step(
                channel_id=C,
                user_id=COORD,
                action=StepAction.DONE,
                platform="slack",
                step_id=step.id,
                run_id=run_id,
            )


def make_ticker(
    database: Database,
    service: WorkflowService,
    poster: RecordingPoster,
    *,
    sleeps: list[float] | None = None,
    policy: DeliveryPolicy | None = None,
) -> ReminderTicker:
    record = sleeps if sleeps is not None else []
    return ReminderTicker(
        store=SqlReminderStore(database=database),
        workflows=service,
        poster=poster,
        policy=policy,
        sleep=record.append,
    )


def make_reminders(database: Database, service: WorkflowService, clock: object) -> ReminderService:
    return ReminderService(store=SqlReminderStore(database=database), workflows=service, clock=clock)  # type: ignore[arg-type]


def rows(database: Database) -> list[ReminderRow]:
    with database.sessions() as session:
        return list(session.scalars(select(ReminderRow).order_by(ReminderRow.due_at, ReminderRow.id)))
