"""Every user-facing sentence of the answer engine, in Bokmål and English (the one catalogue shape)."""

from __future__ import annotations

from core.catalogue import Catalogue
from core.language import Language

ENTRIES: dict[str, tuple[str, str]] = {
    "abstain": (
        "Jeg finner ikke svar på dette i HK-dirs veiledning, og jeg vil ikke gjette. Spør HK-dir direkte: {contact}",
        "I can't find the answer to this in HK-dir's guidance, and I won't guess. Please ask HK-dir directly: {contact}",
    ),
    "empty": (
        "Skriv et spørsmål om Erasmus+-prosjektet ditt, for eksempel «Når er fristen for sluttrapporten?»",
        'Please type a question about your Erasmus+ project, e.g. "When is the final report due?"',
    ),
    "no_words": (
        "Jeg fant ingen ord å søke etter i meldingen. Kan du skrive spørsmålet med ord?",
        "I couldn't find any words to search for in that message. Could you ask in words?",
    ),
    "too_long": (
        "Meldingen er for lang ({length} tegn; grensen er {limit}). Skriv spørsmålet kort, så finner jeg svaret i veiledningen.",
        "That message is too long ({length} characters; the limit is {limit}). Please ask the question briefly and I'll look it up in the guidance.",
    ),
    "source": (
        "Kilde",
        "Source",
    ),
    "updated": (
        "sist oppdatert {date}",
        "last updated {date}",
    ),
    "unofficial": (
        "Uoffisiell oversettelse; den norske siden gjelder.",
        "Unofficial English translation; the Norwegian page is authoritative.",
    ),
    "other_language_only": (
        "Dette står bare på engelsk i veiledningen:",
        "This is only in HK-dir's Norwegian guidance:",
    ),
}
CATALOGUE = Catalogue(ENTRIES)


def text(key: str, language: Language, /, **values: object) -> str:
    """The sentence ``key`` in ``language`` with ``values`` filled in."""
    return CATALOGUE.say(key, language, **values)
