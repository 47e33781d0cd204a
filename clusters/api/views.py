"""Clusters API: the directory, proposals and decisions, memberships and their transitions, partners."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from clusters import matching, selectors, services
from clusters.api import serializers as io
from clusters.api.filters import MembershipFilter
from clusters.models import ClusterMembership
from platform_.api.lean import QueryFilterBackend
from platform_.api.pagination import CursorPagination
from platform_.api.permissions import caller, problems, require_acting_firm, require_firm_member
from platform_.api.validation import validated
from platform_.compliance.selectors import people_shown_to
from platform_.identity.api.views import active_firm
from platform_.identity.middleware import acting_firm
from platform_.identity.models import Firm

# The columns the list serializers read (the rest of each joined row would only be built and dropped).
_FIRM_BRIEF = ("id", "name_zh", "name_en", "province", "city", "verification")  # FirmBriefOut
CLUSTER_LIST_COLUMNS = (
    *(name for name in io.ClusterOut.Meta.fields if name not in {"name", "sectors", "proposed_by"}),
    "proposed_by",
    *(f"proposed_by__{name}" for name in _FIRM_BRIEF),
)
MEMBERSHIP_LIST_COLUMNS = (
    *("id", "status", "message", "created_at", "updated_at", "joined_at"),
    *("cluster", "cluster__id", "cluster__slug", "cluster__name_zh", "cluster__name_en"),  # ClusterBriefOut
    "firm",
    *(f"firm__{name}" for name in _FIRM_BRIEF),
)


class ByMembers(CursorPagination):
    """The directory's order: most members first."""

    ordering = ("-member_count", "id")  # type: ignore[assignment]


class ClusterViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    api_resource = "clusters"
    serializer_class = io.ClusterOut
    pagination_class = ByMembers
    filter_backends: list[Any] = []
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Any]:
        if self.action == "list":
            if not io.ClusterQueryIn.names_any(self.request.query_params):
                return selectors.clusters_directory(user=self.request.user)  # unfiltered: nothing to validate
            query = io.ClusterQueryIn(data=self.request.query_params)
            query.is_valid(raise_exception=True)
            return selectors.clusters_directory(user=self.request.user, **query.to_directory())
        return selectors.clusters_visible_to(user=self.request.user).select_related("proposed_by")

    @extend_schema(
        summary="List clusters (the directory)",
        description="Approved clusters, most members first, filtered like the directory. Anyone may call it; "
        "an unknown sector or capability code is a 400.",
        parameters=[io.ClusterQueryIn],
        responses={200: io.ClusterOut(many=True), **problems(400)},
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset().prefetch_related(None).only(*CLUSTER_LIST_COLUMNS))
        clusters = selectors.clusters_with_sectors(clusters=list(page or []))
        return self.get_paginated_response(self.get_serializer(clusters, many=True).data)

    @extend_schema(
        summary="Get a cluster",
        description="One cluster by its short name. Anyone sees approved clusters; a proposed or rejected one "
        "only its proposing firm's people and platform administrators.",
        responses={200: io.ClusterOut, **problems(404)},
    )
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        summary="Propose a cluster",
        description="The acting firm proposes a cluster; a platform administrator then approves or rejects it. "
        "Only the firm's owners and administrators may call it; a short name already taken is a 409.",
        request=io.ClusterProposeIn,
        responses={201: io.ClusterOut, **problems(400, 403, 409)},
    )
    def create(self, request: Request) -> Response:
        data = validated(io.ClusterProposeIn, request.data)
        cluster = services.cluster_propose(by=caller(request), firm=require_acting_firm(request), **data)
        return Response(io.ClusterOut(cluster).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="List proposed clusters",
        description="Proposals waiting for a decision: all of them for platform administrators, the proposals "
        "of one's own firms for anyone else signed in.",
        responses={200: io.ClusterOut(many=True)},
    )
    @action(detail=False, methods=["get"], pagination_class=CursorPagination)
    def proposals(self, request: Request) -> Response:
        page = self.paginate_queryset(selectors.clusters_proposed(user=request.user).select_related("proposed_by"))
        return self.get_paginated_response(io.ClusterOut(page, many=True).data)

    @extend_schema(
        summary="Approve a proposed cluster",
        description="Only platform administrators may call it. The proposing firm becomes the first member and "
        "its proposer the first moderator. A cluster already decided is a 409.",
        request=io.DecisionIn,
        responses={200: io.ClusterOut, **problems(403, 404, 409)},
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, slug: str) -> Response:
        reason = validated(io.DecisionIn, request.data)["reason"]
        cluster = services.cluster_decide(cluster=self.get_object(), by=caller(request), approve=True, reason=reason)
        return Response(io.ClusterOut(cluster).data)

    @extend_schema(
        summary="Reject a proposed cluster",
        description="Only platform administrators may call it; a reason is required (409 without one). "
        "A cluster already decided is a 409.",
        request=io.DecisionIn,
        responses={200: io.ClusterOut, **problems(403, 404, 409)},
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, slug: str) -> Response:
        reason = validated(io.DecisionIn, request.data)["reason"]
        cluster = services.cluster_decide(cluster=self.get_object(), by=caller(request), approve=False, reason=reason)
        return Response(io.ClusterOut(cluster).data)


def _membership_out(request: Request, membership: ClusterMembership) -> Any:
    """One membership just written, as the caller may read it (the firm's message by the caller's insight)."""
    context = {"request": request, "insight": selectors.membership_insight(user=request.user)}
    return io.MembershipOut(membership, context=context).data


class MembershipViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    api_resource = "memberships"
    serializer_class = io.MembershipOut
    filter_backends = [QueryFilterBackend]
    filterset_class = MembershipFilter

    def get_queryset(self) -> QuerySet[Any]:
        # Each row says whether the caller reads its message: no query of the caller's firms before it.
        return selectors.memberships_readable(user=self.request.user, firm=acting_firm(self.request))

    @extend_schema(
        summary="List memberships",
        description="Memberships the caller may see: active memberships of approved clusters for anyone; the "
        "acting firm's own in any status; every membership of the clusters the caller moderates; all for "
        "platform administrators.",
        responses={200: io.MembershipOut(many=True), **problems(400)},
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()).only(*MEMBERSHIP_LIST_COLUMNS))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        summary="Get a membership",
        description="One membership the caller may see (as in the list); others are a 404.",
        responses={200: io.MembershipOut, **problems(404)},
    )
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        summary="Apply to a cluster, or invite a firm",
        description="kind=apply: the firm's owners and administrators apply for it (the acting firm unless firm "
        "is given); an open cluster admits at once, an invitation-only one refuses (403). kind=invite: the "
        "cluster's moderators and platform administrators invite a firm. An open membership already there is "
        "a 409.",
        request=io.MembershipCreateIn,
        responses={201: io.MembershipOut, **problems(400, 403, 409)},
    )
    def create(self, request: Request) -> Response:
        data = validated(io.MembershipCreateIn, request.data)
        if data["kind"] == "invite":
            membership = services.membership_invite(
                cluster=data["cluster"], firm=data["firm"], by=caller(request), message=data["message"]
            )
        else:
            membership = services.membership_apply(
                cluster=data["cluster"],
                firm=data.get("firm") or require_acting_firm(request),
                by=caller(request),
                message=data["message"],
            )
        return Response(_membership_out(request, membership), status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="A membership's history",
        description="Every transition, oldest first. Only the firm's people, the cluster's moderators and "
        "platform administrators may call it.",
        responses={200: io.MembershipEventOut(many=True), **problems(403, 404)},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request: Request, pk: int) -> Response:
        events = list(selectors.membership_history(user=request.user, membership=self.get_object()))
        shown = people_shown_to(request=request, user_ids=[event.actor_id for event in events])
        return Response(io.MembershipEventOut(events, many=True, context={"people_shown": shown}).data)


class MembershipTransitionView(GenericAPIView):
    api_resource = "memberships"
    serializer_class = io.MembershipOut

    @extend_schema(
        operation_id="memberships_transition",
        summary="Move a membership on",
        description="accept, decline, withdraw and leave: the firm's owners and administrators. approve, reject "
        "and remove: the cluster's moderators and platform administrators. A transition from the wrong status "
        "is a 409; an unknown action a 400.",
        parameters=[
            OpenApiParameter("transition", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(services.TRANSITIONS))
        ],
        request=io.TransitionIn,
        responses={200: io.MembershipOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, transition: str) -> Response:
        visible = selectors.memberships_visible_to(user=request.user, firm=acting_firm(request))
        membership = get_object_or_404(visible, pk=pk)
        reason = validated(io.TransitionIn, request.data)["reason"]
        membership = services.membership_transition(
            membership=membership, action=transition, by=caller(request), reason=reason
        )
        return Response(_membership_out(request, membership))


class PartnersView(GenericAPIView):
    api_resource = "firms"
    serializer_class = io.SuggestionOut
    pagination_class = None  # a ranked, bounded list (`limit`), described as the plain array it is
    queryset = Firm.objects.none()  # names the path's model for the schema

    @extend_schema(
        summary="Suggested partners",
        description="Firms whose capabilities cover this firm's needs, best first, each with its reasons (rare "
        "needs weigh more; mutual fit adds). Only people of this firm may call it.",
        parameters=[io.PartnersQueryIn],
        responses={200: io.SuggestionOut(many=True), **problems(400, 403, 404)},
    )
    def get(self, request: Request, firm_pk: int) -> Response:
        firm = active_firm(firm_pk)
        require_firm_member(request, firm)
        limit = validated(io.PartnersQueryIn, request.query_params)["limit"]
        return Response(io.SuggestionOut(matching.partners_suggest(firm=firm, limit=limit), many=True).data)
