"""Every user-facing string, in Bokmål and English side by side: ``say`` looks them up in the catalogue."""

from __future__ import annotations

from datetime import date, datetime

from knowledge.models import Language
from workflows.catalogue import chat, links, procedures, reminders

USAGE: dict[str, str] = {
    "project_add": "project add <project number> <end date> [name]",
    "project_show": "project show",
    "project_end": "project end <date>",
    "project_name": "project name <name>",
    "project_organisation": "project organisation <coordinating school>",
    "partner_add": "partner add <name>, <country>",
    "member_add": "member add <user-id> coordinator | member add <user-id> partner <partner name>",
    "start": "start final-report | start results-upload | start budget-change",
    "status": "status",
    "done": "done [step]",
    "skip": "skip [step]",
    "undo": "undo [step]",
    "back": "back",
    "audit": "audit",
    "procedures": "procedures",
    "help": "help",
    "remind_list": "remind list",
    "remind_add": "remind add <date> [time] <text>",
    "remind_remove": "remind remove <id>",
    "remind_pause": "remind pause | remind resume",
    "partner_link": "partner link <partner name> | partner link revoke <partner name>",
    "partner_email": "partner email <partner name> <address> [nb|en]",
}


def _merge(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """One catalogue from its parts; a key defined twice is a bug (the later text would silently win)."""
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"message keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


_CATALOGUE: dict[str, tuple[str, str]] = _merge(procedures.ENTRIES, reminders.ENTRIES, chat.ENTRIES, links.ENTRIES)
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def say(key: str, language: Language, /, **values: object) -> str:
    """The message ``key`` in ``language``, with ``values`` filled in."""
    nb, en = _CATALOGUE[key]
    return (nb if language is Language.NB else en).format(**values)


def format_date(day: date, language: Language) -> str:
    """A date the way readers of ``language`` write it: 31.08.2025 or 31 Aug 2025."""
    if language is Language.NB:
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_moment(moment: datetime, language: Language) -> str:
    """A UTC timestamp for people: 21.11.2025 kl. 14:05 UTC / 21 Nov 2025 14:05 UTC."""
    clock = moment.strftime("%H:%M")
    joiner = " kl. " if language is Language.NB else " "
    return f"{format_date(moment.date(), language)}{joiner}{clock} UTC"
