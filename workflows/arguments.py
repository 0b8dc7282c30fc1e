"""Reading the arguments of the commands that create things: projects, partners and members."""

from __future__ import annotations

import re
from datetime import date

from workflows.commands import Command, CommandKind
from workflows.countries import country_code
from workflows.dates import match_date
from workflows.errors import InvalidDate, InvalidProjectNumber, MissingArgument, UnknownCountry
from workflows.identifiers import looks_like_project_number, project_number, user_id
from workflows.models import Role

_ROLES = {"coordinator": Role.COORDINATOR, "koordinator": Role.COORDINATOR, "partner": Role.PARTNER}
_CONFIRM = re.compile(r"\s+(?:bekreft|bekrefter|confirm|confirmed|ja|yes)[.!]*$", re.IGNORECASE)
_FROM = re.compile(r"\s+(?:fra|from|i|in)$", re.IGNORECASE)
_RENAME = re.compile(r"\s*(?:=|->|→|\bto\b|\btil\b)\s*", re.IGNORECASE)


def confirmation(args: str) -> tuple[str, bool]:
    """The text without a closing «bekreft» / "confirm", and whether it was there (a far date asked back)."""
    stripped = _CONFIRM.sub("", args)
    return stripped, stripped != args


# Words that may stand between a project number and its end date in a sentence: «med sluttdato», «som slutter
# (den)», "with end date", "ending on", "ends".
_END_LEAD = re.compile(
    r"^(?:(?:med|with|og|and|,)\s+)?(?:(?:som|that|which)\s+)?"
    r"(?:sluttdato|sluttdatoen|slutt|slutter|sluttar|end\s+date|ending|ends?)\s*:?\s*(?:(?:den|on|the|er|is)\s+)?",
    re.IGNORECASE,
)


def project_add(args: str) -> Command:
    """``<number> <end date> [name]`` → a PROJECT_ADD command.

    Raises:
        MissingArgument, InvalidProjectNumber, InvalidDate: naming what is wrong.
    """
    args, confirmed = confirmation(args)
    number_text, _, after = args.partition(" ")
    if not number_text:
        raise MissingArgument(usage="project_add")
    if not looks_like_project_number(number_text) and not re.search(r"\d", number_text):
        raise InvalidProjectNumber(text=number_text)
    number = project_number(number_text)
    after = _END_LEAD.sub("", after.strip())  # «… med sluttdato 31.08.2025», "… ending on 31 August 2025"
    if not after.strip():
        raise MissingArgument(usage="project_add", text=args)
    dated = match_date(after)
    if dated is None:
        raise InvalidDate(text=after.strip().split(" ")[0])
    end_date, name = dated
    return Command(
        kind=CommandKind.PROJECT_ADD, number=number, end_date=end_date, name=name or None, confirmed=confirmed
    )


def whole_date(text: str) -> date:
    dated = match_date(text)
    if dated is None or dated[1].strip(" .!"):
        raise InvalidDate(text=text.strip())
    return dated[0]


def partner_add(args: str) -> Command:
    """``<name>[,] <country>`` → a PARTNER_ADD command; the country is a code or a name.

    Raises:
        MissingArgument: no name or no country; UnknownCountry: the country is not known.
    """
    if "," in args:
        name, _, country = args.rpartition(",")
        return _partner_command(name, country_code(country))
    words = args.split()
    for width in (2, 1):  # "United Kingdom" before "Kingdom"
        if len(words) > width:
            try:
                return _partner_command(" ".join(words[:-width]), country_code(" ".join(words[-width:])))
            except UnknownCountry:
                continue
    if len(words) < 2:
        raise MissingArgument(usage="partner_add", text=args)
    raise UnknownCountry(text=words[-1])


def _partner_command(name: str, country: str) -> Command:
    name = _FROM.sub("", name.strip()).strip(" ,")  # «Liceo Galilei fra Italia»
    if not name:
        raise MissingArgument(usage="partner_add")
    return Command(kind=CommandKind.PARTNER_ADD, name=name, country=country)


def partner_rename(args: str) -> Command:
    """``<old name> = <new name>`` → a PARTNER_RENAME command.

    Raises:
        MissingArgument: when either name is missing.
    """
    parts = _RENAME.split(args.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        raise MissingArgument(usage="partner_rename", text=args)
    return Command(kind=CommandKind.PARTNER_RENAME, partner_name=parts[0].strip(), name=parts[1].strip())


def partner_named(kind: CommandKind, args: str, *, usage: str) -> Command:
    """``<name>`` → a command about one partner (remove, withdraw)."""
    name = args.strip(" .!")
    if not name:
        raise MissingArgument(usage=usage)
    return Command(kind=kind, partner_name=name)


def member_remove(args: str) -> Command:
    """``<@user>`` → a MEMBER_REMOVE command."""
    who = args.strip(" .!")
    if not who:
        raise MissingArgument(usage="member_remove")
    return Command(kind=CommandKind.MEMBER_REMOVE, member_id=user_id(who.split()[0]))


def member_add(args: str) -> Command:
    """``<user-id> coordinator`` or ``<user-id> partner <partner name>`` → a MEMBER_ADD command.

    Raises:
        MissingArgument: when the user id or the role is missing or not understood.
    """
    who, _, role_text = args.partition(" ")
    role_word, _, partner = re.sub(r"^(as|som)\s+", "", role_text.strip(), flags=re.I).partition(" ")
    role_word = role_word.lower()
    if not who or role_word not in _ROLES:
        raise MissingArgument(usage="member_add", text=args)
    role = _ROLES[role_word]
    partner_name = re.sub(r"^(for|i|hos|at|of|from|fra)\s+", "", partner.strip(), flags=re.I) or None
    if role is Role.PARTNER and partner_name is None:
        raise MissingArgument(usage="member_add", text=args)
    return Command(
        kind=CommandKind.MEMBER_ADD,
        member_id=user_id(who),
        role=role,
        partner_name=partner_name if role is Role.PARTNER else None,
    )
