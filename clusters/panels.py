"""The clusters' panels on the platform's pages (``platform_.panels``), registered from ClustersConfig.ready():
on the home page, links on the firm's card, its clusters and proposals, proposals waiting for an
administrator, applications waiting for a moderator and partner suggestions; on a firm's page, its clusters."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from clusters.matching import partners_suggest
from clusters.models import ClusterStatus, MembershipStatus
from clusters.selectors import clusters_proposed, memberships_of_firm, pending_for_moderator
from platform_.identity.models import Firm
from platform_.panels import Panel, panel_register

HOME_LIST = 10  # rows of a home-page list
HOME_SUGGESTIONS = 5


def _signed_in_firm(request: HttpRequest) -> Firm | None:
    """The acting firm of a signed-in person (the request's lazy firm, read once), or None."""
    firm = getattr(request, "firm", None) if request.user.is_authenticated else None
    return firm if firm else None


def _when_firm(request: HttpRequest) -> dict[str, Any] | None:
    return {} if _signed_in_firm(request) else None


def memberships(request: HttpRequest) -> dict[str, Any] | None:
    firm = _signed_in_firm(request)
    if firm is None:
        return None
    open_statuses = [MembershipStatus.INVITED, MembershipStatus.APPLIED, MembershipStatus.ACTIVE]
    return {
        "memberships": list(memberships_of_firm(firm=firm).filter(status__in=open_statuses)),
        "proposals": list(clusters_proposed(user=request.user).filter(proposed_by=firm)),
    }


def proposed_clusters(request: HttpRequest) -> dict[str, Any] | None:
    user: Any = request.user
    if not user.is_authenticated or not user.is_platform_admin:
        return None
    count = clusters_proposed(user=user).count()
    return {"proposed_clusters": count} if count else None


def pending_applications(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.is_authenticated:
        return None
    pending = list(pending_for_moderator(user=request.user)[:HOME_LIST])
    return {"pending_applications": pending} if pending else None


def suggestions(request: HttpRequest) -> dict[str, Any] | None:
    firm = _signed_in_firm(request)
    if firm is None:
        return None
    return {"suggestions": partners_suggest(firm=firm, limit=HOME_SUGGESTIONS)}


def firm_clusters(request: HttpRequest, *, firm: Firm) -> dict[str, Any]:
    """The approved clusters a firm is an active member of, for its page."""
    rows = memberships_of_firm(firm=firm).filter(status=MembershipStatus.ACTIVE, cluster__status=ClusterStatus.APPROVED)
    return {"clusters": rows.order_by("cluster__id")}


def register() -> None:
    folder = "clusters/panels"
    for panel in (
        Panel("partners", "home", "firm_links", f"{folder}/link_partners.html", _when_firm, order=20),
        Panel("propose", "home", "firm_links", f"{folder}/link_propose.html", _when_firm, order=30),
        Panel("memberships", "home", "firm", f"{folder}/memberships.html", memberships, order=10),
        Panel("proposed-clusters", "home", "main", f"{folder}/proposed_clusters.html", proposed_clusters, order=10),
        Panel("pending", "home", "main", f"{folder}/pending_applications.html", pending_applications, order=20),
        Panel("suggestions", "home", "main", f"{folder}/suggestions.html", suggestions, order=30),
        Panel("clusters", "firm", "main", f"{folder}/firm_clusters.html", firm_clusters, order=10),
    ):
        panel_register(panel)
