"""Which language a person writes in: chosen from their sentences, never from command words (pure).

«project add 2022-1-NO01-KA229-012345 30.06.2027 Vennskap», "start final-report", «logg» or `remind remove 1`
say nothing about the person; «hva er neste steg?» or "who is missing?" do. The engine keeps the last
language a person's sentences showed and uses it for their command replies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.language import Language
from knowledge.language import detect_language
from knowledge.text.stopwords import STOPWORDS
from knowledge.text.tokens import tokenize
from workflows.definitions import ProcedureCatalog, load_procedures
from workflows.models import Project, Role

_NORWEGIAN_LETTERS = frozenset("æøå")
# The shared command syntax in both languages: these words are typed from the help, not spoken.
_COMMAND_WORDS = frozenset(
    """
    help hjelp procedures prosedyrer project prosjekt prosjektet partner partnere member medlem start begynn
    status done ferdig skip hopp over undo angre back tilbake audit logg remind påminnelse påminnelser minn
    add legg til ny new opprett create remove fjern slett delete rename endre navn withdraw trekk show vis
    end slutt sluttdato name organisation organization org organisasjon koordinator coordinator list liste
    pause resume language språk nb en norsk english engelsk bokmål confirm bekreft as som ok okay takk thanks
    frist deadline
    """.split()
)
_MENTION = re.compile(r"<[@#!][^>]*>|@\S+")
# A country or other code in capitals ("Liceo Galilei, IT", "PT", "OID") names something; read as a word, "IT"
# would be the English "it" and turn a Norwegian coordinator's replies English.
_CODE = re.compile(r"\b[A-ZÆØÅ]{2,3}\b")


def _procedure_words(procedures: ProcedureCatalog) -> frozenset[str]:
    words = {part for p in procedures for part in p.id.split("-")}
    words |= {part for p in procedures for s in p.steps for part in s.id.split("-")}
    return frozenset(words)


_PROCEDURE_WORDS = _procedure_words(load_procedures())


def sentence_words(text: str) -> list[str]:
    """The words of ``text`` that are not command syntax, ids, codes in capitals, numbers, dates or mentions."""
    tokens = tokenize(_CODE.sub(" ", _MENTION.sub(" ", text)))
    return [
        t
        for t in tokens
        if not any(c.isdigit() for c in t) and t not in _COMMAND_WORDS and t not in _PROCEDURE_WORDS
    ]


def sentence_language(text: str) -> Language | None:
    """The language ``text`` is written in, or None when it holds only command words (and names).

    Norwegian letters outside command words say Bokmål; otherwise function words must tell (at least two
    words, more of one language's stop words), or, for four words and more, the statistical detector.
    """
    words = sentence_words(text)
    if _NORWEGIAN_LETTERS & set("".join(words)):
        return Language.NB
    nb = sum(w in STOPWORDS[Language.NB] for w in words)
    en = sum(w in STOPWORDS[Language.EN] for w in words)
    if len(words) >= 2 and nb != en and (nb or en):
        return Language.NB if nb > en else Language.EN
    if len(words) >= 4:
        return detect_language(" ".join(words))
    return None


def default_language(project: Project, user_id: str) -> Language:
    """The language for a project member the bot has not read a sentence from yet.

    A partner school outside Norway gets English; everyone else the project's language (Bokmål by default).
    """
    member = project.member(user_id)
    if member is not None and member.role is Role.PARTNER and member.partner_id is not None:
        partner = next((p for p in project.partners if p.id == member.partner_id), None)
        if partner is not None and partner.country != "NO":
            return Language.EN
    return project.language or Language.NB


def overview_language(projects: Sequence[Project], user_id: str) -> Language | None:
    """The language for someone the bot has not read a sentence from, outside a project's channel (their home
    tab, a thank-you for feedback): their first project's choice for them (``default_language``), None without
    a project."""
    return default_language(projects[0], user_id) if projects else None
