"""Identity API: firms, their people and invitations, sectors and capabilities. Thin: parse, call, render."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from platform_.api.lean import QueryFilterBackend
from platform_.api.pagination import CursorPagination
from platform_.api.permissions import caller, problems, require_firm_member
from platform_.api.validation import validated
from platform_.compliance.selectors import people_shown_to
from platform_.identity import selectors, services
from platform_.identity.api import serializers as io
from platform_.identity.api.filters import FirmFilter
from platform_.identity.models import Firm, FirmMember


class ByCode(CursorPagination):
    ordering = "code"


class ById(CursorPagination):
    ordering = "id"


def active_firm(pk: int) -> Firm:
    return get_object_or_404(Firm, pk=pk, is_active=True)


@extend_schema_view(
    list=extend_schema(
        summary="List sectors",
        description="The industrial classification (GB/T 4754-2017 divisions). Anyone may call it.",
        responses={200: io.SectorOut(many=True)},
    ),
    retrieve=extend_schema(
        summary="Get a sector",
        description="One sector by its code. Anyone may call it.",
        responses={200: io.SectorOut, **problems(404)},
    ),
)
class SectorViewSet(viewsets.ReadOnlyModelViewSet):
    api_resource = "firms"
    serializer_class = io.SectorOut
    pagination_class = ByCode
    filter_backends: list[Any] = []
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.sectors_all()


@extend_schema_view(
    list=extend_schema(
        summary="List capabilities",
        description="The shared taxonomy of what firms can do and need. Anyone may call it.",
        responses={200: io.CapabilityOut(many=True)},
    ),
    retrieve=extend_schema(
        summary="Get a capability",
        description="One capability by its code. Anyone may call it.",
        responses={200: io.CapabilityOut, **problems(404)},
    ),
)
class CapabilityViewSet(viewsets.ReadOnlyModelViewSet):
    api_resource = "firms"
    serializer_class = io.CapabilityOut
    pagination_class = ByCode
    filter_backends: list[Any] = []
    lookup_field = "code"
    lookup_value_regex = r"[^/]+"

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.capabilities_all()


class FirmViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    api_resource = "firms"
    serializer_class = io.FirmOut
    filter_backends = [QueryFilterBackend]
    filterset_class = FirmFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.firms_directory()

    @extend_schema(
        summary="List firms",
        description="Active firms, newest first, filtered by province, sector, capability, need or words. "
        "Anyone may call it; an unknown sector or capability code is a 400.",
        responses={200: io.FirmOut(many=True), **problems(400)},
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        firms = selectors.firms_with_taxonomy(firms=list(page or []))
        return self.get_paginated_response(self.get_serializer(firms, many=True).data)

    @extend_schema(
        summary="Get a firm",
        description="One active firm's profile. Anyone may call it.",
        responses={200: io.FirmOut, **problems(404)},
    )
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        firm = selectors.firms_with_taxonomy(firms=[self.get_object()])[0]
        return Response(self.get_serializer(firm).data)

    @extend_schema(
        summary="Register a firm",
        description="Registers a firm with a valid unified social credit code; the caller becomes its owner. "
        "Any signed-in person may call it; a credit code already registered is a 409.",
        request=io.FirmIn,
        responses={201: io.FirmOut, **problems(400, 403, 409)},
    )
    def create(self, request: Request) -> Response:
        firm = services.firm_create(by=caller(request), **validated(io.FirmIn, request.data))
        return Response(io.FirmOut(firm).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Change a firm's profile",
        description="Changes the fields sent. Only the firm's owners and administrators may call it.",
        request=io.FirmUpdateIn,
        responses={200: io.FirmOut, **problems(400, 403, 404)},
    )
    def partial_update(self, request: Request, pk: int) -> Response:
        firm = self.get_object()
        data = validated(io.FirmUpdateIn, request.data, partial=True)
        firm = services.firm_update(firm=firm, by=caller(request), **data)
        return Response(io.FirmOut(firm).data)


class FirmPeopleView(GenericAPIView):
    api_resource = "people"
    serializer_class = io.FirmMemberOut
    pagination_class = ById
    filter_backends: list[Any] = []

    @extend_schema(
        summary="List a firm's people",
        description="The firm's people with their roles. Only people of that firm may call it.",
        responses={200: io.FirmMemberOut(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, firm_pk: int) -> Response:
        firm = active_firm(firm_pk)
        require_firm_member(request, firm)
        page = self.paginate_queryset(selectors.firm_members(firm=firm))
        shown = people_shown_to(request=request, user_ids=[member.user_id for member in page or []])
        context = {"request": request, "people_shown": shown}
        return self.get_paginated_response(io.FirmMemberOut(page, many=True, context=context).data)


class FirmPersonView(GenericAPIView):
    api_resource = "people"
    serializer_class = io.FirmMemberOut

    def get_member(self, firm_pk: int, pk: int) -> FirmMember:
        return get_object_or_404(FirmMember.objects.select_related("firm", "user"), firm_id=firm_pk, pk=pk)

    @extend_schema(
        summary="Change a person's role",
        description="Owners may change any role; administrators may not grant or take away ownership. "
        "A firm always keeps one owner (409).",
        request=io.RoleIn,
        responses={200: io.FirmMemberOut, **problems(400, 403, 404, 409)},
    )
    def patch(self, request: Request, firm_pk: int, pk: int) -> Response:
        member = self.get_member(firm_pk, pk)
        member = services.member_set_role(member=member, by=caller(request), **validated(io.RoleIn, request.data))
        return Response(io.FirmMemberOut(member, context={"request": request}).data)

    @extend_schema(
        summary="Remove a person from a firm",
        description="Owners and administrators remove people (only owners remove owners); anyone may remove "
        "themselves. The last owner cannot go (409).",
        request=None,
        responses={204: OpenApiResponse(description="Removed."), **problems(403, 404, 409)},
    )
    def delete(self, request: Request, firm_pk: int, pk: int) -> Response:
        services.member_remove(member=self.get_member(firm_pk, pk), by=caller(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class FirmInvitationsView(GenericAPIView):
    api_resource = "people"
    serializer_class = io.InvitationOut

    @extend_schema(
        summary="Invite a person to a firm",
        description="Sends an invitation by e-mail. Only the firm's owners and administrators may call it; "
        "only owners may invite owners.",
        request=io.InvitationIn,
        responses={201: io.InvitationOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, firm_pk: int) -> Response:
        firm = active_firm(firm_pk)
        invitation = services.invitation_create(
            firm=firm, by=caller(request), **validated(io.InvitationIn, request.data)
        )
        return Response(io.InvitationOut(invitation).data, status=status.HTTP_201_CREATED)


class InvitationAcceptView(GenericAPIView):
    api_resource = "people"
    serializer_class = io.FirmMemberOut

    @extend_schema(
        summary="Accept an invitation to a firm",
        description="The signed-in person whose e-mail address the invitation was sent to may call it.",
        request=io.InvitationAcceptIn,
        responses={200: io.FirmMemberOut, **problems(400, 403, 404)},
    )
    def post(self, request: Request) -> Response:
        token = validated(io.InvitationAcceptIn, request.data)["token"]
        member = services.invitation_accept(token=token, by=caller(request))
        return Response(io.FirmMemberOut(member, context={"request": request}).data)
