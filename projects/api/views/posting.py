"""Projects API: posting and editing projects, their transitions, rubric and panel."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from platform_.api.pagination import CursorPagination
from platform_.api.permissions import caller, problems
from platform_.api.validation import validated
from platform_.errors import DomainError, NotFound
from platform_.identity.middleware import acting_firm
from platform_.identity.models import User
from projects import selectors, services
from projects.api import serializers as io
from projects.api.views._shared import _context, _project, _project_fields
from projects.models import Criterion, ProjectStatus


class ProjectListView(APIView):
    api_resource = "projects"
    pagination_class = CursorPagination

    @extend_schema(
        summary="List design projects",
        description="Projects the caller may see: open ones to all, restricted ones to eligible firms, "
        "drafts to their sponsor, projects in review to their moderators.",
        responses={200: io.ProjectListOut(many=True)},
    )
    def get(self, request: Request) -> Response:
        queryset = selectors.projects_visible_to(user=request.user, firm=acting_firm(request))
        if request.query_params.get("status") in ProjectStatus.values:
            queryset = queryset.filter(status=request.query_params["status"])
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(io.ProjectListOut(page, many=True).data)

    @extend_schema(
        summary="Post a challenge (draft)",
        description="A draft sponsored by the acting firm; its owners and administrators may.",
        request=io.ProjectIn,
        responses={201: io.ProjectOut, **problems(400, 403)},
    )
    def post(self, request: Request) -> Response:
        fields = _project_fields(validated(io.ProjectIn, request.data))
        firm = acting_firm(request)
        if firm is None:
            raise DomainError(_("Act for a firm first."))
        project = services.project_create(by=caller(request), firm=firm, **fields)
        return Response(io.ProjectOut(project, context=_context(request)).data, status=status.HTTP_201_CREATED)


class ProjectDetailView(APIView):
    api_resource = "projects"

    @extend_schema(
        summary="Get a project",
        description="The confidential brief is null until the caller's "
        "firm has accepted the terms (or the caller is sponsor, judge or moderator).",
        responses={200: io.ProjectOut, **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(io.ProjectOut(_project(request, pk), context=_context(request)).data)

    @extend_schema(
        summary="Change a draft",
        description="Sponsor's owners and administrators; drafts only.",
        request=io.ProjectUpdateIn,
        responses={200: io.ProjectOut, **problems(400, 403, 404, 409)},
    )
    def patch(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        fields = _project_fields(validated(io.ProjectUpdateIn, request.data))
        project = services.project_update(project=project, by=caller(request), **fields)
        return Response(io.ProjectOut(project, context=_context(request)).data)


class ProjectTransitionView(APIView):
    api_resource = "projects"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Move a project through its lifecycle",
        description="submit/publish (sponsor), approve/return (cluster moderators), start_judging "
        "(sponsor), cancel with a reason (sponsor or moderators). Closing happens at the deadline; "
        "awarding has its own endpoint.",
        request=io.ProjectTransitionIn,
        responses={200: io.ProjectOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(io.ProjectTransitionIn, request.data)
        project = services.project_transition(
            project=_project(request, pk), action=data["action"], by=caller(request), reason=data["reason"]
        )
        return Response(io.ProjectOut(project, context=_context(request)).data)


class CriteriaView(APIView):
    api_resource = "projects"

    @extend_schema(summary="The rubric", responses={200: io.CriterionOut(many=True), **problems(404)})
    def get(self, request: Request, pk: int) -> Response:
        return Response(io.CriterionOut(_project(request, pk).criteria.all(), many=True).data)

    @extend_schema(
        summary="Add a criterion",
        description="Sponsor; refused once judging has started.",
        request=io.CriterionIn,
        responses={201: io.CriterionOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        criterion = services.criterion_create(
            project=_project(request, pk), by=caller(request), **validated(io.CriterionIn, request.data)
        )
        return Response(io.CriterionOut(criterion).data, status=status.HTTP_201_CREATED)


class CriterionDetailView(APIView):
    api_resource = "projects"
    permission_classes = [IsAuthenticated]

    def _criterion(self, request: Request, pk: int, criterion_id: int) -> Criterion:
        criterion = Criterion.objects.filter(project=_project(request, pk), pk=criterion_id).first()
        if criterion is None:
            raise NotFound(_("Criterion not found."))
        return criterion

    @extend_schema(
        summary="Change a criterion",
        description="Sponsor; refused once judging has started.",
        request=io.CriterionIn,
        responses={200: io.CriterionOut, **problems(400, 403, 404, 409)},
    )
    def patch(self, request: Request, pk: int, criterion_id: int) -> Response:
        criterion = self._criterion(request, pk, criterion_id)
        data = validated(io.CriterionIn, request.data, partial=True)
        return Response(
            io.CriterionOut(services.criterion_update(criterion=criterion, by=caller(request), **data)).data
        )

    @extend_schema(summary="Remove a criterion", responses={204: None, **problems(403, 404, 409)})
    def delete(self, request: Request, pk: int, criterion_id: int) -> Response:
        services.criterion_delete(criterion=self._criterion(request, pk, criterion_id), by=caller(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class JudgesView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Appoint a judge",
        description="Sponsor's owners and administrators.",
        request=io.JudgeIn,
        responses={201: None, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        email = validated(io.JudgeIn, request.data)["email"]
        person = User.objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise DomainError(_("Nobody with this e-mail address is registered."), field="email")
        judge = services.judge_add(project=project, by=caller(request), user=person)
        return Response({"id": judge.pk, "user": person.pk}, status=status.HTTP_201_CREATED)
