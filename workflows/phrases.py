"""Plain-language equivalents of the commands in Bokmål and English ("prosjektet vårt slutter 31.08.2025")."""

from __future__ import annotations

import re
from collections.abc import Callable

from workflows.arguments import member_add, member_remove, partner_add, partner_named, partner_rename
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


def _partner_remove(match: re.Match[str], _: ProcedureCatalog) -> Command:
    return partner_named(CommandKind.PARTNER_REMOVE, match["rest"], usage="partner_remove")


def _rename(match: re.Match[str], _: ProcedureCatalog) -> Command:
    return partner_rename(f"{match['old']} = {match['new'].strip(' .!')}")


def _withdraw(match: re.Match[str], _: ProcedureCatalog) -> Command:
    return partner_named(CommandKind.PARTNER_WITHDRAW, match["rest"], usage="partner_withdraw")


def _member_remove(match: re.Match[str], _: ProcedureCatalog) -> Command:
    return member_remove(match["who"])


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


_Q = r"\s*[?!.]*$"
# Questions about the project itself, answered from its state (they must come before "neste steg" = done).
_QUESTIONS: tuple[tuple[re.Pattern[str], _Builder], ...] = (
    (
        _p(
            r"^(?:hva er |hva blir |what is |what's |whats )?(?:mitt |vårt |det |my |our |the )?",
            r"(?:neste steg(?:et)?|next step)(?: (?:mitt|vårt|for meg|for oss|for me|for us))?\s*\?+$",
            r"|^(?:hva gjør jeg nå|hva må jeg gjøre|what do i do now|what should i do now|what do i need to do)",
            _Q,
        ),
        _fixed(CommandKind.NEXT_STEP, explicit=True),
    ),
    (  # the run's next step and whom it waits for, not only the asker's
        _p(
            r"^(?:hva skjer|hva skjer nå|hva skjer videre|hva skjer så|hva nå|hva gjør vi nå",
            r"|what happens next|what happens now|what now|what do we do now|what's next|whats next)",
            _Q,
        ),
        _fixed(CommandKind.WHAT_NEXT, explicit=True),
    ),
    (
        _p(
            r"^(?:hvem|hva) (?:mangler|gjenstår|står igjen)(?: vi| ennå| fortsatt)?",
            r"|^(?:who|what) (?:is|are|'s)? ?(?:still )?(?:missing|left|outstanding)",
            r"|^who (?:has not|hasn't) (?:confirmed|finished|done (?:it|their part))(?: yet)?",
            _Q,
        ),
        _fixed(CommandKind.WHO_MISSING, explicit=True),
    ),
    (
        _p(
            r"^(?:når er |hva er |when is |what is |what's )?(?:fristen|frist|the deadline|deadline)",
            r"(?: (?:vår|vår for sluttrapporten))?\s*\?+$",
            r"|^(?:når er |hva er )(?:fristen vår|vår frist)",
            r"|^(?:when is |what is |what's )(?:our|the project's) deadline",
            r"|^(?:når må vi levere|when (?:is|are) (?:our|the) (?:report|final report) due|when are we due)",
            _Q,
        ),
        _fixed(CommandKind.DEADLINE, explicit=True),
    ),
    (
        _p(r"^(?:ok|okay|okei|oki|greit|takk|tusen takk|thanks|thank you|supert|flott|fint|👍)[.! ]*$"),
        _fixed(CommandKind.ACK, explicit=True),
    ),
)

_PHRASES: tuple[tuple[re.Pattern[str], _Builder], ...] = (
    *_QUESTIONS,
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
            r"^(?:please\s+)?(?:remove|delete|fjern|slett)\s+(?:the\s+)?partner(?:en|skolen)?:?\s+(?P<rest>.+)$"
        ),
        _partner_remove,
    ),
    (
        _p(
            r"^(?:gi\s+)?partner(?:en|skolen)?\s+(?P<old>.+?)\s+(?:heter|skal hete|is called|should be called)\s+(?P<new>.+)$"
        ),
        _rename,
    ),
    (
        _p(
            r"^(?:rename|endre navn på)\s+(?:the\s+)?(?:partner(?:en)?\s+)?(?P<old>.+?)\s+(?:to|til)\s+(?P<new>.+)$"
        ),
        _rename,
    ),
    (
        _p(
            r"^(?:partner(?:en|skolen)?\s+)?(?P<rest>.+?)\s+(?:har trukket seg(?: fra prosjektet)?|has withdrawn|withdrew|has left the project)[.!]*$"
        ),
        _withdraw,
    ),
    (
        _p(
            r"^(?:please\s+)?(?:remove|fjern)\s+(?P<who><@[^>]+>)(?:\s+(?:from the project|fra prosjektet))?[.!]*$"
        ),
        _member_remove,
    ),
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
    (  # a partner's "we have completed our part", «vi er ferdige med vår del»
        _p(
            r"^(?:i|we)(?:'ve| have)? (?:completed|finished|done)(?: (?:our|my) part(?: of the report)?)?",
            r"|^(?:our|my) part(?: of the report)? is (?:done|complete|completed|finished)",
            r"|^(?:jeg|vi) (?:er|har) (?:ferdig|ferdige|fullført|gjort)",
            r"(?: (?:med )?(?:vår|min) del(?:en)?(?: av rapporten)?)?",
            r"|^(?:vår|min) del(?:en)?(?: av rapporten)? er (?:ferdig|gjort|fullført)",
            r"[.!]*$",
        ),
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
