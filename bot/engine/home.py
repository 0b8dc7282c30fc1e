"""A person's overview across platforms: their projects, open runs with progress and coming deadlines."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from knowledge.models import Language
from workflows.errors import WorkflowError
from workflows.models import Project, Role
from workflows.service import WorkflowService
from workflows.views import build_checklist_view


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class RunSummary(_Frozen):
    """One open run: how far it has come and what is next for the person."""

    run_id: int
    title: str
    settled: int
    total: int
    next_step: str | None


class ProjectSummary(_Frozen):
    """One of the person's projects."""

    number: str
    name: str
    channel_id: str
    end_date: date
    report_deadline: date
    role: Role
    runs: tuple[RunSummary, ...]


class DeadlineSummary(_Frozen):
    """A date that matters for one project."""

    day: date
    kind: str  # "project_end" or "final_report"
    project_number: str


class HomeOverview(_Frozen):
    """Everything a home tab (or a personal overview card) shows."""

    user_id: str
    language: Language
    today: date
    projects: tuple[ProjectSummary, ...]
    deadlines: tuple[DeadlineSummary, ...]
    unavailable: bool = False


FINAL_REPORT = "final-report"


def build_home(service: WorkflowService, *, user_id: str, language: Language, today: date) -> HomeOverview:
    """The overview of ``user_id``'s projects; ``unavailable`` when the database cannot be read."""
    try:
        summaries = [_project(service, project, user_id, language) for project in service.projects_of(user_id=user_id)]
    except WorkflowError:
        return HomeOverview(
            user_id=user_id, language=language, today=today, projects=(), deadlines=(), unavailable=True
        )
    deadlines: list[DeadlineSummary] = []
    for summary, report_done in summaries:
        if summary.end_date >= today:
            deadlines.append(DeadlineSummary(day=summary.end_date, kind="project_end", project_number=summary.number))
        if not report_done:
            deadlines.append(
                DeadlineSummary(day=summary.report_deadline, kind="final_report", project_number=summary.number)
            )
    return HomeOverview(
        user_id=user_id,
        language=language,
        today=today,
        projects=tuple(summary for summary, _ in summaries),
        deadlines=tuple(sorted(deadlines, key=lambda d: d.day)),
    )


def _project(
    service: WorkflowService, project: Project, user_id: str, language: Language
) -> tuple[ProjectSummary, bool]:
    """The project's summary, and whether its final report run is complete."""
    member = project.member(user_id)
    runs = []
    report_done = False
    for state in service.runs_of(project=project):
        if state.complete:
            report_done = report_done or state.procedure.id == FINAL_REPORT
            continue
        view = build_checklist_view(state, viewer_id=user_id, language=language)
        current = next((s.title for s in view.steps if s.current), None)
        runs.append(
            RunSummary(
                run_id=view.run_id, title=view.title, settled=view.settled, total=len(view.steps), next_step=current
            )
        )
    summary = ProjectSummary(
        number=project.number,
        name=project.name,
        channel_id=project.channel_id,
        end_date=project.end_date,
        report_deadline=project.final_report_deadline,
        role=member.role if member else Role.PARTNER,
        runs=tuple(runs),
    )
    return summary, report_done
