"""The domain errors of the workflows package; adapters turn them into friendly replies."""

from __future__ import annotations

from datetime import datetime


class WorkflowError(Exception):
    """Base of every error a person can cause or meet while using procedures and checklists."""


class ProcedureDefinitionError(WorkflowError):
    """A procedure data file is malformed; names the file and the field."""

    def __init__(self, *, path: str, field: str, problem: str) -> None:
        super().__init__(f"{path}: field '{field}': {problem}")
        self.path = path
        self.field = field
        self.problem = problem


class InputError(WorkflowError):
    """A message looked like a command but something in it could not be read."""

    def __init__(self, *, text: str = "", choices: tuple[str, ...] = ()) -> None:
        super().__init__(text)
        self.text = text
        self.choices = choices


class InvalidDate(InputError):
    """A date that cannot be read, or does not exist (31.02.2025)."""


class DateOutOfRange(InvalidDate):
    """A date whose year is outside the years the bot accepts (01.01.0001, 31.12.9999)."""


class InvalidProjectNumber(InputError):
    """An Erasmus+ project number in the wrong format."""


class UnknownCountry(InputError):
    """A partner country we do not recognise."""


class UnknownCommand(InputError):
    """A command word we do not know."""


class MissingArgument(InputError):
    """A known command without the parts it needs; ``usage`` names the help line to show."""

    def __init__(self, *, usage: str, text: str = "") -> None:
        super().__init__(text=text)
        self.usage = usage


class UnknownProcedure(InputError):
    """``start`` with a procedure id that does not exist."""


class UnknownStep(InputError):
    """A step id that does not exist in the run's procedure."""


class UnknownPartner(InputError):
    """A partner organisation that is not part of the project."""


class UnknownMember(InputError):
    """A person who is not part of the project."""


class NoProject(WorkflowError):
    """The channel has no project yet."""


class ProjectExists(WorkflowError):
    """The channel (or the project number) already has a project."""


class PartnerExists(WorkflowError):
    """The partner organisation is already in the project."""


class NoActiveRun(WorkflowError):
    """No procedure is running in the channel."""


class NotAuthorised(WorkflowError):
    """The person may not do this; ``reason`` is a key into the message catalogue."""

    def __init__(self, *, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class StepAlreadySettled(WorkflowError):
    """The step (for that partner) is already done or skipped; a stale click is not applied twice."""

    def __init__(self, *, step_id: str, by: str, at: datetime, skipped: bool, stale: bool) -> None:
        super().__init__(f"{step_id} already settled by {by} at {at.isoformat()}")
        self.step_id = step_id
        self.by = by
        self.at = at
        self.skipped = skipped
        self.stale = stale


class StepNotSettled(WorkflowError):
    """``undo`` on a step that is still open."""

    def __init__(self, *, step_id: str) -> None:
        super().__init__(step_id)
        self.step_id = step_id


class StepBlocked(WorkflowError):
    """A step whose required earlier steps are still open; ``missing`` names them (and the partner).

    ``chosen`` is set instead when the step is an alternative of a step already settled.
    """

    def __init__(
        self, *, step_id: str, missing: tuple[tuple[str, int | None], ...], chosen: str | None = None
    ) -> None:
        super().__init__(f"{step_id} waits for {missing or chosen}")
        self.step_id = step_id
        self.missing = missing
        self.chosen = chosen


class InputQuestion(InputError):
    """Input that needs one more answer from the person before anything is done."""


class DateWithoutYear(InvalidDate):
    """A date written without a year («30. juni»); the person is asked for the year."""


class FarDate(InputQuestion):
    """An end date more than ten years from today; the person is asked to confirm it."""


class RunComplete(WorkflowError):
    """Every step of the run is settled; nothing left to do."""


class StorageUnavailable(WorkflowError):
    """The database could not be reached or refused the change; nothing was changed."""


class ConcurrentChange(WorkflowError):
    """Someone else changed the same thing at the same moment; nothing was changed."""
