"""Reading ``remind …`` commands and plain sentences like «minn oss på 15.10.2025 kl. 10 om å …»."""

from __future__ import annotations

import re
from datetime import time

from workflows.commands import Command, CommandKind
from workflows.dates import match_date
from workflows.errors import InvalidDate, MissingArgument

_LIST = {"", "list", "liste", "vis", "show"}
_ADD = {"add", "legg", "ny", "new", "opprett", "create"}
_REMOVE = {"remove", "delete", "fjern", "slett", "cancel"}
_PAUSE = {"pause", "stop", "stopp"}
_RESUME = {"resume", "gjenoppta", "fortsett", "continue", "unpause"}
_WHO = {"us", "me", "everyone", "oss", "meg", "alle"}
_TIME = re.compile(
    r"^(?:(?:kl\.?|klokka|klokken|at|@)\s*(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?|(?P<H>\d{1,2})[:](?P<M>\d{2}))(?=\s|$|[,.:])",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:on|the|den|på|om|til)\s+", re.IGNORECASE)
_CONNECTOR = re.compile(r"^(?:[,:\-–]\s*)?(?:(?:to|that|about|om å|om|å)\s+)?", re.IGNORECASE)


def parse_remind(rest: str) -> Command | None:
    """``remind [list|add|remove|pause|resume] …`` (after the word ``remind``), or None when not a command.

    Raises:
        InvalidDate: a date or time that cannot be read or does not exist.
        MissingArgument: ``add`` or ``remove`` without what they need.
    """
    sub, _, args = rest.partition(" ")
    word = sub.lower().rstrip(":")
    if word in _LIST and not args:
        return Command(kind=CommandKind.REMIND_LIST)
    if word in _ADD:
        return remind_add(args.removeprefix("til ").strip())
    if word in _REMOVE:
        return _remove(args.strip())
    if word in _PAUSE and not args:
        return Command(kind=CommandKind.REMIND_PAUSE)
    if word in _RESUME and not args:
        return Command(kind=CommandKind.REMIND_RESUME)
    if word in _WHO:
        return remind_sentence(args)
    return None


def parse_minn(rest: str) -> Command | None:
    """«minn oss/meg/alle på <dato> …» (after the word «minn»), or None."""
    who, _, sentence = rest.partition(" ")
    return remind_sentence(sentence) if who.lower() in _WHO else None


def remind_sentence(text: str) -> Command | None:
    """«[minn oss] på 15.10.2025 om å …» / «[remind us] on Oct 15, 2025 to …»: a command only with a date."""
    body = _LEAD.sub("", text.strip(), count=1)
    if match_date(body) is None:
        return None
    return remind_add(body)


def remind_add(args: str) -> Command:
    """``<date> [time] <text>`` → a REMIND_ADD command.

    Raises:
        MissingArgument: no date or no text; InvalidDate: the date or the time cannot be read.
    """
    args = _LEAD.sub("", args.strip(), count=1)
    if not args:
        raise MissingArgument(usage="remind_add")
    dated = match_date(args)
    if dated is None:
        raise InvalidDate(text=args.split(" ")[0])
    on_date, rest = dated
    at_time, rest = _time(rest)
    text = _CONNECTOR.sub("", rest.strip(), count=1).strip()
    if not text:
        raise MissingArgument(usage="remind_add", text=args)
    return Command(kind=CommandKind.REMIND_ADD, on_date=on_date, at_time=at_time, text=text)


def _time(text: str) -> tuple[time | None, str]:
    match = _TIME.match(text.strip())
    if match is None:
        return None, text
    hour, minute = int(match["h"] or match["H"]), int(match["m"] or match["M"] or 0)
    if hour > 23 or minute > 59:
        raise InvalidDate(text=match.group(0))
    return time(hour, minute), text.strip()[match.end() :]


def _remove(args: str) -> Command:
    number = args.lstrip("#")
    if not (number.isascii() and number.isdigit()):
        raise MissingArgument(usage="remind_remove", text=args)
    return Command(kind=CommandKind.REMIND_REMOVE, reminder_id=int(number))
