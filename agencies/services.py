"""Writes of agencies: registration and verification, endorsement, guidance and cluster approval."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from agencies import selectors
from agencies.models import (
    Agency,
    AgencyKind,
    AgencyMember,
    AgencyRegion,
    AgencyStatus,
    ClusterActivity,
    Endorsement,
    Guidance,
    GuidanceAttachment,
)
from clusters.models import Cluster, ClusterStatus
from clusters.services import cluster_decide
from knowledge.files import UploadRefused, check_upload
from platform_.audit.services import audit_record
from platform_.errors import Conflict, NotAllowed, NotFound
from platform_.events import publish
from platform_.identity.credit_code import check_character, validate_credit_code
from platform_.identity.models import Firm, FirmMember, FirmRole, FirmVerification, Sector, User
from platform_.identity.regions import Province
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify
from platform_.outage import file_store_writes

logger = logging.getLogger(__name__)


def agency_register(
    *,
    by: User,
    name_zh: str,
    kind: str,
    regions: Sequence[tuple[str, str]],
    name_en: str = "",
    national: bool = False,
    credit_code: str = "",
) -> Agency:
    """Register a public body; it waits for a platform administrator to verify it. ``by`` becomes its administrator."""
    if kind not in AgencyKind.values:
        raise Conflict(_("Unknown kind of agency."), field="kind")
    if national and kind != AgencyKind.MINISTRY:
        raise Conflict(_("Only a national ministry has a national jurisdiction."), field="national")
    if not national and not regions:
        raise Conflict(_("Name at least one region of the jurisdiction."), field="regions")
    for province, _city in regions:
        if province not in Province.values:
            raise Conflict(_("Unknown province code: %(code)s.") % {"code": province}, field="regions")
    credit_code = credit_code.strip().upper()
    if credit_code:
        try:
            validate_credit_code(credit_code)
        except ValidationError as error:
            raise Conflict(error.messages[0], field="credit_code") from error
    with transaction.atomic():
        agency = Agency.objects.create(
            name_zh=name_zh.strip(),
            name_en=name_en.strip(),
            kind=kind,
            national=national,
            credit_code=credit_code,
            registered_by=by,
        )
        AgencyRegion.objects.bulk_create(
            [AgencyRegion(agency=agency, province=p, city=c.strip()) for p, c in dict.fromkeys(regions)]
        )
        AgencyMember.objects.create(agency=agency, user=by, is_admin=True)
        audit_record(actor=by, action="agency.register", target=agency)
        notify(
            recipients=User.objects.filter(is_staff=True, is_active=True),
            kind="agency.registered",
            title=Message(
                gettext_noop("An agency waits for verification: %(name)s"), name=per_language(lambda: agency.name)
            ),
            url=reverse("agencies:review"),
        )
    return agency


def agency_decide(*, agency: Agency, by: User, approve: bool, reason: str = "") -> Agency:
    """A platform administrator verifies (or rejects) a registered agency."""
    if not by.is_platform_admin:
        raise NotAllowed(_("Only a platform administrator may verify an agency."))
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        if agency.status != AgencyStatus.PENDING:
            raise Conflict(_("This agency has already been decided."))
        if not approve and not reason.strip():
            raise Conflict(_("Please give a reason for the rejection."), field="reason")
        agency.status = AgencyStatus.VERIFIED if approve else AgencyStatus.REJECTED
        agency.decided_by = by
        agency.decision_reason = reason
        if approve:
            agency.firm = _agency_firm_create(agency)
        agency.save(update_fields=["status", "decided_by", "decision_reason", "firm"])
        audit_record(actor=by, action="agency.verify" if approve else "agency.reject", target=agency, reason=reason)
        notify(
            recipients=[m.user for m in agency.members.select_related("user")],
            kind="agency.decided",
            title=Message(
                gettext_noop("Your agency is verified: %(name)s")
                if approve
                else gettext_noop("Your agency was not verified: %(name)s"),
                name=per_language(lambda: agency.name),
            ),
            body=reason,
            url=reverse("agencies:detail", args=[agency.pk]),
        )
    return agency


def _placeholder_credit_code(agency: Agency, province: str) -> str:
    """A valid code for an agency that gave none: registration authority 1 (institutional establishment),
    category 1 (organ of state), the province's division code, then "A" and the agency's number."""
    first17 = f"11{province}0000A{agency.pk:08d}"
    return first17 + check_character(first17)


def _agency_firm_create(agency: Agency) -> Firm:
    """The verified agency's own firm identity, whose administrators are the agency's people: through it they
    sponsor challenges on behalf of the public with the projects' pages and API, as a firm does."""
    region = agency.regions.order_by("id").first()
    province = region.province if region is not None else Province.BEIJING
    firm = Firm(
        name_zh=agency.name_zh,
        name_en=agency.name_en,
        credit_code=agency.credit_code or _placeholder_credit_code(agency, province),
        province=province,
        city=region.city if region is not None else "",
        # A platform administrator has just verified the agency: its own firm identity is verified with it.
        verification=FirmVerification.VERIFIED,
        verified_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            firm.save()
    except IntegrityError as error:
        raise Conflict(_("A firm with this credit code is already registered."), field="credit_code") from error
    FirmMember.objects.bulk_create(
        [FirmMember(firm=firm, user_id=member.user_id, role=FirmRole.ADMIN) for member in agency.members.all()]
    )
    return firm


def _require_member(*, agency: Agency, by: User, admin: bool = False) -> None:
    if agency.status != AgencyStatus.VERIFIED:
        raise NotAllowed(_("The agency is not verified yet."))
    member = AgencyMember.objects.filter(agency=agency, user=by).first()
    if member is None or (admin and not member.is_admin):
        raise NotAllowed(_("Only the agency's people may do this."))


def endorsement_set(*, agency: Agency, cluster: Cluster, by: User, endorse: bool, note: str = "") -> Endorsement | None:
    """Endorse a cluster of the jurisdiction (a badge on its pages), or revoke the endorsement; audited."""
    _require_member(agency=agency, by=by)
    if not selectors.clusters_in_jurisdiction(agency).filter(pk=cluster.pk).exists():
        raise NotFound(_("Not found."))
    with transaction.atomic():
        current = (
            Endorsement.objects.select_for_update().filter(agency=agency, cluster=cluster, revoked_at=None).first()
        )
        if endorse:
            if current is not None:
                raise Conflict(_("Your agency already endorses this cluster."))
            if not cluster.proposed_by.is_verified:
                raise Conflict(_("The cluster's organising firm is not verified: it cannot be endorsed yet."))
            try:
                with transaction.atomic():
                    current = Endorsement.objects.create(
                        agency=agency, cluster=cluster, endorsed_by=by, note=note[:300]
                    )
            except IntegrityError as error:  # a concurrent endorsement won
                raise Conflict(_("Your agency already endorses this cluster.")) from error
            audit_record(
                actor=by, action="cluster.endorse", target=cluster, cluster=cluster, data={"agency": agency.pk}
            )
            publish("cluster.endorsed", cluster_id=cluster.pk, agency_id=agency.pk, endorsement_id=current.pk)
            return current
        if current is None:
            raise Conflict(_("Your agency does not endorse this cluster."))
        current.revoked_at, current.revoked_by = timezone.now(), by
        current.save(update_fields=["revoked_at", "revoked_by"])
        audit_record(
            actor=by, action="cluster.endorse_revoke", target=cluster, cluster=cluster, data={"agency": agency.pk}
        )
        publish("cluster.endorsement_revoked", cluster_id=cluster.pk, agency_id=agency.pk, endorsement_id=current.pk)
        return None


def guidance_publish(
    *,
    agency: Agency,
    by: User,
    kind: str,
    title: str,
    body: str,
    valid_from: date,
    valid_until: date | None = None,
    provinces: Iterable[str] = (),
    sectors: Iterable[Sector] = (),
    attachments: Iterable[Any] = (),
) -> Guidance:
    """Publish guidance to the firms of (part of) the jurisdiction; their owners and administrators are notified.

    Each attachment passes the platform's upload policy (``knowledge.files.check_upload``: no HTML, SVG or
    scripts, type sniffed from the content, size limit) before anything is written.
    """
    _require_member(agency=agency, by=by)
    provinces = sorted(set(provinces))
    allowed = None if agency.national else {r.province for r in agency.regions.all()}
    if allowed is not None and not set(provinces) <= allowed:
        raise Conflict(_("Guidance can reach only provinces of your jurisdiction."), field="provinces")
    if valid_until is not None and valid_until < valid_from:
        raise Conflict(_("The end of validity comes before its start."), field="valid_until")
    try:
        checked = [check_upload(uploaded) for uploaded in attachments]
    except UploadRefused as error:
        error.field = "attachments"
        raise
    stored: list[str] = []  # the files written so far: removed again if anything fails
    try:
        with transaction.atomic():
            guidance = Guidance.objects.create(
                agency=agency,
                kind=kind,
                title=title.strip(),
                body=body,
                provinces=provinces,
                valid_from=valid_from,
                valid_until=valid_until,
                published_by=by,
            )
            guidance.sectors.set(list(sectors))
            for upload in checked:
                attachment = GuidanceAttachment(
                    guidance=guidance,
                    original_name=upload.name,
                    size=upload.size,
                    sha256=upload.sha256,
                    content_type=upload.content_type,
                )
                with file_store_writes():  # a failing store: a clear 503 (the files stored before: below)
                    attachment.file.save(upload.name, ContentFile(upload.content), save=False)
                stored.append(attachment.file.name or "")
                attachment.save()
            audit_record(actor=by, action="guidance.publish", target=guidance, data={"agency": agency.pk})
            if valid_from <= timezone.localdate():
                notify(
                    recipients=selectors.managers_of(selectors.firms_reached(guidance)),
                    kind="guidance.published",
                    title=guidance.title,
                    body=Message("%(agency)s", agency=per_language(lambda: agency.name)),
                    url=reverse("agencies:guidance"),
                    exclude=by,
                )
            publish("guidance.published", guidance_id=guidance.pk, agency_id=agency.pk)
    except BaseException:
        _remove(stored)
        raise
    return guidance


def _remove(names: list[str]) -> None:
    for name in names:
        try:
            GuidanceAttachment.file.field.storage.delete(name)
        except Exception:  # the store is failing: the file may stay behind, the rows do not
            logger.exception("guidance: a stored attachment could not be removed")


def agency_cluster_decide(*, agency: Agency, cluster: Cluster, by: User, approve: bool, reason: str = "") -> Cluster:
    """An agency approves or rejects a proposed cluster whose home province it covers whole."""
    _require_member(agency=agency, by=by)
    if cluster.status != ClusterStatus.PROPOSED or cluster.home_province not in selectors.whole_provinces(agency):
        raise NotFound(_("Not found."))
    with transaction.atomic():
        return cluster_decide(cluster=cluster, by=by, approve=approve, reason=reason, authority=f"agency:{agency.pk}")


def cluster_activity_refresh(*, now: datetime | None = None) -> int:
    """Store every cluster's activity (published assets of its active members, their use in the
    last twelve months) as of ``now``, for the agencies' dashboard; returns the clusters stored."""
    as_of = now or timezone.now()
    since = as_of - timedelta(days=selectors.ACTIVITY_DAYS)
    assets_of, uses_of = selectors.activity_counts(cluster_ids=None, since=since)
    ids = list(Cluster.objects.values_list("pk", flat=True))
    rows = [
        ClusterActivity(cluster_id=cid, assets=assets_of.get(cid, 0), uses_12m=uses_of.get(cid, 0), as_of=as_of)
        for cid in ids
    ]
    with transaction.atomic():
        ClusterActivity.objects.bulk_create(
            rows,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["cluster"],
            update_fields=["assets", "uses_12m", "as_of"],
        )
    return len(rows)
