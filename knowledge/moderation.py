"""Fair moderation: the owners see a take-down and its reason, may appeal it once with a statement, and
someone other than who took it down decides; a restore brings the asset back as it was (its versions,
links, uses, owners and decisions were never removed, only its status changed). A new version of a
published asset in a review-first cluster waits for a moderator while the previous one stays published.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from clusters.models import Cluster, ReviewPolicy
from knowledge.models import (
    AccessLevel,
    Appeal,
    AppealStatus,
    Asset,
    AssetOwnership,
    AssetStatus,
    AssetVersion,
    Decision,
    ModerationDecision,
)
from knowledge.search import index_asset
from knowledge.selectors import is_owner, may_moderate, moderates_own_firm
from knowledge.services import _deciders, _owner_people, _require_owner_member
from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.events import publish
from platform_.notifications.messages import Message
from platform_.notifications.services import notify

# Take-downs and appeals ------------------------------------------------------------------------------


def take_down_of(*, asset: Asset) -> ModerationDecision | None:
    """The decision that took the asset down (the newest one), while it is down."""
    if asset.status != AssetStatus.TAKEN_DOWN:
        return None
    return (
        ModerationDecision.objects.filter(asset=asset, decision=Decision.TAKE_DOWN)
        .select_related("decided_by")
        .order_by("-at", "-id")
        .first()
    )


def appeal_of(*, take_down: ModerationDecision | None) -> Appeal | None:
    if take_down is None:
        return None
    return Appeal.objects.filter(take_down=take_down).first()


def _appeal_deciders(asset: Asset, take_down: ModerationDecision) -> set[Any]:
    from platform_.identity.models import User

    people = _deciders(asset, asset.review_clusters.all())
    people |= _deciders(asset, User.objects.filter(is_staff=True, is_active=True))
    return {u for u in people if u.pk != take_down.decided_by_id}


@transaction.atomic
def appeal_file(*, asset: Asset, by: Any, statement: str) -> Appeal:
    """An owner firm's manager appeals the take-down, once, with a statement."""
    member = _require_owner_member(user=by, asset=asset, manager=True)
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    take_down = take_down_of(asset=asset)
    if take_down is None:
        raise Conflict(_("Only a taken-down asset can be appealed."))
    if Appeal.objects.filter(take_down=take_down).exists():
        raise Conflict(_("This take-down has already been appealed."))
    statement = (statement or "").strip()
    if not statement:
        raise DomainError(_("Say why the asset should be restored."), field="statement")
    appeal = Appeal.objects.create(
        asset=asset, take_down=take_down, firm=member.firm, filed_by=by, statement=statement[:8000]
    )
    audit_record(
        actor=by,
        action="asset.appeal",
        target=asset,
        firm=member.firm,
        cluster=asset.review_clusters.order_by("pk").first(),
        reason=appeal.statement,
        data={"appeal_id": appeal.pk, "take_down_id": take_down.pk},
    )
    notify(
        recipients=_appeal_deciders(asset, take_down),
        kind="knowledge.appeal",
        title=Message(gettext_noop("A take-down was appealed: %(title)s"), title=asset.title),
        body=appeal.statement[:500],
        url="/knowledge/moderation/",
        exclude=by,
        data={"appeal_id": appeal.pk},
    )
    return appeal


def may_decide_appeal(*, user: Any, appeal: Appeal) -> bool:
    """A moderator of the asset or an administrator, who did not take it down and is not of its owners."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return (
        user.pk != appeal.take_down.decided_by_id
        and may_moderate(user=user, asset=appeal.asset)
        and not moderates_own_firm(user=user, asset=appeal.asset)
    )


@transaction.atomic
def appeal_decide(*, appeal: Appeal, by: Any, restore: bool, reason: str) -> Appeal:
    """Restore the asset to where it was before the take-down, or uphold the take-down; either way
    with a reason, recorded as a moderation decision (on a restore) and in the audit log."""
    appeal = Appeal.objects.select_for_update().select_related("asset", "take_down").get(pk=appeal.pk)
    if not may_decide_appeal(user=by, appeal=appeal):
        raise NotAllowed(
            _("Someone other than who took the asset down decides the appeal: another moderator or an administrator."),
            code="same_decider",
        )
    if appeal.status != AppealStatus.PENDING:
        raise Conflict(_("This appeal has already been decided."))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give a reason for the decision."), field="reason")
    asset = Asset.objects.select_for_update().get(pk=appeal.asset_id)
    now = timezone.now()
    cluster = asset.review_clusters.order_by("pk").first()
    if restore:
        if asset.status != AssetStatus.TAKEN_DOWN:
            raise Conflict(_("The asset is no longer taken down."))
        target = appeal.take_down.from_status
        asset.status = target
        asset.reviewed_at = now
        asset.save(update_fields=["status", "reviewed_at", "updated_at"])
        row = ModerationDecision.objects.create(
            asset=asset,
            decision=Decision.RESTORE,
            from_status=AssetStatus.TAKEN_DOWN,
            to_status=target,
            decided_by=by,
            reason=reason,
        )
        audit_record(
            actor=by,
            action="asset.restore",
            target=asset,
            cluster=cluster,
            reason=reason,
            data={"appeal_id": appeal.pk, "decision_id": row.pk, "to": target},
        )
        if target == AssetStatus.PUBLISHED:
            publish("asset.published", asset_id=asset.pk)
    else:
        audit_record(
            actor=by,
            action="asset.appeal_upheld",
            target=asset,
            cluster=cluster,
            reason=reason,
            data={"appeal_id": appeal.pk},
        )
    appeal.status = AppealStatus.RESTORED if restore else AppealStatus.UPHELD
    appeal.decided_by = by
    appeal.decision_reason = reason
    appeal.decided_at = now
    appeal.save()
    notify(
        recipients=_owner_people(asset),
        kind="knowledge.appeal_decided",
        title=Message(
            gettext_noop("Your asset was restored: %(title)s")
            if restore
            else gettext_noop("The take-down was upheld: %(title)s"),
            title=asset.title,
        ),
        body=reason,
        url=asset.get_absolute_url(),
        exclude=by,
        data={"asset_id": asset.pk, "appeal_id": appeal.pk},
    )
    return appeal


def appeals_to_decide(*, user: Any) -> list[Appeal]:
    """Pending appeals the person may decide (never those on their own take-downs or own firm's assets)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    appeals = Appeal.objects.filter(status=AppealStatus.PENDING).exclude(take_down__decided_by=user)
    if not user.is_platform_admin:
        moderated = Cluster.moderators.through.objects.filter(user_id=user.pk).values("cluster_id")
        appeals = appeals.filter(
            Exists(
                Asset.review_clusters.through.objects.filter(asset_id=OuterRef("asset_id"), cluster_id__in=moderated)
            )
        )
    own = AssetOwnership.objects.filter(asset_id=OuterRef("asset_id"), firm__members__user=user)
    return list(
        appeals.exclude(Exists(own))
        .select_related("asset", "firm", "take_down__decided_by")
        .order_by("created_at")[:100]
    )


# New versions in review-first clusters --------------------------------------------------------------


def version_waits_for_review(*, asset: Asset) -> bool:
    """A new file for a published, shared asset waits when any cluster reviewing it reviews first."""
    if asset.status != AssetStatus.PUBLISHED or asset.access_level == AccessLevel.PRIVATE:
        return False
    return asset.review_clusters.filter(asset_review=ReviewPolicy.BEFORE).exists()


def version_submitted(*, version: AssetVersion, by: Any) -> None:
    """Tell the asset's moderators that a version waits for them."""
    asset = version.asset
    notify(
        recipients=_deciders(asset, asset.review_clusters.all()),
        kind="knowledge.review",
        title=Message(gettext_noop("A new version waits for review: %(title)s"), title=asset.title),
        url="/knowledge/moderation/",
        exclude=by,
        data={"asset_id": asset.pk, "version": version.number},
    )
    audit_record(actor=by, action="asset.version_submitted", target=asset, data={"version": version.number})


@transaction.atomic
def version_review(*, version: AssetVersion, by: Any, approve: bool, reason: str = "") -> AssetVersion | None:
    """Approve a waiting version (readers get it from now on) or refuse it (it is removed, with its files)."""
    asset = version.asset
    if not may_moderate(user=by, asset=asset):
        raise NotAllowed(_("You do not moderate this asset."))
    if moderates_own_firm(user=by, asset=asset):
        raise NotAllowed(
            _("This is your firm's asset: another moderator of the cluster or a platform administrator decides."),
            code="own_firm",
        )
    version = AssetVersion.objects.select_for_update().get(pk=version.pk)
    if not version.review_pending:
        raise Conflict(_("This version has already been reviewed."))
    reason = (reason or "").strip()
    if not approve and not reason:
        raise DomainError(_("Give a reason for the decision."), field="reason")
    cluster = asset.review_clusters.order_by("pk").first()
    audit_record(
        actor=by,
        action="asset.version_approved" if approve else "asset.version_refused",
        target=asset,
        cluster=cluster,
        reason=reason,
        data={"version": version.number},
    )
    notify(
        recipients=_owner_people(asset),
        kind="knowledge.version_reviewed",
        title=Message(
            gettext_noop("Version %(number)d of %(title)s was approved")
            if approve
            else gettext_noop("Version %(number)d of %(title)s was refused"),
            number=version.number,
            title=asset.title,
        ),
        body=reason,
        url=asset.get_absolute_url(),
        exclude=by,
        data={"asset_id": asset.pk},
    )
    if approve:
        version.review_pending = False
        version.save(update_fields=["review_pending"])
        index_asset(asset.pk)
        return version
    names = [name for name in (version.file.name, version.preview.name) if name]
    storage = version.file.storage
    version.delete()

    def remove_files() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(remove_files)
    return None


def versions_for(*, asset: Asset, user: Any, firm: Any) -> QuerySet[AssetVersion]:
    """The versions a reader gets: owners and the asset's moderators also see those waiting for review."""
    versions = asset.versions.all()
    if is_owner(firm=firm, asset=asset) or may_moderate(user=user, asset=asset):
        return versions
    return versions.filter(review_pending=False)
