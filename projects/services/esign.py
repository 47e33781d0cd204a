"""Signed IP transfers: the sponsor sends the award's IP assignment for electronic signature; each side
signs (on the platform's page with the local provider, on the provider's page otherwise); the transfer
completes only when every side signed, with the signed PDF stored as an immutable version and its hash.
Every step is audited and notified."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.signing import BadSignature, TimestampSigner
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform_ import esign
from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.identity.models import MANAGING_ROLES, FirmMember, User
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify
from platform_.phone.models import PhoneNumber
from projects import esign as documents
from projects.models import Award
from projects.models_esign import (
    DocumentKind,
    IpTransfer,
    TransferDocument,
    TransferParty,
    TransferSide,
    TransferStatus,
)
from projects.services._shared import _managers, _people, _require_sponsor_manager

_SALT = "projects.esign.sign"


def sign_token(party: TransferParty) -> str:
    """The signed link's token for one party (it names the party; the signer must still act for its firm)."""
    return TimestampSigner(salt=_SALT).sign(str(party.pk))


def party_from_token(token: str) -> TransferParty:
    try:
        pk = TimestampSigner(salt=_SALT).unsign(token, max_age=60 * 60 * 24 * 90)
    except BadSignature as error:
        raise NotFound(_("This signing link is not valid.")) from error
    party = TransferParty.objects.select_related("transfer__award__project", "firm").filter(pk=int(pk)).first()
    if party is None:
        raise NotFound(_("This signing link is not valid."))
    return party


def sign_path(party: TransferParty) -> str:
    return reverse("projects:transfer-sign", kwargs={"pk": party.transfer.award.project_id, "token": sign_token(party)})


def _account(person: User | None) -> str:
    if person is None:
        return ""
    phone = PhoneNumber.objects.filter(user=person).values_list("number", flat=True).first()
    return phone.removeprefix("+86") if phone else person.email


def _signers(transfer: IpTransfer) -> list[esign.Signer]:
    signers = []
    for party in transfer.parties.select_related("firm").order_by("side", "id"):
        manager = (
            FirmMember.objects.filter(firm=party.firm, role__in=MANAGING_ROLES)
            .select_related("user")
            .order_by("joined_at")
            .first()
        )
        person = manager.user if manager else None
        signers.append(
            esign.Signer(
                key=str(party.pk),
                firm_name=party.firm.name,
                credit_code=party.firm.credit_code or "",
                person_name=(person.get_full_name() or person.email) if person else "",
                # e签宝 identifies the person acting for the firm by a mobile number or an e-mail address.
                person_mobile=_account(person),
            )
        )
    return signers


def _store(transfer: IpTransfer, *, kind: str, content: bytes) -> TransferDocument:
    digest = hashlib.sha256(content).hexdigest()
    number = transfer.documents.count() + 1
    document = TransferDocument(transfer=transfer, number=number, kind=kind, sha256=digest, size=len(content))
    document.file.save(f"ip-assignment-{transfer.award_id}-v{number}.pdf", ContentFile(content), save=False)
    document.save()
    return document


def _audit(transfer: IpTransfer, *, by: User | None, action: str, data: dict[str, object] | None = None) -> None:
    award = transfer.award
    for firm_id in {award.project.sponsor_id, *transfer.parties.values_list("firm_id", flat=True)}:
        audit_record(
            actor=by,
            action=f"project.transfer_{action}",
            target=transfer,
            firm=firm_id,
            data={"project": award.project_id, "award": award.pk, **(data or {})},
        )


def _side_label(side: str) -> Callable[[], str]:
    return lambda: str(TransferSide(side).label)


def _party_firms(transfer: IpTransfer) -> list[int]:
    return list(transfer.parties.values_list("firm_id", flat=True))


@transaction.atomic
def transfer_send(*, award: Award, by: User) -> IpTransfer:
    """The sponsor sends the award's IP assignment to both sides for signature."""
    award = Award.objects.select_for_update().select_related("project__sponsor", "entry__team").get(pk=award.pk)
    project = award.project
    _require_sponsor_manager(project=project, by=by)
    if not documents.transfer_applies(award):
        raise DomainError(_("Only an award that assigns the IP is transferred in writing."))
    if IpTransfer.objects.filter(award=award).exists():
        raise Conflict(_("The IP assignment has already been sent for signature."))
    provider = esign.provider()
    transfer = IpTransfer.objects.create(award=award, provider=provider.name, sent_by=by)
    TransferParty.objects.create(transfer=transfer, firm=project.sponsor, side=TransferSide.ASSIGNEE)
    for member in award.entry.team.members.select_related("firm").order_by("id"):
        TransferParty.objects.create(transfer=transfer, firm=member.firm, side=TransferSide.ASSIGNOR)
    content = documents.assignment_pdf(transfer)
    sent = _store(transfer, kind=DocumentKind.SENT, content=content)
    try:
        started = provider.start(
            title=_("IP assignment: %(title)s") % {"title": project.title},
            document=content,
            filename=f"ip-assignment-{award.pk}.pdf",
            signers=_signers(transfer),
        )
    except esign.ProviderError as error:
        raise Conflict(_("The e-sign service did not accept the document; try again later.")) from error
    transfer.flow_id = started.flow_id
    transfer.save(update_fields=["flow_id"])
    for party in transfer.parties.all():
        url = started.sign_urls.get(str(party.pk), "")
        if url:
            party.sign_url = url
            party.save(update_fields=["sign_url"])
    _audit(transfer, by=by, action="send", data={"provider": provider.name, "sha256": sent.sha256})
    for party in transfer.parties.select_related("firm"):
        notify(
            recipients=_managers([party.firm_id]),
            kind="project.transfer_send",
            title=Message(gettext_noop("Sign the IP assignment for “%(title)s”"), title=project.title),
            body=Message(
                gettext_noop("%(firm)s signs as %(side)s."),
                firm=party.firm.name,
                side=per_language(_side_label(party.side)),
            ),
            url=party.sign_url or sign_path(party),
            data={"project": project.pk, "transfer": transfer.pk},
        )
    return transfer


def _record_signature(transfer: IpTransfer, party: TransferParty, *, by: User | None) -> None:
    party.signed_at = timezone.now()
    party.signed_by = by
    party.save(update_fields=["signed_at", "signed_by"])
    _audit(transfer, by=by, action="sign", data={"firm": party.firm_id, "side": party.side})
    notify(
        recipients=_people(_party_firms(transfer)),
        kind="project.transfer_sign",
        title=Message(
            gettext_noop("%(firm)s signed the IP assignment for “%(title)s”"),
            firm=party.firm.name,
            title=transfer.award.project.title,
        ),
        url=transfer.award.project.get_absolute_url() + "transfer/",
        data={"project": transfer.award.project_id, "transfer": transfer.pk},
        exclude=by,
    )


def _complete_if_signed(transfer: IpTransfer, *, by: User | None, provider: esign.Provider) -> None:
    if transfer.parties.filter(signed_at__isnull=True).exists():
        return
    sent = transfer.documents.filter(kind=DocumentKind.SENT).order_by("number").first()
    if provider.hosted:
        try:
            content = provider.signed_document(flow_id=transfer.flow_id)
        except esign.ProviderError:
            return  # every side signed but the file is not ready yet: the next refresh completes
    else:
        content = documents.signed_pdf(transfer, sent_sha256=sent.sha256 if sent else "")
    signed = _store(transfer, kind=DocumentKind.SIGNED, content=content)
    transfer.status = TransferStatus.COMPLETED
    transfer.completed_at = timezone.now()
    transfer.save(update_fields=["status", "completed_at"])
    _audit(transfer, by=by, action="complete", data={"sha256": signed.sha256})
    notify(
        recipients=_people(_party_firms(transfer)),
        kind="project.transfer_complete",
        title=Message(
            gettext_noop("The IP assignment for “%(title)s” is signed by both sides"),
            title=transfer.award.project.title,
        ),
        body=Message(gettext_noop("SHA-256 of the signed document: %(sha256)s"), sha256=signed.sha256),
        url=transfer.award.project.get_absolute_url() + "transfer/",
        data={"project": transfer.award.project_id, "transfer": transfer.pk},
    )


def _locked(transfer: IpTransfer) -> IpTransfer:
    return IpTransfer.objects.select_for_update().select_related("award__project").get(pk=transfer.pk)


@transaction.atomic
def transfer_sign(*, party: TransferParty, by: User) -> IpTransfer:
    """A manager of the party's firm signs on the platform's page (the local provider only)."""
    transfer = _locked(party.transfer)
    party = TransferParty.objects.select_related("firm").get(pk=party.pk)
    provider = esign.provider()
    if transfer.provider != provider.name or provider.hosted:
        raise Conflict(_("This assignment is signed on the e-sign service's page."))
    if not FirmMember.objects.filter(firm=party.firm, user=by, role__in=MANAGING_ROLES).exists():
        raise NotAllowed(_("Only an owner or administrator of %(firm)s signs for it.") % {"firm": party.firm.name})
    if party.signed_at is not None:
        raise Conflict(_("%(firm)s has already signed.") % {"firm": party.firm.name})
    _record_signature(transfer, party, by=by)
    _complete_if_signed(transfer, by=by, provider=provider)
    return transfer


@transaction.atomic
def transfer_refresh(*, transfer: IpTransfer, by: User | None = None) -> IpTransfer:
    """Ask a hosted provider who has signed; record the new signatures and complete when all signed."""
    transfer = _locked(transfer)
    if transfer.status == TransferStatus.COMPLETED:
        return transfer
    provider = esign.provider()
    if not provider.hosted or transfer.provider != provider.name:
        return transfer
    try:
        done = provider.signed_keys(flow_id=transfer.flow_id, signers=_signers(transfer))
    except esign.ProviderError as error:
        raise Conflict(_("The e-sign service could not be reached; try again later.")) from error
    for party in transfer.parties.select_related("firm").filter(signed_at__isnull=True):
        if str(party.pk) in done:
            _record_signature(transfer, party, by=None)
    _complete_if_signed(transfer, by=by, provider=provider)
    return transfer
