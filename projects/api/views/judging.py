"""Projects API: scores, conflicts, outcomes, feedback, the panel, ranking and award."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from platform_.api.permissions import caller, problems
from platform_.api.validation import validated
from platform_.errors import DomainError, NotFound
from projects import selectors, services
from projects.api import serializers as io
from projects.api.views._shared import _context, _entry, _project


class ScoresView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Scores",
        description="Until the panel closes, a judge sees only their own; "
        "afterwards the panel and the sponsor see all.",
        responses={200: io.ScoreOut(many=True)},
    )
    def get(self, request: Request, pk: int) -> Response:
        scores = selectors.scores_visible_to(user=request.user, project=_project(request, pk))
        return Response(io.ScoreOut(scores, many=True).data)


class EntryScoreView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Score an entry",
        description="Judges without a conflict, while judging is open.",
        request=io.ScoreIn,
        responses={200: io.ScoreOut(many=True), **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, entry_id: int) -> Response:
        project = _project(request, pk)
        entry = _entry(request, project, entry_id)
        data = validated(io.ScoreIn, request.data)
        values = {}
        for key, value in data["values"].items():
            if not str(key).isdigit():
                raise DomainError(_("Unknown criterion."), field="values")
            values[int(key)] = value
        scores = services.score_submit(
            project=project, by=caller(request), entry=entry, values=values, comment=data["comment"]
        )
        return Response(io.ScoreOut(scores, many=True).data)


class ConflictView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Declare a conflict of interest with an entry's team",
        request=io.ConflictIn,
        responses={201: None, **problems(400, 403, 404)},
    )
    def post(self, request: Request, pk: int, entry_id: int) -> Response:
        project = _project(request, pk)
        entry = _entry(request, project, entry_id)
        services.conflict_declare(
            project=project,
            by=caller(request),
            team=entry.team,
            reason=validated(io.ConflictIn, request.data)["reason"],
        )
        return Response(status=status.HTTP_201_CREATED)


class OutcomeView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Shortlist an entry", request=io.OutcomeIn, responses={200: io.EntryOut, **problems(400, 403, 404, 409)}
    )
    def post(self, request: Request, pk: int, entry_id: int) -> Response:
        project = _project(request, pk)
        entry = services.entry_set_outcome(
            project=project,
            by=caller(request),
            entry=_entry(request, project, entry_id),
            outcome=validated(io.OutcomeIn, request.data)["outcome"],
        )
        return Response(io.EntryOut(entry).data)


class FeedbackView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Give feedback to an entry's solvers",
        request=io.FeedbackIn,
        responses={200: io.EntryOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, entry_id: int) -> Response:
        project = _project(request, pk)
        entry = services.feedback_give(
            project=project,
            by=caller(request),
            entry=_entry(request, project, entry_id),
            text=validated(io.FeedbackIn, request.data)["feedback"],
        )
        return Response(io.EntryOut(entry).data)


class PanelCloseView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Close the panel and publish the scores",
        request=None,
        responses={200: io.ProjectOut, **problems(403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        project = services.panel_close(project=_project(request, pk), by=caller(request))
        return Response(io.ProjectOut(project, context=_context(request)).data)


class RankingView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Ranking with the spread of scores",
        description="Once the panel has closed: judges, the sponsor and administrators.",
        responses={200: io.RankingOut(many=True), **problems(403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        user = caller(request)
        allowed = (
            user.is_platform_admin
            or selectors.is_sponsor(user=user, project=project)
            or selectors.judge_of(user=user, project=project) is not None
        )
        if project.panel_closed_at is None or not allowed:
            from platform_.errors import NotAllowed

            raise NotAllowed(_("The ranking is shown to the panel and the sponsor once the panel has closed."))
        return Response(io.RankingOut(selectors.ranking(project=project), many=True).data)


class AwardView(APIView):
    api_resource = "awards"

    @extend_schema(summary="Awards of a project", responses={200: io.AwardOut(many=True), **problems(404)})
    def get(self, request: Request, pk: int) -> Response:
        return Response(io.AwardOut(_project(request, pk).awards.all(), many=True).data)

    @extend_schema(
        summary="Award the winners",
        description="Sponsor's owners and administrators, once the panel has closed. Each winning "
        "entry becomes a knowledge asset derived from the brief, owned per the IP terms.",
        request=io.AwardIn,
        responses={201: io.AwardOut(many=True), **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        ids = validated(io.AwardIn, request.data)["winners"]
        winners = list(selectors.sealed_entries_visible_to(user=request.user, project=project).filter(pk__in=ids))
        if len(winners) != len(set(ids)):
            raise NotFound(_("Entry not found."))
        awards = services.project_award(project=project, by=caller(request), winners=winners)
        return Response(io.AwardOut(awards, many=True).data, status=status.HTTP_201_CREATED)
