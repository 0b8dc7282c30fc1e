"""Answers from the project's own state, corrections of people and partners, order and language. Bokmål first."""

ENTRIES: dict[str, tuple[str, str]] = {
    "and": ("og", "and"),
    "chat.skip_button": ("Hopp over", "Skip"),
    "render.optional": ("kan hoppes over", "may be skipped"),
    "audit.withdraw": ("trakk seg fra prosjektet", "withdrew from the project"),
    "error.step_blocked": (
        "«{title}» kan ikke krysses av ennå. Først mangler: {missing}.",
        '"{title}" cannot be ticked yet. Still missing first: {missing}.',
    ),
    "error.step_chosen": (
        "«{title}» trengs ikke: dere har valgt «{chosen}». Angre det først om dere vil velge annerledes.",
        '"{title}" is not needed: you chose "{chosen}". Undo that first if you want to choose otherwise.',
    ),
    "blocked.item": ("{step} ({party})", "{step} ({party})"),
    "error.date_without_year": (
        "Hvilket år? «{text}» mangler året – skriv for eksempel «{text} 2027».",
        'Which year? "{text}" has no year - write for example "{text} 2027".',
    ),
    "error.far_date": (
        "{date} er mer enn ti år fra i dag. Stemmer det? Rett datoen, eller skriv det samme på nytt med «bekreft» til slutt.",
        '{date} is more than ten years from today. Is that right? Correct the date, or write the same again with "confirm" at the end.',
    ),
    "error.unknown_member": (
        "{text} er ikke med i prosjektet. Med i prosjektet: {names}.",
        "{text} is not part of the project. In the project: {names}.",
    ),
    "error.last_coordinator": (
        "Prosjektet må ha minst én koordinator. Legg til en ny koordinator først.",
        "The project needs at least one coordinator. Add another coordinator first.",
    ),
    "partner.removed": (
        "Partneren {name} er fjernet fra prosjektet.",
        "Partner {name} is removed from the project.",
    ),
    "partner.renamed": ("Partneren {old} heter nå {new}.", "Partner {old} is now called {new}."),
    "partner.withdrawn": (
        "{name} er markert som trukket fra prosjektet. Ingen sjekkliste venter på dem lenger (det står i loggen).",
        "{name} is marked as withdrawn from the project. No checklist waits for them any more (it is in the log).",
    ),
    "member.removed": ("{user} er ikke lenger med i prosjektet.", "{user} is no longer part of the project."),
    "project.language_set": (
        "Påminnelser og sjekklister i kanalen skrives nå på norsk.",
        "Reminders and checklists in the channel are now written in English.",
    ),
    "language.set": ("Jeg svarer deg på norsk fra nå av.", "I will answer you in English from now on."),
    "ack.open": ("👍 Neste for deg: {step}.", "👍 Next for you: {step}."),
    "ack.plain": ("👍", "👍"),
    "own.done": (
        "Du har gjort alt ditt i «{title}». Vi venter nå på {parties}.",
        'You have done all your part of "{title}". We are now waiting for {parties}.',
    ),
    "next.yours": (
        "Neste steg for deg i «{title}»: {step}. Skriv «ferdig» når det er gjort.",
        'Your next step in "{title}": {step}. Type "done" when it is done.',
    ),
    "next.run": (
        "Neste i «{title}»: steg {number}, {step} – venter på {party}.",
        'Next in "{title}": step {number}, {step} - waiting for {party}.',
    ),
    "next.run_yours": (
        "Det steget er ditt: skriv «ferdig» når det er gjort.",
        'That step is yours: type "done" when it is done.',
    ),
    "next.none": (
        "Ingen prosedyre er i gang i prosjektet. Start sluttrapporten med «start final-report».",
        'No procedure is running in the project. Start the final report with "start final-report".',
    ),
    "missing.none": ("Ingen mangler noe i «{title}».", 'Nobody is missing anything in "{title}".'),
    "missing.line": ("{party} mangler: {steps}", "{party} still to do: {steps}"),
    "missing.title": ("«{title}»:", '"{title}":'),
    "deadline.answer": (
        "Prosjektet {number} slutter {end}. Fristen for sluttrapporten er {deadline} – om {days}.",
        "Project {number} ends {end}. The final report is due {deadline} - in {days}.",
    ),
    "deadline.today": (
        "Prosjektet {number} slutter {end}. Fristen for sluttrapporten er i dag, {deadline}.",
        "Project {number} ends {end}. The final report is due today, {deadline}.",
    ),
    "deadline.past": (
        "Prosjektet {number} sluttet {end}. Fristen for sluttrapporten var {deadline} – for {days} siden.",
        "Project {number} ended {end}. The final report was due {deadline} - {days} ago.",
    ),
    "days.one": ("1 dag", "1 day"),
    "days.many": ("{n} dager", "{n} days"),
    "weeks.one": ("1 uke", "1 week"),
    "weeks.many": ("{n} uker", "{n} weeks"),
    "tick.short": ("✓ {title}{partner}. {next}", "✓ {title}{partner}. {next}"),
    "tick.next": ("Neste for deg: {step}.", "Next for you: {step}."),
    "tick.see": ("Skriv «status» for hele sjekklisten.", 'Type "status" for the whole checklist.'),
    "followup.started": (
        "Rapporten er sendt inn – bra jobbet! Neste: «{title}», frist {deadline}. Den er startet: skriv «status» for å se stegene.",
        'The report is submitted - well done! Next: "{title}", due {deadline}. It has been started: type "status" to see its steps.',
    ),
    "status.open_runs": ("Åpne prosedyrer i prosjektet:", "Open procedures in the project:"),
    "help.project_language": (
        "språket for påminnelser og sjekklister i kanalen (koordinator)",
        "the language of reminders and checklists in the channel (coordinator)",
    ),
    "help.partner_remove": (
        "fjern en partner som ble lagt til ved en feil",
        "remove a partner added by mistake",
    ),
    "help.partner_rename": ("rett navnet på en partner", "correct a partner's name"),
    "help.partner_withdraw": (
        "en partner har trukket seg: ingen sjekkliste venter på den",
        "a partner has withdrawn: no checklist waits for it",
    ),
    "help.member_remove": ("ta en person ut av prosjektet", "take a person out of the project"),
    "help.language": ("språket jeg svarer deg på", "the language I answer you in"),
    "chat.quit_hint": (
        "Skriv «help» for kommandoene, eller /quit for å avslutte.",
        'Type "help" for the commands, or /quit to leave.',
    ),
}
