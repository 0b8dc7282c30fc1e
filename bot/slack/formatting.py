"""Turning the engine's plain text into safe Slack mrkdwn, as pure functions."""

from __future__ import annotations

import re

from workflows.display import draw_people

# Slack limits: a section's text, a message's fallback text.
SECTION_LIMIT = 3000
TEXT_LIMIT = 4000

_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_ZERO_WIDTH = "\u2060"  # word joiner: "@\u2060here" shows as @here but notifies nobody
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,}")


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` and defuse ``@channel``/``@here``/``@everyone``.

    User text and quoted guidance can then never become a ping, a link or broken mrkdwn.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub(lambda m: f"@{_ZERO_WIDTH}{m.group(1)}", escaped)


def mrkdwn(text: str) -> str:
    """Plain engine text as escaped mrkdwn (``**bold**`` becomes ``*bold*``, a person a mention)."""
    return with_mentions(_BOLD.sub(r"*\1*", escape(text)))


def with_mentions(escaped: str) -> str:
    """Escaped engine text with each person it names (``workflows.display.person``) as a mention; someone who
    is not a Slack user (a partner page's visitor) stays the escaped text they are."""
    return draw_people(escaped, lambda user_id: f"<@{user_id}>" if _USER_ID.fullmatch(user_id) else user_id)


def link(url: str, label: str) -> str:
    """A mrkdwn link; the label is escaped and may not close the link early."""
    safe_url = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"<{safe_url}|{escape(label).replace('|', '¦')}>"


def mention(user_id: str) -> str:
    """A mention of one Slack user (``<@U123>``); ids are checked so nothing else can be smuggled in."""
    if not _USER_ID.fullmatch(user_id):
        return escape(user_id)
    return f"<@{user_id}>"


def clip(text: str, limit: int = SECTION_LIMIT) -> str:
    """Shorten ``text`` to ``limit`` characters without cutting an escape sequence or a link in half."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    for opener, closer in (("&", ";"), ("<", ">")):
        start = cut.rfind(opener)
        if start != -1 and cut.find(closer, start) == -1:
            cut = cut[:start]
    return cut.rstrip() + "…"


def chunks(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Split long mrkdwn into section-sized pieces at paragraph or line ends."""
    pieces: list[str] = []
    current = ""
    for paragraph in text.split("\n"):
        candidate = f"{current}\n{paragraph}" if current else paragraph
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = paragraph if len(paragraph) <= limit else clip(paragraph, limit)
    if current:
        pieces.append(current)
    return pieces or [""]
