"""The domain errors of partner links."""

from __future__ import annotations

from workflows.errors import InputError, WorkflowError


class LinkNotFound(WorkflowError):
    """The token is unknown, expired, revoked or malformed; deliberately one error for all (no hint which)."""


class InvalidName(InputError):
    """The name given on the page is empty once cleaned."""


class InvalidEmail(InputError):
    """An e-mail address that cannot be right."""


class NoPartnerSteps(WorkflowError):
    """The project has no open run with steps for partners, so there is nothing to link to."""
