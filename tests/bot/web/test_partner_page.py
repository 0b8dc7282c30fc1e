"""The partner page over the framework's test client: what it shows, ticks and undo, and every protection."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from storage.database import Database
from tests.bot.web.scenario import (
    ANA,
    CHANNEL,
    COORD,
    NUMBER,
    OTHER,
    PARTNER,
    Scenario,
    build_scenario,
    web_app,
)
from tests.databases import Clock
from workflows.models import AuditAction
from workflows.transitions import StepAction

PARTNER_STEPS = ("partner-use-of-funds", "partner-confirmation")


@pytest.fixture
def scenario(database: Database, clock: Clock) -> Scenario:
    return build_scenario(database, clock)


@pytest.fixture
def client(scenario: Scenario) -> TestClient:
    return TestClient(web_app(scenario), base_url="https://partners.example")


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]{64})"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def _tick(client: TestClient, token: str, step: str, *, name: str | None = "Ana Silva", action: str = "done"):
    page = client.get(f"/p/{token}")
    form = {"csrf": _csrf(page.text), "action": action, "lang": "en"}
    if name is not None:
        form["name"] = name
    return client.post(f"/p/{token}/steps/{step}", data=form, follow_redirects=False)


def test_the_page_shows_the_project_and_only_the_partners_own_steps_with_guidance(
    client: TestClient, scenario: Scenario
) -> None:
    page = client.get(f"/p/{scenario.token}", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert page.status_code == 200
    html = page.text
    assert NUMBER in html and "Vann" in html and "Deadline: 30 Oct 2025" in html
    for step in PARTNER_STEPS:
        assert f'id="step-{step}"' in html
    assert (
        'id="step-submit"' not in html and 'id="step-invoices"' not in html
    )  # coordinator steps are not shown
    assert OTHER not in html  # nothing of the other partner
    assert 'href="https://' in html and "Source:" in html  # the step's source link, as the chat shows it
    assert html.count('type="submit" class="tick"') == 2


def test_the_first_tick_asks_for_a_name_then_records_it_via_the_link_on_the_web(
    client: TestClient, scenario: Scenario
) -> None:
    asked = _tick(client, scenario.token, "partner-use-of-funds", name=None)
    assert asked.status_code == 200 and 'id="name"' in asked.text and '<label for="name">' in asked.text
    assert scenario.workflows.run_state(run_id=scenario.run_id).run.marks == ()

    done = _tick(client, scenario.token, "partner-use-of-funds", name="Ana  Silva")
    assert done.status_code == 303 and done.headers["location"].endswith("#step-partner-use-of-funds")
    (entry,) = scenario.workflows.audit(channel_id=CHANNEL, user_id=COORD)
    assert entry.user_id == f"Ana Silva (via link for {PARTNER})"
    assert (entry.platform, entry.action, entry.step_id) == ("web", AuditAction.TICK, "partner-use-of-funds")

    page = client.get(done.headers["location"])  # the name is remembered for the next tick
    assert (
        "Ticked by Ana Silva (via link for Escola Azul)" in page.text
        and "You are ticking as Ana Silva" in page.text
    )
    second = _tick(client, scenario.token, "partner-confirmation", name=None)
    assert second.status_code == 303
    assert len(scenario.workflows.audit(channel_id=CHANNEL, user_id=COORD)) == 2


def test_times_are_shown_in_the_configured_time_zone(scenario: Scenario, clock: Clock) -> None:
    client = TestClient(web_app(scenario, timezone="Europe/Oslo"))
    _tick(client, scenario.token, "partner-use-of-funds")
    page = client.get(f"/p/{scenario.token}?lang=nb")
    assert "01.09.2025 kl. 10:00 CEST" in page.text  # the clock says 08:00 UTC


def test_a_partner_can_undo_its_own_tick_and_the_chat_sees_every_change_at_once(
    client: TestClient, scenario: Scenario
) -> None:
    _tick(client, scenario.token, "partner-use-of-funds")
    mark = scenario.workflows.run_state(run_id=scenario.run_id).run.mark("partner-use-of-funds", 1)
    assert mark is not None and mark.platform == "web"
    undone = _tick(client, scenario.token, "partner-use-of-funds", action="undo")
    assert undone.status_code == 303
    assert scenario.workflows.run_state(run_id=scenario.run_id).run.marks == ()
    actions = [e.action for e in scenario.workflows.audit(channel_id=CHANNEL, user_id=COORD)]
    assert actions == [AuditAction.UNTICK, AuditAction.TICK]


def test_a_tick_made_in_the_chat_is_shown_and_a_second_tick_is_not_applied_twice(
    client: TestClient, scenario: Scenario
) -> None:
    scenario.workflows.change_step(
        channel_id=CHANNEL,
        user_id=ANA,
        action=StepAction.DONE,
        platform="slack",
        step_id="partner-use-of-funds",
    )
    page = client.get(f"/p/{scenario.token}")
    assert f"Ticked by {ANA}" in page.text
    again = _tick(client, scenario.token, "partner-use-of-funds")
    assert again.status_code == 303 and "note=already_done" in again.headers["location"]
    assert len(scenario.workflows.audit(channel_id=CHANNEL, user_id=COORD)) == 1


def test_a_coordinator_step_cannot_be_ticked_through_a_partner_link(
    client: TestClient, scenario: Scenario
) -> None:
    refused = _tick(client, scenario.token, "submit")
    assert refused.status_code == 404
    assert scenario.workflows.run_state(run_id=scenario.run_id).run.marks == ()


def test_unknown_revoked_expired_and_tampered_tokens_all_get_the_same_404_page(
    client: TestClient, scenario: Scenario, clock: Clock
) -> None:
    tampered = scenario.token[:-1] + ("A" if scenario.token[-1] != "A" else "B")
    unknown = client.get("/p/" + "x" * 43)
    pages = [client.get(f"/p/{t}") for t in (tampered, "short", "../../etc/passwd")] + [unknown]
    pages.append(client.get("/nothing-here"))

    revoked = build_scenario_link(scenario)
    scenario.links.revoke(channel_id=CHANNEL, user_id=COORD, partner_name=OTHER)
    pages.append(client.get(f"/p/{revoked}"))

    for step in ("qualitative-content", "invoices", "ready-for-submission", "partner-use-of-funds",
                 "partner-confirmation", "submit"):  # fmt: skip
        workflows_tick(scenario, step)
    assert client.get(f"/p/{scenario.token}").status_code == 200  # still valid just after completion
    clock.advance(days=31)
    pages.append(client.get(f"/p/{scenario.token}"))

    assert {p.status_code for p in pages} == {404}
    assert len({p.text for p in pages}) == 1
    assert "This link does not work" in pages[0].text


def build_scenario_link(scenario: Scenario) -> str:
    return scenario.links.issue(channel_id=CHANNEL, user_id=COORD, partner_name=OTHER).token


def workflows_tick(scenario: Scenario, step: str) -> None:
    """Settle a step for everyone, as the coordinator and each partner would."""
    state = scenario.workflows.run_state(run_id=scenario.run_id)
    if step.startswith("partner-"):
        for partner in state.project.partners:
            access = scenario.links.open(scenario.links.mint(state, partner=partner, created_by=COORD).token)
            scenario.links.change(
                access, step_id=step, action=StepAction.DONE, name="Eva", expected_version=None
            )
        return
    scenario.workflows.change_step(
        channel_id=CHANNEL, user_id=COORD, action=StepAction.DONE, platform="terminal", step_id=step
    )


def test_forms_without_a_valid_csrf_token_change_nothing(client: TestClient, scenario: Scenario) -> None:
    client.get(f"/p/{scenario.token}")
    url = f"/p/{scenario.token}/steps/partner-use-of-funds"
    missing = client.post(url, data={"action": "done", "name": "Eve"})
    forged = client.post(url, data={"action": "done", "name": "Eve", "csrf": "0" * 64})
    other_browser = TestClient(web_app(scenario))
    stolen = other_browser.post(
        url, data={"action": "done", "name": "Eve", "csrf": _csrf(client.get(f"/p/{scenario.token}").text)}
    )
    assert [r.status_code for r in (missing, forged, stolen)] == [403, 403, 403]
    assert scenario.workflows.run_state(run_id=scenario.run_id).run.marks == ()


def test_every_response_carries_the_security_headers(client: TestClient, scenario: Scenario) -> None:
    for response in (
        client.get(f"/p/{scenario.token}"),
        client.get("/p/" + "x" * 43),
        client.get("/static/page.css"),
    ):
        headers = response.headers
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src" not in csp
        assert headers["cache-control"] == "no-store"
    cookie = client.get(f"/p/{scenario.token}").headers.get("set-cookie", "")
    assert "HttpOnly" in cookie and "Secure" in cookie and "samesite=lax" in cookie.lower()


def test_token_look_ups_are_rate_limited_per_address(scenario: Scenario) -> None:
    client = TestClient(web_app(scenario, limit=3))
    codes = [client.get("/p/" + "y" * 43).status_code for _ in range(3)]
    refused = client.get(f"/p/{scenario.token}")  # even a good token, once the address is over its limit
    assert codes == [404, 404, 404]
    assert refused.status_code == 429 and refused.headers["retry-after"] == "60"
    other = TestClient(web_app(scenario, limit=3), client=("203.0.113.9", 5000))
    assert other.get(f"/p/{scenario.token}").status_code == 200


def test_names_are_shown_as_text_never_as_markup(database: Database, clock: Clock) -> None:
    scenario = build_scenario(database, clock, other_partner="<b>Other</b>")
    evil = "<script>alert(1)</script>"
    state = scenario.workflows.run_state(run_id=scenario.run_id)
    partner = state.project.partners[1]
    issued = scenario.links.mint(state, partner=partner, created_by=COORD)
    client = TestClient(web_app(scenario))
    page = client.get(f"/p/{issued.token}")
    assert "&lt;b&gt;Other&lt;/b&gt;" in page.text and "<b>Other</b>" not in page.text
    _tick(client, issued.token, "partner-use-of-funds", name=evil)
    shown = client.get(f"/p/{issued.token}").text
    assert "<script>" not in shown and "scriptalert1script" in shown  # the name keeps letters and digits only


def test_the_language_follows_the_browser_and_the_switch(client: TestClient, scenario: Scenario) -> None:
    norwegian = client.get(f"/p/{scenario.token}", headers={"Accept-Language": "nb-NO,nb;q=0.9,en;q=0.5"})
    assert '<html lang="nb">' in norwegian.text and "Frist: 30.10.2025" in norwegian.text
    assert 'href="?lang=en"' in norwegian.text
    switched = client.get(f"/p/{scenario.token}?lang=en", headers={"Accept-Language": "nb-NO"})
    assert '<html lang="en">' in switched.text and "Deadline:" in switched.text
    default = client.get(f"/p/{scenario.token}", headers={"Accept-Language": "pt-PT,de;q=0.8"})
    assert '<html lang="en">' in default.text


def test_the_page_works_without_javascript_and_has_proper_labels(
    client: TestClient, scenario: Scenario
) -> None:
    html = client.get(f"/p/{scenario.token}").text
    assert "<script" not in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert html.count('<form method="post"') == 2
    assert 'aria-describedby="status-partner-confirmation"' in html
    assert "Mark “Partner confirms and marks" in html  # each button names its step


class _DownStore:
    """A link store whose database is unreachable."""

    def link_by_hash(self, *, token_hash: str) -> None:
        from workflows.errors import StorageUnavailable

        raise StorageUnavailable("connection refused")


def test_a_database_outage_gets_a_clear_page_with_the_headers(scenario: Scenario, clock: Clock) -> None:
    from workflows.links.service import PartnerLinkService

    down = PartnerLinkService(store=_DownStore(), workflows=scenario.workflows, runs=None, clock=clock)  # type: ignore[arg-type]
    client = TestClient(
        web_app(Scenario(workflows=scenario.workflows, links=down, token=scenario.token, run_id=0))
    )
    page = client.get(f"/p/{scenario.token}")
    assert page.status_code == 503 and "nothing was changed" in page.text
    assert page.headers["referrer-policy"] == "no-referrer"
