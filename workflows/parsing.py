"""The compact command syntax shared by every platform (``project add …``, ``done [step]``, ``help`` …)."""

from __future__ import annotations

import re
from collections.abc import Callable

from workflows.arguments import member_add, partner_add, project_add, whole_date
from workflows.commands import Command, CommandKind
from workflows.definitions import ProcedureCatalog
from workflows.errors import MissingArgument, UnknownCommand
from workflows.links.syntax import parse_partner_access
from workflows.phrases import parse_phrase
from workflows.reminders.syntax import parse_minn, parse_remind

_STEP_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PRONOUNS = frozenset({"this", "it", "that", "now", "det", "dette", "nå", "steget"})
_ADD = {"add", "legg", "ny", "new", "opprett", "create"}
_Parser = Callable[[str, ProcedureCatalog], Command | None]


def parse(text: str, *, procedures: ProcedureCatalog) -> Command | None:
    """The workflow command in a message, or None when it is not one (then it is a question).

    Raises:
        InputError: a command whose parts cannot be read (a wrong date, project number, country …).
    """
    cleaned = " ".join(text.strip().split())
    prefixed = cleaned[:1] in "/!" and len(cleaned) > 1
    cleaned = cleaned.lstrip("/!").strip()
    if not cleaned:
        return None
    head, _, rest = cleaned.partition(" ")
    parser = _NOUNS.get(head.lower().rstrip(":"))
    command = parser(rest.strip(), procedures) if parser else None
    if command is None:
        command = parse_phrase(cleaned, procedures=procedures)
    if command is None and prefixed:
        raise UnknownCommand(text=head)
    return command


def _simple(kind: CommandKind) -> _Parser:
    def parser(rest: str, _: ProcedureCatalog) -> Command | None:
        return Command(kind=kind) if not rest else None

    return parser


def _step(kind: CommandKind) -> _Parser:
    def parser(rest: str, _: ProcedureCatalog) -> Command | None:
        words = rest.lower().removeprefix("over").strip()  # "hopp over [step]"
        if not words:
            return Command(kind=kind)
        if _STEP_ID.match(words) and words not in _PRONOUNS:
            return Command(kind=kind, step_id=words)
        return None

    return parser


def _status(rest: str, _: ProcedureCatalog) -> Command | None:
    return Command(kind=CommandKind.STATUS, explicit=not rest)


def _start(rest: str, procedures: ProcedureCatalog) -> Command | None:
    word = rest.lower()
    if word in {p.id for p in procedures}:
        return Command(kind=CommandKind.START, procedure_id=word)
    matched = procedures.match(word) if word else None
    if matched is not None:
        return Command(kind=CommandKind.START, procedure_id=matched.id)
    if word and _STEP_ID.match(word):
        return Command(kind=CommandKind.START, procedure_id=word)  # the service says it is unknown
    if not word:
        raise MissingArgument(usage="start")
    return None


def _project(rest: str, _: ProcedureCatalog) -> Command | None:
    sub, _sep, args = rest.partition(" ")
    sub = sub.lower()
    if sub in _ADD:
        return project_add(args.removeprefix("til ").strip())
    if sub in {"show", "vis", ""}:
        return Command(kind=CommandKind.PROJECT_SHOW) if not args else None
    if sub in {"end", "slutt", "sluttdato", "ends", "slutter"}:
        return Command(kind=CommandKind.PROJECT_END, end_date=whole_date(args))
    if sub in {"name", "navn"} and args:
        return Command(kind=CommandKind.PROJECT_NAME, name=args.strip())
    if sub in {"organisation", "organization", "org", "organisasjon", "koordinator"} and args:
        return Command(kind=CommandKind.PROJECT_ORGANISATION, name=args.strip())
    if not args:
        raise UnknownCommand(text=f"project {sub}")
    return None


def _partner(rest: str, _: ProcedureCatalog) -> Command | None:
    sub, _sep, args = rest.partition(" ")
    access = parse_partner_access(sub, args.strip())
    if access is not None:
        return access
    if sub.lower() not in _ADD:
        return None
    return partner_add(args.removeprefix("til ").strip())


def _member(rest: str, _: ProcedureCatalog) -> Command | None:
    sub, _sep, args = rest.partition(" ")
    if sub.lower() not in _ADD:
        return None
    return member_add(args.removeprefix("til ").strip())


_NOUNS: dict[str, _Parser] = {
    "help": _simple(CommandKind.HELP),
    "hjelp": _simple(CommandKind.HELP),
    "?": _simple(CommandKind.HELP),
    "procedures": _simple(CommandKind.PROCEDURES),
    "prosedyrer": _simple(CommandKind.PROCEDURES),
    "project": _project,
    "prosjekt": _project,
    "partner": _partner,
    "member": _member,
    "medlem": _member,
    "start": _start,
    "begynn": _start,
    "status": _status,
    "done": _step(CommandKind.DONE),
    "ferdig": _step(CommandKind.DONE),
    "skip": _step(CommandKind.SKIP),
    "hopp": _step(CommandKind.SKIP),
    "undo": _step(CommandKind.UNDO),
    "angre": _step(CommandKind.UNDO),
    "back": _simple(CommandKind.BACK),
    "tilbake": _simple(CommandKind.BACK),
    "audit": _simple(CommandKind.AUDIT),
    "logg": _simple(CommandKind.AUDIT),
    "remind": lambda rest, _: parse_remind(rest),
    "påminnelse": lambda rest, _: parse_remind(rest),
    "påminnelser": lambda rest, _: parse_remind(rest),
    "minn": lambda rest, _: parse_minn(rest),
}
