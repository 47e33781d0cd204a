"""Pages of clusters: the directory, proposals, a cluster's page, moderators' page and partner suggestions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters import services
from clusters.forms import ApplyForm, ClusterProposeForm, DirectoryFilterForm, InviteFirmForm, ReasonForm
from clusters.matching import partners_suggest
from clusters.models import (
    OPEN_STATUSES,
    Cluster,
    ClusterMembership,
    ClusterStatus,
    JoinPolicy,
    MembershipStatus,
)
from clusters.selectors import (
    active_cluster_ids,
    cluster_history,
    cluster_members,
    cluster_moderation_queue,
    cluster_room_allowed,
    clusters_directory,
    clusters_visible_to,
    firms_invitable,
    is_moderator,
    member_provinces,
    moderator_invitation_pending,
)
from platform_.errors import DomainError
from platform_.identity.forms import add_domain_error
from platform_.identity.middleware import acting_firm, signed_in
from platform_.identity.models import Firm
from platform_.identity.regions import Province
from platform_.panels import panels_render

FIRM_ACTIONS = ("apply", "withdraw", "leave", "accept", "decline")
MODERATOR_ACTIONS = ("approve", "reject", "remove")
PAGE_SIZE = 24


def directory(request: HttpRequest) -> HttpResponse:
    """Approved clusters, searchable and filtered by sector, province, members' capability and join rule."""
    form = DirectoryFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    clusters = clusters_directory(user=request.user, **filters)
    page = Paginator(clusters, PAGE_SIZE).get_page(request.GET.get("page"))
    firm = acting_firm(request)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "clusters/directory.html",
        {
            "form": form,
            "page": page,
            "my_cluster_ids": active_cluster_ids(firm=firm) if firm else set(),
            "querystring": query.urlencode(),
        },
    )


@login_required
def propose(request: HttpRequest) -> HttpResponse:
    firm = acting_firm(request)
    if not firm:
        messages.info(request, _("Register your firm first: clusters are proposed by firms."))
        return redirect("identity:firm-create")
    form = ClusterProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cluster = services.cluster_propose(by=signed_in(request), firm=firm, **form.cleaned_data)
        except (DomainError, ValidationError) as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The cluster is proposed; a platform administrator will review it."))
            return redirect(cluster.get_absolute_url())
    return render(request, "clusters/propose.html", {"form": form, "firm": firm})


def _visible_cluster(request: HttpRequest, slug: str) -> Cluster:
    cluster = clusters_visible_to(user=request.user).filter(slug=slug).first()
    if cluster is None:
        raise Http404(_("No such cluster."))
    return cluster


MEMBERS_PAGE_SIZE = 50


def _open_membership(cluster: Cluster, firm: Firm | None) -> ClusterMembership | None:
    if not firm:
        return None
    return ClusterMembership.objects.filter(cluster=cluster, firm=firm, status__in=OPEN_STATUSES).first()


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = _visible_cluster(request, slug)
    firm = acting_firm(request)
    firm_member = getattr(request, "firm_member", None)
    membership = _open_membership(cluster, firm)
    by_province = member_provinces(cluster=cluster)
    provinces = [
        {"name": str(Province(row["province"]).label), "value": row["count"]}
        for row in by_province
        if row["province"] in Province.values
    ]
    # Paged: a cluster of hundreds of members made a page of 100+ KB (get_page: a bad number is page 1).
    # Its count is the sum by province, already queried for the chart: no COUNT of its own.
    members_paginator = Paginator(cluster_members(cluster=cluster), MEMBERS_PAGE_SIZE)
    members_paginator.count = sum(row["count"] for row in by_province)
    members_page = members_paginator.get_page(request.GET.get("members_page"))
    context: dict[str, Any] = {
        "cluster": cluster,
        "sectors": list(cluster.sectors.all()),
        "moderators": list(cluster.moderators.all()),
        "members": list(members_page.object_list),
        "members_page": members_page,
        "province_chart": {
            "title": _("Members by province"),
            "series": _("Member firms"),
            "rows": provinces,
        },
        "membership": membership,
        "can_act": bool(firm_member and firm_member.manages),
        "can_apply": (
            cluster.status == ClusterStatus.APPROVED
            and cluster.join_policy != JoinPolicy.INVITATION
            and membership is None
        ),
        "apply_form": ApplyForm(),
        "is_moderator": is_moderator(user=request.user, cluster=cluster),
        "moderator_invitation": moderator_invitation_pending(user=request.user, cluster=cluster),
        "room_allowed": cluster_room_allowed(user=request.user, cluster_id=cluster.pk),
        "panels": panels_render(page="cluster", region="main", request=request, cluster=cluster),
    }
    return render(request, "clusters/detail.html", context)


@login_required
@require_POST
def moderator_invitation_answer(request: HttpRequest, slug: str) -> HttpResponse:
    """The invited person accepts or declines moderating the cluster."""
    cluster = _visible_cluster(request, slug)
    invitation = moderator_invitation_pending(user=request.user, cluster=cluster)
    if invitation is None:
        raise Http404
    accept = request.POST.get("accept") == "1"
    try:
        services.moderator_invitation_decide(invitation=invitation, by=request.user, accept=accept)  # type: ignore[arg-type]
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("You now moderate this cluster.") if accept else _("Invitation declined."))
    return redirect(cluster)


@login_required
@require_POST
def membership_action(request: HttpRequest, slug: str, action: str) -> HttpResponse:
    """The firm's side of a membership: apply, withdraw, leave, accept or decline an invitation."""
    cluster = _visible_cluster(request, slug)
    firm = acting_firm(request)
    if action not in FIRM_ACTIONS:
        raise Http404
    if not firm:
        messages.error(request, _("Register your firm first: firms, not people, join clusters."))
        return redirect(cluster.get_absolute_url())
    try:
        if action == "apply":
            form = ApplyForm(request.POST)
            message = form.cleaned_data["message"] if form.is_valid() else ""
            applied = services.membership_apply(cluster=cluster, firm=firm, by=signed_in(request), message=message)
            if applied.status == MembershipStatus.ACTIVE:
                messages.success(request, _("%(firm)s is now a member.") % {"firm": firm.name})
            else:
                messages.success(request, _("Your application is sent to the moderators."))
        else:
            current = _open_membership(cluster, firm)
            if current is None:
                messages.error(request, _("Your firm has no open membership of this cluster."))
                return redirect(cluster.get_absolute_url())
            services.membership_transition(membership=current, action=action, by=signed_in(request))
            done = {
                "withdraw": _("Your application is withdrawn."),
                "leave": _("Your firm has left the cluster."),
                "accept": _("Welcome: your firm is now a member."),
                "decline": _("The invitation is declined."),
            }
            messages.success(request, done[action])
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect(cluster.get_absolute_url())


def _moderated_cluster(request: HttpRequest, slug: str) -> Cluster:
    cluster = _visible_cluster(request, slug)
    if not is_moderator(user=request.user, cluster=cluster):
        raise PermissionDenied(_("Only the cluster's moderators or a platform administrator may do this."))
    return cluster


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = _moderated_cluster(request, slug)
    applications, invited = cluster_moderation_queue(cluster=cluster)
    return render(
        request,
        "clusters/manage.html",
        {
            "cluster": cluster,
            "applications": applications,
            "invited": invited,
            "members": list(cluster_members(cluster=cluster)),
            "history": cluster_history(cluster=cluster),
            "invite_form": InviteFirmForm(firms=firms_invitable(cluster=cluster)),
            "reason_form": ReasonForm(),
        },
    )


@login_required
@require_POST
def manage_action(request: HttpRequest, slug: str, membership_id: int, action: str) -> HttpResponse:
    """A moderator approves or rejects an application, or removes a member."""
    cluster = _moderated_cluster(request, slug)
    if action not in MODERATOR_ACTIONS:
        raise Http404
    membership = get_object_or_404(ClusterMembership.objects.select_related("firm"), pk=membership_id, cluster=cluster)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.membership_transition(membership=membership, action=action, by=signed_in(request), reason=reason)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        done = {
            "approve": _("%(firm)s is approved and now a member."),
            "reject": _("The application of %(firm)s is rejected."),
            "remove": _("%(firm)s is removed from the cluster."),
        }
        messages.success(request, done[action] % {"firm": membership.firm.name})
    return redirect("clusters:manage", slug=cluster.slug)


@login_required
@require_POST
def manage_invite(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = _moderated_cluster(request, slug)
    form = InviteFirmForm(request.POST, firms=Firm.objects.filter(is_active=True))
    if not form.is_valid():
        messages.error(request, _("Choose a firm to invite."))
    else:
        firm = form.cleaned_data["firm"]
        try:
            services.membership_invite(
                cluster=cluster,
                firm=firm,
                by=signed_in(request),
                message=form.cleaned_data["message"],
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("%(firm)s is invited.") % {"firm": firm.name})
    return redirect("clusters:manage", slug=cluster.slug)


@login_required
def partners(request: HttpRequest) -> HttpResponse:
    """Firms whose capabilities cover the firm's needs, and why each is suggested."""
    firm = acting_firm(request)
    suggestions = partners_suggest(firm=firm) if firm else []
    needs = list(firm.needs.all()) if firm else []
    return render(request, "clusters/partners.html", {"firm": firm, "suggestions": suggestions, "needs": needs})
