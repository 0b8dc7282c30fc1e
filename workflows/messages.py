"""Every user-facing string, in Bokmål and English side by side: ``say`` looks them up in the catalogue."""

from __future__ import annotations

from core.catalogue import Catalogue
from core.language import Language
from workflows.catalogue import links, procedures, project, reminders

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
    "partner_link": "partner link <partner name> | partner link revoke <partner name>",
    "partner_email": "partner email <partner name> <address> [nb|en]",
}


CATALOGUE = Catalogue(procedures.ENTRIES, reminders.ENTRIES, links.ENTRIES, project.ENTRIES)


def say(key: str, language: Language, /, **values: object) -> str:
    """The message ``key`` in ``language``, with ``values`` filled in."""
    return CATALOGUE.say(key, language, **values)


def join_names(names: list[str] | tuple[str, ...], language: Language) -> str:
    """Names as a sentence lists them: «A, B og C» / "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {say('and', language)} {names[-1]}"


def count_text(n: int, unit: str, language: Language) -> str:
    """«1 dag» / «3 dager», "1 week" / "3 weeks": ``unit`` is ``days`` or ``weeks``."""
    return say(f"{unit}.one", language) if n == 1 else say(f"{unit}.many", language, n=n)
