"""Chat platform strings (feedback, Slack and Teams specifics, the home tab, the assistant container), and ``say``
over them together with the workflow catalogue: what the adapters show. Bokmål first, English second."""

from __future__ import annotations

from core.catalogue import Catalogue
from core.language import Language
from workflows.catalogue import links, procedures, project, reminders

ENTRIES: dict[str, tuple[str, str]] = {
    "chat.helpful": ("👍 Nyttig", "👍 Helpful"),
    "chat.not_helpful": ("👎 Ikke nyttig", "👎 Not helpful"),
    "chat.done_button": ("Ferdig ✓", "Done ✓"),
    "chat.progress": ("{settled} av {total} steg ferdig", "{settled} of {total} steps settled"),
    "chat.thread_hint": (
        "Skriv «ferdig» i tråden her, eller trykk på knappene.",
        'Say "done" in this thread, or press the buttons.',
    ),
    "chat.no_partners_yet": ("ingen partnere registrert ennå", "no partners registered yet"),
    "chat.not_in_channel": (
        "Jeg er ikke med i kanalen, så jeg fikk ikke svart der. Inviter meg med /invite @Rapportlos og prøv igjen.",
        "I am not in that channel, so I could not answer there. Invite me with /invite @Rapportlos and try again.",
    ),
    "chat.channel_not_found": (
        "Jeg finner ikke kanalen (den kan være arkivert eller privat). Ingenting ble postet der.",
        "I cannot find that channel (it may be archived or private). Nothing was posted there.",
    ),
    "chat.unknown_command": ("Den kommandoen kjenner jeg ikke.", "I do not know that command."),
    "home.title": ("Rapportlos – dine Erasmus+-prosjekter", "Rapportlos – your Erasmus+ projects"),
    "home.empty": (
        "Du er ikke med i noe prosjekt ennå. Skriv `/erasmus project add <prosjektnummer> <sluttdato> [navn]` "
        "i prosjektets kanal for å opprette det, eller be koordinatoren legge deg til.",
        "You are not in any project yet. Type `/erasmus project add <project number> <end date> [name]` in the "
        "project's channel to create it, or ask the coordinator to add you.",
    ),
    "home.project": (
        "*{number}* {name}\nSlutter {end} · sluttrapport innen {deadline} · kanal {channel} · du er {role}",
        "*{number}* {name}\nEnds {end} · final report due {deadline} · channel {channel} · you are {role}",
    ),
    "home.run": ("{title}: {progress}{next}", "{title}: {progress}{next}"),
    "home.next": (" · neste: {step}", " · next: {step}"),
    "home.no_runs": (
        "Ingen prosedyre startet. Skriv `/erasmus start final-report` i kanalen.",
        "No procedure started. Type `/erasmus start final-report` in the channel.",
    ),
    "home.deadlines": ("Kommende frister", "Upcoming deadlines"),
    "home.deadline": ("{date}: {what} ({number}){days}", "{date}: {what} ({number}){days}"),
    "home.days_left": (" – om {days}", " – in {days}"),
    "home.overdue": (" – *{days} på overtid*", " – *{days} overdue*"),
    "home.today": (" – *i dag*", " – *today*"),
    "home.final-report": ("sluttrapporten i Mobility Tool+", "final report in Mobility Tool+"),
    "home.results-upload": (
        "resultater på Erasmus+ Project Results Platform",
        "results on the Erasmus+ Project Results Platform",
    ),
    "home.no_deadlines": ("Ingen kommende frister.", "No upcoming deadlines."),
    "home.help": (
        "Still spørsmål om rapporteringen i en DM til meg eller med @Rapportlos i en kanal. `/erasmus help` viser kommandoene.",
        "Ask about reporting in a DM to me or with @Rapportlos in a channel. `/erasmus help` lists the commands.",
    ),
    "home.as_coordinator": ("koordinator", "coordinator"),
    "home.as_partner": ("partner", "partner"),
    "assistant.greeting": (
        "Hei! Jeg svarer på spørsmål om Erasmus+-rapportering og holder sjekklisten for prosjektet ditt. / "
        "Hi! I answer questions about Erasmus+ reporting and keep your project's checklist.",
        "Hi! I answer questions about Erasmus+ reporting and keep your project's checklist. / "
        "Hei! Jeg svarer på spørsmål om Erasmus+-rapportering og holder sjekklisten for prosjektet ditt.",
    ),
    "feedback.helpful": ("Takk! Bra at svaret hjalp.", "Thanks! Glad the answer helped."),
    "feedback.not_helpful": (
        "Takk for at du sa fra. Spør gjerne på en annen måte, eller skriv til HK-dir.",
        "Thanks for telling us. Try asking another way, or write to HK-dir.",
    ),
    "feedback.unknown": (
        "Jeg finner ikke det svaret lenger, så tilbakemeldingen ble ikke lagret.",
        "I cannot find that answer any more, so the feedback was not stored.",
    ),
    "teams.source": ("Kilde", "Source"),
    "teams.updated": ("Sist oppdatert {date}", "Last updated {date}"),
    "teams.unofficial": (
        "Uoffisiell oversettelse – originalen: {original}",
        "Unofficial translation – the original: {original}",
    ),
    "teams.helpful": ("Nyttig", "Helpful"),
    "teams.not_helpful": ("Ikke nyttig", "Not helpful"),
    "teams.step_done": ("Ferdig", "Done"),
    "teams.step_skip": ("Hopp over", "Skip"),
    "teams.step_undo": ("Angre", "Undo"),
    "teams.complete": ("Alle stegene er avklart.", "Every step is settled."),
    "teams.private_fallback": (
        "(Til {name}: Teams har ikke private meldinger i kanaler, og jeg fikk ikke skrevet til deg i en personlig chat.)",
        "(For {name}: Teams has no private messages in channels, and I could not write to you in a personal chat.)",
    ),
    "teams.welcome": (
        "Hei! Jeg er Rapportlos og hjelper med Erasmus+-rapporteringen. Nevn meg med et spørsmål, eller skriv «help».",
        'Hi! I am Rapportlos and help with Erasmus+ reporting. Mention me with a question, or type "help".',
    ),
}


CATALOGUE = Catalogue(procedures.ENTRIES, reminders.ENTRIES, links.ENTRIES, project.ENTRIES, ENTRIES)


def say(key: str, language: Language, /, **values: object) -> str:
    """The message ``key`` (a chat or a workflow message) in ``language``, with ``values`` filled in."""
    return CATALOGUE.say(key, language, **values)
