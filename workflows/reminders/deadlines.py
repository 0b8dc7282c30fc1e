"""A project's deadlines from its end date, for overviews such as the Slack home tab (pure functions)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from workflows.models import Project
from workflows.reminders.models import Deadline, DeadlineKind
from workflows.service import WorkflowService


def project_deadlines(
    project: Project, today: date, *, completed: frozenset[tuple[int, str]]
) -> list[Deadline]:
    """The final report and the Project Results Platform upload, both due 60 days after the project ends."""
    due = project.final_report_deadline
    return [
        Deadline(
            project_id=project.id,
            project_number=project.number,
            project_name=project.name,
            channel_id=project.channel_id,
            kind=kind,
            due=due,
            days_left=(due - today).days,
            complete=(project.id, kind.value) in completed,
        )
        for kind in DeadlineKind
    ]


def upcoming_deadlines(
    projects: Iterable[Project], today: date, *, completed: frozenset[tuple[int, str]] = frozenset()
) -> list[Deadline]:
    """Every deadline still ahead of ``today`` or overdue and not complete, soonest first.

    Args:
        projects: The projects to look at (e.g. ``WorkflowService.projects_of``).
        today: The local day to count from.
        completed: ``(project id, procedure id)`` pairs whose run is complete; those are left out.
    """
    deadlines = [d for p in projects for d in project_deadlines(p, today, completed=completed)]
    return sorted(
        (d for d in deadlines if not d.complete), key=lambda d: (d.due, d.project_number, d.kind.value)
    )


def completed_work(workflows: WorkflowService, projects: Iterable[Project]) -> frozenset[tuple[int, str]]:
    """The ``(project id, procedure id)`` pairs with a complete run."""
    return frozenset(
        (project.id, state.procedure.id)
        for project in projects
        for state in workflows.runs_of(project=project)
        if state.complete
    )
