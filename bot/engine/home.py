"""A person's overview across platforms: their projects, open runs with progress and coming deadlines."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from core.language import Language
from workflows.display import shown_name
from workflows.errors import WorkflowError
from workflows.models import Project, Role
from workflows.reminders.deadlines import upcoming_deadlines
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
        built = [_project(service, project, user_id, language) for project in projects]
        summaries = tuple(summary for summary, _ in built)
        completed = frozenset(pair for _, done in built for pair in done)
        deadlines = upcoming_deadlines(projects, today, completed=completed)
    except WorkflowError:
        return HomeOverview(
            user_id=user_id, language=language, today=today, projects=(), deadlines=(), unavailable=True
        )
    return HomeOverview(
        user_id=user_id, language=language, today=today, projects=summaries, deadlines=tuple(deadlines)
    )


def _project(
    service: WorkflowService, project: Project, user_id: str, language: Language
) -> tuple[ProjectSummary, set[tuple[int, str]]]:
    """The project's summary, and its ``(project id, procedure id)`` pairs whose run is complete."""
    member = project.member(user_id)
    runs = []
    done: set[tuple[int, str]] = set()
    for state in service.runs_of(project=project):
        if state.complete:
            done.add((project.id, state.procedure.id))
            continue
        view = build_checklist_view(state, viewer_id=user_id, language=language)
        current = next((s.title for s in view.steps if s.current), None)
        runs.append(
            RunSummary(
                run_id=view.run_id,
                title=view.title,
                settled=view.settled,
                total=len(view.steps),
                next_step=current,
            )
        )
    summary = ProjectSummary(
        number=project.number,
        name=shown_name(project.name),
        channel_id=project.channel_id,
        end_date=project.end_date,
        report_deadline=project.final_report_deadline,
        role=member.role if member else Role.PARTNER,
        runs=tuple(runs),
    )
    return summary, done
