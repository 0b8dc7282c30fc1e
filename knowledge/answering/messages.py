"""Every user-facing sentence of the answer engine, in Bokmål and English."""

from __future__ import annotations

from datetime import date

from knowledge.models import Language

_MONTHS = {
    Language.NB: [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    Language.EN: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}

TEXTS: dict[str, dict[Language, str]] = {
    "abstain": {
        Language.NB: (
            "Jeg finner ikke svar på dette i HK-dirs veiledning, og jeg vil ikke gjette. "
            "Spør HK-dir direkte: {contact}"
        ),
        Language.EN: (
            "I can't find the answer to this in HK-dir's guidance, and I won't guess. "
            "Please ask HK-dir directly: {contact}"
        ),
    },
    "empty": {
        Language.NB: "Skriv et spørsmål om Erasmus+-prosjektet ditt, for eksempel «Når er fristen for sluttrapporten?»",
        Language.EN: 'Please type a question about your Erasmus+ project, e.g. "When is the final report due?"',
    },
    "no_words": {
        Language.NB: "Jeg fant ingen ord å søke etter i meldingen. Kan du skrive spørsmålet med ord?",
        Language.EN: "I couldn't find any words to search for in that message. Could you ask in words?",
    },
    "too_long": {
        Language.NB: (
            "Meldingen er for lang ({length} tegn; grensen er {limit}). "
            "Skriv spørsmålet kort, så finner jeg svaret i veiledningen."
        ),
        Language.EN: (
            "That message is too long ({length} characters; the limit is {limit}). "
            "Please ask the question briefly and I'll look it up in the guidance."
        ),
    },
    "source": {Language.NB: "Kilde", Language.EN: "Source"},
    "updated": {Language.NB: "sist oppdatert {date}", Language.EN: "last updated {date}"},
    "unofficial": {
        Language.NB: "Uoffisiell oversettelse; den norske siden gjelder.",
        Language.EN: "Unofficial English translation; the Norwegian page is authoritative.",
    },
    "other_language_only": {
        Language.NB: "Dette står bare på engelsk i veiledningen:",
        Language.EN: "This is only in HK-dir's Norwegian guidance:",
    },
}


def text(key: str, language: Language, **values: object) -> str:
    """The sentence ``key`` in ``language`` with ``values`` filled in."""
    return TEXTS[key][language].format(**values)


def format_date(value: date, language: Language) -> str:
    """A date as people write it: "3. januar 2024" or "3 January 2024"."""
    month = _MONTHS[language][value.month - 1]
    if language is Language.NB:
        return f"{value.day}. {month} {value.year}"
    return f"{value.day} {month} {value.year}"
