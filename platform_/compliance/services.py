"""Writes of privacy: consents given and withdrawn, an account deleted, a firm closed by its owners."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_.audit.models import AuditEntry
from platform_.audit.services import audit_record
from platform_.compliance.models import SHARING_PURPOSES, Consent, Purpose
from platform_.compliance.selectors import policy_current
from platform_.errors import Conflict, NotAllowed
from platform_.identity.models import Firm, FirmInvitation, FirmMember, FirmRole
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify

DELETED_NAME = "—"


def _client(request: Any) -> tuple[str | None, str]:
    if request is None:
        return None, ""
    address = request.META.get("REMOTE_ADDR") or None
    return address, (request.META.get("HTTP_USER_AGENT") or "")[:300]


@transaction.atomic
def consent_give(*, user: Any, purpose: str, request: Any = None) -> Consent:
    """Record a consent under the current policy, with its hash, the time and the client; once per purpose."""
    if purpose not in Purpose.values:
        raise Conflict(_("Unknown purpose."))
    current = Consent.objects.select_for_update().filter(user=user, purpose=purpose, withdrawn_at=None).first()
    if current is not None:
        return current
    policy = policy_current()
    address, agent = _client(request)
    consent = Consent.objects.create(
        user=user,
        purpose=purpose,
        policy=policy,
        policy_sha256=policy.sha256,
        client_ip=address,
        client_agent=agent,
    )
    audit_record(actor=user, action="consent.give", target=consent, data={"purpose": purpose, "policy": policy.version})
    return consent


@transaction.atomic
def consent_withdraw(*, user: Any, purpose: str) -> bool:
    """Withdraw a sharing consent; from then on those fields are withheld from that purpose's recipients."""
    if purpose not in SHARING_PURPOSES:
        raise Conflict(_("This consent is withdrawn by deleting the account."))
    changed = Consent.objects.filter(user=user, purpose=purpose, withdrawn_at=None).update(withdrawn_at=timezone.now())
    if changed:
        audit_record(actor=user, action="consent.withdraw", target=user, data={"purpose": purpose})
    return bool(changed)


def _anonymise_audit(*, user: Any, names: list[str]) -> None:
    """Audit rows stay, without the person: the trigger lets only this pseudonymising update through."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL vc.audit_anonymise = 'on'")
    AuditEntry.objects.filter(actor=user).exclude(actor_email="").update(actor_email="")
    mentions = Q(target_type="identity.user", target_id=str(user.pk))
    for name in names:
        mentions |= Q(target_repr__contains=name)
    AuditEntry.objects.filter(mentions).update(target_repr=f"person #{user.pk}")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL vc.audit_anonymise = 'off'")


@transaction.atomic
def account_delete(*, user: Any) -> None:
    """Delete a person's account: personal data removed, the rows that others rely on kept without them.

    A firm's last owner closes the firm or hands it over first, so that no firm is left without one.
    """
    from allauth.account.models import EmailAddress

    owned = FirmMember.objects.filter(user=user, role=FirmRole.OWNER, firm__is_active=True).values_list(
        "firm", flat=True
    )
    for firm_id in list(owned):
        if FirmMember.objects.filter(firm_id=firm_id, role=FirmRole.OWNER).count() <= 1:
            raise Conflict(_("You are the last owner of a firm: close the firm or make someone else an owner first."))
    names = [name for name in (user.email, user.display_name) if name and len(name) >= 3]
    _anonymise_audit(user=user, names=names)
    EmailAddress.objects.filter(user=user).delete()
    FirmInvitation.objects.filter(email__iexact=user.email).delete()
    FirmMember.objects.filter(user=user).delete()
    user.notifications.all().delete()
    Consent.objects.filter(user=user).update(client_ip=None, client_agent="")
    Consent.objects.filter(user=user, withdrawn_at=None).update(withdrawn_at=timezone.now())
    if apps.is_installed("allauth.socialaccount"):  # workplace-app sign-in links the person's accounts there
        from allauth.socialaccount.models import SocialAccount

        SocialAccount.objects.filter(user=user).delete()
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.display_name = DELETED_NAME
    user.first_name = user.last_name = ""
    user.language = ""
    user.email_notifications = False
    user.is_active = False
    user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    audit_record(actor=None, action="account.delete", target=user)


@transaction.atomic
def firm_close(*, firm: Firm, by: Any) -> Firm:
    """Close a firm: only its owners may; its people, invitations, keys and profile text go, its records stay."""
    from platform_.api.models import ApiKey

    firm = Firm.objects.select_for_update().get(pk=firm.pk)
    if not FirmMember.objects.filter(firm=firm, user=by, role=FirmRole.OWNER).exists():
        raise NotAllowed(_("Only an owner of the firm may close it."))
    if not firm.is_active:
        raise Conflict(_("The firm is already closed."))
    people = [row.user for row in FirmMember.objects.filter(firm=firm).select_related("user")]
    notify(
        recipients=people,
        kind="firm.closed",
        title=Message(gettext_noop("%(firm)s was closed"), firm=per_language(lambda: firm.name)),
        exclude=by,
    )
    ApiKey.objects.filter(firm=firm, revoked_at=None).update(revoked_at=timezone.now())
    FirmInvitation.objects.filter(firm=firm).delete()
    FirmMember.objects.filter(firm=firm).delete()
    firm.is_active = False
    firm.description = ""
    firm.website = ""
    firm.save(update_fields=["is_active", "description", "website"])
    audit_record(actor=by, action="firm.close", target=firm, firm=firm)
    return firm
