"""Projects API: the same selectors and services as the pages, so the same permissions."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpResponseBase
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clusters.models import Cluster
from platform_.api.pagination import CursorPagination
from platform_.api.permissions import caller, problems
from platform_.api.validation import validated
from platform_.errors import DomainError, NotFound
from platform_.files import file_response
from platform_.identity.middleware import acting_firm
from platform_.identity.models import Firm, User
from projects import selectors, services
from projects.api import serializers as io
from projects.models import Criterion, EntryFile, EntryVersion, Project, ProjectStatus, Question


def _project(request: Request, pk: int) -> Project:
    return services.project_get_closing_if_due(user=request.user, project_id=int(pk), firm=acting_firm(request))


def _context(request: Request) -> dict[str, Any]:
    return {"request": request, "firm": acting_firm(request)}


def _entry(request: Request, project: Project, entry_id: int) -> Any:
    return selectors.sealed_entry_get(user=request.user, project=project, entry_id=int(entry_id))


def _project_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = dict(data)
    if "eligible_cluster_ids" in fields:
        fields["eligible_clusters"] = list(Cluster.objects.filter(pk__in=fields.pop("eligible_cluster_ids")))
    if "invited_firm_ids" in fields:
        fields["invited_firms"] = list(Firm.objects.filter(pk__in=fields.pop("invited_firm_ids"), is_active=True))
    if "cluster_id" in fields:
        cluster_id = fields.pop("cluster_id")
        fields["cluster"] = Cluster.objects.filter(pk=cluster_id).first() if cluster_id else None
        if cluster_id and fields["cluster"] is None:
            raise DomainError(_("Unknown cluster."), field="cluster_id")
    return fields


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


class EntriesView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        summary="Entries",
        description="Sealed: the caller's own team's entry until the project closes; then all "
        "entries for judges, the sponsor and administrators.",
        responses={200: io.EntryOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        entries = selectors.sealed_entries_visible_to(user=request.user, project=_project(request, pk))
        return Response(io.EntryOut(entries, many=True).data)

    @extend_schema(
        summary="Submit a version of the acting firm's entry",
        description="Multipart. Refused (409 deadline_passed) if it arrives at or after the deadline, "
        "by the database clock. Returns the receipt to keep.",
        request={"multipart/form-data": io.EntrySubmitIn},
        responses={201: io.ReceiptOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        from knowledge.selectors import assets_visible_to

        project = _project(request, pk)
        body = cast(dict[str, Any], request.data)  # a QueryDict or a JSON object
        data = {"files": request.FILES.getlist("files"), **{k: v for k, v in body.items() if k != "files"}}
        if hasattr(request.data, "getlist"):
            data["cited_asset_ids"] = request.data.getlist("cited_asset_ids")
        data = validated(io.EntrySubmitIn, data)
        cited = assets_visible_to(user=request.user, firm=acting_firm(request)).filter(pk__in=data["cited_asset_ids"])
        version = services.entry_submit(
            project=project,
            by=caller(request),
            firm=acting_firm(request),
            files=data["files"],
            description=data["description"],
            title=data["title"],
            cited_assets=cited,
        )
        return Response(services.receipt_for(version=version), status=status.HTTP_201_CREATED)


class EntryDetailView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="An entry", operation_id="projects_entry_retrieve", responses={200: io.EntryOut, **problems(404)}
    )
    def get(self, request: Request, pk: int, entry_id: int) -> Response:
        return Response(io.EntryOut(_entry(request, _project(request, pk), entry_id)).data)


@extend_schema(
    summary="Download an entry file",
    description="A file of an entry version, for whoever may see the entry (sealed until entries close). "
    "Always an attachment. Otherwise a 404.",
    responses={(200, "application/octet-stream"): bytes, **problems(404)},
)
class EntryFileView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    def get(self, request: Request, pk: int, entry_id: int, file_id: int) -> HttpResponseBase:
        entry = _entry(request, _project(request, pk), entry_id)
        row = EntryFile.objects.filter(version__entry=entry, pk=file_id).first()
        if row is None:
            raise NotFound(_("File not found."))
        return file_response(request, row.file, filename=row.name)


class ReceiptView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(summary="The receipt of an entry version", responses={200: io.ReceiptOut, **problems(404)})
    def get(self, request: Request, pk: int, entry_id: int, number: int) -> Response:
        entry = _entry(request, _project(request, pk), entry_id)
        version = EntryVersion.objects.filter(entry=entry, number=number).select_related("entry").first()
        if version is None:
            raise NotFound(_("Version not found."))
        return Response(services.receipt_for(version=version))


class ReceiptVerifyView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        summary="Check a file against a receipt",
        description="Is the receipt one the platform issued, and does the file match it?",
        request={"multipart/form-data": io.VerifyIn},
        responses={200: io.VerifyOut, **problems(400)},
    )
    def post(self, request: Request) -> Response:
        data = validated(io.VerifyIn, request.data)
        check = services.receipt_verify(receipt=data["receipt"], file=data["file"])
        return Response(
            {
                "receipt_valid": check.receipt_valid,
                "matches": check.matches,
                "message": check.message,
                "version": check.version.number if check.version else None,
                "submitted_at": check.version.submitted_at if check.version else None,
            }
        )


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
