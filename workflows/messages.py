"""Every user-facing string of the procedures and checklists, in Bokmål and English side by side."""

from __future__ import annotations

from datetime import date, datetime

from knowledge.models import Language

USAGE: dict[str, str] = {
    "project_add": "project add <project number> <end date> [name]",
    "project_show": "project show",
    "project_end": "project end <date>",
    "project_name": "project name <name>",
    "project_organisation": "project organisation <coordinating school>",
    "partner_add": "partner add <name>, <country>",
    "member_add": "member add <user-id> coordinator | member add <user-id> partner <partner name>",
    "start": "start final-report | start results-upload | start budget-change",
    "status": "status",
    "done": "done [step]",
    "skip": "skip [step]",
    "undo": "undo [step]",
    "back": "back",
    "audit": "audit",
    "procedures": "procedures",
    "help": "help",
    "remind_list": "remind list",
    "remind_add": "remind add <date> [time] <text>",
    "remind_remove": "remind remove <id>",
    "remind_pause": "remind pause | remind resume",
}
_CATALOGUE: dict[str, tuple[str, str]] = {
    "help.title": (
        "Kommandoer (på norsk går også vanlige setninger):",
        "Commands (plain sentences work too):",
    ),
    "help.project_add": (
        "opprett prosjektet for kanalen; du blir koordinator",
        "create the channel's project; you become its coordinator",
    ),
    "help.project_show": (
        "vis prosjektet, sluttdato og frist for sluttrapporten",
        "show the project, its end date and the final report deadline",
    ),
    "help.project_end": (
        "endre sluttdatoen («prosjektet vårt slutter 31.08.2025»)",
        'change the end date ("our project ends August 31, 2025")',
    ),
    "help.project_name": ("endre prosjektnavnet", "rename the project"),
    "help.project_organisation": ("sett koordinerende skole", "set the coordinating school"),
    "help.partner_add": (
        "legg til en partnerskole med land («add partner Escola X, PT»)",
        'add a partner school and its country ("add partner Escola X, PT")',
    ),
    "help.member_add": (
        "legg til en person som koordinator eller i en partnerskole",
        "add a person as coordinator or to a partner school",
    ),
    "help.start": ("start en prosedyre", "start a procedure"),
    "help.status": (
        "vis sjekklisten: hvem har gjort hva, og hvem mangler",
        "show the checklist: who did what, and who is missing",
    ),
    "help.done": (
        "kryss av nåværende (eller navngitt) steg – også «ferdig»",
        'tick the current (or named) step - "ferdig" too',
    ),
    "help.skip": (
        "hopp over et steg som ikke gjelder dere – også «hopp over»",
        'skip a step that does not apply - "hopp over" too',
    ),
    "help.undo": ("angre en avkrysning – også «angre»", 'untick a step - "angre" too'),
    "help.back": ("gå ett steg tilbake – også «tilbake»", 'go one step back - "tilbake" too'),
    "help.audit": ("vis loggen over avkrysninger (koordinator)", "show the log of ticks (coordinator)"),
    "help.procedures": ("list prosedyrene", "list the procedures"),
    "help.help": ("denne lista – også «hjelp»", 'this list - "hjelp" too'),
    "help.footer": (
        "Andre spørsmål svarer jeg på fra HK-dirs veiledning, også midt i en prosedyre.",
        "I answer other questions from HK-dir's guidance, also in the middle of a procedure.",
    ),
    "procedures.title": ("Prosedyrer:", "Procedures:"),
    "project.created": (
        "Prosjektet {number} «{name}» hører nå til denne kanalen, og du er koordinator. Sluttrapporten skal leveres innen {deadline}.",
        'Project {number} "{name}" now belongs to this channel and you are its coordinator. The final report is due by {deadline}.',
    ),
    "project.updated": ("Prosjektet er oppdatert.", "The project is updated."),
    "project.line": ("Prosjekt {number} «{name}»", 'Project {number} "{name}"'),
    "project.dates": (
        "Slutter {end} · sluttrapporten skal leveres innen {deadline} (60 dager etter slutt)",
        "Ends {end} · the final report is due by {deadline} (60 days after the end)",
    ),
    "project.organisation": ("Koordinerende skole: {organisation}", "Coordinating school: {organisation}"),
    "project.partners": ("Partnere: {partners}", "Partners: {partners}"),
    "project.no_partners": (
        "Ingen partnere ennå – legg til med «partner add <navn>, <land>».",
        'No partners yet - add one with "partner add <name>, <country>".',
    ),
    "project.people": ("Folk: {people}", "People: {people}"),
    "partner.added": (
        "Partneren {name} ({country}) er lagt til. Legg til folkene deres med «member add <id> partner {name}».",
        'Partner {name} ({country}) is added. Add their people with "member add <id> partner {name}".',
    ),
    "member.added": ("{user} er lagt til som {role}.", "{user} is added as {role}."),
    "role.coordinator": ("koordinator", "coordinator"),
    "role.partner": ("partner i {partner}", "partner at {partner}"),
    "party.coordinator": ("koordinator", "the coordinator"),
    "party.anyone": ("hvem som helst i prosjektet", "anyone in the project"),
    "run.started": ("Vi starter «{title}». {summary}", 'Let\'s start "{title}". {summary}'),
    "run.resumed": ("Vi fortsetter med «{title}».", 'We continue with "{title}".'),
    "run.complete": ("Alle stegene i «{title}» er ferdige.", 'Every step of "{title}" is done.'),
    "run.deadline": ("Frist: {deadline}.", "Due: {deadline}."),
    "step.heading": ("Steg {number} av {total}: {title}", "Step {number} of {total}: {title}"),
    "step.for_whom": ("Gjøres av: {party}", "Done by: {party}"),
    "step.source": ("Kilde: HK-dir, «{section}» – {url}", 'Source: HK-dir, "{section}" - {url}'),
    "step.evidence": ("Dokumentasjon: {evidence}", "Evidence: {evidence}"),
    "step.due": ("Frist: {due}", "Due: {due}"),
    "step.hint": ("Merk: {hint}", "Note: {hint}"),
    "step.prompt": (
        "Skriv «ferdig» når det er gjort, «hopp over» om det ikke gjelder dere, eller still et spørsmål.",
        'Type "done" when it is done, "skip" if it does not apply, or ask a question.',
    ),
    "step.waiting": (
        "Dette steget er det {party} som gjør. Skriv «status» for å se hvem som mangler.",
        'This step is for {party}. Type "status" to see who is missing.',
    ),
    "step.ticked": ("Avkrysset: {title}{partner}.", "Ticked: {title}{partner}."),
    "step.skipped": ("Hoppet over: {title}{partner}.", "Skipped: {title}{partner}."),
    "step.unticked": ("Angret: {title}{partner} er åpent igjen.", "Undone: {title}{partner} is open again."),
    "step.for_partner": (" for {partner}", " for {partner}"),
    "step.back": (
        "Tilbake til et tidligere steg (ingenting er endret).",
        "Back to an earlier step (nothing was changed).",
    ),
    "step.already_done": (
        "«{title}» er allerede krysset av av {by}, {at}. Ingenting ble endret.",
        '"{title}" was already ticked by {by}, {at}. Nothing was changed.',
    ),
    "step.already_skipped": (
        "«{title}» ble allerede hoppet over av {by}, {at}. Ingenting ble endret.",
        '"{title}" was already skipped by {by}, {at}. Nothing was changed.',
    ),
    "step.stale": (
        "Sjekklisten var endret siden du så den – her er den nå.",
        "The checklist had changed since you saw it - here it is now.",
    ),
    "step.not_settled": (
        "«{title}» er ikke krysset av, så det er ingenting å angre.",
        '"{title}" is not ticked, so there is nothing to undo.',
    ),
    "step.nothing_to_undo": (
        "Du har ikke krysset av noe i denne prosedyren ennå.",
        "You have not ticked anything in this procedure yet.",
    ),
    "status.summary": (
        "«{title}» for {number}: {settled} av {total} steg ferdig.",
        '"{title}" for {number}: {settled} of {total} steps done.',
    ),
    "status.waiting": ("Venter på {party} ({people}): {steps}", "Waiting for {party} ({people}): {steps}"),
    "status.nobody": ("ingen registrert", "nobody registered"),
    "resume.hint": (
        "(Vi er på steg {number} av {total} i «{title}»: {step}. Skriv «ferdig» når det er gjort.)",
        '(We are at step {number} of {total} of "{title}": {step}. Type "done" when it is done.)',
    ),
    "audit.title": ("Logg for {number} (nyeste først):", "Log for {number} (newest first):"),
    "audit.empty": ("Ingen avkrysninger ennå.", "Nothing ticked yet."),
    "audit.tick": ("krysset av", "ticked"),
    "audit.untick": ("angret", "unticked"),
    "audit.skip": ("hoppet over", "skipped"),
    "state.done": ("gjort", "done"),
    "state.skipped": ("hoppet over", "skipped"),
    "state.open": ("ikke gjort", "not done"),
    "state.partial": ("delvis", "partly"),
    "error.not_member": (
        "Du er ikke med i prosjektet {detail}, så du kan ikke se eller endre sjekklistene her. Be koordinator om å legge deg til.",
        "You are not part of project {detail}, so you cannot see or change its checklists. Ask the coordinator to add you.",
    ),
    "error.coordinator_step": (
        "Steget «{detail}» gjøres av koordinator, og du er med som partner – så du kan ikke krysse det av.",
        'Step "{detail}" is the coordinator\'s, and you take part as a partner - so you cannot tick it.',
    ),
    "error.partner_step": (
        "Steget «{detail}» gjør hver partnerskole selv; koordinator kan ikke krysse av for en partner.",
        'Step "{detail}" is done by each partner school itself; the coordinator cannot tick it for a partner.',
    ),
    "error.coordinator_only": (
        "Det er bare koordinator som kan gjøre dette.",
        "Only the coordinator can do this.",
    ),
    "error.no_project": (
        "Denne kanalen har ikke noe prosjekt ennå. Opprett det med «project add <prosjektnummer> <sluttdato> [navn]».",
        'This channel has no project yet. Create it with "project add <project number> <end date> [name]".',
    ),
    "error.project_exists": (
        "Det finnes allerede et prosjekt i denne kanalen eller med dette nummeret. Skriv «project show».",
        'There is already a project in this channel or with that number. Type "project show".',
    ),
    "error.partner_exists": (
        "Partneren {text} er allerede med i prosjektet.",
        "Partner {text} is already in the project.",
    ),
    "error.no_active_run": (
        "Ingen prosedyre er i gang her. Start med «start final-report», «start results-upload» eller «start budget-change».",
        'No procedure is running here. Start with "start final-report", "start results-upload" or "start budget-change".',
    ),
    "error.invalid_date": (
        "Jeg klarte ikke å lese «{text}» som en dato som finnes. Hvilken dato mener du? Skriv for eksempel 31.08.2025 eller 31. august 2025.",
        'I could not read "{text}" as a date that exists. Which date do you mean? Write for example 31.08.2025 or August 31, 2025.',
    ),
    "error.invalid_project_number": (
        "«{text}» er ikke et gyldig Erasmus+-prosjektnummer. Det ser slik ut: 2020-1-NO01-KA229-012345.",
        '"{text}" is not a valid Erasmus+ project number. It looks like this: 2020-1-NO01-KA229-012345.',
    ),
    "error.unknown_country": (
        "Jeg kjenner ikke landet «{text}». Bruk landkoden, for eksempel PT, DE eller ES.",
        'I do not know the country "{text}". Use its code, for example PT, DE or ES.',
    ),
    "error.unknown_command": (
        "Jeg kjenner ikke kommandoen «{text}». Skriv «help» for å se kommandoene.",
        'I do not know the command "{text}". Type "help" to see the commands.',
    ),
    "error.missing_argument": (
        "Det mangler noe. Skriv det slik: {usage}",
        "Something is missing. Write it like this: {usage}",
    ),
    "error.unknown_procedure": (
        "Prosedyren «{text}» finnes ikke. Velg en av: {ids}.",
        'There is no procedure "{text}". Choose one of: {ids}.',
    ),
    "error.unknown_step": (
        "Steget «{text}» finnes ikke i denne prosedyren. Stegene er: {ids}.",
        'There is no step "{text}" in this procedure. The steps are: {ids}.',
    ),
    "error.unknown_partner": (
        "Partneren «{text}» er ikke med i prosjektet. Partnere: {names}.",
        'Partner "{text}" is not in the project. Partners: {names}.',
    ),
    "error.storage": (
        "Jeg fikk ikke lagret noe – databasen svarer ikke akkurat nå. Ingenting ble endret; prøv igjen om litt.",
        "I could not save anything - the database is not answering right now. Nothing was changed; please try again shortly.",
    ),
    "error.concurrent": (
        "Noen andre endret det samme i samme øyeblikk. Ingenting ble endret; prøv igjen.",
        "Someone else changed the same thing at the same moment. Nothing was changed; please try again.",
    ),
    "render.here": ("<- du er her", "<- you are here"),
    "render.version": ("versjon {version}", "version {version}"),
    "render.dashboard": ("Partnership Dashboard:", "Partnership Dashboard:"),
    "render.partner_row": (
        "{partner} ({country}): {done} av {total}",
        "{partner} ({country}): {done} of {total}",
    ),
    "render.missing": ("mangler {steps}", "missing {steps}"),
    "render.by": ("{who}, {when}, {platform}", "{who}, {when}, {platform}"),
    "render.skipped_by": ("hoppet over av {who}, {when}, {platform}", "skipped by {who}, {when}, {platform}"),
    "chat.helpful": ("👍 Nyttig", "👍 Helpful"),
    "chat.not_helpful": ("👎 Ikke nyttig", "👎 Not helpful"),
    "chat.done_button": ("Ferdig ✓", "Done ✓"),
    "chat.progress": ("{settled} av {total} steg ferdig", "{settled} of {total} steps settled"),
    "chat.thread_hint": (
        "Skriv «ferdig» i tråden her, eller trykk på knappene.",
        "Say \"done\" in this thread, or press the buttons.",
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
    "home.days_left": (" – om {days} dager", " – in {days} days"),
    "home.overdue": (" – *{days} dager på overtid*", " – *{days} days overdue*"),
    "home.today": (" – *i dag*", " – *today*"),
    "home.final-report": ("sluttrapporten i Mobility Tool+", "final report in Mobility Tool+"),
    "home.results-upload": (
        "resultater på Erasmus+ Project Results Platform", "results on the Erasmus+ Project Results Platform"
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
    "help.remind_list": (
        "vis påminnelsene om fristen for sluttrapporten",
        "show the reminders of the final report deadline",
    ),
    "help.remind_add": (
        "legg inn en påminnelse (koordinator) – også «minn oss på 15.10.2025 kl. 10 om å …»",
        'add a reminder (coordinator) - "remind us on October 15, 2025 at 10:00 to …" too',
    ),
    "help.remind_remove": ("fjern en påminnelse (koordinator)", "remove a reminder (coordinator)"),
    "help.remind_pause": (
        "sett påminnelsene på pause, eller slå dem på igjen (koordinator)",
        "pause the reminders, or turn them back on (coordinator)",
    ),
    "reminder.project_ends": (
        "Prosjektet {number} «{name}» slutter {end}. Sluttrapporten skal leveres innen {deadline} (60 dager etter slutt).",
        'Project {number} "{name}" ends {end}. The final report is due by {deadline} (60 days after the end).',
    ),
    "reminder.days_left": (
        "Sluttrapporten for {number} «{name}» skal leveres innen {deadline} – om {days} dager.",
        'The final report for {number} "{name}" is due by {deadline} - in {days} days.',
    ),
    "reminder.due_today": (
        "I dag er fristen for sluttrapporten for {number} «{name}» ({deadline}).",
        'Today is the deadline of the final report for {number} "{name}" ({deadline}).',
    ),
    "reminder.overdue": (
        "Fristen for sluttrapporten for {number} «{name}» var {deadline}, for {days} dager siden. Send den inn så snart som mulig.",
        'The final report for {number} "{name}" was due on {deadline}, {days} days ago. Please submit it as soon as possible.',
    ),
    "reminder.custom": ("Påminnelse for {number}: {text}", "Reminder for {number}: {text}"),
    "reminder.late": (
        "(Forsinket: denne påminnelsen skulle vært sendt {when}.)",
        "(Late: this reminder was due {when}.)",
    ),
    "reminder.not_started": (
        "Sluttrapporten er ikke startet ennå – koordinator starter den med «start final-report».",
        'The final report has not been started yet - the coordinator starts it with "start final-report".',
    ),
    "reminder.missing": ("Mangler fra {party}: {steps}", "Still missing from {party}: {steps}"),
    "reminder.results_upload": (
        "Husk også å laste opp resultatene i Erasmus+ Project Results Platform («start results-upload»).",
        'Remember to upload the results to the Erasmus+ Project Results Platform too ("start results-upload").',
    ),
    "reminder.footer": ("Skriv «status» for å se sjekklisten.", 'Type "status" to see the checklist.'),
    "reminder.checklist_link": ("Sjekklisten", "Checklist"),
    "reminder.failed_dm": (
        "Jeg fikk ikke lagt ut en påminnelse i kanalen til {number} «{name}» ({reason}). Sjekk at jeg er med i kanalen. Påminnelsen var:\n{text}",
        'I could not post a reminder in the channel of {number} "{name}" ({reason}). Check that I am in the channel. The reminder was:\n{text}',
    ),
    "remind.list_title": (
        "Påminnelser for {number} (sluttrapporten skal leveres innen {deadline}):",
        "Reminders for {number} (the final report is due by {deadline}):",
    ),
    "remind.is_paused": (
        "Påminnelsene er satt på pause – skriv «remind resume» for å slå dem på igjen.",
        'The reminders are paused - type "remind resume" to turn them back on.',
    ),
    "remind.empty": ("Ingen planlagte påminnelser.", "No reminders planned."),
    "remind.label_end": ("prosjektet slutter", "the project ends"),
    "remind.label_before": ("{days} dager før fristen", "{days} days before the deadline"),
    "remind.label_deadline": ("fristen", "the deadline"),
    "remind.label_overdue": ("{weeks} uke(r) over fristen", "{weeks} week(s) past the deadline"),
    "remind.label_custom": ("«{text}» (fra {by})", '"{text}" (from {by})'),
    "remind.added": ("Påminnelse {id} er lagt inn til {when}.", "Reminder {id} is set for {when}."),
    "remind.moved": (
        "{day} er helg eller helligdag, så den kommer siste arbeidsdag før.",
        "{day} is a weekend or public holiday, so it comes on the working day before.",
    ),
    "remind.removed": ("Påminnelse {id} er fjernet.", "Reminder {id} is removed."),
    "remind.unknown": (
        "Det finnes ingen planlagt påminnelse {id}. Skriv «remind list» for å se dem.",
        'There is no planned reminder {id}. Type "remind list" to see them.',
    ),
    "remind.past": (
        "{when} har allerede vært. Velg et tidspunkt fram i tid.",
        "{when} has already passed. Choose a moment in the future.",
    ),
    "remind.paused": (
        "Påminnelsene for {number} er satt på pause. Skriv «remind resume» for å slå dem på igjen.",
        'The reminders for {number} are paused. Type "remind resume" to turn them back on.',
    ),
    "remind.resumed": (
        "Påminnelsene for {number} er slått på igjen.",
        "The reminders for {number} are turned back on.",
    ),
    "remind.unavailable": (
        "Påminnelser er ikke satt opp her.",
        "Reminders are not set up here.",
    ),
    "error.unexpected": (
        "Noe gikk galt hos meg, og ingenting ble endret. Prøv igjen.",
        "Something went wrong on my side and nothing was changed. Please try again.",
    ),
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def say(key: str, language: Language, /, **values: object) -> str:
    """The message ``key`` in ``language``, with ``values`` filled in."""
    nb, en = _CATALOGUE[key]
    return (nb if language is Language.NB else en).format(**values)


def format_date(day: date, language: Language) -> str:
    """A date the way readers of ``language`` write it: 31.08.2025 or 31 Aug 2025."""
    if language is Language.NB:
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_moment(moment: datetime, language: Language) -> str:
    """A UTC timestamp for people: 21.11.2025 kl. 14:05 UTC / 21 Nov 2025 14:05 UTC."""
    clock = moment.strftime("%H:%M")
    joiner = " kl. " if language is Language.NB else " "
    return f"{format_date(moment.date(), language)}{joiner}{clock} UTC"
