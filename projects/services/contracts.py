"""Contract milestones: the supplier delivers, the sponsor accepts or returns with a note, a returned
milestone is delivered again; each step is recorded on the milestone, audited and notified."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.events import publish
from platform_.identity.models import User
from platform_.notifications.messages import Message
from platform_.notifications.services import notify
from projects import selectors_types
from projects.models_types import Contract, ContractMilestone, MilestoneEvent, MilestoneStatus
from projects.services._shared import _people, _require_sponsor_manager

M = MilestoneStatus


def _locked(milestone: ContractMilestone) -> tuple[ContractMilestone, Contract]:
    milestone = ContractMilestone.objects.select_for_update().get(pk=milestone.pk)
    contract = Contract.objects.select_related("project", "supplier").get(pk=milestone.contract_id)
    return milestone, contract


def _record(
    *, milestone: ContractMilestone, contract: Contract, by: User, action: str, note: str, status: str
) -> ContractMilestone:
    milestone.status = status
    milestone.save(update_fields=["status", "updated_at"])
    MilestoneEvent.objects.create(milestone=milestone, action=action, note=note, actor=by)
    project = contract.project
    supplier_firms = list(contract.supplier.members.values_list("firm_id", flat=True))
    audit_record(
        actor=by,
        action=f"project.milestone_{action}",
        target=milestone,
        firm=project.sponsor_id,
        reason=note,
        data={"project": project.pk, "contract": contract.pk, "supplier_firms": supplier_firms},
    )
    if action == "submit":
        recipients = _people([project.sponsor_id])
        key = gettext_noop("Milestone delivered for “%(title)s”: %(milestone)s")
    else:
        recipients = _people(supplier_firms)
        key = (
            gettext_noop("Milestone accepted for “%(title)s”: %(milestone)s")
            if action == "accept"
            else gettext_noop("Milestone returned for rework on “%(title)s”: %(milestone)s")
        )
    notify(
        recipients=recipients,
        kind=f"project.milestone_{action}",
        title=Message(key, title=project.title, milestone=milestone.title),
        body=note,
        url=project.get_absolute_url() + "contract/",
        data={"project": project.pk, "contract": contract.pk, "milestone": milestone.pk},
        exclude=by,
    )
    event = {"submit": "submitted", "accept": "accepted", "return": "returned"}[action]
    publish(
        f"contract.milestone_{event}",
        project_id=project.pk,
        contract_id=contract.pk,
        milestone_id=milestone.pk,
        position=milestone.position,
        audience_firm_ids=sorted({project.sponsor_id, *supplier_firms}),
    )
    return milestone


@transaction.atomic
def milestone_submit(*, milestone: ContractMilestone, by: User, note: str = "") -> ContractMilestone:
    """The supplier team delivers a milestone (first time, or again after it was returned)."""
    milestone, contract = _locked(milestone)
    if not selectors_types.is_supplier(user=by, contract=contract):
        raise NotAllowed(_("Only the supplier delivers milestones."))
    if milestone.status not in (M.PENDING, M.RETURNED):
        raise Conflict(_("This milestone is not waiting for a delivery."))
    return _record(
        milestone=milestone, contract=contract, by=by, action="submit", note=note.strip(), status=M.SUBMITTED
    )


@transaction.atomic
def milestone_decide(*, milestone: ContractMilestone, by: User, accept: bool, note: str = "") -> ContractMilestone:
    """The sponsor accepts a delivered milestone, or returns it with a note saying what to rework."""
    milestone, contract = _locked(milestone)
    _require_sponsor_manager(project=contract.project, by=by)
    if milestone.status != M.SUBMITTED:
        raise Conflict(_("Only a delivered milestone can be accepted or returned."))
    if not accept and not note.strip():
        raise DomainError(_("Say what must be reworked."), field="note")
    return _record(
        milestone=milestone,
        contract=contract,
        by=by,
        action="accept" if accept else "return",
        note=note.strip(),
        status=M.ACCEPTED if accept else M.RETURNED,
    )
