"""Writes for knowledge assets: create, edit, version, submit, moderate, report, record uses and link.

Co-ownership requests live in `knowledge.coownership`, licence and access requests in `knowledge.owner_requests`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, cast

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from clusters.models import Cluster, ClusterMembership, MembershipStatus, ReviewPolicy
from clusters.selectors import active_cluster_ids
from knowledge import files
from knowledge.coownership import coownership_requests_open
from knowledge.models import (
    AccessLevel,
    Asset,
    AssetLink,
    AssetOwnership,
    AssetStatus,
    AssetVersion,
    Decision,
    KnowledgeCategory,
    Licence,
    LinkKind,
    ModerationDecision,
    Report,
    UseEvent,
    UseKind,
)
from knowledge.search import index_asset
from knowledge.selectors import asset_visible, assets_visible_to, may_moderate, moderates_own_firm
from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed, NotFound
from platform_.events import publish
from platform_.identity.models import Firm, FirmMember, FirmRole
from platform_.notifications.messages import Message
from platform_.notifications.models import Notification
from platform_.notifications.services import notify
from platform_.outage import file_store_writes

SHARE_PLACES = Decimal("0.000001")
EDITABLE = (AssetStatus.DRAFT, AssetStatus.CHANGES_REQUESTED, AssetStatus.REJECTED)


def _require_member(*, user: Any, firm: Firm | None, manager: bool = False) -> FirmMember:
    if firm is None or user is None or not getattr(user, "is_authenticated", False):
        raise NotAllowed(_("You must act for a firm to do this."))
    member = FirmMember.objects.filter(user=user, firm=firm).first()
    if member is None or (manager and not member.manages):
        raise NotAllowed(_("You may not act for this firm."))
    return member


def _require_owner_member(*, user: Any, asset: Asset, manager: bool = False) -> FirmMember:
    roles = [FirmRole.OWNER, FirmRole.ADMIN] if manager else list(FirmRole.values)
    member = (
        FirmMember.objects.filter(user=user, role__in=roles, firm__asset_ownerships__asset=asset).first()
        if user is not None and getattr(user, "is_authenticated", False)
        else None
    )
    if member is None:
        raise NotAllowed(_("Only the asset's owners may do this."))
    return member


def _owner_people(asset: Asset) -> list[Any]:
    """The people who hear about an asset: everyone in an owning firm who manages it, and its author."""
    people = [
        m.user
        for m in FirmMember.objects.filter(
            firm__asset_ownerships__asset=asset, role__in=[FirmRole.OWNER, FirmRole.ADMIN]
        ).select_related("user")
    ]
    if asset.created_by is not None:
        people.append(asset.created_by)
    return people


def _shares(owners: Sequence[Firm] | Mapping[Firm, Decimal | float | str]) -> list[tuple[Firm, Decimal]]:
    """Ownership shares summing exactly to 1: equal shares for a list, normalised ones for a mapping."""
    if isinstance(owners, Mapping):
        pairs = [(firm, Decimal(str(share))) for firm, share in owners.items()]
    else:
        unique = list(dict.fromkeys(owners))
        pairs = [(firm, Decimal(1) / len(unique)) for firm in unique] if unique else []
    if not pairs or any(share <= 0 for _firm, share in pairs):
        raise DomainError(_("Every owner needs a positive share."), field="owners")
    total = sum((share for _firm, share in pairs), Decimal(0))
    if isinstance(owners, Mapping) and abs(total - 1) > Decimal("0.0001"):
        raise DomainError(_("Ownership shares must add up to 1."), field="owners")
    rounded = [(firm, (share / total).quantize(SHARE_PLACES, ROUND_HALF_EVEN)) for firm, share in pairs]
    rest = Decimal(1) - sum(share for _firm, share in rounded[1:])
    return [(rounded[0][0], rest), *rounded[1:]]


def _validate_licence(licence: str, licence_terms: str) -> None:
    if licence not in Licence.values:
        raise DomainError(_("Choose a licence."), field="licence")
    if licence in (Licence.PROPRIETARY, Licence.PATENT) and not licence_terms.strip():
        raise DomainError(_("State the terms of this licence."), field="licence_terms")


def _set_access(
    asset: Asset, *, firm: Firm, access_level: str, access_clusters: Iterable[Cluster], access_firms: Iterable[Firm]
) -> None:
    if access_level not in AccessLevel.values:
        raise DomainError(_("Choose who may see the asset."), field="access_level")
    clusters = list(access_clusters)
    firms_ = list(access_firms)
    if access_level in (AccessLevel.CLUSTERS, AccessLevel.CONTRIBUTORS):
        if not clusters:
            raise DomainError(_("Choose at least one cluster."), field="access_clusters")
        allowed = active_cluster_ids(firm=firm)
        if any(c.pk not in allowed for c in clusters):
            raise NotAllowed(_("You can share only with clusters your firm is a member of."), field="access_clusters")
    if access_level == AccessLevel.FIRMS and not firms_:
        raise DomainError(_("Choose at least one firm."), field="access_firms")
    asset.access_clusters.set(clusters if access_level in (AccessLevel.CLUSTERS, AccessLevel.CONTRIBUTORS) else [])
    asset.access_firms.set(firms_ if access_level in (AccessLevel.FIRMS, AccessLevel.CLUSTERS) else [])


@transaction.atomic
def asset_create(
    *,
    by: Any,
    firm: Firm,
    owners: Sequence[Firm] | Mapping[Firm, Decimal | float | str] | None = None,
    co_owners: Sequence[Firm] | Mapping[Firm, Decimal | float | str] | None = None,
    kind: str = "document",
    title_zh: str = "",
    title_en: str = "",
    summary_zh: str = "",
    summary_en: str = "",
    body: str = "",
    licence: str = Licence.CC_BY,
    licence_terms: str = "",
    access_level: str = AccessLevel.PUBLIC,
    access_clusters: Iterable[Cluster] = (),
    access_firms: Iterable[Firm] = (),
    categories: Iterable[KnowledgeCategory] = (),
    tags: Iterable[str] = (),
    creation_cost: Decimal | None = None,
    uploaded_file: Any = None,
    submit: bool = False,
) -> Asset:
    """A draft asset owned by ``firm``, written by a person of that firm, with its first file when
    given, and submitted when asked: all of it or nothing.

    ``co_owners`` (a list for equal shares or a mapping of shares, the acting firm included) is what
    a person asks for: ``firm`` owns the asset at once and every other firm named receives a request
    to accept its share (``knowledge.coownership``). ``owners`` records ties whose consent was given
    elsewhere (the team of an awarded design entry) and is never fed from a form or the API.
    """
    _require_member(user=by, firm=firm)
    if owners and co_owners:
        raise DomainError(_("Name the co-owners once."), field="owners")
    if not (title_zh.strip() or title_en.strip()):
        raise DomainError(_("Give the asset a title in Chinese or English."), field="title_zh")
    _validate_licence(licence, licence_terms)
    if creation_cost is not None and creation_cost < 0:
        raise DomainError(_("The cost cannot be negative."), field="creation_cost")
    shares = _shares(owners or co_owners or [firm])
    if firm not in [f for f, _share in shares]:
        raise DomainError(_("Your firm must be one of the owners."), field="owners")
    asked = [(f, s) for f, s in shares if f != firm] if co_owners else []
    if asked:
        shares = [(firm, Decimal(1))]
    asset = Asset.objects.create(
        kind=kind,
        title_zh=title_zh.strip(),
        title_en=title_en.strip(),
        summary_zh=summary_zh,
        summary_en=summary_en,
        body=body,
        licence=licence,
        licence_terms=licence_terms,
        access_level=access_level,
        tags=sorted({t.strip()[:40] for t in tags if t.strip()}),
        created_by=by,
        creation_cost=creation_cost,
    )
    AssetOwnership.objects.bulk_create([AssetOwnership(asset=asset, firm=f, share=s) for f, s in shares])
    _set_access(asset, firm=firm, access_level=access_level, access_clusters=access_clusters, access_firms=access_firms)
    asset.categories.set(list(categories))
    index_asset(asset.pk)
    audit_record(actor=by, action="asset.create", target=asset, firm=firm)
    if asked:
        coownership_requests_open(asset=asset, from_firm=firm, by=by, shares=asked)
    return _asset_file_and_submit(asset, by=by, uploaded_file=uploaded_file, submit=submit)


def _asset_file_and_submit(asset: Asset, *, by: Any, uploaded_file: Any, submit: bool) -> Asset:
    if uploaded_file:
        version_add(asset=asset, by=by, uploaded_file=uploaded_file)
    return asset_submit(asset=asset, by=by) if submit else asset


ASSET_FIELDS = (
    "kind",
    "title_zh",
    "title_en",
    "summary_zh",
    "summary_en",
    "body",
    "licence",
    "licence_terms",
    "creation_cost",
)


@transaction.atomic
def asset_update(
    *,
    asset: Asset,
    by: Any,
    firm: Firm,
    access_level: str | None = None,
    access_clusters: Iterable[Cluster] | None = None,
    access_firms: Iterable[Firm] | None = None,
    categories: Iterable[KnowledgeCategory] | None = None,
    tags: Iterable[str] | None = None,
    uploaded_file: Any = None,
    submit: bool = False,
    **fields: Any,
) -> Asset:
    """Edit an asset that is a draft or was sent back (adding a file and submitting it when asked, all
    or nothing); published assets are changed by a new submission."""
    _require_owner_member(user=by, asset=asset)
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    if asset.status not in EDITABLE:
        raise Conflict(_("Only drafts and assets sent back for changes can be edited."))
    for name, value in fields.items():
        if name not in ASSET_FIELDS:
            raise DomainError(_("Unknown field."), field=name)
        setattr(asset, name, value)
    if not (asset.title_zh.strip() or asset.title_en.strip()):
        raise DomainError(_("Give the asset a title in Chinese or English."), field="title_zh")
    _validate_licence(asset.licence, asset.licence_terms)
    if access_level is not None or access_clusters is not None or access_firms is not None:
        # A list sent alone applies under the current level (a PATCH never ignores what it is sent).
        asset.access_level = access_level if access_level is not None else asset.access_level
        _set_access(
            asset,
            firm=firm,
            access_level=asset.access_level,
            access_clusters=access_clusters if access_clusters is not None else asset.access_clusters.all(),
            access_firms=access_firms if access_firms is not None else asset.access_firms.all(),
        )
    if tags is not None:
        asset.tags = sorted({t.strip()[:40] for t in tags if t.strip()})
    asset.save()
    if categories is not None:
        asset.categories.set(list(categories))
    index_asset(asset.pk)
    return _asset_file_and_submit(asset, by=by, uploaded_file=uploaded_file, submit=submit)


def _review_clusters(asset: Asset) -> list[Cluster]:
    if asset.access_level == AccessLevel.PRIVATE:
        return []
    if asset.access_level in (AccessLevel.CLUSTERS, AccessLevel.CONTRIBUTORS):
        return list(asset.access_clusters.all())
    owners = AssetOwnership.objects.filter(asset=asset).values("firm_id")
    cluster_ids = ClusterMembership.objects.filter(firm_id__in=owners, status=MembershipStatus.ACTIVE).values(
        "cluster_id"
    )
    return list(Cluster.objects.filter(pk__in=cluster_ids))


def _deciders(asset: Asset, people: Iterable[Any]) -> set[Any]:
    """The moderators (a list of clusters, or of people) who may decide on the asset: nobody decides
    on their own firm's asset, so the people of its owners are left out."""
    insiders = set(FirmMember.objects.filter(firm__asset_ownerships__asset=asset).values_list("user_id", flat=True))
    found = {u for item in people for u in (item.moderators.all() if isinstance(item, Cluster) else [item])}
    return {u for u in found if u.pk not in insiders}


def _publish(asset: Asset) -> None:
    asset.status = AssetStatus.PUBLISHED
    if asset.published_at is None:
        asset.published_at = timezone.now()
    publish("asset.published", asset_id=asset.pk)


@transaction.atomic
def asset_submit(*, asset: Asset, by: Any) -> Asset:
    """Send an asset out: private ones and those under review-after policies publish at once,
    the rest wait for a moderator of a review-before cluster (or an administrator)."""
    _require_owner_member(user=by, asset=asset)
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    if asset.status not in EDITABLE:
        raise Conflict(_("This asset has already been submitted."))
    clusters = _review_clusters(asset)
    asset.review_clusters.set(clusters)
    default_policy = getattr(settings, "ASSET_REVIEW_DEFAULT", ReviewPolicy.BEFORE)
    if asset.access_level == AccessLevel.PRIVATE:
        must_wait = False
    elif clusters:
        must_wait = any(c.asset_review == ReviewPolicy.BEFORE for c in clusters)
    else:
        must_wait = default_policy == ReviewPolicy.BEFORE
    asset.reviewed_at = None
    if must_wait:
        asset.status = AssetStatus.PENDING
        moderators = _deciders(asset, clusters)
        if not moderators:
            from platform_.identity.models import User

            moderators = _deciders(asset, User.objects.filter(is_staff=True, is_active=True))
        notify(
            recipients=moderators,
            kind="knowledge.review",
            title=Message(gettext_noop("An asset waits for review: %(title)s"), title=asset.title),
            url="/knowledge/moderation/",
            exclude=by,
            data={"asset_id": asset.pk},
        )
    else:
        _publish(asset)
        if asset.access_level == AccessLevel.PRIVATE:
            asset.reviewed_at = timezone.now()
    asset.save()
    audit_record(actor=by, action="asset.submit", target=asset, data={"status": asset.status})
    publish("asset.submitted", asset_id=asset.pk, by_id=by.pk)  # duplicate detection (knowledge/duplicates.py)
    return asset


TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    Decision.APPROVE: ((AssetStatus.PENDING, AssetStatus.PUBLISHED), AssetStatus.PUBLISHED),
    Decision.REJECT: ((AssetStatus.PENDING,), AssetStatus.REJECTED),
    Decision.REQUEST_CHANGES: ((AssetStatus.PENDING, AssetStatus.PUBLISHED), AssetStatus.CHANGES_REQUESTED),
    Decision.TAKE_DOWN: ((AssetStatus.PENDING, AssetStatus.PUBLISHED), AssetStatus.TAKEN_DOWN),
}


@transaction.atomic
def asset_moderate(*, asset: Asset, by: Any, decision: str, reason: str) -> ModerationDecision:
    """A moderator's decision, with its reason, recorded twice (decision row and audit log) and
    told to the owners. Approving a published asset marks it reviewed (review-after policy)."""
    if not may_moderate(user=by, asset=asset):
        raise NotAllowed(_("You do not moderate this asset."))
    if moderates_own_firm(user=by, asset=asset):
        raise NotAllowed(
            _("This is your firm's asset: another moderator of the cluster or a platform administrator decides."),
            code="own_firm",
        )
    if decision not in TRANSITIONS:
        raise DomainError(_("Unknown decision."), field="decision")
    if not (reason or "").strip():
        raise DomainError(_("Give a reason for the decision."), field="reason")
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    sources, target = TRANSITIONS[decision]
    if asset.status not in sources:
        raise Conflict(
            _("This decision is not possible for an asset that is %(status)s.") % {"status": asset.get_status_display()}
        )
    before = asset.status
    now = timezone.now()
    if target == AssetStatus.PUBLISHED and before != AssetStatus.PUBLISHED:
        _publish(asset)
    asset.status = target
    asset.reviewed_at = now
    asset.save(update_fields=["status", "published_at", "reviewed_at", "updated_at"])
    row = ModerationDecision.objects.create(
        asset=asset, decision=decision, from_status=before, to_status=target, decided_by=by, reason=reason.strip()
    )
    Report.objects.filter(asset=asset, resolved_at__isnull=True).update(resolved_at=now)
    cluster = asset.review_clusters.order_by("pk").first()
    audit_record(
        actor=by,
        action=f"asset.{decision}",
        target=asset,
        cluster=cluster,
        reason=reason.strip(),
        data={"from": before, "to": target, "decision_id": row.pk},
    )
    if target == AssetStatus.TAKEN_DOWN:
        # Gone from every surface at once, notifications included (bar the owners' notice of the take-down).
        Notification.objects.filter(data__asset_id=asset.pk).delete()
        publish("asset.taken_down", asset_id=asset.pk)
    labels: dict[str, str] = {
        Decision.APPROVE: gettext_noop("Your asset was approved: %(title)s"),
        Decision.REJECT: gettext_noop("Your asset was rejected: %(title)s"),
        Decision.REQUEST_CHANGES: gettext_noop("Changes were asked for your asset: %(title)s"),
        Decision.TAKE_DOWN: gettext_noop("Your asset was taken down: %(title)s"),
    }
    notify(
        recipients=_owner_people(asset),
        kind=f"knowledge.{decision}",
        title=Message(labels[decision], title=asset.title),
        body=reason.strip(),
        url="/knowledge/mine/",
        exclude=by,
        data={"asset_id": asset.pk, "decision": decision},
    )
    return row


@transaction.atomic
def report_create(*, asset: Asset, by: Any, firm: Any, reason: str) -> Report:
    """Anyone who can see an asset may report it; its moderators hear of it."""
    if not assets_visible_to(user=by, firm=firm).filter(pk=asset.pk).exists():
        raise NotFound(_("No such asset."))
    if not (reason or "").strip():
        raise DomainError(_("Say what is wrong."), field="reason")
    report = Report.objects.create(
        asset=asset, reporter=by if getattr(by, "is_authenticated", False) else None, reason=reason.strip()[:4000]
    )
    notify(
        recipients=_deciders(asset, asset.review_clusters.all()),
        kind="knowledge.report",
        title=Message(gettext_noop("An asset was reported: %(title)s"), title=asset.title),
        body=reason.strip()[:500],
        url="/knowledge/moderation/",
        exclude=by,
        data={"asset_id": asset.pk},
    )
    return report


@transaction.atomic
def version_add(*, asset: Asset, by: Any, uploaded_file: Any) -> AssetVersion:
    """A new immutable version: vetted in memory first, so a refused file leaves nothing behind."""
    _require_owner_member(user=by, asset=asset)
    if asset.status == AssetStatus.TAKEN_DOWN:
        raise Conflict(_("A taken-down asset cannot get new files."))
    checked = files.check_upload(uploaded_file)
    Asset.objects.select_for_update().filter(pk=asset.pk).first()
    number = (asset.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    extracted = files.extract_text(checked)
    version = AssetVersion(
        asset=asset,
        number=number,
        original_name=checked.name,
        size=checked.size,
        content_type=checked.content_type,
        sha256=checked.sha256,
        extracted_text=extracted.replace("\x00", ""),
        created_by=by,
        preview_text=files.preview_text(checked, extracted).replace("\x00", ""),
    )
    from knowledge import moderation  # it builds on this module

    version.review_pending = moderation.version_waits_for_review(asset=asset)
    stored: list[str] = []  # names are set by the saves

    def remove_files() -> None:
        for name in stored:
            version.file.storage.delete(name)

    with file_store_writes(undo=remove_files):  # a failing store: a clear 503, nothing half-written
        version.file.save(checked.name, ContentFile(checked.content), save=False)
        stored.append(cast(str, version.file.name))
        thumbnail = files.preview_image(checked)
        if thumbnail:
            version.preview.save(f"{checked.sha256}.png", ContentFile(thumbnail), save=False)
            stored.append(cast(str, version.preview.name))

    try:
        version.save()
        index_asset(asset.pk)
    except Exception:
        remove_files()
        raise
    if version.review_pending:
        moderation.version_submitted(version=version, by=by)
    return version


def _at(at: datetime | None) -> datetime:
    return at or timezone.now()


def use_record(*, firm: Any, user: Any, asset: Asset, kind: str, at: datetime | None = None) -> UseEvent | None:
    """Record one use; None when the firm may not access the asset or already did this today."""
    if firm is None or not firm or kind not in UseKind.values:
        return None
    if asset.status != AssetStatus.PUBLISHED or not asset_visible(user=user, firm=firm, asset=asset):
        return None
    when = _at(at)
    day = timezone.localdate(when)
    user_id = user.pk if user is not None and getattr(user, "is_authenticated", False) else None
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO knowledge_useevent (firm_id, user_id, asset_id, kind, occurred_at, day)
            VALUES (%s, %s, %s, %s, %s, %s)
            ON CONFLICT ON CONSTRAINT one_use_per_firm_asset_kind_day DO NOTHING
            RETURNING id
            """,
            [firm.pk, user_id, asset.pk, kind, when, day],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    event = UseEvent(
        id=row[0], firm_id=firm.pk, user_id=user_id, asset_id=asset.pk, kind=kind, occurred_at=when, day=day
    )
    publish("use.recorded", event_id=event.pk, asset_id=asset.pk, firm_id=firm.pk, kind=kind)
    return event


@transaction.atomic
def _asset_link(*, citing: Asset, cited: Asset, by: Any, firm: Firm, kind: str) -> AssetLink:
    _require_owner_member(user=by, asset=citing)
    if citing.pk == cited.pk:
        raise DomainError(_("An asset cannot cite itself."), field="cited")
    if not assets_visible_to(user=by, firm=firm).filter(pk=cited.pk, status=AssetStatus.PUBLISHED).exists():
        raise NotFound(_("No such asset."))
    link, created = AssetLink.objects.get_or_create(citing=citing, cited=cited, kind=kind)
    if not created:
        raise Conflict(_("This link already exists."))
    use_record(firm=firm, user=by, asset=cited, kind=kind)
    audit_record(actor=by, action=f"asset.{kind}", target=citing, firm=firm, data={"cited": cited.pk})
    return link


def asset_cite(*, citing: Asset, cited: Asset, by: Any, firm: Firm) -> AssetLink:
    """``citing`` (an asset of the actor's firm) cites ``cited``: a link and a citation use."""
    return _asset_link(citing=citing, cited=cited, by=by, firm=firm, kind=LinkKind.CITATION)


def asset_derive(*, derived: Asset, source: Asset, by: Any, firm: Firm) -> AssetLink:
    """``derived`` builds on ``source``: a derivation link and use."""
    return _asset_link(citing=derived, cited=source, by=by, firm=firm, kind=LinkKind.DERIVATION)
