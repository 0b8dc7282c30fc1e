"""Names people type on the partner page, made safe to show anywhere (web, Slack, Teams, terminal)."""

from __future__ import annotations

import re
import unicodedata

from workflows.links.errors import InvalidEmail, InvalidName

NAME_MAX = 60
LABEL_MAX = 200  # the width of user ids in the database
_EXTRA = frozenset(" .-'’")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def clean_name(raw: str) -> str:
    """Letters, marks, digits, spaces and ``.-'`` only, whitespace collapsed, at most 60 characters.

    Nothing survives that could become markup, a link or a mention on any platform.

    Raises:
        InvalidName: nothing is left.
    """
    kept = "".join(c for c in raw if unicodedata.category(c)[0] in "LMN" or c in _EXTRA)
    name = " ".join(kept.split())[:NAME_MAX].strip(" .-'’")
    if not name:
        raise InvalidName(text="")
    return name


def link_label(name: str, partner: str) -> str:
    """What the audit records as the person: ``name (via link for <partner>)``, within the user id width."""
    label = f"{name} (via link for {partner})"
    if len(label) <= LABEL_MAX:
        return label
    room = LABEL_MAX - len(f"{name} (via link for …)")
    return f"{name} (via link for {partner[:room]}…)"


def clean_email(raw: str) -> str:
    """A plausible single e-mail address (no display names, no lists, at most 254 characters).

    Raises:
        InvalidEmail: it is not one.
    """
    address = raw.strip().strip("<>").strip()
    if len(address) > 254 or not _EMAIL.match(address):
        raise InvalidEmail(text=raw.strip()[:80])
    return address
