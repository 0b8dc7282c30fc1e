"""Deadline reminders and the ``remind`` commands. Bokmål first, English second."""

ENTRIES: dict[str, tuple[str, str]] = {
    "reminder.project_ends": (
        "Prosjektet {number} «{name}» slutter {end}. Sluttrapporten skal leveres innen {deadline} (60 dager etter slutt).",
        'Project {number} "{name}" ends {end}. The final report is due by {deadline} (60 days after the end).',
    ),
    "reminder.days_left": (
        "Sluttrapporten for {number} «{name}» skal leveres innen {deadline} – om {days}.",
        'The final report for {number} "{name}" is due by {deadline} - in {days}.',
    ),
    "reminder.due_today": (
        "I dag er fristen for sluttrapporten for {number} «{name}» ({deadline}).",
        'Today is the deadline of the final report for {number} "{name}" ({deadline}).',
    ),
    "reminder.overdue": (
        "Fristen for sluttrapporten for {number} «{name}» var {deadline}, for {days} siden. Send den inn så snart som mulig.",
        'The final report for {number} "{name}" was due on {deadline}, {days} ago. Please submit it as soon as possible.',
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
    "remind.label_before": ("{days} før fristen", "{days} before the deadline"),
    "remind.label_deadline": ("fristen", "the deadline"),
    "remind.label_overdue": ("{weeks} over fristen", "{weeks} past the deadline"),
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
}
