"""Step order, alternatives, optional steps and withdrawn partners (issue 12, points 2, 3 and 7)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from core.language import Language
from workflows.definitions import Procedure, load_procedures
from workflows.errors import NotAuthorised, StepBlocked
from workflows.models import ChecklistRun, Member, Partner, Project, Role
from workflows.transitions import (
    StepAction,
    StepRequest,
    apply_change,
    current_step,
    decide,
    is_complete,
    next_open_step,
)

PROCEDURES = load_procedures()
FINAL = PROCEDURES.get("final-report")
BUDGET = PROCEDURES.get("budget-change")
T0 = datetime(2027, 9, 1, 8, 0, tzinfo=UTC)
COORD, ANA, BEA = "U_COORD", "U_ANA", "U_BEA"
PROJECT = Project(
    id=1,
    number="2022-1-NO01-KA229-012345",
    name="Vennskap",
    end_date=date(2027, 6, 30),
    channel_id="C1",
    partners=(
        Partner(id=10, name="Liceo Galilei", country="IT"),
        Partner(id=20, name="Escola Azul", country="PT"),
    ),
    members=(
        Member(user_id=COORD, role=Role.COORDINATOR),
        Member(user_id=ANA, role=Role.PARTNER, partner_id=10),
        Member(user_id=BEA, role=Role.PARTNER, partner_id=20),
    ),
)


def run_of(procedure: Procedure) -> ChecklistRun:
    return ChecklistRun(
        id=1, project_id=1, procedure_id=procedure.id, version=1, started_by=COORD, started_at=T0
    )


def act(run, user, step=None, *, procedure=FINAL, project=PROJECT, action=StepAction.DONE):
    request = StepRequest(
        action=action, user_id=user, platform="slack", at=T0 + timedelta(minutes=run.version), step_id=step
    )
    return apply_change(run, decide(procedure=procedure, project=project, run=run, request=request))


def coordinator_ready():
    run = run_of(FINAL)
    for step in ("qualitative-content", "ready-for-submission"):
        run = act(run, COORD, step)
    return run


def test_submit_is_refused_while_a_partner_has_not_confirmed_and_the_refusal_names_who():
    run = act(act(coordinator_ready(), ANA, "partner-use-of-funds"), ANA, "partner-confirmation")
    run = act(run, BEA, "partner-use-of-funds")
    with pytest.raises(StepBlocked) as error:
        act(run, COORD, "submit")
    assert error.value.missing == (("partner-confirmation", 20),)
    with pytest.raises(StepBlocked):  # skipping is no way around it either
        act(run, COORD, "submit", action=StepAction.SKIP)
    run = act(run, BEA, "partner-confirmation")
    assert act(run, COORD, "submit").mark("submit") is not None


def test_a_partner_cannot_confirm_before_its_own_part_but_need_not_wait_for_the_other_partner():
    with pytest.raises(StepBlocked) as error:
        act(run_of(FINAL), ANA, "partner-confirmation")
    assert error.value.missing == (("partner-use-of-funds", 10),)
    run = act(act(run_of(FINAL), ANA, "partner-use-of-funds"), ANA, "partner-confirmation")
    assert run.mark("partner-confirmation", 10) is not None


def test_the_optional_invoices_step_is_not_waited_for():
    run = coordinator_ready()
    for user in (ANA, BEA):
        run = act(act(run, user, "partner-use-of-funds"), user, "partner-confirmation")
    assert next_open_step(FINAL, PROJECT, run).id == "submit"
    run = act(run, COORD, "submit")
    assert run.mark("invoices") is None and is_complete(FINAL, PROJECT, run)


def test_a_withdrawn_partner_is_no_longer_waited_for_so_the_run_can_end():
    run = act(act(coordinator_ready(), ANA, "partner-use-of-funds"), ANA, "partner-confirmation")
    withdrawn = PROJECT.model_copy(
        update={"partners": (PROJECT.partners[0], PROJECT.partners[1].model_copy(update={"withdrawn": True}))}
    )
    with pytest.raises(StepBlocked):
        act(run, COORD, "submit")
    run = act(run, COORD, "submit", project=withdrawn)
    assert is_complete(FINAL, withdrawn, run)
    assert current_step(FINAL, withdrawn, run, withdrawn.member(BEA)) is None


def test_budget_change_alternatives_are_a_choice_for_the_coordinator_only():
    run = act(run_of(BUDGET), COORD, "check-rule", procedure=BUDGET)
    with pytest.raises(NotAuthorised):
        act(run, ANA, "transfer-within-rule", procedure=BUDGET)
    run = act(run, COORD, "request-amendment", procedure=BUDGET)
    assert is_complete(BUDGET, PROJECT, run)  # the other way is not needed
    with pytest.raises(StepBlocked) as error:
        act(run, COORD, "transfer-within-rule", procedure=BUDGET)
    assert error.value.chosen == "request-amendment"


def test_every_step_names_its_role_and_the_upload_has_a_deadline():
    assert all(step.actor.value != "anyone" for step in BUDGET.steps)
    assert PROCEDURES.get("results-upload").deadline is not None
    assert FINAL.followed_by == "results-upload"


def test_a_requirement_must_name_an_earlier_step():
    data = FINAL.model_dump()
    data["steps"][0]["requires"] = ["submit"]
    with pytest.raises(ValueError, match="not an earlier step"):
        Procedure.model_validate(data)


def test_partner_names_match_without_accents_or_case():
    project = PROJECT.model_copy(update={"partners": (Partner(id=30, name="Escola Básica", country="PT"),)})
    assert project.find_partner("escola basica").id == 30
    assert project.find_partner("ESCOLA BÁS").id == 30


def test_the_upload_checklist_has_a_deadline_and_no_empty_partner_rows():
    from workflows.service import RunState
    from workflows.views import build_checklist_view

    upload = PROCEDURES.get("results-upload")
    state = RunState(project=PROJECT, procedure=upload, run=run_of(upload))
    view = build_checklist_view(state, viewer_id=COORD, language=Language.NB)
    assert view.deadline == date(2027, 8, 29) and view.dashboard == ()
    final = build_checklist_view(
        RunState(project=PROJECT, procedure=FINAL, run=run_of(FINAL)), viewer_id=COORD, language=Language.NB
    )
    waiting = {w.partner or w.party.value: w.step_titles for w in final.waiting}
    assert "Legg ved fakturaer (exceptional costs / special needs)" not in waiting["coordinator"]  # optional
