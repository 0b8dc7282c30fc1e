"""Every user-facing string, in Bokmål and English side by side: ``say`` looks them up in the catalogue."""

from __future__ import annotations

from core.catalogue import Catalogue
from core.language import Language
from workflows.catalogue import links, procedures, reminders

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


CATALOGUE = Catalogue(procedures.ENTRIES, reminders.ENTRIES, links.ENTRIES)


def say(key: str, language: Language, /, **values: object) -> str:
    """The message ``key`` in ``language``, with ``values`` filled in."""
    return CATALOGUE.say(key, language, **values)

