"""Plain-language equivalents of the commands in Bokmål and English ("prosjektet vårt slutter 31.08.2025")."""

from __future__ import annotations

import re
from collections.abc import Callable

from workflows.arguments import member_add, partner_add
from workflows.commands import Command, CommandKind
from workflows.dates import match_date
from workflows.definitions import ProcedureCatalog
from workflows.errors import InvalidDate

_Builder = Callable[[re.Match[str], ProcedureCatalog], Command | None]


def _end_date(match: re.Match[str], _: ProcedureCatalog) -> Command:
    rest = match["rest"].strip()
    dated = match_date(rest)
    if dated is None or dated[1].strip(" .!"):
        raise InvalidDate(text=rest.rstrip(" .!"))
    return Command(kind=CommandKind.PROJECT_END, end_date=dated[0])


def _partner(match: re.Match[str], _: ProcedureCatalog) -> Command:
    return partner_add(match["rest"].strip(" .!"))


def _member(match: re.Match[str], _: ProcedureCatalog) -> Command:
    return member_add(f"{match['who']} {match['role'].strip(' .!')}")


def _start(match: re.Match[str], procedures: ProcedureCatalog) -> Command | None:
    procedure = procedures.match(match["rest"])
    return Command(kind=CommandKind.START, procedure_id=procedure.id) if procedure else None


def _fixed(kind: CommandKind, *, explicit: bool = False) -> _Builder:
    def build(_match: re.Match[str], _procedures: ProcedureCatalog) -> Command:
        return Command(kind=kind, explicit=explicit)

    return build


_OWNER = r"(?:prosjektet|prosjektet vårt|vårt prosjekt|our project|the project|project)\s+"
_END_VERB = r"(?:slutter|avsluttes|ender|ends|will end|finishes|ended|sluttet)(?:\s+(?:den|on|the|på))?"
_ME = r"(?:jeg er |vi er |i'?m |we'?re |i am |we are )?"


def _p(*parts: str) -> re.Pattern[str]:
    return re.compile("".join(parts), re.IGNORECASE)


_PHRASES: tuple[tuple[re.Pattern[str], _Builder], ...] = (
    (_p("^", _OWNER, _END_VERB, r"\s+(?P<rest>[^?]+)$"), _end_date),
    (_p(r"^(?:sluttdato(?:en)?|the end date|end date)\s+(?:er|is|blir|:)?\s*(?P<rest>[^?]+)$"), _end_date),
    (
        _p(
            r"^(?:please\s+)?(?:add|legg til|ny|new)\s+(?:a\s+|en\s+)?",
            r"partner(?:en|skole)?:?\s+(?P<rest>.+)$",
        ),
        _partner,
    ),
    (_p(r"^(?:add|legg til)\s+(?P<who><@[^>]+>|@?[\w.:-]+)\s+(?:as|som)\s+(?P<role>.+)$"), _member),
    (
        _p(
            r"^(?:la oss\s+|let'?s\s+|jeg vil\s+|i want to\s+|vi vil\s+|we want to\s+)?",
            r"(?:start|starte|begin|begynne|begynn|start på|begynne på|jobbe med|work on)\s+(?P<rest>[^?]+)$",
        ),
        _start,
    ),
    (
        _p("^", _ME, r"(?:ferdig|done|finished|gjort)(?: med det| with it| with that| nå| now)?[.!]*$"),
        _fixed(CommandKind.DONE),
    ),
    (
        _p(r"^(?:det er gjort|that'?s done|it'?s done|neste|next|next step|neste steg)[.!]*$"),
        _fixed(CommandKind.DONE),
    ),
    (
        _p(r"^(?:hopp over(?: dette| det| steget)?|skip (?:this|it|that|this step)|gå videre uten)[.!]*$"),
        _fixed(CommandKind.SKIP),
    ),
    (_p(r"^(?:gå tilbake|forrige(?: steg)?|go back|previous(?: step)?)[.!]*$"), _fixed(CommandKind.BACK)),
    (_p(r"^(?:angre(?: det| siste)?|undo (?:that|it|the last)|oops,? undo)[.!]*$"), _fixed(CommandKind.UNDO)),
    (
        _p(
            r"^(?:vis |show )?(?:status|sjekklisten|sjekkliste|the checklist|checklist|fremdrift|progress)",
            r"[.!]*$",
            r"|^(?:hvor er vi|hvor langt har vi kommet|where are we|how far are we)\??$",
        ),
        _fixed(CommandKind.STATUS),
    ),
    (
        _p(r"^(?:vis prosjektet|vis prosjekt|show (?:the |our )?project)[.!?]*$"),
        _fixed(CommandKind.PROJECT_SHOW, explicit=True),
    ),
)


def parse_phrase(text: str, *, procedures: ProcedureCatalog) -> Command | None:
    """The command a plain-language sentence stands for, or None.

    Raises:
        InputError: the sentence clearly states something (an end date, a partner) that cannot be read.
    """
    for pattern, build in _PHRASES:
        match = pattern.match(text.strip())
        if match:
            return build(match, procedures)
    return None
