"""Turning rows into the workflows package's domain models."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.language import Language
from storage.schema import AuditRow, MarkRow, MemberRow, PartnerRow, PositionRow, ProjectRow, RunRow
from workflows.models import (
    AuditAction,
    AuditEntry,
    ChecklistRun,
    MarkStatus,
    Member,
    Partner,
    Position,
    Project,
    Role,
    StepMark,
)


def partner_key(partner_id: int | None) -> str:
    """The text that stands for a partner in unique constraints ('' for a whole-project step)."""
    return "" if partner_id is None else str(partner_id)


def load_project(session: Session, row: ProjectRow) -> Project:
    """The project with its partners and members."""
    partners = session.scalars(
        select(PartnerRow).where(PartnerRow.project_id == row.id).order_by(PartnerRow.id)
    )
    members = session.scalars(
        select(MemberRow).where(MemberRow.project_id == row.id).order_by(MemberRow.user_id)
    )
    return Project(
        id=row.id,
        number=row.number,
        name=row.name,
        end_date=row.end_date,
        organisation=row.organisation,
        channel_id=row.channel_id,
        partners=tuple(
            Partner(id=p.id, name=p.name, country=p.country, withdrawn=bool(p.withdrawn)) for p in partners
        ),
        members=tuple(Member(user_id=m.user_id, role=Role(m.role), partner_id=m.partner_id) for m in members),
        language=Language(row.language) if row.language else None,
    )


def load_run(session: Session, row: RunRow) -> ChecklistRun:
    """The run with its marks and people's positions."""
    marks = session.scalars(select(MarkRow).where(MarkRow.run_id == row.id).order_by(MarkRow.id))
    positions = session.scalars(select(PositionRow).where(PositionRow.run_id == row.id))
    return ChecklistRun(
        id=row.id,
        project_id=row.project_id,
        procedure_id=row.procedure_id,
        version=row.version,
        started_by=row.started_by,
        started_at=row.started_at,
        marks=tuple(
            StepMark(
                step_id=m.step_id,
                partner_id=m.partner_id,
                status=MarkStatus(m.status),
                user_id=m.user_id,
                at=m.at,
                platform=m.platform,
            )
            for m in marks
        ),
        positions=tuple(
            Position(user_id=p.user_id, step_id=p.step_id, touched_at=p.touched_at) for p in positions
        ),
    )


def audit_entry(row: AuditRow, procedure_id: str) -> AuditEntry:
    """An audit row as a domain model."""
    return AuditEntry(
        run_id=row.run_id,
        procedure_id=procedure_id,
        step_id=row.step_id,
        partner_id=row.partner_id,
        action=AuditAction(row.action),
        user_id=row.user_id,
        at=row.at,
        platform=row.platform,
    )
