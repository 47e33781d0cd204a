"""Projects API: phases and shortlists, assignments, judges' queues and reviews, appeals, statistics."""

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

from platform_.api.permissions import caller, problems
from platform_.api.validation import validated
from platform_.errors import DomainError, NotFound
from platform_.files import file_response
from platform_.identity.middleware import acting_firm
from projects import selectors, selectors_rounds, services
from projects.api import serializers_rounds as io
from projects.api.views._shared import _entry, _project
from projects.models import Judge
from projects.models_rounds import AppealStatus
from projects.statistics import competition_statistics


def _criterion_values(raw: dict[str, Any]) -> dict[int, Any]:
    values = {}
    for key, value in raw.items():
        if not str(key).isdigit():
            raise DomainError(_("Unknown criterion."), field="values")
        values[int(key)] = value
    return values


def _phases(project: Any) -> dict[str, Any]:
    return {
        "current": project.phase_number,
        "final": selectors_rounds.is_final_phase(project=project),
        "award_guaranteed": selectors_rounds.award_guaranteed(project=project),
        "phases": selectors_rounds.phases_of(project=project),
    }


class PhasesView(APIView):
    api_resource = "projects"
    permission_classes = [IsAuthenticated]

    @extend_schema(summary="Phases of a project", responses={200: io.PhasesOut, **problems(404)})
    def get(self, request: Request, pk: int) -> Response:
        return Response(io.PhasesOut(_phases(_project(request, pk))).data)

    @extend_schema(
        summary="Add the next phase",
        description="Sponsor's owners and administrators, while the project is a draft. Deadlines follow "
        "each other; the first phase's deadline is the project's.",
        request=io.PhaseIn,
        responses={201: io.PhaseOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(io.PhaseIn, request.data)
        phase = services.phase_add(project=_project(request, pk), by=caller(request), **data)
        return Response(io.PhaseOut(phase).data, status=status.HTTP_201_CREATED)


class PhaseOpenView(APIView):
    api_resource = "projects"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Open the next phase for the shortlist",
        description="Sponsor's owners and administrators, while the phase is judged and at least one entry is "
        "shortlisted. Opening the final phase of a multi-phase project guarantees the award: it can no "
        "longer be cancelled. Sends the `phase.opened` and `entry.shortlisted` webhooks.",
        request=io.PhaseOpenIn,
        responses={200: io.PhasesOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        data = validated(io.PhaseOpenIn, request.data)
        services.phase_open_next(project=project, by=caller(request), deadline=data["deadline"])
        project.refresh_from_db()
        return Response(io.PhasesOut(_phases(project)).data)


def _evaluation(project: Any) -> dict[str, Any]:
    return {
        "min_reviews": project.min_reviews,
        "appeal_window_hours": project.appeal_window_hours,
        "normalise_scores": project.normalise_scores,
        "appeal_deadline": selectors_rounds.appeal_deadline(project=project),
    }


class EvaluationView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(summary="Evaluation rules of a project", responses={200: io.EvaluationOut, **problems(404)})
    def get(self, request: Request, pk: int) -> Response:
        return Response(io.EvaluationOut(_evaluation(_project(request, pk))).data)

    @extend_schema(
        summary="Set the evaluation rules",
        description="Sponsor's owners and administrators. The minimum reviews and the appeal window are fixed "
        "once the scores are published.",
        request=io.EvaluationIn,
        responses={200: io.EvaluationOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(io.EvaluationIn, request.data)
        project = services.evaluation_settings_set(project=_project(request, pk), by=caller(request), **data)
        return Response(io.EvaluationOut(_evaluation(project)).data)


class AppealAttachmentView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="An appeal's attachment",
        description="Whoever sees the appeal: the panel, the sponsor and the appellant's team.",
        responses={(200, "application/octet-stream"): bytes, **problems(404)},
    )
    def get(self, request: Request, pk: int, appeal_id: int) -> HttpResponseBase:
        project = _project(request, pk)
        appeal = selectors_rounds.appeal_get(user=request.user, project=project, appeal_id=int(appeal_id))
        if not appeal.attachment:
            raise NotFound(_("File not found."))
        return file_response(
            request, appeal.attachment, filename=(appeal.attachment.name or "attachment").rsplit("/", 1)[-1]
        )


class ShortlistView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="The shortlist of the current phase",
        description="The sponsor and the judges, once entries are unsealed; "
        "a solver sees its own entry if shortlisted.",
        responses={200: io.ShortlistOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        entries = selectors.sealed_entries_visible_to(user=request.user, project=project).filter(outcome="shortlisted")
        return Response(io.ShortlistOut(entries, many=True).data)

    @extend_schema(
        summary="Set the shortlist",
        description="Sponsor's owners and administrators while the phase is judged: exactly these entries go on, "
        "each with optional private feedback. Teams are told when the next phase opens.",
        request=io.ShortlistIn,
        responses={200: io.ShortlistOut(many=True), **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        data = validated(io.ShortlistIn, request.data)
        feedback = {}
        for key, text in data["feedback"].items():
            if not str(key).isdigit():
                raise DomainError(_("Entry not found."), field="feedback")
            feedback[int(key)] = text
        entries = services.shortlist_set(
            project=project, by=caller(request), entry_ids=data["entries"], feedback=feedback
        )
        return Response(io.ShortlistOut(entries, many=True).data)


class AssignmentsView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Assignments of the current phase",
        description="The sponsor sees all; a judge their own.",
        responses={200: io.AssignmentOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        assignments = selectors_rounds.assignments_visible_to(user=request.user, project=_project(request, pk))
        return Response(io.AssignmentOut(assignments, many=True).data)

    @extend_schema(
        summary="Assign entries to a judge (one or many)",
        description="Sponsor's owners and administrators, after the phase closes. A conflicted entry is refused.",
        request=io.AssignIn,
        responses={201: io.AssignmentOut(many=True), **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        data = validated(io.AssignIn, request.data)
        judge = Judge.objects.filter(project=project, user_id=data["judge"]).select_related("user").first()
        if judge is None:
            raise NotFound(_("Judge not found."))
        entries = list(
            selectors_rounds.entries_in_phase(project=project).filter(pk__in=data["entries"]).select_related("team")
        )
        if len(entries) != len(set(data["entries"])):
            raise NotFound(_("Entry not found."))
        made = services.assignment_set(project=project, by=caller(request), judge=judge, entries=entries)
        return Response(io.AssignmentOut(made, many=True).data, status=status.HTTP_201_CREATED)


class AutoAssignView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Assign every entry automatically",
        description="N reviews per entry, balanced load (within one entry per judge when no conflict prevents it), "
        "never a conflicted judge. Replaces the phase's assignments.",
        request=io.AutoAssignIn,
        responses={201: io.AssignmentOut(many=True), **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(io.AutoAssignIn, request.data)
        made = services.assignments_auto(
            project=_project(request, pk), by=caller(request), reviews_per_entry=data["reviews_per_entry"]
        )
        return Response(io.AssignmentOut(made, many=True).data, status=status.HTTP_201_CREATED)


class QueueView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="The caller's review queue",
        description="A judge's entries of the phase, reviewed or not; empty for anyone else.",
        responses={200: io.QueueItemOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        queue = selectors_rounds.judge_queue(user=request.user, project=_project(request, pk))
        return Response(io.QueueItemOut(queue, many=True).data)


class ReviewsView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Reviews of an entry",
        description="Private notes: the author until the scores are published, then the panel and the sponsor. "
        "Notes to the solver: the entry's team, once the scores are published.",
        responses={200: io.ReviewsOut, **problems(404)},
    )
    def get(self, request: Request, pk: int, entry_id: int) -> Response:
        project = _project(request, pk)
        entry = _entry(request, project, entry_id)
        return Response(
            io.ReviewsOut(
                {
                    "reviews": selectors_rounds.reviews_visible_to(user=request.user, project=project, entry=entry),
                    "notes_to_solver": selectors_rounds.solver_notes_for(
                        user=request.user, project=project, entry=entry
                    ),
                }
            ).data
        )

    @extend_schema(
        summary="Review an entry",
        description="A judge without a conflict (and, once the sponsor assigns, only on their entries): scores on "
        "the rubric, a private note and a note to the solver.",
        request=io.ReviewIn,
        responses={200: io.ReviewOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, entry_id: int) -> Response:
        project = _project(request, pk)
        entry = _entry(request, project, entry_id)
        data = validated(io.ReviewIn, request.data)
        review = services.review_submit(
            project=project,
            by=caller(request),
            entry=entry,
            values=_criterion_values(data["values"]),
            private_note=data["private_note"],
            solver_note=data["solver_note"],
        )
        return Response(io.ReviewOut(review).data)


class ScoreReviseView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Revise published scores after an upheld appeal",
        description="The judge who scored the entry; old and new scores go to the audit trail.",
        request=io.ScoreReviseIn,
        responses={200: None, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, entry_id: int) -> Response:
        project = _project(request, pk)
        entry = _entry(request, project, entry_id)
        data = validated(io.ScoreReviseIn, request.data)
        values = _criterion_values(data["values"])
        services.score_revise(project=project, by=caller(request), entry=entry, values=values)
        return Response(status=status.HTTP_200_OK)


class AppealsView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        summary="Appeals",
        description="The sponsor and the judges see all; a solver its own team's.",
        responses={200: io.EntryAppealOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        appeals = selectors_rounds.appeals_visible_to(user=request.user, project=_project(request, pk))
        return Response(io.EntryAppealOut(appeals, many=True).data)

    @extend_schema(
        summary="Appeal an entry's published scores",
        description="A person of the entry's team, acting for its firm, within the project's appeal window after "
        "the scores are published (409 appeal_window_closed otherwise). A file upload (the optional attachment): "
        "multipart.",
        request={"multipart/form-data": io.EntryAppealIn},
        responses={201: io.EntryAppealOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        body = cast(dict[str, Any], request.data)
        data = validated(io.EntryAppealIn, {**{k: v for k, v in body.items() if k != "attachment"}, **request.FILES})
        firm = acting_firm(request)
        entry = project.entries.filter(pk=data["entry"], team__members__firm=firm).select_related("team").first()
        if entry is None:
            raise NotFound(_("Entry not found."))
        appeal = services.appeal_file(
            project=project,
            by=caller(request),
            firm=firm,
            entry=entry,
            reason=data["reason"],
            attachment=data["attachment"],
        )
        return Response(io.EntryAppealOut(appeal).data, status=status.HTTP_201_CREATED)


class AppealDecisionView(APIView):
    api_resource = "judging"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Answer an appeal",
        description="The sponsor's owners and administrators or a judge: uphold (the judges may then revise their "
        "scores) or reject, with a written answer.",
        request=io.AppealDecisionIn,
        responses={200: io.EntryAppealOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, appeal_id: int) -> Response:
        project = _project(request, pk)
        appeal = selectors_rounds.appeal_get(user=request.user, project=project, appeal_id=int(appeal_id))
        data = validated(io.AppealDecisionIn, request.data)
        appeal = services.appeal_decide(
            project=project,
            by=caller(request),
            appeal=appeal,
            upheld=data["status"] == AppealStatus.UPHELD,
            answer=data["answer"],
        )
        return Response(io.EntryAppealOut(appeal).data)


class StatisticsView(APIView):
    api_resource = "projects"

    @extend_schema(
        summary="Competition statistics",
        description="For everyone who may see the project, the same figures: firms that accepted the terms, "
        "entries over time, participants' provinces. Counts below three are null; no content, no identity.",
        responses={200: io.CompetitionStatisticsOut, **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(io.CompetitionStatisticsOut(competition_statistics(project=_project(request, pk))).data)
