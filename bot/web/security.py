"""The page's protections: security headers on every response, CSRF tokens and a per-address rate limit."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "rl_csrf"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: adds ``SECURITY_HEADERS`` to every HTTP response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode().title() not in SECURITY_HEADERS
                ]
                headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self._app(scope, receive, with_headers)


class Csrf:
    """Signed double-submit tokens: the form carries HMAC(key, the browser's random CSRF cookie)."""

    def __init__(self, key: bytes) -> None:
        """Sign with ``key`` (the same in every process that serves the page)."""
        self._key = key

    @staticmethod
    def new_cookie() -> str:
        """A fresh random cookie value."""
        return secrets.token_urlsafe(32)

    def token_for(self, cookie: str) -> str:
        """The form token that belongs to ``cookie``."""
        return hmac.new(self._key, cookie.encode("utf-8"), hashlib.sha256).hexdigest()

    def valid(self, *, cookie: str | None, token: str | None) -> bool:
        """True when ``token`` was made for ``cookie`` (constant-time)."""
        if not cookie or not token:
            return False
        return hmac.compare_digest(self.token_for(cookie).encode(), token.encode("utf-8", "replace"))


class RateLimiter:
    """At most ``limit`` token look-ups per client address in any ``window_seconds`` (in this process).

    Args:
        limit: Look-ups allowed in a window.
        window_seconds: Length of the sliding window.
        clock: Monotonic seconds; tests pass their own.
    """

    def __init__(
        self, *, limit: int, window_seconds: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limit = limit
        self._window = window_seconds
        self._clock = clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, address: str) -> bool:
        """Count one look-up from ``address``; False when it is over the limit."""
        now = self._clock()
        with self._lock:
            if len(self._seen) > 10_000:
                self._forget_idle(now)
            times = self._seen.setdefault(address, deque())
            while times and times[0] <= now - self._window:
                times.popleft()
            if len(times) >= self._limit:
                return False
            times.append(now)
            return True

    @property
    def retry_after(self) -> int:
        """Seconds a refused client is told to wait."""
        return int(self._window)

    def _forget_idle(self, now: float) -> None:
        idle = [a for a, t in self._seen.items() if not t or t[-1] <= now - self._window]
        for address in idle:
            del self._seen[address]
