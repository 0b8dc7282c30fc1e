"""The coordinator's partner link and e-mail commands in the conversation, answered privately."""

from __future__ import annotations

from core.language import Language
from workflows.commands import Command, CommandKind
from workflows.links.errors import InvalidEmail, NoPartnerSteps
from workflows.links.service import PartnerLinkService
from workflows.messages import say


def link_url(public_url: str, token: str) -> str:
    """The partner page address for ``token`` under the public base URL."""
    return f"{public_url.rstrip('/')}/p/{token}"


class LinkCommands:
    """Answers ``partner link``, ``partner link revoke`` and ``partner email``.

    Args:
        links: The partner link service.
        public_url: Base of the links (``RAPPORTLOS_PUBLIC_URL``); None when links are not set up.
        mail_enabled: True when SMTP is configured, so stored addresses get e-mails.
    """

    def __init__(self, *, links: PartnerLinkService, public_url: str | None, mail_enabled: bool) -> None:
        self._links = links
        self._public_url = public_url
        self._mail_enabled = mail_enabled

    def answer(self, command: Command, *, channel_id: str, user_id: str, language: Language) -> str:
        """The private reply text; workflow errors (not coordinator, unknown partner …) are passed on."""
        assert command.partner_name is not None
        try:
            if command.kind is CommandKind.PARTNER_LINK_REVOKE:
                partner, count = self._links.revoke(
                    channel_id=channel_id, user_id=user_id, partner_name=command.partner_name
                )
                return say("link.revoked", language, partner=partner.name, count=count)
            if command.kind is CommandKind.PARTNER_EMAIL:
                return self._email(command, channel_id=channel_id, user_id=user_id, language=language)
            return self._issue(
                command.partner_name, channel_id=channel_id, user_id=user_id, language=language
            )
        except NoPartnerSteps:
            return say("link.no_partner_steps", language)
        except InvalidEmail as error:
            return say("link.invalid_email", language, text=error.text)

    def _issue(self, partner_name: str, *, channel_id: str, user_id: str, language: Language) -> str:
        if not self._public_url:
            return say("link.no_public_url", language)
        issued = self._links.issue(channel_id=channel_id, user_id=user_id, partner_name=partner_name)
        title = issued.procedure_title_nb if language is Language.NB else issued.procedure_title_en
        url = link_url(self._public_url, issued.token)
        return say("link.issued", language, partner=issued.partner, title=title, url=url)

    def _email(self, command: Command, *, channel_id: str, user_id: str, language: Language) -> str:
        assert command.partner_name is not None and command.text is not None
        partner, contact = self._links.set_email(
            channel_id=channel_id,
            user_id=user_id,
            partner_name=command.partner_name,
            email=command.text,
            language=command.contact_language or Language.EN,
        )
        text = say(
            "link.email_set",
            language,
            partner=partner.name,
            email=contact.email,
            language=say(f"link.language.{contact.language.value}", language),
        )
        return text if self._mail_enabled else f"{text}\n{say('link.email_off', language)}"
