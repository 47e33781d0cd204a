"""RFP proposals: a team's sealed offer (price in CNY, delivery time, milestones) and the sponsor's
selection of a supplier, which awards the project and turns the proposal into a contract."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.events import publish
from platform_.identity.models import Firm, User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects import selectors
from projects.models import Project, ProjectKind, ProjectStatus, Team, TeamFirm
from projects.models_types import Contract, ContractMilestone, Proposal, ProposalMilestone
from projects.services._shared import _lock, _people, _require_member, _require_off_panel, _require_sponsor_manager
from projects.services.lifecycle import _transition

S = ProjectStatus
MAX_MILESTONES = 20


@dataclass(frozen=True)
class MilestoneTerms:
    title: str
    amount: Decimal
    due_days: int


def _require_rfp(project: Project) -> None:
    if project.kind != ProjectKind.RFP:
        raise Conflict(_("This project does not take proposals."), code="wrong_type")


def _check_terms(
    *, summary: str, price: Decimal, delivery_days: int, milestones: Sequence[MilestoneTerms]
) -> list[MilestoneTerms]:
    if not summary.strip():
        raise DomainError(_("Describe your approach."), field="summary")
    if not price.is_finite() or price < 0 or price != price.quantize(Decimal("0.01")):
        raise DomainError(_("The price cannot be negative."), field="price")
    if delivery_days < 1:
        raise DomainError(_("Give the delivery time in days (at least one)."), field="delivery_days")
    if not milestones or len(milestones) > MAX_MILESTONES:
        raise DomainError(_("Give between 1 and %(max)s milestones.") % {"max": MAX_MILESTONES}, field="milestones")
    checked = []
    for terms in milestones:
        amount = Decimal(terms.amount)
        in_fen = amount.is_finite() and amount == amount.quantize(Decimal("0.01"))
        if not terms.title.strip() or not in_fen or amount < 0 or not 1 <= terms.due_days <= delivery_days:
            raise DomainError(
                _("Each milestone needs a title, a payment of zero or more, and a due day within the delivery time."),
                field="milestones",
            )
        checked.append(MilestoneTerms(terms.title.strip()[:200], Decimal(terms.amount), int(terms.due_days)))
    if sum((m.amount for m in checked), Decimal(0)) != price:
        raise DomainError(_("The milestones' payments must add up to the price."), field="milestones")
    return sorted(checked, key=lambda m: m.due_days)


def _team_for(*, project: Project, firm: Firm, by: User) -> Team:
    team = selectors.team_of(firm=firm, project=project)
    if team is not None:
        return team
    try:
        with transaction.atomic():  # two first proposals of one firm race to make its team
            team = Team.objects.create(project=project, name=firm.name, lead=firm, created_by=by)
            TeamFirm.objects.create(project=project, team=team, firm=firm, share=Decimal(1))
    except IntegrityError:
        team = selectors.team_of(firm=firm, project=project)
        if team is None:
            raise
    return team


@transaction.atomic
def proposal_submit(
    *,
    project: Project,
    by: User,
    firm: Firm | None,
    summary: str,
    price: Decimal,
    delivery_days: int,
    milestones: Sequence[MilestoneTerms],
) -> Proposal:
    """The firm's team submits its proposal, or replaces it, while the project is open and before the
    deadline; only the team sees it, and the sponsor once entries have closed."""
    firm = _require_member(firm=firm, by=by)
    project = _lock(project)
    _require_rfp(project)
    if selectors.acceptance_of(firm=firm, project=project) is None:
        raise NotAllowed(_("Accept the terms before proposing."))
    if project.status != S.OPEN or timezone.now() >= project.deadline:
        raise Conflict(_("Proposals are no longer accepted: the project is closed."), code="deadline_passed")
    checked = _check_terms(summary=summary, price=Decimal(price), delivery_days=delivery_days, milestones=milestones)
    team = _team_for(project=project, firm=firm, by=by)
    _require_off_panel(project=project, firm_ids=team.members.values_list("firm_id", flat=True))
    proposal, created = Proposal.objects.update_or_create(
        team=team,
        defaults={
            "project": project,
            "summary": summary.strip(),
            "price": Decimal(price),
            "delivery_days": delivery_days,
            "submitted_by": by,
        },
    )
    proposal.milestones.all().delete()
    ProposalMilestone.objects.bulk_create(
        ProposalMilestone(proposal=proposal, position=index, title=m.title, amount=m.amount, due_days=m.due_days)
        for index, m in enumerate(checked, start=1)
    )
    audit_record(
        actor=by,
        action="project.proposal_submit" if created else "project.proposal_replace",
        target=proposal,
        firm=firm,
        data={"project": project.pk, "price": str(proposal.price), "delivery_days": delivery_days},
    )
    firm_ids = list(team.members.values_list("firm_id", flat=True))
    notify(
        recipients=_people(firm_ids),
        kind="project.proposal_received",
        title=Message(gettext_noop("Proposal received for “%(title)s”"), title=project.title),
        url=project.get_absolute_url() + "proposals/",
        data={"project": project.pk, "proposal": proposal.pk},
        exclude=by,
    )
    publish("proposal.submitted", project_id=project.pk, proposal_id=proposal.pk, sponsor_firm_id=project.sponsor_id)
    return proposal


@transaction.atomic
def proposal_select(*, proposal: Proposal, by: User) -> Contract:
    """The sponsor selects the supplier once entries have closed (closed or judging): the project is
    awarded and the proposal's terms become a contract whose milestones fall due from today."""
    project = _lock(proposal.project)
    _require_sponsor_manager(project=project, by=by)
    _require_rfp(project)
    if Contract.objects.filter(project=project).exists():
        raise Conflict(_("A supplier has already been selected."))
    proposal = Proposal.objects.select_for_update().select_related("team").get(pk=proposal.pk, project=project)
    _transition(project=project, action="select_supplier", by=by)
    now = timezone.now()
    proposal.selected_at = now
    proposal.save(update_fields=["selected_at"])
    contract = Contract.objects.create(
        project=project,
        proposal=proposal,
        supplier=proposal.team,
        price=proposal.price,
        delivery_days=proposal.delivery_days,
        created_by=by,
    )
    start = timezone.localdate(now)
    ContractMilestone.objects.bulk_create(
        ContractMilestone(
            contract=contract,
            position=m.position,
            title=m.title,
            amount=m.amount,
            due_date=start + timedelta(days=m.due_days),
        )
        for m in proposal.milestones.all()
    )
    supplier_firms = list(proposal.team.members.values_list("firm_id", flat=True))
    audit_record(
        actor=by,
        action="project.supplier_select",
        target=contract,
        firm=project.sponsor_id,
        data={"project": project.pk, "proposal": proposal.pk, "price": str(contract.price)},
    )
    notify(
        recipients=_people(supplier_firms),
        kind="project.supplier_selected",
        title=Message(
            gettext_noop("Your proposal for “%(title)s” was selected: the contract starts"), title=project.title
        ),
        url=project.get_absolute_url() + "contract/",
        data={"project": project.pk, "contract": contract.pk},
        exclude=by,
    )
    others = set(
        TeamFirm.objects.filter(project=project, team__proposal__isnull=False)
        .exclude(team=proposal.team)
        .values_list("firm_id", flat=True)
    ) - set(supplier_firms)
    notify(
        recipients=_people(others),
        kind="project.result",
        title=Message(
            gettext_noop("“%(title)s”: the sponsor selected another supplier. Thank you for your proposal."),
            title=project.title,
        ),
        url=project.get_absolute_url(),
        data={"project": project.pk},
        exclude=by,
    )
    publish(
        "contract.created",
        project_id=project.pk,
        contract_id=contract.pk,
        proposal_id=proposal.pk,
        audience_firm_ids=sorted({project.sponsor_id, *supplier_firms}),
    )
    # The outcome, as a design award announces it: the sponsor and every firm that proposed hear it.
    publish("project.awarded", project_id=project.pk, entry_ids=[], asset_ids=[])
    return contract
