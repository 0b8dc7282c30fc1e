"""Erasmus+ project numbers and chat user ids, checked and normalised."""

from __future__ import annotations

import re

from workflows.errors import InvalidProjectNumber, MissingArgument

_PROJECT_NUMBER = re.compile(
    # 2014-2020: 2020-1-NO01-KA229-012345; 2021-2027: 2023-1-NO01-KA210-SCH-000123456 (field, 9 digits)
    r"^(?P<year>\d{4})-(?P<round>[1-3])-(?P<agency>[A-Z]{2}\d{2})-(?P<action>KA\d{3})"
    r"(?:-(?P<field>[A-Z]{3})-(?P<serial9>\d{9})|-(?P<serial>\d{6}))$"
)
FIRST_YEAR, LAST_YEAR = 2014, 2035
MAX_ROW_ID = 2**31 - 1  # database ids (reminders, answers) are 32-bit integers
EXAMPLE_NUMBER = "2020-1-NO01-KA229-012345"
_MENTION = re.compile(r"^<@(?P<id>[^|>]+)(?:\|[^>]*)?>$")
_USER_ID = re.compile(r"^[\w.:@-]+$")


def looks_like_project_number(text: str) -> bool:
    """True when ``text`` is shaped roughly like a project number (year, dashes), right or wrong."""
    return bool(re.match(r"^\d{4}-\S*-", text.strip()))


def project_number(text: str) -> str:
    """The project number in upper case, e.g. ``2020-1-NO01-KA229-012345``.

    Raises:
        InvalidProjectNumber: when it is not year-round-agency-action-serial with a plausible year.
    """
    candidate = text.strip().upper()
    match = _PROJECT_NUMBER.match(candidate)
    if match is None or not FIRST_YEAR <= int(match["year"]) <= LAST_YEAR:
        raise InvalidProjectNumber(text=text.strip())
    return candidate


def project_action(number: str) -> str | None:
    """The action a project number names (``KA229`` in ``2020-1-NO01-KA229-012345``), None when it names none."""
    match = _PROJECT_NUMBER.match(number.strip().upper())
    return match["action"] if match else None


def user_id(text: str) -> str:
    """A chat user id from a bare id (``U0123ABC``) or a Slack mention (``<@U0123ABC>``).

    Raises:
        MissingArgument: when it is empty or holds characters no user id has.
    """
    candidate = text.strip()
    mention = _MENTION.match(candidate)
    if mention:
        candidate = mention["id"]
    candidate = candidate.lstrip("@")
    if not _USER_ID.match(candidate):
        raise MissingArgument(usage="member", text=text.strip())
    return candidate
