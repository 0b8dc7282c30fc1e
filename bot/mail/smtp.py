"""Sending e-mails over SMTP (``RAPPORTLOS_SMTP_URL``): smtp:// with STARTTLS when offered, smtps:// with TLS."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from workflows.links.mail import MailFailed, OutgoingMail


class SmtpMailer:
    """``workflows.links.mail.Mailer`` over SMTP.

    Args:
        url: ``smtp://[user:password@]host[:port]`` or ``smtps://…``.
        sender: The From address.
        timeout_seconds: Connection and command time-out.
    """

    def __init__(self, *, url: str, sender: str, timeout_seconds: float = 30.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError(
                "RAPPORTLOS_SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465"
            )
        self._tls = parts.scheme == "smtps"
        self._host = parts.hostname
        self._port = parts.port or (465 if self._tls else 587)
        self._user = unquote(parts.username) if parts.username else None
        self._password = unquote(parts.password) if parts.password else None
        self._sender = sender
        self._timeout = timeout_seconds

    def send(self, mail: OutgoingMail) -> str:
        """Send ``mail``; a refused recipient (5xx) is permanent, anything else may be retried."""
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self._sender, mail.to, mail.subject
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = make_msgid(domain=self._sender.rpartition("@")[2] or None)
        message["Auto-Submitted"] = "auto-generated"
        message.set_content(mail.text)
        message["Content-Language"] = mail.language.value  # after set_content, which clears Content-* headers
        try:
            with self._connect() as client:
                client.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            code, text = next(iter(error.recipients.values()))
            raise MailFailed(f"{code} {_text(text)}", permanent=code >= 500) from error
        except smtplib.SMTPResponseException as error:
            raise MailFailed(
                f"{error.smtp_code} {_text(error.smtp_error)}", permanent=error.smtp_code >= 500
            ) from error
        except (smtplib.SMTPException, OSError) as error:
            raise MailFailed(f"unreachable: {type(error).__name__}") from error
        return str(message["Message-ID"])

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        if self._tls:
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                self._host, self._port, timeout=self._timeout, context=context
            )
        else:
            client = smtplib.SMTP(self._host, self._port, timeout=self._timeout)
            client.ehlo()
            if client.has_extn("starttls"):
                client.starttls(context=context)
                client.ehlo()
        if self._user and self._password:
            client.login(self._user, self._password)
        return client


def _text(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return " ".join(text.split())[:200]
