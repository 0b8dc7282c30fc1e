"""A person's overview across platforms: their projects, open runs with progress and coming deadlines."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from knowledge.models import Language
from workflows.errors import WorkflowError
from workflows.models import Project, Role
from workflows.reminders.deadlines import completed_work, upcoming_deadlines
from workflows.reminders.models import Deadline
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


class HomeOverview(_Frozen):
    """Everything a home tab (or a personal overview card) shows."""

    user_id: str
    language: Language
    today: date
    projects: tuple[ProjectSummary, ...]
    deadlines: tuple[Deadline, ...]
    unavailable: bool = False


def build_home(service: WorkflowService, *, user_id: str, language: Language, today: date) -> HomeOverview:
    """The overview of ``user_id``'s projects; ``unavailable`` when the database cannot be read."""
    try:
        projects = service.projects_of(user_id=user_id)
        summaries = tuple(_project(service, project, user_id, language) for project in projects)
        deadlines = upcoming_deadlines(projects, today, completed=completed_work(service, projects))
    except WorkflowError:
        return HomeOverview(
            user_id=user_id, language=language, today=today, projects=(), deadlines=(), unavailable=True
        )
    return HomeOverview(
        user_id=user_id, language=language, today=today, projects=summaries, deadlines=tuple(deadlines)
    )


def _project(service: WorkflowService, project: Project, user_id: str, language: Language) -> ProjectSummary:
    member = project.member(user_id)
    runs = []
    for state in service.runs_of(project=project):
        if state.complete:
            continue
        view = build_checklist_view(state, viewer_id=user_id, language=language)
        current = next((s.title for s in view.steps if s.current), None)
        runs.append(
            RunSummary(
                run_id=view.run_id, title=view.title, settled=view.settled, total=len(view.steps), next_step=current
            )
        )
    return ProjectSummary(
        number=project.number,
        name=project.name,
        channel_id=project.channel_id,
        end_date=project.end_date,
        report_deadline=project.final_report_deadline,
        role=member.role if member else Role.PARTNER,
        runs=tuple(runs),
    )
