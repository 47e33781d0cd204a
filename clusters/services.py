"""Writes for clusters: proposal and approval, and every membership transition."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from clusters.models import (
    Cluster,
    ClusterMembership,
    ClusterStatus,
    JoinPolicy,
    MembershipEvent,
    MembershipStatus,
    ModeratorInvitation,
    ModeratorInvitationStatus,
)
from clusters.selectors import is_moderator
from platform_ import events
from platform_.audit.services import audit_record
from platform_.errors import Conflict, DomainError, NotAllowed
from platform_.identity.models import Firm, FirmMember, Sector, User
from platform_.identity.selectors import member_of
from platform_.notifications.messages import Message, per_language
from platform_.notifications.services import notify

FIRM = "firm"
MODERATOR = "moderator"
# Short names that are page or API routes under /clusters/ and so cannot name a cluster.
RESERVED_SLUGS = frozenset({"propose", "partners", "proposals", "manage", "new", "api"})


@dataclass(frozen=True)
class Transition:
    source: tuple[str, ...]
    target: str
    by: str  # who may make it: the firm's managers, or the cluster's moderators
    label: object


# The membership state machine, in one place. "apply" and "invite" open a new membership.
TRANSITIONS: dict[str, Transition] = {
    "accept": Transition((MembershipStatus.INVITED,), MembershipStatus.ACTIVE, FIRM, gettext_lazy("accept")),
    "decline": Transition((MembershipStatus.INVITED,), MembershipStatus.DECLINED, FIRM, gettext_lazy("decline")),
    "approve": Transition((MembershipStatus.APPLIED,), MembershipStatus.ACTIVE, MODERATOR, gettext_lazy("approve")),
    "reject": Transition((MembershipStatus.APPLIED,), MembershipStatus.REJECTED, MODERATOR, gettext_lazy("reject")),
    "withdraw": Transition((MembershipStatus.APPLIED,), MembershipStatus.WITHDRAWN, FIRM, gettext_lazy("withdraw")),
    "leave": Transition((MembershipStatus.ACTIVE,), MembershipStatus.LEFT, FIRM, gettext_lazy("leave")),
    "remove": Transition((MembershipStatus.ACTIVE,), MembershipStatus.REMOVED, MODERATOR, gettext_lazy("remove")),
}


def _require_firm_manager(*, firm: Firm, by: User) -> None:
    member = member_of(user=by, firm=firm)
    if member is None or not member.manages:
        raise NotAllowed(_("Only the owner or an administrator of the firm may do this."))


def _require_moderator(*, cluster: Cluster, by: User) -> None:
    if not is_moderator(user=by, cluster=cluster):
        raise NotAllowed(_("Only the cluster's moderators or a platform administrator may do this."))


def _firm_managers(firm: Firm) -> list[User]:
    return [m.user for m in FirmMember.objects.filter(firm=firm, role__in=["owner", "admin"]).select_related("user")]


def _cluster_moderators(cluster: Cluster) -> list[User]:
    return list(cluster.moderators.all())


@transaction.atomic
def cluster_propose(
    *,
    by: User,
    firm: Firm,
    theme: str,
    name_zh: str = "",
    name_en: str = "",
    slug: str = "",
    description: str = "",
    sectors: Iterable[Sector] = (),
    home_province: str = "",
    home_belt: str = "",
    join_policy: str = JoinPolicy.APPLICATION,
    asset_review: str = "before",
) -> Cluster:
    """A firm proposes a cluster; it waits for a platform administrator's approval."""
    _require_firm_manager(firm=firm, by=by)
    slug = slugify(slug or name_en or "") or f"cluster-{timezone.now():%Y%m%d%H%M%S}"
    cluster = Cluster(
        name_zh=name_zh,
        name_en=name_en,
        slug=slug,
        theme=theme,
        description=description,
        home_province=home_province,
        home_belt=home_belt,
        join_policy=join_policy,
        asset_review=asset_review,
        proposed_by=firm,
        proposer=by,
    )
    cluster.full_clean(exclude=["slug"])
    if slug in RESERVED_SLUGS:
        raise Conflict(_("This short name is reserved; please choose another."), field="slug")
    if Cluster.objects.filter(slug=slug).exists():
        raise Conflict(_("A cluster with this short name already exists."), field="slug")
    try:
        with transaction.atomic():
            cluster.save()
    except IntegrityError as error:  # a concurrent proposal took the short name first
        raise Conflict(_("A cluster with this short name already exists."), field="slug") from error
    cluster.sectors.set(sectors)
    audit_record(actor=by, action="cluster.propose", target=cluster, firm=firm, cluster=cluster)
    notify(
        recipients=User.objects.filter(is_staff=True, is_active=True),
        kind="cluster.proposed",
        title=Message(gettext_noop("New cluster proposed: %(name)s"), name=per_language(lambda: cluster.name)),
        url=cluster.get_absolute_url(),
        exclude=by,
    )
    return cluster


@transaction.atomic
def cluster_decide(*, cluster: Cluster, by: User, approve: bool, reason: str = "", authority: str = "") -> Cluster:
    """A platform administrator (or, with ``authority``, a public agency) approves or rejects a proposed cluster.

    ``authority`` names who decides when it is not a platform administrator (``"agency:<id>"``); the
    caller has checked that authority (agencies.services.agency_cluster_decide checks the jurisdiction).
    On approval the proposing firm becomes the first member and its proposer the first moderator.
    """
    if not authority and not by.is_platform_admin:
        raise NotAllowed(_("Only a platform administrator may approve or reject a cluster."))
    cluster = Cluster.objects.select_for_update().get(pk=cluster.pk)
    if cluster.status != ClusterStatus.PROPOSED:
        raise Conflict(_("This cluster has already been decided."))
    if not approve and not reason.strip():
        raise Conflict(_("Please give a reason for the rejection."), field="reason")
    cluster.status = ClusterStatus.APPROVED if approve else ClusterStatus.REJECTED
    cluster.decided_by = by
    cluster.decision_reason = reason
    cluster.save(update_fields=["status", "decided_by", "decision_reason"])
    if approve:
        if cluster.proposer_id:
            cluster.moderators.add(cluster.proposer_id)
        membership = ClusterMembership.objects.create(
            cluster=cluster, firm=cluster.proposed_by, status=MembershipStatus.ACTIVE, joined_at=timezone.now()
        )
        MembershipEvent.objects.create(
            membership=membership, action="found", to_status=MembershipStatus.ACTIVE, actor=by
        )
        cluster.refresh_from_db(fields=["member_count"])  # counted by the trigger
    audit_record(
        actor=by,
        action="cluster.approve" if approve else "cluster.reject",
        target=cluster,
        firm=cluster.proposed_by,
        cluster=cluster,
        reason=reason,
        data={"authority": authority} if authority else None,
    )
    notify(
        recipients=_firm_managers(cluster.proposed_by),
        kind="cluster.decided",
        title=Message(
            gettext_noop("Cluster approved: %(name)s") if approve else gettext_noop("Cluster not approved: %(name)s"),
            name=per_language(lambda: cluster.name),
        ),
        body=reason,
        url=cluster.get_absolute_url(),
    )
    return cluster


def _open_membership(
    *, cluster: Cluster, firm: Firm, status: str, by: User, action: str, message: str
) -> ClusterMembership:
    if cluster.status != ClusterStatus.APPROVED:
        raise Conflict(_("This cluster is not open: it has not been approved."))
    existing = ClusterMembership.objects.filter(
        cluster=cluster, firm=firm, status__in=["invited", "applied", "active"]
    ).first()
    if existing is not None:
        messages = {
            MembershipStatus.ACTIVE: _("%(firm)s is already a member of this cluster."),
            MembershipStatus.APPLIED: _("%(firm)s has already applied to this cluster."),
            MembershipStatus.INVITED: _("%(firm)s has already been invited to this cluster."),
        }
        raise Conflict(messages[MembershipStatus(existing.status)] % {"firm": firm.name})
    try:
        with transaction.atomic():
            membership = ClusterMembership.objects.create(
                cluster=cluster,
                firm=firm,
                status=status,
                message=message,
                joined_at=timezone.now() if status == MembershipStatus.ACTIVE else None,
            )
    except IntegrityError as error:  # a concurrent request opened one first
        raise Conflict(_("%(firm)s already has an open membership of this cluster.") % {"firm": firm.name}) from error
    MembershipEvent.objects.create(membership=membership, action=action, to_status=status, actor=by, reason=message)
    audit_record(actor=by, action=f"membership.{action}", target=membership, firm=firm, cluster=cluster, reason=message)
    return membership


@transaction.atomic
def membership_apply(*, cluster: Cluster, firm: Firm, by: User, message: str = "") -> ClusterMembership:
    """A firm applies to a cluster; an open cluster admits it at once."""
    _require_firm_manager(firm=firm, by=by)
    if cluster.join_policy == JoinPolicy.INVITATION:
        raise NotAllowed(_("This cluster admits firms by invitation only."))
    status = MembershipStatus.ACTIVE if cluster.join_policy == JoinPolicy.OPEN else MembershipStatus.APPLIED
    membership = _open_membership(
        cluster=cluster,
        firm=firm,
        status=status,
        by=by,
        action="join" if status == MembershipStatus.ACTIVE else "apply",
        message=message,
    )
    if status == MembershipStatus.APPLIED:
        notify(
            recipients=_cluster_moderators(cluster),
            kind="membership.applied",
            title=Message(
                gettext_noop("%(firm)s applied to join %(cluster)s"),
                firm=per_language(lambda: firm.name),
                cluster=per_language(lambda: cluster.name),
            ),
            body=message,
            url=cluster.get_absolute_url() + "manage/",
            exclude=by,
        )
    _publish(membership, "membership.applied" if status == MembershipStatus.APPLIED else "membership.approved")
    return membership


@transaction.atomic
def membership_invite(*, cluster: Cluster, firm: Firm, by: User, message: str = "") -> ClusterMembership:
    """A moderator invites a firm."""
    _require_moderator(cluster=cluster, by=by)
    membership = _open_membership(
        cluster=cluster, firm=firm, status=MembershipStatus.INVITED, by=by, action="invite", message=message
    )
    notify(
        recipients=_firm_managers(firm),
        kind="membership.invited",
        title=Message(
            gettext_noop("%(firm)s is invited to join %(cluster)s"),
            firm=per_language(lambda: firm.name),
            cluster=per_language(lambda: cluster.name),
        ),
        body=message,
        url=cluster.get_absolute_url(),
        exclude=by,
    )
    _publish(membership, "membership.invited")
    return membership


@transaction.atomic
def membership_transition(
    *, membership: ClusterMembership, action: str, by: User, reason: str = ""
) -> ClusterMembership:
    """Move a membership along TRANSITIONS, checking who acts and from which status."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise DomainError(
            _("Unknown action: %(action)s. Known actions: %(known)s.")
            % {"action": action, "known": ", ".join(TRANSITIONS)},
            code="unknown_action",
        )
    membership = ClusterMembership.objects.select_for_update().select_related("cluster", "firm").get(pk=membership.pk)
    if transition.by == FIRM:
        _require_firm_manager(firm=membership.firm, by=by)
    else:
        _require_moderator(cluster=membership.cluster, by=by)
        if not by.is_platform_admin and member_of(user=by, firm=membership.firm):
            # A moderator never decides on their own firm: another moderator or an administrator does.
            raise NotAllowed(
                _(
                    "You cannot decide on your own firm's membership: "
                    "another moderator or a platform administrator does."
                )
            )
    if membership.status not in transition.source:
        raise Conflict(
            _("Cannot %(action)s a membership that is %(status)s.")
            % {"action": transition.label, "status": membership.get_status_display().lower()}
        )
    previous = membership.status
    membership.status = transition.target
    if transition.target == MembershipStatus.ACTIVE:
        membership.joined_at = timezone.now()
    membership.save(update_fields=["status", "joined_at", "updated_at"])
    MembershipEvent.objects.create(
        membership=membership,
        action=action,
        from_status=previous,
        to_status=transition.target,
        actor=by,
        reason=reason,
    )
    audit_record(
        actor=by,
        action=f"membership.{action}",
        target=membership,
        firm=membership.firm,
        cluster=membership.cluster,
        reason=reason,
    )
    told = _firm_managers(membership.firm) if transition.by == MODERATOR else _cluster_moderators(membership.cluster)
    notify(
        recipients=told,
        kind=f"membership.{action}",
        title=Message(
            gettext_noop("%(firm)s in %(cluster)s: %(status)s"),
            firm=per_language(lambda: membership.firm.name),
            cluster=per_language(lambda: membership.cluster.name),
            status=per_language(membership.get_status_display),
        ),
        body=reason,
        url=membership.cluster.get_absolute_url(),
        exclude=by,
    )
    name = "membership.approved" if transition.target == MembershipStatus.ACTIVE else f"membership.{action}"
    _publish(membership, name)
    return membership


def _publish(membership: ClusterMembership, name: str) -> None:
    events.publish(
        name,
        membership_id=membership.pk,
        cluster_id=membership.cluster_id,
        firm_id=membership.firm_id,
        status=membership.status,
    )


@transaction.atomic
def moderator_set(*, cluster: Cluster, user: User, by: User, add: bool = True) -> ModeratorInvitation | None:
    """Add or remove a cluster moderator (moderators and platform administrators may).

    Adding someone else invites them: moderating a cluster together is a tie between people (and their
    firms) that counts for conflicts of interest, so it exists only once the person accepts
    (``moderator_invitation_decide``). Returns the invitation, or None when nothing waits."""
    _require_moderator(cluster=cluster, by=by)
    if add and user.pk != by.pk:
        return _moderator_invite(cluster=cluster, user=user, by=by)
    _moderator_change(cluster=cluster, user=user, by=by, add=add)
    return None


def _moderator_invite(*, cluster: Cluster, user: User, by: User) -> ModeratorInvitation | None:
    if cluster.moderators.filter(pk=user.pk).exists():
        return None
    invitation, created = ModeratorInvitation.objects.get_or_create(
        cluster=cluster, user=user, status=ModeratorInvitationStatus.PENDING, defaults={"invited_by": by}
    )
    if created:
        audit_record(
            actor=by, action="cluster.moderator.invite", target=cluster, cluster=cluster, data={"user": user.email}
        )
        notify(
            recipients=[user],
            kind="cluster.moderator_invited",
            title=Message(
                gettext_noop("You are invited to moderate %(cluster)s"), cluster=per_language(lambda: cluster.name)
            ),
            url=cluster.get_absolute_url(),
            exclude=by,
        )
    return invitation


@transaction.atomic
def moderator_invitation_decide(*, invitation: ModeratorInvitation, by: User, accept: bool) -> ModeratorInvitation:
    """The invited person, and only they, accepts (and becomes a moderator) or declines."""
    invitation = ModeratorInvitation.objects.select_for_update().select_related("cluster").get(pk=invitation.pk)
    if invitation.user_id != by.pk:
        raise NotAllowed(_("Only the invited person may answer this invitation."))
    if invitation.status != ModeratorInvitationStatus.PENDING:
        raise Conflict(_("This invitation has already been answered."))
    invitation.status = ModeratorInvitationStatus.ACCEPTED if accept else ModeratorInvitationStatus.DECLINED
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["status", "decided_at"])
    if accept:
        _moderator_change(cluster=invitation.cluster, user=by, by=by, add=True)
    else:
        audit_record(
            actor=by,
            action="cluster.moderator.decline",
            target=invitation.cluster,
            cluster=invitation.cluster,
            data={"user": by.email},
        )
    return invitation


def _moderator_change(*, cluster: Cluster, user: User, by: User, add: bool) -> None:
    if add:
        cluster.moderators.add(user)
    else:
        if cluster.moderators.count() <= 1 and cluster.moderators.filter(pk=user.pk).exists():
            raise Conflict(_("A cluster must keep at least one moderator."))
        cluster.moderators.remove(user)
    audit_record(
        actor=by,
        action="cluster.moderator.add" if add else "cluster.moderator.remove",
        target=cluster,
        cluster=cluster,
        data={"user": user.email},
    )
    events.publish(
        "cluster.moderator_added" if add else "cluster.moderator_removed", cluster_id=cluster.pk, user_id=user.pk
    )
