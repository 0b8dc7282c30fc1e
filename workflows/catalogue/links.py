"""Partner links, the partner page and reminders by e-mail. Bokmål first, English second."""

ENTRIES: dict[str, tuple[str, str]] = {
    "help.partner_link": (
        "Lag en lenke til partnerens del av sjekklisten (for skoler utenfor arbeidsområdet), eller avslutt lenkene.",
        "Make a link to a partner's part of the checklist (for schools outside the workspace), or end its links.",
    ),
    "help.partner_email": (
        "Send partnerens påminnelser på e-post, med lenken (engelsk om ikke nb er valgt).",
        "Send the partner's reminders by e-mail, with their link (English unless nb is given).",
    ),
    "link.issued": (
        "Lenke for {partner} ({title}):\n{url}\nAlle som har lenken kan krysse av {partner} sine steg, så del den bare "
        "med dem. Den gjelder til 30 dager etter at sjekklisten er ferdig. Avslutt den med `partner link revoke {partner}`.",
        "Link for {partner} ({title}):\n{url}\nAnyone with the link can tick {partner}'s steps, so share it only with "
        "them. It is valid until 30 days after the checklist is complete. End it with `partner link revoke {partner}`.",
    ),
    "link.no_public_url": (
        "Lenker er ikke satt opp her: RAPPORTLOS_PUBLIC_URL mangler. Be den som drifter boten sette den.",
        "Links are not set up here: RAPPORTLOS_PUBLIC_URL is missing. Ask whoever runs the bot to set it.",
    ),
    "link.revoked": ("{count} lenke(r) for {partner} er avsluttet.", "{count} link(s) for {partner} ended."),
    "link.no_partner_steps": (
        "Ingen åpen sjekkliste i prosjektet har steg for partnere. Skriv `start final-report` først.",
        "No open checklist of the project has steps for partners. Type `start final-report` first.",
    ),
    "link.email_set": (
        "{partner} får påminnelsene sine på e-post til {email} ({language}).",
        "{partner} gets its reminders by e-mail at {email} ({language}).",
    ),
    "link.email_off": (
        "Merk: e-post er ikke satt opp på denne serveren (RAPPORTLOS_SMTP_URL), så ingenting sendes før det er gjort.",
        "Note: e-mail is not set up on this server (RAPPORTLOS_SMTP_URL), so nothing is sent until it is.",
    ),
    "link.invalid_email": (
        "«{text}» ser ikke ut som en e-postadresse.",
        '"{text}" does not look like an e-mail address.',
    ),
    "link.language.nb": ("norsk", "Norwegian"),
    "link.language.en": ("engelsk", "English"),
    "page.title": ("{partner}: sjekkliste", "{partner}: checklist"),
    "page.project": ("Prosjekt {number}: {name}", "Project {number}: {name}"),
    "page.deadline": ("Frist: {deadline}", "Deadline: {deadline}"),
    "page.for_partner": ("Stegene til {partner} i «{title}».", "The steps of {partner} in “{title}”."),
    "page.source": ("Kilde: {section}", "Source: {section}"),
    "page.evidence": ("Dokumentasjon: {evidence}", "Evidence: {evidence}"),
    "page.hint": ("Tips: {hint}", "Tip: {hint}"),
    "page.done_by": ("Krysset av av {who}, {when} ({platform})", "Ticked by {who}, {when} ({platform})"),
    "page.skipped_by": ("Hoppet over av {who}, {when} ({platform})", "Skipped by {who}, {when} ({platform})"),
    "page.open": ("Ikke gjort ennå", "Not done yet"),
    "page.tick": ("Merk «{title}» som gjort", "Mark “{title}” as done"),
    "page.undo": ("Angre avkrysningen av «{title}»", "Undo the tick of “{title}”"),
    "page.back": ("Tilbake til sjekklisten", "Back to the checklist"),
    "page.name_label": ("Navnet ditt", "Your name"),
    "page.name_help": (
        "Navnet ditt lagres sammen med avkrysningen, slik at koordinatoren ser hvem som gjorde hva.",
        "Your name is stored with the tick, so the coordinator sees who did what.",
    ),
    "page.name_submit": ("Lagre navnet og kryss av", "Save my name and tick"),
    "page.ticking_as": ("Du krysser av som {name}.", "You are ticking as {name}."),
    "page.change_name": ("Ikke deg? Bytt navn", "Not you? Change name"),
    "page.step_count": ("Steg {number}", "Step {number}"),
    "page.complete": (
        "Alle stegene til {partner} er gjort. Takk!",
        "All of {partner}'s steps are done. Thank you!",
    ),
    "page.language": ("Språk", "Language"),
    "page.not_found_title": ("Fant ikke siden", "Page not found"),
    "page.not_found": (
        "Lenken virker ikke. Be koordinatoren om en ny lenke.",
        "This link does not work. Ask the coordinator for a new link.",
    ),
    "page.too_many": (
        "For mange forsøk. Vent litt og prøv igjen.",
        "Too many attempts. Wait a little and try again.",
    ),
    "page.expired_form": (
        "Skjemaet var utløpt, så ingenting ble endret. Prøv igjen.",
        "The form had expired, so nothing was changed. Please try again.",
    ),
    "page.already_done": ("«{title}» var allerede krysset av.", '"{title}" was already ticked.'),
    "page.nothing_to_undo": ("«{title}» var ikke krysset av.", '"{title}" was not ticked.'),
    "page.blocked": (
        "«{title}» venter på et tidligere steg; kryss av det først.",
        '"{title}" waits for an earlier step; tick that one first.',
    ),
    "page.bad_name": (
        "Skriv navnet ditt (bokstaver og tall).",
        "Please type your name (letters and numbers).",
    ),
    "page.unavailable": (
        "Noe gikk galt hos oss, så ingenting ble endret. Prøv igjen om litt.",
        "Something went wrong on our side, so nothing was changed. Please try again in a moment.",
    ),
    "page.saved": ("Lagret.", "Saved."),
    "mail.subject": (
        "Påminnelse: {project} – {partner} har steg igjen",
        "Reminder: {project} – {partner} has steps left",
    ),
    "mail.greeting": ("Hei {partner},", "Dear {partner},"),
    "mail.missing": ("Dette mangler fra dere: {steps}.", "Still missing from you: {steps}."),
    "mail.link": ("Kryss av her (ingen innlogging): {url}", "Tick them here (no sign-in needed): {url}"),
    "mail.no_link": (
        "Sjekklisten er ikke startet ennå; koordinatoren sender lenken når den er det.",
        "The checklist has not been started yet; the coordinator will send the link when it is.",
    ),
    "mail.footer": (
        "Denne e-posten er sendt av Rapportlos for koordinatoren av {project}. Svar til koordinatoren, ikke hit.",
        "This e-mail was sent by Rapportlos for the coordinator of {project}. Reply to the coordinator, not here.",
    ),
    "mail.failed": (
        "E-post-påminnelsen til {partner} ({email}) i {number} kom ikke fram ({reason}). Sjekk adressen med "
        "`partner email {partner} <adresse>`.",
        "The e-mail reminder to {partner} ({email}) in {number} was not delivered ({reason}). Check the address with "
        "`partner email {partner} <address>`.",
    ),
}
