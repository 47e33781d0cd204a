"""Writes for identity: firms, their people, invitations."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platform_ import events
from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.identity.models import (
    Capability,
    Firm,
    FirmInvitation,
    FirmMember,
    FirmRole,
    Sector,
    User,
)
from platform_.identity.selectors import member_of


def _require_manager(*, firm: Firm, by: User) -> FirmMember:
    membership = member_of(user=by, firm=firm)
    if membership is None or not membership.manages:
        raise NotAllowed(_("Only the owner or an administrator of the firm may do this."))
    return membership


@transaction.atomic
def firm_create(
    *,
    by: User,
    credit_code: str,
    province: str,
    city: str,
    name_zh: str = "",
    name_en: str = "",
    size: str = "small",
    description: str = "",
    website: str = "",
    sectors: Iterable[Sector] = (),
    capabilities: Iterable[Capability] = (),
    needs: Iterable[Capability] = (),
) -> Firm:
    """Register a firm; the person who registers it becomes its owner."""
    firm = Firm(
        name_zh=name_zh,
        name_en=name_en,
        credit_code=credit_code.strip().upper(),
        province=province,
        city=city,
        size=size,
        description=description,
        website=website,
    )
    # A duplicate credit code is a conflict (409), found by the database so that a race gives the same answer.
    firm.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            firm.save()
    except IntegrityError as error:
        raise Conflict(_("A firm with this credit code is already registered."), field="credit_code") from error
    firm.sectors.set(sectors)
    firm.capabilities.set(capabilities)
    firm.needs.set(needs)
    FirmMember.objects.create(firm=firm, user=by, role=FirmRole.OWNER)
    audit_record(actor=by, action="firm.create", target=firm, firm=firm)
    return firm


@transaction.atomic
def firm_update(*, firm: Firm, by: User, **fields: object) -> Firm:
    """Change a firm's profile; only its owner or administrators may."""
    _require_manager(firm=firm, by=by)
    many = {name: fields.pop(name) for name in ("sectors", "capabilities", "needs") if name in fields}
    for name, value in fields.items():
        setattr(firm, name, value)
    firm.full_clean()
    firm.save()
    for name, values in many.items():
        getattr(firm, name).set(values)
    audit_record(actor=by, action="firm.update", target=firm, firm=firm, data={"fields": sorted(fields) + sorted(many)})
    return firm


@transaction.atomic
def invitation_create(*, firm: Firm, by: User, email: str, role: str = FirmRole.MEMBER) -> FirmInvitation:
    """Invite a person by e-mail; the e-mail goes out after commit."""
    manager = _require_manager(firm=firm, by=by)
    if role not in FirmRole.values:
        raise DomainError(_("Unknown role: %(role)s.") % {"role": role}, field="role")
    if role == FirmRole.OWNER and manager.role != FirmRole.OWNER:
        raise NotAllowed(_("Only an owner may invite another owner."))
    email = email.strip().lower()
    if FirmMember.objects.filter(firm=firm, user__email__iexact=email).exists():
        raise Conflict(_("This person is already a member of the firm."), field="email")
    invitation = FirmInvitation.objects.create(firm=firm, email=email, role=role, invited_by=by)
    audit_record(actor=by, action="firm.invite", target=invitation, firm=firm, data={"email": email, "role": role})

    def send() -> None:
        from platform_.identity.emails import send_invitation

        send_invitation(invitation)

    transaction.on_commit(send)
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, by: User) -> FirmMember:
    """Accept an open invitation addressed to the person's e-mail."""
    invitation = FirmInvitation.objects.select_for_update().filter(token=token).first()
    if invitation is None or not invitation.is_open:
        raise NotFound(_("This invitation does not exist, has expired or was already used."))
    if invitation.email.lower() != by.email.lower():
        raise NotAllowed(_("This invitation was sent to another e-mail address."))
    member, _created = FirmMember.objects.get_or_create(
        firm=invitation.firm, user=by, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit_record(actor=by, action="firm.join", target=member, firm=invitation.firm)
    events.publish("firm.member_joined", firm_id=None, user_id=by.pk, joined=invitation.firm_id)
    return member


@transaction.atomic
def member_set_role(*, member: FirmMember, by: User, role: str) -> FirmMember:
    """Change a person's role; a firm always keeps at least one owner."""
    manager = _require_manager(firm=member.firm, by=by)
    if role not in FirmRole.values:
        raise DomainError(_("Unknown role: %(role)s.") % {"role": role}, field="role")
    if FirmRole.OWNER in (role, member.role) and manager.role != FirmRole.OWNER:
        raise NotAllowed(_("Only an owner may grant or take away ownership."))
    if member.role == FirmRole.OWNER and role != FirmRole.OWNER:
        owners = FirmMember.objects.select_for_update().filter(firm=member.firm, role=FirmRole.OWNER)
        if owners.count() <= 1:
            raise Conflict(_("A firm must keep at least one owner."))
    member.role = role
    member.save(update_fields=["role"])
    audit_record(actor=by, action="firm.role", target=member, firm=member.firm, data={"role": role})
    return member


@transaction.atomic
def member_remove(*, member: FirmMember, by: User) -> None:
    """Remove a person from a firm (or let them leave); the last owner cannot go."""
    if member.user_id != by.pk:
        manager = _require_manager(firm=member.firm, by=by)
        if member.role == FirmRole.OWNER and manager.role != FirmRole.OWNER:
            raise NotAllowed(_("Only an owner may remove an owner."))
    if member.role == FirmRole.OWNER:
        owners = FirmMember.objects.select_for_update().filter(firm=member.firm, role=FirmRole.OWNER)
        if owners.count() <= 1:
            raise Conflict(_("A firm must keep at least one owner."))
    audit_record(actor=by, action="firm.leave", target=member, firm=member.firm)
    events.publish("firm.member_removed", firm_id=None, user_id=member.user_id, removed_from=member.firm_id)
    member.delete()
