"""Several people ticking the same run at the same moment: nothing is lost and nothing is applied twice."""

import threading
from datetime import date

import pytest

from storage import SqlWorkflowStore
from workflows.definitions import load_procedures
from workflows.errors import StepAlreadySettled
from workflows.models import Role
from workflows.service import WorkflowService
from workflows.transitions import StepAction

C = "C1"
PARTNERS = [f"School {i}" for i in range(8)]


def _project(service: WorkflowService) -> None:
    service.add_project(
        channel_id=C, user_id="coord", number="2020-1-NO01-KA229-012345", end_date=date(2025, 8, 31), name="x"
    )
    for i, name in enumerate(PARTNERS):
        service.add_partner(channel_id=C, user_id="coord", name=name, country="PT")
        service.add_member(
            channel_id=C, user_id="coord", member_id=f"p{i}", role=Role.PARTNER, partner_name=name
        )
    service.start(channel_id=C, user_id="coord", procedure_id="final-report")


def _run_together(workers):
    barrier = threading.Barrier(len(workers))
    errors: list[BaseException] = []
    outcomes: list[object] = []

    def wrap(work):
        barrier.wait()
        try:
            outcomes.append(work())
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=wrap, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes, errors


def _services(database, clock, count):
    return [
        WorkflowService(store=SqlWorkflowStore(database=database), procedures=load_procedures(), clock=clock)
        for _ in range(count)
    ]


def _concurrent_partners_lose_nothing(database, clock):
    services = _services(database, clock, len(PARTNERS) + 1)
    _project(services[0])
    work = [
        lambda s=s, i=i: s.change_step(
            channel_id=C,
            user_id=f"p{i}",
            action=StepAction.DONE,
            platform="slack",
            step_id="partner-use-of-funds",
        )
        for i, s in enumerate(services[1:])
    ]
    _, errors = _run_together(work)
    assert errors == []
    state = services[0].active(channel_id=C, user_id="coord")
    assert len([m for m in state.run.marks if m.step_id == "partner-use-of-funds"]) == len(PARTNERS)
    assert state.run.version == 1 + len(PARTNERS)  # every change bumped the version exactly once
    assert len(services[0].audit(channel_id=C, user_id="coord")) == len(PARTNERS)


def _double_click_applies_once(database, clock):
    services = _services(database, clock, 6)
    _project(services[0])
    work = [
        lambda s=s: s.change_step(
            channel_id=C,
            user_id="coord",
            action=StepAction.DONE,
            platform="slack",
            step_id="qualitative-content",
            expected_version=1,
        )
        for s in services[1:]
    ]
    outcomes, errors = _run_together(work)
    assert len(outcomes) == 1
    assert len(errors) == 4 and all(isinstance(e, StepAlreadySettled) for e in errors)
    assert all(e.stale for e in errors if isinstance(e, StepAlreadySettled))
    assert len(services[0].audit(channel_id=C, user_id="coord")) == 1


@pytest.mark.postgres
def test_concurrent_partner_ticks_on_postgresql(postgres_database, clock):
    _concurrent_partners_lose_nothing(postgres_database, clock)


@pytest.mark.postgres
def test_a_double_click_on_postgresql_is_applied_once(postgres_database, clock):
    _double_click_applies_once(postgres_database, clock)


def test_concurrent_partner_ticks_on_sqlite(sqlite_database, clock):
    _concurrent_partners_lose_nothing(sqlite_database, clock)


def test_a_double_click_on_sqlite_is_applied_once(sqlite_database, clock):
    _double_click_applies_once(sqlite_database, clock)
