"""What replies show of names and people: user-written names (projects, partners, organisations) without the
platform turning them into links, and people as references each platform draws its own way."""

from __future__ import annotations

import re
from collections.abc import Callable

_JOINER = "\u2060"  # word joiner: invisible, but "evil.\u2060com" is no longer a domain to autolink
_LINKABLE = re.compile(r"(?<=[.:@/])(?=[\w/])")
# A person inside a reply's text, between two private-use characters: nobody types them (``typed_text`` drops
# them from what people write), so only the bot's own text can name a person to be drawn as a mention.
_OPEN, _CLOSE = "\ue000", "\ue001"
_PERSON = re.compile(f"{_OPEN}([^{_OPEN}{_CLOSE}]*){_CLOSE}")


def shown_name(name: str) -> str:
    """``name`` with an invisible word joiner after every ``.``, ``:``, ``@`` or ``/`` that runs into a word.

    Slack and Teams link bare addresses ("example.com", "http://…", "a@b.no") in any message; a name someone
    typed is shown as text, never as a link the bot seems to vouch for.
    """
    return _LINKABLE.sub(_JOINER, name)


def person(user_id: str) -> str:
    """A reference to a person (their chat user id) inside a reply's text, drawn by each platform
    (``draw_people``): Slack as a mention that shows their name, Teams and the terminal as the id."""
    return f"{_OPEN}{typed_text(user_id)}{_CLOSE}"


def draw_people(text: str, draw: Callable[[str], str] = str) -> str:
    """``text`` with every person reference drawn by ``draw`` (the plain user id by default)."""
    drawn = _PERSON.sub(lambda found: draw(found.group(1)), text)
    return typed_text(drawn)


def typed_text(text: str) -> str:
    """``text`` someone typed, without the characters that mark a person: it can never name one to mention."""
    return text.replace(_OPEN, "").replace(_CLOSE, "")
