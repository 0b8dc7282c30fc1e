"""The partner link store: the SQL implementation and its in-memory twin keep the same contract."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.language import Language
from storage import Database
from storage.link_store import SqlLinkStore
from tests.bot.web.scenario import build_scenario
from tests.databases import Clock
from workflows.links.memory import MemoryLinkStore
from workflows.links.models import NewLink, PartnerContact
from workflows.links.store import PartnerLinkStore
from workflows.links.tokens import new_token, token_hash, well_formed

AT = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(params=["sql", "memory"])
def store_and_ids(
    request: pytest.FixtureRequest, database: Database, clock: Clock
) -> tuple[PartnerLinkStore, int, int, int]:
    scenario = build_scenario(database, clock)
    project = scenario.workflows.run_state(run_id=scenario.run_id).project
    store: PartnerLinkStore = SqlLinkStore(database=database) if request.param == "sql" else MemoryLinkStore()
    return store, project.id, scenario.run_id, project.partners[1].id  # the scenario linked only the first


def test_links_are_found_by_hash_and_revoked_per_partner(
    store_and_ids: tuple[PartnerLinkStore, int, int, int],
) -> None:
    store, project_id, run_id, partner_id = store_and_ids
    token = new_token()
    new = NewLink(
        project_id=project_id,
        run_id=run_id,
        partner_id=partner_id,
        token_hash=token_hash(token),
        created_by="c",
    )
    link = store.add_link(new=new, at=AT)
    assert store.link_by_hash(token_hash=token_hash(token)) == link and link.revoked_at is None
    assert store.link_by_hash(token_hash=token_hash(new_token())) is None
    assert store.revoke_links(project_id=project_id, partner_id=partner_id, at=AT) == 1
    assert store.revoke_links(project_id=project_id, partner_id=partner_id, at=AT) == 0
    revoked = store.link_by_hash(token_hash=token_hash(token))
    assert revoked is not None and revoked.revoked_at == AT


def test_a_contact_is_stored_and_replaced(store_and_ids: tuple[PartnerLinkStore, int, int, int]) -> None:
    store, project_id, _run_id, partner_id = store_and_ids
    store.put_contact(
        contact=PartnerContact(
            project_id=project_id, partner_id=partner_id, email="a@x.example", updated_at=AT
        )
    )
    store.put_contact(
        contact=PartnerContact(
            project_id=project_id,
            partner_id=partner_id,
            email="b@x.example",
            language=Language.NB,
            updated_at=AT,
        )
    )
    (contact,) = store.contacts(project_id=project_id)
    assert (contact.email, contact.language) == ("b@x.example", Language.NB)


def test_tokens_have_256_random_bits_and_only_their_hash_is_kept(database: Database, clock: Clock) -> None:
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100 and all(well_formed(t) for t in tokens)
    scenario = build_scenario(database, clock)
    with database.engine.connect() as connection:
        stored = [row[0] for row in connection.exec_driver_sql("SELECT token_hash FROM partner_links")]
    assert stored == [token_hash(scenario.token)] and scenario.token not in stored
