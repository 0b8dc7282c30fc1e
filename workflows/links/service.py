"""Partner links: made and ended by coordinators, opened by partners, and ticks made through them."""

from __future__ import annotations

from datetime import timedelta

from pydantic import BaseModel, ConfigDict

from core.language import Language
from workflows.definitions import Actor
from workflows.errors import NoActiveRun, NotAuthorised, UnknownPartner
from workflows.links.errors import LinkNotFound, NoPartnerSteps
from workflows.links.models import IssuedLink, NewLink, PartnerContact, PartnerLink
from workflows.links.names import clean_email, clean_name, link_label
from workflows.links.store import PartnerLinkStore
from workflows.links.tokens import new_token, same_hash, token_hash, well_formed
from workflows.models import Member, Partner, Project, Role, StepChange
from workflows.service import Clock, RunState, WorkflowService, utc_now
from workflows.store import RunStore
from workflows.transitions import StepAction, StepRequest, decide, require_member

VALID_AFTER_COMPLETE = timedelta(days=30)
WEB_PLATFORM = "web"


class LinkAccess(BaseModel):
    """What a valid token opens: one partner's part of one run."""

    model_config = ConfigDict(frozen=True)

    link: PartnerLink
    partner: Partner
    state: RunState


class PartnerLinkService:
    """Makes, ends and opens partner links, and applies ticks made through them.

    Args:
        store: Links and contacts.
        workflows: Projects and runs, with the usual role checks for the coordinator's commands.
        runs: The run store the workflow service writes through (ticks go through the same locked change).
        clock: Returns the current aware UTC time.
    """

    def __init__(
        self, *, store: PartnerLinkStore, workflows: WorkflowService, runs: RunStore, clock: Clock = utc_now
    ) -> None:
        self._store = store
        self._workflows = workflows
        self._runs = runs
        self._clock = clock

    def issue(self, *, channel_id: str, user_id: str, partner_name: str) -> IssuedLink:
        """A new link for a partner to the project's open run with partner steps (coordinators only)."""
        project, partner = self._coordinated_partner(channel_id, user_id, partner_name)
        state = self._linkable_run(project, channel_id=channel_id, user_id=user_id)
        return self.mint(state, partner=partner, created_by=user_id)

    def mint(self, state: RunState, *, partner: Partner, created_by: str) -> IssuedLink:
        """Store a fresh link to ``partner``'s part of ``state`` and hand back its token (e.g. for an e-mail)."""
        token = new_token()
        new = NewLink(
            project_id=state.project.id,
            run_id=state.run.id,
            partner_id=partner.id,
            token_hash=token_hash(token),
            created_by=created_by,
        )
        self._store.add_link(new=new, at=self._clock())
        return IssuedLink(
            token=token,
            partner=partner.name,
            run_id=state.run.id,
            procedure_title_nb=state.procedure.title.get(Language.NB),
            procedure_title_en=state.procedure.title.get(Language.EN),
        )

    def revoke(self, *, channel_id: str, user_id: str, partner_name: str) -> tuple[Partner, int]:
        """End every link of a partner in the channel's project; returns the partner and how many ended."""
        project, partner = self._coordinated_partner(channel_id, user_id, partner_name)
        count = self._store.revoke_links(project_id=project.id, partner_id=partner.id, at=self._clock())
        return partner, count

    def set_email(
        self,
        *,
        channel_id: str,
        user_id: str,
        partner_name: str,
        email: str,
        language: Language = Language.EN,
    ) -> tuple[Partner, PartnerContact]:
        """Store where a partner gets its reminders by e-mail (coordinators only)."""
        project, partner = self._coordinated_partner(channel_id, user_id, partner_name)
        contact = PartnerContact(
            project_id=project.id,
            partner_id=partner.id,
            email=clean_email(email),
            language=language,
            updated_at=self._clock(),
        )
        self._store.put_contact(contact=contact)
        return partner, contact

    def open(self, token: str) -> LinkAccess:
        """What ``token`` opens; :class:`LinkNotFound` for unknown, revoked, expired or malformed tokens."""
        if not well_formed(token):
            raise LinkNotFound()
        offered = token_hash(token)
        link = self._store.link_by_hash(token_hash=offered)
        if link is None or not same_hash(link.token_hash, offered) or link.revoked_at is not None:
            raise LinkNotFound()
        try:
            state = self._workflows.run_state(run_id=link.run_id)
        except NoActiveRun:
            raise LinkNotFound() from None
        partner = next((p for p in state.project.partners if p.id == link.partner_id), None)
        if partner is None or self._expired(state):
            raise LinkNotFound()
        return LinkAccess(link=link, partner=partner, state=state)

    def change(
        self, access: LinkAccess, *, step_id: str, action: StepAction, name: str, expected_version: int | None
    ) -> tuple[RunState, StepChange]:
        """Tick or untick one of the partner's own steps as ``name (via link for <partner>)``, platform ``web``.

        Raises:
            NotAuthorised: the step is not a partner step.
            StepAlreadySettled / StepNotSettled: as for chat ticks; nothing is applied twice.
            InvalidName: the name is empty once cleaned.
        """
        state, partner = access.state, access.partner
        if state.procedure.step(step_id).actor is not Actor.EACH_PARTNER:
            raise NotAuthorised(reason="coordinator_step", detail=step_id)
        label = link_label(clean_name(name), partner.name)
        stand_in = Member(user_id=label, role=Role.PARTNER, partner_id=partner.id)
        project = state.project.model_copy(
            update={"members": (*(m for m in state.project.members if m.user_id != label), stand_in)}
        )
        request = StepRequest(
            action=action,
            user_id=label,
            platform=WEB_PLATFORM,
            at=self._clock(),
            step_id=step_id,
            expected_version=expected_version,
        )
        run, change = self._runs.change_run(
            run_id=state.run.id,
            decide=lambda fresh: decide(
                procedure=state.procedure, project=project, run=fresh, request=request
            ),
        )
        return state.model_copy(update={"run": run}), change

    def contacts(self, *, project_id: int) -> list[PartnerContact]:
        """The project's partner e-mail contacts."""
        return self._store.contacts(project_id=project_id)

    def _expired(self, state: RunState) -> bool:
        if not state.complete or not state.run.marks:
            return False
        completed_at = max(mark.at for mark in state.run.marks)
        return self._clock() > completed_at + VALID_AFTER_COMPLETE

    def _coordinated_partner(
        self, channel_id: str, user_id: str, partner_name: str
    ) -> tuple[Project, Partner]:
        project = self._workflows.project(channel_id=channel_id, user_id=user_id)
        if require_member(project, user_id).role is not Role.COORDINATOR:
            raise NotAuthorised(reason="coordinator_only")
        partner = project.find_partner(partner_name)
        if partner is None:
            raise UnknownPartner(text=partner_name, choices=tuple(p.name for p in project.partners))
        return project, partner

    def _linkable_run(self, project: Project, *, channel_id: str, user_id: str) -> RunState:
        def has_partner_steps(state: RunState) -> bool:
            return any(step.actor is Actor.EACH_PARTNER for step in state.procedure.steps)

        active = self._workflows.active(channel_id=channel_id, user_id=user_id)
        if active is not None and not active.complete and has_partner_steps(active):
            return active
        candidates = [
            s for s in self._workflows.runs_of(project=project) if not s.complete and has_partner_steps(s)
        ]
        if not candidates:
            raise NoPartnerSteps(project.number)
        return candidates[0]
