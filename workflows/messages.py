"""Every user-facing string, in Bokmål and English side by side: ``say`` looks them up in the catalogue."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from knowledge.models import Language
from workflows.catalogue import chat, procedures, project, reminders

USAGE: dict[str, str] = {
    "project_add": "project add <project number> <end date> [name]",
    "project_show": "project show",
    "project_end": "project end <date>",
    "project_name": "project name <name>",
    "project_organisation": "project organisation <coordinating school>",
    "partner_add": "partner add <name>, <country>",
    "member_add": "member add <user-id> coordinator | member add <user-id> partner <partner name>",
    "member_remove": "member remove <user-id>",
    "partner_remove": "partner remove <name>",
    "partner_rename": "partner rename <old name> = <new name>",
    "partner_withdraw": "partner withdraw <name>",
    "project_language": "project language nb | en",
    "language": "language nb | en",
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


_CATALOGUE: dict[str, tuple[str, str]] = _merge(procedures.ENTRIES, reminders.ENTRIES, chat.ENTRIES, project.ENTRIES)
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
    """A moment as people read it: 21.11.2025 kl. 14:05 / 21 Nov 2025 14:05, in the moment's own zone.

    Views and the audit hand over local times (``RAPPORTLOS_TIMEZONE``); a UTC moment is marked UTC.
    """
    clock = moment.strftime("%H:%M")
    joiner = " kl. " if language is Language.NB else " "
    zone = " UTC" if moment.utcoffset() in (None, timedelta(0)) and moment.tzname() in (None, "UTC") else ""
    return f"{format_date(moment.date(), language)}{joiner}{clock}{zone}"


def join_names(names: list[str] | tuple[str, ...], language: Language) -> str:
    """Names as a sentence lists them: «A, B og C» / "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {say('and', language)} {names[-1]}"


def count_text(n: int, unit: str, language: Language) -> str:
    """«1 dag» / «3 dager», "1 week" / "3 weeks": ``unit`` is ``days`` or ``weeks``."""
    return say(f"{unit}.one", language) if n == 1 else say(f"{unit}.many", language, n=n)
