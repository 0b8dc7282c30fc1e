"""Showing user-written names (projects, partners, organisations) back without the platform turning them into links."""

from __future__ import annotations

import re

_JOINER = "\u2060"  # word joiner: invisible, but "evil.\u2060com" is no longer a domain to autolink
_LINKABLE = re.compile(r"(?<=[.:@/])(?=[\w/])")


def shown_name(name: str) -> str:
    """``name`` with an invisible word joiner after every ``.``, ``:``, ``@`` or ``/`` that runs into a word.

    Slack and Teams link bare addresses ("example.com", "http://…", "a@b.no") in any message; a name someone
    typed is shown as text, never as a link the bot seems to vouch for.
    """
    return _LINKABLE.sub(_JOINER, name)
