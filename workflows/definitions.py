"""Procedures as immutable data: the models that validate ``workflows/procedures/*.yaml`` and their loader."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from core.language import Language
from workflows.errors import ProcedureDefinitionError, UnknownProcedure, UnknownStep

PROCEDURES_DIR = Path(__file__).parent / "procedures"
_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Actor(StrEnum):
    """Who does a step."""

    COORDINATOR = "coordinator"
    EACH_PARTNER = "each_partner"
    ANYONE = "anyone"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Frozen):
    """A user-facing text in Bokmål and English."""

    nb: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: Language) -> str:
        """The text in ``language``."""
        return self.nb if language is Language.NB else self.en


class SourceRef(_Frozen):
    """Where a step comes from: a knowledge-base document and section, shown as a link."""

    document: str = Field(min_length=1)
    section: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")


class DeadlineRule(_Frozen):
    """A deadline counted from the project's end date."""

    days_after_end: int = Field(ge=0, le=3650)

    def due(self, end_date: date) -> date:
        """The due date for a project that ends on ``end_date``."""
        return end_date + timedelta(days=self.days_after_end)


class StepNotes(_Frozen):
    """Optional extras of a step: the evidence needed, a deadline rule, a hint."""

    evidence: Text | None = None
    deadline: DeadlineRule | None = None
    hint: Text | None = None


class StepDefinition(_Frozen):
    """One step of a procedure."""

    id: str = Field(pattern=_SLUG)
    actor: Actor
    title: Text
    text: Text
    source: SourceRef
    notes: StepNotes = StepNotes()
    optional: bool = Field(default=False, description="Only relevant for some projects; may be skipped.")
    requires: tuple[str, ...] = Field(
        default=(), description="Earlier steps that must be settled (by every partner) before this one."
    )
    choice: str | None = Field(
        default=None,
        pattern=_SLUG,
        description="Steps sharing a choice are alternatives: settling one settles them all.",
    )


class Procedure(_Frozen):
    """A guided procedure: ordered steps with roles and sources."""

    id: str = Field(pattern=_SLUG)
    title: Text
    summary: Text
    keywords: tuple[str, ...] = Field(default=(), description="Lower-case words that name it in plain text.")
    actions: tuple[str, ...] = Field(
        default=(),
        description="The Erasmus+ actions (KA229, …) whose guidance the steps follow; empty: every action.",
    )
    deadline: DeadlineRule | None = None
    followed_by: str | None = Field(
        default=None, pattern=_SLUG, description="The procedure started once this one is complete."
    )
    steps: tuple[StepDefinition, ...] = Field(min_length=1)

    @field_validator("actions")
    @classmethod
    def _action_codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        codes = tuple(code.upper() for code in value)
        wrong = [code for code in codes if not re.fullmatch(r"KA\d{3}", code)]
        if wrong:
            raise ValueError(f"not an action code: {', '.join(wrong)}")
        return codes

    def written_for(self, action: str | None) -> bool:
        """Whether the steps follow the guidance for ``action`` (True when it is unknown or any will do)."""
        return not self.actions or action is None or action.upper() in self.actions

    @field_validator("keywords")
    @classmethod
    def _lower_keywords(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(word.lower() for word in value)

    @field_validator("steps")
    @classmethod
    def _unique_step_ids(cls, steps: tuple[StepDefinition, ...]) -> tuple[StepDefinition, ...]:
        ids = [step.id for step in steps]
        twice = sorted({step_id for step_id in ids if ids.count(step_id) > 1})
        if twice:
            raise ValueError(f"step ids appear twice: {', '.join(twice)}")
        return steps

    @model_validator(mode="after")
    def _requires_earlier_steps(self) -> Procedure:
        seen: set[str] = set()
        for step in self.steps:
            unknown = [required for required in step.requires if required not in seen]
            if unknown:
                raise ValueError(
                    f"step {step.id} requires {', '.join(unknown)}, which is not an earlier step"
                )
            seen.add(step.id)
        return self

    def alternatives(self, step: StepDefinition) -> tuple[StepDefinition, ...]:
        """The other steps of the step's choice (empty when the step is not one of several alternatives)."""
        if step.choice is None:
            return ()
        return tuple(s for s in self.steps if s.choice == step.choice and s.id != step.id)

    def step(self, step_id: str) -> StepDefinition:
        """The step with ``step_id``, or :class:`UnknownStep`."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise UnknownStep(text=step_id, choices=tuple(step.id for step in self.steps))

    def index(self, step_id: str) -> int:
        """Position of a step in the procedure (0-based)."""
        return self.steps.index(self.step(step_id))


class ProcedureCatalog:
    """The loaded procedures, by id, in a stable order."""

    def __init__(self, procedures: list[Procedure]) -> None:
        self._by_id = {procedure.id: procedure for procedure in sorted(procedures, key=lambda p: p.id)}

    def __iter__(self) -> Iterator[Procedure]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, procedure_id: str) -> Procedure:
        """The procedure with ``procedure_id``, or :class:`UnknownProcedure`."""
        try:
            return self._by_id[procedure_id.lower()]
        except KeyError:
            raise UnknownProcedure(text=procedure_id, choices=tuple(self._by_id)) from None

    def match(self, text: str) -> Procedure | None:
        """The procedure whose id or one of whose keywords occurs in ``text``, if exactly one does."""
        lowered = text.lower()
        hits = [
            p
            for p in self
            if p.id in lowered or any(re.search(rf"\b{re.escape(k)}", lowered) for k in p.keywords)
        ]
        return hits[0] if len(hits) == 1 else None


def load_procedure(path: Path) -> Procedure:
    """Read and validate one procedure file.

    Raises:
        ProcedureDefinitionError: naming the file and the first field that is wrong.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ProcedureDefinitionError(path=str(path), field="<yaml>", problem=str(error)) from error
    if not isinstance(raw, dict):
        raise ProcedureDefinitionError(path=str(path), field="<root>", problem="expected a mapping")
    try:
        procedure = Procedure.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "<root>"
        raise ProcedureDefinitionError(path=str(path), field=field, problem=first["msg"]) from error
    if procedure.id != path.stem:
        problem = f"'{procedure.id}' must match the file name '{path.stem}'"
        raise ProcedureDefinitionError(path=str(path), field="id", problem=problem)
    return procedure


def load_procedures(directory: Path = PROCEDURES_DIR) -> ProcedureCatalog:
    """Load every ``*.yaml`` procedure in ``directory``; adding a procedure is adding a file."""
    return ProcedureCatalog([load_procedure(path) for path in sorted(directory.glob("*.yaml"))])
