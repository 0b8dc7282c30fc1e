"""The reminder e-mail ledger: the SQL implementation and its in-memory twin keep the same contract."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from storage import Database
from storage.link_store import SqlLinkStore
from storage.mail_ledger import SqlMailLedger
from storage.reminder_store import SqlReminderStore
from storage.schema import ReminderRow
from tests.bot.web.scenario import CHANNEL, COORD, OTHER, PARTNER, build_scenario
from tests.databases import Clock
from workflows.links.mail import MailLedger, MailStatus
from workflows.links.mail_memory import MemoryMailLedger
from workflows.links.memory import MemoryLinkStore
from workflows.links.models import PartnerContact
from workflows.reminders.models import NewReminder


@pytest.fixture(params=["sql", "memory"])
def ledger(request: pytest.FixtureRequest, database: Database, clock: Clock) -> MailLedger:
    """Two partners with addresses, then one reminder posted a minute later."""
    scenario = build_scenario(database, clock)
    project = scenario.workflows.project(channel_id=CHANNEL, user_id=COORD)
    reminders = SqlReminderStore(database=database)
    reminder = reminders.add(
        new=NewReminder(project_id=project.id, due_at=clock.now, text="x", created_by=COORD), at=clock.now
    )
    if request.param == "sql":
        for name in (PARTNER, OTHER):
            scenario.links.set_email(
                channel_id=CHANNEL, user_id=COORD, partner_name=name, email="a@b.example"
            )
        clock.advance(minutes=1)
        claim = reminders.claim_due(now=clock.now, lease_seconds=60, token="t")
        assert [r.id for r in claim.reminders] == [reminder.id]
        reminders.mark_sent(reminder_id=reminder.id, token="t", message_id="1.1", at=clock.now, late=False)
        with database.sessions() as session:
            assert session.scalar(select(ReminderRow.status).where(ReminderRow.id == reminder.id)) == "sent"
        return SqlMailLedger(database=database)
    contacts = MemoryLinkStore()
    for partner in project.partners:
        contacts.put_contact(
            contact=PartnerContact(
                project_id=project.id, partner_id=partner.id, email="a@b.example", updated_at=clock.now
            )
        )
    clock.advance(minutes=1)
    posted_at = clock.now
    return MemoryMailLedger(posted=lambda: [(reminder.id, project.id, posted_at)], contacts=contacts)


def test_each_reminder_is_queued_once_per_partner_and_leased_to_one_caller(
    ledger: MailLedger, clock: Clock
) -> None:
    assert ledger.enqueue(now=clock.now) == 2
    assert ledger.enqueue(now=clock.now) == 0
    first = ledger.claim_due(now=clock.now, lease_seconds=300, token="a")
    assert len(first) == 2 and all(d.attempts == 1 for d in first)
    assert ledger.claim_due(now=clock.now, lease_seconds=300, token="b") == []
    assert not ledger.finish(delivery_id=first[0].id, token="b", status=MailStatus.SENT, at=clock.now)
    assert ledger.finish(
        delivery_id=first[0].id, token="a", status=MailStatus.SENT, at=clock.now, message_id="<m@x>"
    )
    retry_at = clock.now + timedelta(minutes=5)
    assert ledger.finish(
        delivery_id=first[1].id, token="a", status=MailStatus.PENDING, at=clock.now, retry_at=retry_at
    )
    assert ledger.claim_due(now=clock.now + timedelta(minutes=4), lease_seconds=300, token="c") == []
    (again,) = ledger.claim_due(now=clock.now + timedelta(minutes=5), lease_seconds=300, token="c")
    assert (again.id, again.attempts) == (first[1].id, 2)


def test_a_lease_left_by_a_dead_process_is_taken_over_when_it_expires(
    ledger: MailLedger, clock: Clock
) -> None:
    ledger.enqueue(now=clock.now)
    taken = ledger.claim_due(now=clock.now, lease_seconds=300, token="dead")
    assert ledger.claim_due(now=clock.now + timedelta(seconds=299), lease_seconds=300, token="next") == []
    later = ledger.claim_due(now=clock.now + timedelta(seconds=300), lease_seconds=300, token="next")
    assert {d.id for d in later} == {d.id for d in taken}
    assert not ledger.finish(delivery_id=taken[0].id, token="dead", status=MailStatus.SENT, at=clock.now)


def test_reminders_posted_before_the_address_was_stored_are_not_mailed(
    database: Database, clock: Clock
) -> None:
    scenario = build_scenario(database, clock)
    project = scenario.workflows.project(channel_id=CHANNEL, user_id=COORD)
    reminders = SqlReminderStore(database=database)
    reminder = reminders.add(
        new=NewReminder(project_id=project.id, due_at=clock.now, text="x", created_by=COORD), at=clock.now
    )
    reminders.claim_due(now=clock.now, lease_seconds=60, token="t")
    reminders.mark_sent(reminder_id=reminder.id, token="t", message_id="1.1", at=clock.now, late=False)
    clock.advance(minutes=1)
    SqlLinkStore(database=database).put_contact(
        contact=PartnerContact(
            project_id=project.id,
            partner_id=project.partners[0].id,
            email="a@b.example",
            updated_at=clock.now,
        )
    )
    assert SqlMailLedger(database=database).enqueue(now=clock.now) == 0
