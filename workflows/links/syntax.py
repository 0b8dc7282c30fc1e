"""The words of the partner link and e-mail commands: ``partner link [revoke] <name>``,
``partner email <name> <address> [nb|en]``."""

from __future__ import annotations

from core.language import Language
from workflows.commands import Command, CommandKind
from workflows.errors import MissingArgument

_LINK = frozenset({"link", "lenke"})
_EMAIL = frozenset({"email", "e-mail", "epost", "e-post", "mail"})
_REVOKE = frozenset({"revoke", "end", "stopp", "avslutt", "slett"})
_LANGUAGES = {
    "nb": Language.NB,
    "no": Language.NB,
    "norsk": Language.NB,
    "en": Language.EN,
    "english": Language.EN,
}


def parse_partner_access(sub: str, args: str) -> Command | None:
    """A PARTNER_LINK, PARTNER_LINK_REVOKE or PARTNER_EMAIL command, or None for other ``partner`` words.

    Raises:
        MissingArgument: the partner's name (or the address) is missing.
    """
    word = sub.lower()
    if word in _LINK:
        return _link(args)
    if word in _EMAIL:
        return _email(args)
    return None


def _link(args: str) -> Command:
    first, _sep, rest = args.partition(" ")
    if first.lower() in _REVOKE and rest.strip():
        return Command(kind=CommandKind.PARTNER_LINK_REVOKE, partner_name=rest.strip())
    if not args:
        raise MissingArgument(usage="partner_link")
    return Command(kind=CommandKind.PARTNER_LINK, partner_name=args)


def _email(args: str) -> Command:
    words = args.split()
    language = Language.EN
    if words and words[-1].lower() in _LANGUAGES:
        language = _LANGUAGES[words.pop().lower()]
    if len(words) < 2 or "@" not in words[-1]:
        raise MissingArgument(usage="partner_email")
    return Command(
        kind=CommandKind.PARTNER_EMAIL,
        partner_name=" ".join(words[:-1]).rstrip(","),
        text=words[-1],
        contact_language=language,
    )
