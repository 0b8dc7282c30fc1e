"""Component tests of the workflow service on real SQLite and PostgreSQL databases."""

from datetime import date

import pytest

from storage import SqlWorkflowStore, create_database
from workflows.definitions import load_procedures
from workflows.errors import (
    NoActiveRun,
    NoProject,
    NotAuthorised,
    PartnerExists,
    ProjectExists,
    StepAlreadySettled,
    StorageUnavailable,
    UnknownPartner,
    UnknownProcedure,
)
from workflows.models import AuditAction, Role
from workflows.service import WorkflowService
from workflows.transitions import StepAction

NUMBER = "2020-1-NO01-KA229-012345"
C, COORD, ANA, BEA = "C1", "U_COORD", "U_ANA", "U_BEA"


@pytest.fixture
def service(workflow_service: WorkflowService) -> WorkflowService:
    return workflow_service


def setup_project(service: WorkflowService) -> None:
    service.add_project(channel_id=C, user_id=COORD, number=NUMBER, end_date=date(2025, 8, 31), name="Vann")
    service.add_partner(channel_id=C, user_id=COORD, name="Escola X", country="PT")
    service.add_partner(channel_id=C, user_id=COORD, name="Gymnasium Y", country="DE")
    service.add_member(channel_id=C, user_id=COORD, member_id=ANA, role=Role.PARTNER, partner_name="escola x")
    service.add_member(
        channel_id=C, user_id=COORD, member_id=BEA, role=Role.PARTNER, partner_name="Gymnasium"
    )


def tick(service, user, step=None, action=StepAction.DONE, **kwargs):
    return service.change_step(
        channel_id=C, user_id=user, action=action, platform="slack", step_id=step, **kwargs
    )


def test_the_first_person_becomes_coordinator_and_the_deadline_is_60_days_after_the_end(service):
    setup_project(service)
    project = service.project(channel_id=C, user_id=COORD)
    assert project.member(COORD).role is Role.COORDINATOR
    assert project.final_report_deadline == date(2025, 10, 30)
    assert [p.name for p in project.partners] == ["Escola X", "Gymnasium Y"]
    assert project.member(BEA).partner_id == project.find_partner("Gymnasium Y").id


def test_one_project_per_channel_and_per_number(service):
    setup_project(service)
    with pytest.raises(ProjectExists):
        service.add_project(
            channel_id=C, user_id="U2", number="2021-1-NO01-KA229-000001", end_date=date(2026, 1, 1), name="x"
        )
    with pytest.raises(ProjectExists):
        service.add_project(channel_id="C2", user_id="U2", number=NUMBER, end_date=date(2026, 1, 1), name="x")
    with pytest.raises(PartnerExists):
        service.add_partner(channel_id=C, user_id=COORD, name="ESCOLA X", country="PT")


def test_only_coordinators_change_the_project_and_only_members_see_it(service):
    setup_project(service)
    with pytest.raises(NotAuthorised) as error:
        service.add_partner(channel_id=C, user_id=ANA, name="Liceo Z", country="IT")
    assert error.value.reason == "coordinator_only"
    with pytest.raises(NotAuthorised) as outsider:
        service.project(channel_id=C, user_id="U_STRANGER")
    assert outsider.value.reason == "not_member"
    with pytest.raises(NotAuthorised):
        service.start(channel_id=C, user_id="U_STRANGER", procedure_id="final-report")
    with pytest.raises(NoProject):
        service.project(channel_id="C_EMPTY", user_id=COORD)
    with pytest.raises(UnknownPartner) as unknown:
        service.add_member(
            channel_id=C, user_id=COORD, member_id="U5", role=Role.PARTNER, partner_name="Nowhere"
        )
    assert unknown.value.choices == ("Escola X", "Gymnasium Y")


def test_project_edits_persist(service, make_workflow_service):
    setup_project(service)
    service.update_project(
        channel_id=C, user_id=COORD, end_date=date(2025, 12, 31), organisation="Skolen vår"
    )
    project = make_workflow_service().project(channel_id=C, user_id=ANA)
    assert (project.end_date, project.organisation, project.name) == (
        date(2025, 12, 31),
        "Skolen vår",
        "Vann",
    )
    assert project.final_report_deadline == date(2026, 3, 1)


def test_start_resumes_an_open_run_instead_of_starting_twice(service):
    setup_project(service)
    first = service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    tick(service, COORD)
    again = service.start(channel_id=C, user_id=ANA, procedure_id="final-report")
    assert again.run.id == first.run.id and len(again.run.marks) == 1
    with pytest.raises(UnknownProcedure):
        service.start(channel_id=C, user_id=COORD, procedure_id="tax-return")


def test_the_active_run_is_the_one_the_person_touched_last(service, clock):
    setup_project(service)
    report = service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    clock.advance(minutes=5)
    budget = service.start(channel_id=C, user_id=ANA, procedure_id="budget-change")
    assert service.active(channel_id=C, user_id=ANA).run.id == budget.run.id
    assert service.active(channel_id=C, user_id=COORD).run.id == report.run.id
    assert service.active(channel_id=C, user_id=BEA).run.id == budget.run.id  # newest open run


def test_ticks_skips_and_unticks_are_audited_with_who_when_and_platform(service, clock):
    setup_project(service)
    service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    tick(service, COORD)
    clock.advance(hours=2)
    tick(service, COORD, action=StepAction.SKIP)
    clock.advance(days=1)
    tick(service, ANA, "partner-use-of-funds")
    tick(service, ANA, "partner-use-of-funds", action=StepAction.UNDO)
    trail = service.audit(channel_id=C, user_id=COORD)
    assert [(e.action, e.step_id, e.user_id) for e in trail] == [
        (AuditAction.UNTICK, "partner-use-of-funds", ANA),
        (AuditAction.TICK, "partner-use-of-funds", ANA),
        (AuditAction.SKIP, "invoices", COORD),
        (AuditAction.TICK, "qualitative-content", COORD),
    ]
    assert trail[-1].at == clock.now.replace(day=1, hour=8) and trail[-1].at.tzinfo is not None
    assert {e.platform for e in trail} == {"slack"}
    assert trail[0].partner_id is not None
    with pytest.raises(NotAuthorised):
        service.audit(channel_id=C, user_id=ANA)


def test_a_stale_click_is_answered_and_not_applied_twice(service):
    setup_project(service)
    shown = service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    tick(service, COORD, "qualitative-content", expected_version=shown.run.version)
    with pytest.raises(StepAlreadySettled) as error:
        tick(service, COORD, "qualitative-content", expected_version=shown.run.version)
    assert error.value.stale and error.value.by == COORD
    assert len(service.audit(channel_id=C, user_id=COORD)) == 1


def test_everything_survives_a_restart(service, make_workflow_service, clock):
    setup_project(service)
    service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    tick(service, COORD)
    service.back(channel_id=C, user_id=ANA)
    restarted = make_workflow_service()
    state = restarted.active(channel_id=C, user_id=COORD)
    assert state.run.mark("qualitative-content").at == clock.now
    assert state.run.position(ANA).step_id is not None
    assert restarted.project(channel_id=C, user_id=BEA).member(BEA).role is Role.PARTNER


def test_no_run_yet(service):
    setup_project(service)
    assert service.active(channel_id=C, user_id=COORD) is None
    with pytest.raises(NoActiveRun):
        tick(service, COORD)


def test_a_database_outage_becomes_a_domain_error_and_changes_nothing(tmp_path, clock):
    path = tmp_path / "db.sqlite"
    database = create_database(f"sqlite:///{path}")
    service = WorkflowService(
        store=SqlWorkflowStore(database=database), procedures=load_procedures(), clock=clock
    )
    setup_project(service)
    database.close()
    path.unlink()  # the file is gone: SQLite opens an empty database without our tables
    with pytest.raises(StorageUnavailable):
        service.add_partner(channel_id=C, user_id=COORD, name="Liceo Z", country="IT")
    with pytest.raises(StorageUnavailable):
        create_database("postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2")
