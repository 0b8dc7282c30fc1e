from datetime import UTC, date, datetime, timedelta

import pytest

from workflows.definitions import load_procedures
from workflows.errors import NotAuthorised, RunComplete, StepAlreadySettled, StepNotSettled, UnknownStep
from workflows.models import AuditAction, ChecklistRun, Member, Partner, Project, Role
from workflows.transitions import (
    StepAction,
    StepRequest,
    apply_change,
    current_step,
    decide,
    is_complete,
    move_position,
    step_before,
)

FINAL = load_procedures().get("final-report")
T0 = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)
COORD, ANA, BEA, STRANGER = "U_COORD", "U_ANA", "U_BEA", "U_OTHER"
PROJECT = Project(
    id=1,
    number="2020-1-NO01-KA229-012345",
    name="Vann",
    end_date=date(2025, 8, 31),
    channel_id="C1",
    partners=(
        Partner(id=10, name="Escola X", country="PT"),
        Partner(id=20, name="Gymnasium Y", country="DE"),
    ),
    members=(
        Member(user_id=COORD, role=Role.COORDINATOR),
        Member(user_id=ANA, role=Role.PARTNER, partner_id=10),
        Member(user_id=BEA, role=Role.PARTNER, partner_id=20),
    ),
)


def new_run() -> ChecklistRun:
    return ChecklistRun(
        id=1, project_id=1, procedure_id="final-report", version=1, started_by=COORD, started_at=T0
    )


def act(run, user, action=StepAction.DONE, step=None, version=None, minutes=1):
    request = StepRequest(
        action=action,
        user_id=user,
        platform="terminal",
        at=T0 + timedelta(minutes=minutes),
        step_id=step,
        expected_version=version,
    )
    change = decide(procedure=FINAL, project=PROJECT, run=run, request=request)
    return apply_change(run, change), change


def test_done_ticks_the_coordinators_current_step_and_bumps_the_version():
    run, change = act(new_run(), COORD)
    assert (change.action, change.step_id, change.partner_id) == (
        AuditAction.TICK,
        "qualitative-content",
        None,
    )
    assert run.version == 2
    assert run.mark("qualitative-content").user_id == COORD
    assert current_step(FINAL, PROJECT, run, PROJECT.member(COORD)).id == "invoices"


def test_a_partner_cannot_tick_a_coordinator_step_and_the_reverse():
    with pytest.raises(NotAuthorised) as partner_error:
        act(new_run(), ANA, step="ready-for-submission")
    assert partner_error.value.reason == "coordinator_step"
    with pytest.raises(NotAuthorised) as coordinator_error:
        act(new_run(), COORD, step="partner-use-of-funds")
    assert coordinator_error.value.reason == "partner_step"


def test_people_outside_the_project_are_refused():
    with pytest.raises(NotAuthorised) as error:
        act(new_run(), STRANGER)
    assert error.value.reason == "not_member"


def test_partner_steps_are_ticked_per_partner_organisation():
    run, change = act(new_run(), ANA, step="partner-use-of-funds")
    assert change.partner_id == 10
    assert run.mark("partner-use-of-funds", 10) is not None
    assert run.mark("partner-use-of-funds", 20) is None
    run, change = act(run, BEA, step="partner-use-of-funds")
    assert change.partner_id == 20 and run.version == 3


def test_a_stale_tick_on_a_done_step_is_not_applied_twice():
    run, _ = act(new_run(), COORD, step="qualitative-content")
    with pytest.raises(StepAlreadySettled) as error:
        act(run, COORD, step="qualitative-content", version=1)
    assert (error.value.by, error.value.stale, error.value.skipped) == (COORD, True, False)
    with pytest.raises(StepAlreadySettled) as fresh:
        act(run, COORD, step="qualitative-content", version=run.version)
    assert fresh.value.stale is False


def test_a_stale_click_on_a_step_still_open_is_applied_once():
    run, _ = act(new_run(), COORD, step="qualitative-content")
    run, change = act(run, COORD, step="invoices", version=1)
    assert change.step_id == "invoices" and run.version == 3


def test_skip_then_done_turns_a_skipped_step_done_but_skip_twice_is_refused():
    run, change = act(new_run(), COORD, StepAction.SKIP, step="invoices")
    assert change.action is AuditAction.SKIP
    with pytest.raises(StepAlreadySettled) as error:
        act(run, COORD, StepAction.SKIP, step="invoices")
    assert error.value.skipped
    run, change = act(run, COORD, step="invoices")
    assert change.action is AuditAction.TICK and run.mark("invoices").status.value == "done"


def test_undo_reopens_the_step_and_puts_the_person_there():
    run, _ = act(new_run(), COORD)
    run, change = act(run, COORD, StepAction.UNDO)
    assert (change.action, change.step_id) == (AuditAction.UNTICK, "qualitative-content")
    assert run.mark("qualitative-content") is None
    assert current_step(FINAL, PROJECT, run, PROJECT.member(COORD)).id == "qualitative-content"
    with pytest.raises(StepNotSettled):
        act(run, COORD, StepAction.UNDO, step="submit")


def test_unknown_steps_are_named():
    with pytest.raises(UnknownStep):
        act(new_run(), COORD, step="make-coffee")


def test_current_step_differs_by_role():
    run = new_run()
    # Each person is at their own first open step, never at another role's.
    assert current_step(FINAL, PROJECT, run, PROJECT.member(ANA)).id == "partner-use-of-funds"
    for step in ("qualitative-content", "invoices", "ready-for-submission"):
        run, _ = act(run, COORD, step=step)
    run, _ = act(run, ANA, step="partner-use-of-funds")
    assert current_step(FINAL, PROJECT, run, PROJECT.member(ANA)).id == "partner-confirmation"
    assert current_step(FINAL, PROJECT, run, PROJECT.member(BEA)).id == "partner-use-of-funds"
    assert current_step(FINAL, PROJECT, run, PROJECT.member(COORD)).id == "submit"
    run, _ = act(run, ANA, step="partner-confirmation")
    assert current_step(FINAL, PROJECT, run, PROJECT.member(ANA)) is None  # nothing left for her


def test_the_run_is_complete_only_when_every_partner_has_done_its_part():
    run = new_run()
    for step in ("qualitative-content", "invoices", "ready-for-submission"):
        run, _ = act(run, COORD, step=step)
    for user in (ANA, BEA):
        for step in ("partner-use-of-funds", "partner-confirmation"):
            assert not is_complete(FINAL, PROJECT, run)
            run, _ = act(run, user, step=step)
    assert not is_complete(FINAL, PROJECT, run)
    run, _ = act(run, COORD, step="submit")
    assert is_complete(FINAL, PROJECT, run)
    with pytest.raises(RunComplete):
        act(run, COORD)


def test_back_moves_the_position_one_step_up():
    run = new_run()
    first = current_step(FINAL, PROJECT, run, PROJECT.member(COORD))
    assert step_before(FINAL, first).id == "qualitative-content"
    moved = move_position(run, user_id=COORD, step_id="invoices", at=T0)
    here = current_step(FINAL, PROJECT, moved, PROJECT.member(COORD))
    assert here.id == "invoices" and step_before(FINAL, here).id == "qualitative-content"
    assert step_before(FINAL, None).id == "submit"


def test_partner_steps_stay_open_while_no_partner_is_registered():
    lonely = PROJECT.model_copy(update={"partners": (), "members": PROJECT.members[:1]})
    run = new_run()
    for minute, step in enumerate(("qualitative-content", "invoices", "ready-for-submission"), 1):
        change = decide(
            procedure=FINAL,
            project=lonely,
            run=run,
            request=StepRequest(
                action=StepAction.DONE,
                user_id=COORD,
                platform="terminal",
                at=T0 + timedelta(minutes=minute),
                step_id=step,
            ),
        )
        run = apply_change(run, change)
    assert not is_complete(FINAL, lonely, run)
