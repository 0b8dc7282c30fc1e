"""A WSGI wrapper in front of Bolt's ``/slack/events`` handler: size limit, signature and body shape.

A body over the limit (by its Content-Length) is refused before it is read; an unsigned or badly signed request
gets 401 whatever it holds; a signed body Bolt could not read (not JSON, not an object, too deep, ``event`` not an
object) gets 400. Only what passes reaches Bolt, so no listener or error handler ever reads an unverified body.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from bot.slack.request_checks import Refusal, body_problem, signature_ok

log = logging.getLogger(__name__)

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
DEFAULT_MAX_BODY_BYTES = 512 * 1024


class SlackGate:
    """Wraps ``app`` (Bolt's WSGI handler); only POSTs to ``path`` are checked, anything else passes through.

    Args:
        app: The WSGI application behind the gate.
        signing_secret: The app's signing secret.
        path: The Events API path.
        max_body_bytes: Largest accepted body.
        clock: Seconds since the epoch (tests pass their own).
    """

    def __init__(
        self,
        app: WsgiApp,
        *,
        signing_secret: str,
        path: str,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._app = app
        self._secret = signing_secret
        self._path = path
        self._max = max_body_bytes
        self._clock = clock

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """Check a request and hand it on, or refuse it."""
        if environ.get("PATH_INFO") != self._path or environ.get("REQUEST_METHOD") != "POST":
            return self._app(environ, start_response)
        body, refusal = self._read(environ)
        if refusal is None:
            refusal = self._check(environ, body)
        if refusal is not None:
            return _refuse(refusal, start_response)
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self._app(environ, start_response)

    def _read(self, environ: dict[str, Any]) -> tuple[bytes, Refusal | None]:
        raw = str(environ.get("CONTENT_LENGTH") or "").strip()
        if not (raw.isascii() and raw.isdigit()):
            return b"", Refusal.NO_LENGTH
        length = int(raw)
        if length > self._max:
            log.warning("Slack request refused unread: %d bytes over the %d-byte limit", length, self._max)
            return b"", Refusal.TOO_LARGE
        body = environ["wsgi.input"].read(length) if length else b""
        return body, None

    def _check(self, environ: dict[str, Any], body: bytes) -> Refusal | None:
        verified = signature_ok(
            secret=self._secret,
            timestamp=environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
            signature=environ.get("HTTP_X_SLACK_SIGNATURE"),
            body=body,
            now=self._clock(),
        )
        if not verified:
            log.warning("Slack request refused: signature or timestamp does not verify")
            return Refusal.UNVERIFIED
        problem = body_problem(body, content_type=str(environ.get("CONTENT_TYPE") or ""))
        if problem is not None:
            log.warning("signed Slack request refused: %s", problem)
            return Refusal.MALFORMED
        return None


def _refuse(refusal: Refusal, start_response: Callable[..., Any]) -> Iterable[bytes]:
    body = refusal.value.split(" ", 1)[1].encode()
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    if refusal is Refusal.TOO_LARGE:
        headers.append(("Connection", "close"))
    start_response(refusal.value, headers)
    return [body]
