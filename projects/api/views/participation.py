"""Projects API: terms, questions and answers, teams and team invitations."""

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
from platform_.identity.middleware import acting_firm
from platform_.identity.models import Firm
from projects import selectors, services
from projects.api import serializers as io
from projects.api.views._shared import _project
from projects.models import Question


class TermsAcceptView(APIView):
    api_resource = "projects"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Accept the terms for the acting firm",
        description="Owners and administrators of an eligible firm, while the project is open. "
        "Recorded with the person, the time and a digest of the accepted terms.",
        request=None,
        responses={201: io.AcceptanceOut, **problems(403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        acceptance = services.terms_accept(project=_project(request, pk), by=caller(request), firm=acting_firm(request))
        return Response(io.AcceptanceOut(acceptance).data, status=status.HTTP_201_CREATED)


class QuestionsView(APIView):
    api_resource = "questions"

    @extend_schema(
        summary="Questions and answers",
        description="The sponsor sees all; a solver sees public answers and its firm's own questions.",
        responses={200: io.QuestionOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        questions = selectors.questions_visible_to(user=request.user, firm=acting_firm(request), project=project)
        return Response(io.QuestionOut(questions, many=True).data)

    @extend_schema(
        summary="Ask a question",
        description="Firms that accepted the terms, while open.",
        request=io.QuestionIn,
        responses={201: io.QuestionOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        question = services.question_ask(
            project=_project(request, pk),
            by=caller(request),
            firm=acting_firm(request),
            text=validated(io.QuestionIn, request.data)["text"],
        )
        return Response(io.QuestionOut(question).data, status=status.HTTP_201_CREATED)


class AnswerView(APIView):
    api_resource = "questions"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Answer a question",
        description="The sponsor's people; public answers notify every solver, private ones only the asking firm.",
        request=io.AnswerIn,
        responses={200: io.QuestionOut, **problems(400, 403, 404)},
    )
    def post(self, request: Request, pk: int, question_id: int) -> Response:
        project = _project(request, pk)
        question = Question.objects.filter(project=project, pk=question_id).first()
        if question is None:
            raise NotFound(_("Question not found."))
        data = validated(io.AnswerIn, request.data)
        question = services.question_answer(
            question=question, by=caller(request), answer=data["answer"], public=data["public"]
        )
        return Response(io.QuestionOut(question).data)


class TeamView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Form a solver team",
        description="Led by the acting firm, which holds the whole share at first. Each partner firm "
        "(which must have accepted the terms) is invited with its share and joins only when its owners or "
        "administrators accept (see team-invitations); its share then passes from the lead to it.",
        request=io.TeamIn,
        responses={201: io.TeamOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        data = validated(io.TeamIn, request.data)
        firms = {f.pk: f for f in Firm.objects.filter(pk__in=[p["firm_id"] for p in data["partners"]])}
        if len(firms) != len(data["partners"]):
            raise DomainError(_("Unknown partner firm."), field="partners")
        team = services.team_create(
            project=project,
            by=caller(request),
            firm=acting_firm(request),
            name=data["name"],
            partners=[(firms[p["firm_id"]], p["share"]) for p in data["partners"]],
        )
        return Response(io.TeamOut(team).data, status=status.HTTP_201_CREATED)


class TeamInvitationsView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Invitations to join a team waiting for the caller's answer",
        description="Pending invitations to the firms the caller owns or administers.",
        responses={200: io.TeamInvitationOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        invitations = selectors.team_invitations_open_to(user=request.user, project=_project(request, pk))
        return Response(io.TeamInvitationOut(invitations, many=True).data)


class TeamInvitationDecideView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Accept or decline an invitation to join a team",
        description="An owner or administrator of the invited firm, while the project is open. "
        "Only an accepted invitation makes the firm a team member and shareholder.",
        request=io.TeamInvitationDecideIn,
        responses={200: io.TeamInvitationOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, invitation_id: int) -> Response:
        project = _project(request, pk)
        invitation = (
            selectors.team_invitations_open_to(user=request.user, project=project).filter(pk=invitation_id).first()
        )
        if invitation is None:
            raise NotFound(_("Invitation not found."))
        accept = validated(io.TeamInvitationDecideIn, request.data)["accept"]
        invitation = services.team_invitation_decide(invitation=invitation, by=caller(request), accept=accept)
        return Response(io.TeamInvitationOut(invitation).data)
