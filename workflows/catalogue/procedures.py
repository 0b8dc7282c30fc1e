"""Projects, procedures, checklists, help and errors: the strings of the shared command syntax. Bokmål first, English second."""

ENTRIES: dict[str, tuple[str, str]] = {
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
    "run.other_action": (
        "Obs: stegene følger HK-dirs veiledning for {actions}, og prosjektet ditt er et {action}-prosjekt. "
        "Rapportering og endringer kan foregå annerledes for {action} (for eksempel i Beneficiary Module); "
        "sjekk HK-dirs sider for {action} eller spør HK-dir før du følger stegene.",
        "Note: these steps follow HK-dir's guidance for {actions}, and your project is a {action} project. "
        "Reporting and changes may work differently for {action} (for example in the Beneficiary Module); "
        "check HK-dir's pages for {action} or ask HK-dir before you follow the steps.",
    ),
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
        "Sjekklisten var endret siden du så den. Skriv «status» for å se den slik den er nå.",
        'The checklist had changed since you saw it. Type "status" to see it as it is now.',
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
    "error.date_out_of_range": (
        "«{text}» ligger utenfor årene 2000–2099. Skriv datoen med firesifret år, for eksempel 31.08.2025.",
        '"{text}" is outside the years 2000–2099. Write the date with a four-digit year, for example 31.08.2025.',
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
    "render.dashboard": ("Partnerne:", "Partners:"),
    "render.partner_row": (
        "{partner} ({country}): {done} av {total}",
        "{partner} ({country}): {done} of {total}",
    ),
    "render.missing": ("mangler {steps}", "missing {steps}"),
    "render.by": ("{who}, {when}", "{who}, {when}"),
    "render.skipped_by": ("hoppet over av {who}, {when}", "skipped by {who}, {when}"),
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
    "error.unexpected": (
        "Noe gikk galt hos meg, og ingenting ble endret. Prøv igjen.",
        "Something went wrong on my side and nothing was changed. Please try again.",
    ),
}
