"""The partner page's request handlers: show a link's page, tick or untick a step, and the one 404 page."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote, unquote, urlencode

from jinja2 import Environment
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from bot.web.language import choose_language
from bot.web.security import CSRF_COOKIE, Csrf, RateLimiter
from bot.web.view import build_page
from core.language import Language
from workflows.errors import (
    InputError,
    NotAuthorised,
    StepAlreadySettled,
    StepBlocked,
    StepNotSettled,
    WorkflowError,
)
from workflows.links.errors import InvalidName, LinkNotFound
from workflows.links.names import clean_name
from workflows.links.service import LinkAccess, PartnerLinkService
from workflows.messages import say
from workflows.transitions import StepAction

NAME_COOKIE = "rl_name"
_STEP = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
Refresh = Callable[[int], None]


class PartnerPages:
    """Handlers of ``/p/{token}`` and ``/p/{token}/steps/{step_id}``.

    Args:
        links: Opens tokens and applies ticks.
        templates: The Jinja environment (autoescaping on).
        csrf: Form tokens.
        limiter: Per-address limit on token look-ups.
        timezone: Time zone of the times shown.
        refresh: Called in the background with the run id after a change (Slack and Teams copies).
    """

    def __init__(
        self,
        *,
        links: PartnerLinkService,
        templates: Environment,
        csrf: Csrf,
        limiter: RateLimiter,
        timezone: str,
        refresh: Refresh | None,
    ) -> None:
        self._links = links
        self._templates = templates
        self._csrf = csrf
        self._limiter = limiter
        self._timezone = timezone
        self._refresh = refresh

    async def page(self, request: Request) -> Response:
        """GET: the partner's steps, with a tick button per open step and undo for ticked ones."""
        language = _language(request, request.query_params.get("lang"))
        access = await self._open(request, language)
        if isinstance(access, Response):
            return access
        page = build_page(
            access,
            language=language,
            timezone=self._timezone,
            note=request.query_params.get("note"),
            note_step=request.query_params.get("step"),
        )
        cookie = request.cookies.get(CSRF_COOKIE) or Csrf.new_cookie()
        name = _cookie_name(request)
        response = self._render(
            "page.html",
            language,
            page=page,
            token=request.path_params["token"],
            csrf=self._csrf.token_for(cookie),
            name=name,
            ticking_as=say("page.ticking_as", language, name=name) if name else None,
        )
        _set_cookie(response, request, CSRF_COOKIE, cookie)
        return response

    async def change(self, request: Request) -> Response:
        """POST: tick (``action=done``) or untick (``action=undo``) a step; asks for the name the first time."""
        form = await request.form()
        language = _language(request, _field(form, "lang"))
        access = await self._open(request, language)
        if isinstance(access, Response):
            return access
        step_id = request.path_params["step_id"]
        if not self._csrf.valid(cookie=request.cookies.get(CSRF_COOKIE), token=_field(form, "csrf")):
            return self._message(language, "page.expired_form", status=403, back=_page_url(request, language))
        raw_name = _field(form, "name") or _cookie_name(request)
        try:
            name = clean_name(raw_name or "")
        except InvalidName:
            return self._ask_name(request, form, language, step_id, error=bool(_field(form, "name")))
        action = StepAction.UNDO if _field(form, "action") == "undo" else StepAction.DONE
        version = _field(form, "version")
        try:
            state, _change = await run_in_threadpool(
                self._links.change,
                access,
                step_id=step_id,
                action=action,
                name=name,
                expected_version=int(version) if version and version.isdigit() else None,
            )
            note, task = "saved", self._background(state.run.id)
        except StepAlreadySettled:
            note, task = "already_done", None
        except StepNotSettled:
            note, task = "nothing_to_undo", None
        except StepBlocked:  # an earlier step (the partner's own, or the report) is still open
            note, task = "blocked", None
        except (NotAuthorised, InputError):
            return self.not_found_page(language)
        except WorkflowError:  # database unreachable, a racing change: nothing was written
            return self._message(language, "page.unavailable", status=503, back=_page_url(request, language))
        target = _page_url(request, language, note=note, step=step_id) + f"#step-{step_id}"
        response = RedirectResponse(target, status_code=303, background=task)
        _set_cookie(response, request, NAME_COOKIE, quote(name))
        return response

    def not_found_page(self, language: Language) -> Response:
        """The one page for every bad token: unknown, expired, revoked, tampered (no hint which)."""
        return self._message(language, "page.not_found", status=404, title="page.not_found_title")

    async def not_found(self, request: Request, _exc: Exception) -> Response:
        """Starlette's 404 handler: the same page as a bad token."""
        return self.not_found_page(_language(request, None))

    async def _open(self, request: Request, language: Language) -> LinkAccess | Response:
        address = request.client.host if request.client else "unknown"
        if not self._limiter.allow(address):
            response = self._message(language, "page.too_many", status=429)
            response.headers["Retry-After"] = str(self._limiter.retry_after)
            return response
        step_id = request.path_params.get("step_id")
        if step_id is not None and not _STEP.match(step_id):
            return self.not_found_page(language)
        try:
            return await run_in_threadpool(self._links.open, request.path_params["token"])
        except LinkNotFound:
            return self.not_found_page(language)
        except WorkflowError:
            return self._message(language, "page.unavailable", status=503)

    def _ask_name(
        self, request: Request, form: FormData, language: Language, step_id: str, *, error: bool
    ) -> Response:
        return self._render(
            "name.html",
            language,
            action_url=str(request.url.path),
            step_id=step_id,
            csrf=_field(form, "csrf"),
            version=_field(form, "version") or "",
            action=_field(form, "action") or "done",
            error=say("page.bad_name", language) if error else None,
            back=_page_url(request, language),
        )

    def _background(self, run_id: int) -> BackgroundTask | None:
        return BackgroundTask(self._refresh, run_id) if self._refresh is not None else None

    def _message(
        self, language: Language, key: str, *, status: int, title: str | None = None, back: str | None = None
    ) -> Response:
        return self._render(
            "message.html",
            language,
            status=status,
            title=say(title or "page.not_found_title", language) if title or status == 404 else "Rapportlos",
            message=say(key, language),
            back=back,
        )

    def _render(
        self, template: str, language: Language, *, status: int = 200, **values: object
    ) -> HTMLResponse:
        html = self._templates.get_template(template).render(
            lang=language.value, t=lambda key, **kw: say(key, language, **kw), **values
        )
        return HTMLResponse(html, status_code=status)


def _language(request: Request, choice: str | None) -> Language:
    return choose_language(choice, request.headers.get("accept-language"))


def _field(form: FormData, key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) else None


def _cookie_name(request: Request) -> str | None:
    raw = request.cookies.get(NAME_COOKIE)
    if not raw:
        return None
    try:
        return clean_name(unquote(raw))
    except InvalidName:
        return None


def _page_url(request: Request, language: Language, **extra: str) -> str:
    query = urlencode({"lang": language.value, **extra})
    return f"/p/{quote(request.path_params['token'])}?{query}"


def _set_cookie(response: Response, request: Request, key: str, value: str) -> None:
    response.set_cookie(
        key,
        value,
        max_age=60 * 60 * 24 * 180,
        path="/p/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
