"""The compact command syntax shared by every platform (``project add …``, ``done [step]``, ``help`` …)."""

from __future__ import annotations

import re
from collections.abc import Callable

from core.language import Language
from workflows.arguments import (
    confirmation,
    member_add,
    member_remove,
    partner_add,
    partner_named,
    partner_rename,
    project_add,
    whole_date,
)
from workflows.commands import Command, CommandKind
from workflows.definitions import ProcedureCatalog
from workflows.errors import MissingArgument, UnknownCommand
from workflows.links.syntax import parse_partner_access
from workflows.models import name_key
from workflows.phrases import parse_phrase
from workflows.reminders.syntax import parse_minn, parse_remind

_STEP_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PRONOUNS = frozenset({"this", "it", "that", "now", "det", "dette", "nå", "steget"})
_ADD = {"add", "legg", "ny", "new", "opprett", "create"}
_REMOVE = {"remove", "fjern", "slett", "delete"}
_RENAME = {"rename", "endre", "navn", "gi"}
_WITHDRAW = {"withdraw", "withdrawn", "trekk", "trukket", "uttrekk"}
_LANGUAGES = {
    "nb": Language.NB, "no": Language.NB, "norsk": Language.NB, "bokmål": Language.NB,
    "norwegian": Language.NB, "en": Language.EN, "english": Language.EN, "engelsk": Language.EN,
}  # fmt: skip
_PROJECT_NOUNS = frozenset({"prosjekt", "prosjektet", "project"})
_FUZZY_MIN = 5  # shorter words are too easily another word ("dine" is not "done")
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
    parser = _NOUNS.get(head.lower().rstrip(":")) or _NOUNS.get(near_word(head.lower().rstrip(":.!")) or "")
    command = parser(rest.strip(), procedures) if parser else None
    if command is None:
        command = parse_phrase(cleaned, procedures=procedures)
    if command is None and prefixed:
        raise UnknownCommand(text=head)
    return command


def near_word(word: str) -> str | None:
    """The one command word ``word`` is a typo of (a letter missing, extra, wrong or two swapped), if any."""
    if len(word) < _FUZZY_MIN or word in _NOUNS:
        return None
    near = [noun for noun in _NOUNS if len(noun) >= _FUZZY_MIN and _one_edit(word, noun)]
    return near[0] if len(near) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
        return len(diff) == 1 or swapped
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _simple(kind: CommandKind) -> _Parser:
    def parser(rest: str, _: ProcedureCatalog) -> Command | None:
        return Command(kind=kind) if not rest else None

    return parser


def _step(kind: CommandKind) -> _Parser:
    def parser(rest: str, procedures: ProcedureCatalog) -> Command | None:
        words = rest.lower().removeprefix("over").strip(" .!")  # "hopp over [step]"
        if not words:
            return Command(kind=kind)
        if words in _PRONOUNS:
            return None  # "skip this": a plain-language phrase
        if _STEP_ID.match(words):
            return Command(kind=kind, step_id=words)
        step_id = step_by_title(words, procedures)  # «ferdig med det kvalitative innholdet»
        return Command(kind=kind, step_id=step_id) if step_id else None

    return parser


_FILLER = frozenset(
    "med det den de dette steget with the a an it this step og and for av of på on i in er is".split()
)


def step_by_title(text: str, procedures: ProcedureCatalog) -> str | None:
    """The one step whose title (Bokmål or English) holds every word of ``text`` (accents and case aside)."""
    words = [w for w in name_key(text).split() if w not in _FILLER]
    if not words:
        return None
    found = {
        step.id
        for procedure in procedures
        for step in procedure.steps
        for title in (step.title.nb, step.title.en)
        if all(word in name_key(title) for word in words)
    }
    return found.pop() if len(found) == 1 else None


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
        dated, confirmed = confirmation(args)
        return Command(kind=CommandKind.PROJECT_END, end_date=whole_date(dated), confirmed=confirmed)
    if sub in {"language", "språk"}:
        return Command(kind=CommandKind.PROJECT_LANGUAGE, language=_language(args))
    if sub in {"name", "navn"} and args:
        return Command(kind=CommandKind.PROJECT_NAME, name=args.strip())
    if sub in {"organisation", "organization", "org", "organisasjon", "koordinator"} and args:
        return Command(kind=CommandKind.PROJECT_ORGANISATION, name=args.strip())
    if not args:
        raise UnknownCommand(text=f"project {sub}")
    return None


def _language(args: str) -> Language:
    word = args.strip(" .!").lower()
    if word not in _LANGUAGES:
        raise MissingArgument(usage="language", text=args)
    return _LANGUAGES[word]


def _create(rest: str, procedures: ProcedureCatalog) -> Command | None:
    """«opprett prosjekt …» / "create project …"."""
    noun, _sep, args = rest.partition(" ")
    if noun.lower() in _PROJECT_NOUNS:
        return project_add(args.strip())
    return None


def _new(rest: str, procedures: ProcedureCatalog) -> Command | None:
    """«nytt prosjekt 2024-1-NO01-… 31.08.2025» / "new project …": a command only when a project number
    follows, since "New project rules for 2025?" is a question."""
    noun, _sep, args = rest.partition(" ")
    return _create(rest, procedures) if noun.lower() in _PROJECT_NOUNS and args[:1].isdigit() else None


def _partner(rest: str, _: ProcedureCatalog) -> Command | None:
    sub, _sep, args = rest.partition(" ")
    access = parse_partner_access(sub, args.strip())
    if access is not None:
        return access
    sub = sub.lower()
    args = args.removeprefix("til ").strip()
    if sub in _ADD:
        return partner_add(args)
    if sub in _REMOVE:
        return partner_named(CommandKind.PARTNER_REMOVE, args, usage="partner_remove")
    if sub in _RENAME:
        return partner_rename(args.removeprefix("nytt navn ").removeprefix("navn "))
    if sub in _WITHDRAW:
        return partner_named(CommandKind.PARTNER_WITHDRAW, args, usage="partner_withdraw")
    return None


def _member(rest: str, _: ProcedureCatalog) -> Command | None:
    sub, _sep, args = rest.partition(" ")
    if sub.lower() in _REMOVE:
        return member_remove(args)
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
    "opprett": _create,
    "create": _create,
    "nytt": _new,
    "new": _new,
    "language": lambda rest, _: Command(kind=CommandKind.LANGUAGE, language=_language(rest)),
    "språk": lambda rest, _: Command(kind=CommandKind.LANGUAGE, language=_language(rest)),
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
