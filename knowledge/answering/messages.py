"""Every user-facing sentence of the answer engine, in Bokmål and English (the one catalogue shape)."""

from __future__ import annotations

from core.catalogue import Catalogue
from core.language import Language

ENTRIES: dict[str, tuple[str, str]] = {
    "abstain": (
        "Jeg finner ikke svar på dette i HK-dirs veiledning, og jeg vil ikke gjette. Spør HK-dir direkte: {contact}",
        "I can't find the answer to this in HK-dir's guidance, and I won't guess. Please ask HK-dir directly: {contact}",
    ),
    "follows_nothing": (
        "Jeg har ikke noe tidligere svar her å fortsette fra. Svar under svaret du mener, eller skriv hele spørsmålet og nevn steget eller fristen det gjelder.",
        "I have no earlier answer here to continue from. Reply under the answer you mean, or ask the whole question, naming the step or deadline it is about.",
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
    "counted_deadline": (
        "Med sluttdato {end} blir det {due} (regnet ut her, ikke sitert fra veiledningen).",
        "With {end} as the end date, that is {due} (counted here, not quoted from the guidance).",
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
    "applies_to": (
        "Dette gjelder {programme}.",
        "This applies to {programme}.",
    ),
    "programmes_differ": (
        "Veiledningen svarer ulikt for ulike programmer. Se hva som gjelder for ditt prosjekt:",
        "The guidance answers differently for different programmes. See which applies to your project:",
    ),
    "and": (
        "og",
        "and",
    ),
    "period_old": (
        "programperioden 2014–2020",
        "the 2014–2020 programme period",
    ),
    "period_new": (
        "programperioden 2021–2027",
        "the 2021–2027 programme period",
    ),
    # The name of each action as the answers label it (see knowledge.page_facts.ACTION_NAMES).
    "action.KA229": ("skoleutvekslingspartnerskap", "school exchange partnerships"),
    "action.KA210": ("småskalapartnerskap", "small-scale partnerships"),
    "action.KA220": ("samarbeidspartnerskap", "cooperation partnerships"),
    "action.KA201": ("strategiske partnerskap", "strategic partnerships"),
    "action.KA121": ("akkreditert mobilitet", "accredited mobility"),
    "action.KA122": ("kortvarig mobilitet", "short-term mobility"),
}
CATALOGUE = Catalogue(ENTRIES)


def text(key: str, language: Language, /, **values: object) -> str:
    """The sentence ``key`` in ``language`` with ``values`` filled in."""
    return CATALOGUE.say(key, language, **values)


def action_name(code: str, language: Language) -> str | None:
    """What the action ``code`` ("KA210") is called in ``language``, when the catalogue names it."""
    key = f"action.{code}"
    return CATALOGUE.say(key, language) if key in CATALOGUE else None
