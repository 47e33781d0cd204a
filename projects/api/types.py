"""Projects API for the challenge types: ideation (setting, ideas, comments, supports, merges), RFP
proposals and their comparison, and the contract's milestones. Same selectors and services as the pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from platform_.api.permissions import caller, problems
from platform_.api.validation import validated
from platform_.identity.middleware import acting_firm
from projects import selectors_types
from projects.api.serializers import FirmRefOut
from projects.api.views._shared import _project
from projects.models_types import (
    COMMENT_MAX_LENGTH,
    IDEA_MAX_LENGTH,
    Contract,
    ContractMilestone,
    Idea,
    IdeaAward,
    IdeaComment,
    Ideation,
    MilestoneEvent,
    Proposal,
    ProposalMilestone,
)
from projects.services import contracts, idea_awards, ideas, proposals


def _cny(help_text: str) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, help_text=help_text)


# --- input ---------------------------------------------------------------------------------------


class IdeationIn(serializers.Serializer):
    open = serializers.BooleanField(help_text="true: participants see, comment on and support each other's ideas.")


class IdeaIn(serializers.Serializer):
    title = serializers.CharField(max_length=120)
    text = serializers.CharField(max_length=IDEA_MAX_LENGTH)


class IdeaCommentIn(serializers.Serializer):
    text = serializers.CharField(max_length=COMMENT_MAX_LENGTH)


class IdeaMergeIn(serializers.Serializer):
    duplicate_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1), allow_empty=False, max_length=100
    )


class IdeasAwardIn(serializers.Serializer):
    idea_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1), allow_empty=False, max_length=100
    )


class IdeaAwardOut(serializers.ModelSerializer):
    idea = serializers.IntegerField(source="idea_id", read_only=True)
    asset = serializers.IntegerField(source="asset_id", read_only=True, allow_null=True)

    class Meta:
        model = IdeaAward
        fields = ["id", "idea", "amount", "non_monetary", "ip_terms", "asset", "awarded_at"]


class MilestoneTermsIn(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    amount = _cny("CNY")
    due_days = serializers.IntegerField(min_value=1, max_value=36500, help_text="Days after the contract starts.")


class ProposalIn(serializers.Serializer):
    summary = serializers.CharField(max_length=8000)
    price = _cny("CNY; the milestones' payments add up to it.")
    delivery_days = serializers.IntegerField(min_value=1, max_value=36500)
    milestones = serializers.ListField(child=MilestoneTermsIn(), allow_empty=False, max_length=proposals.MAX_MILESTONES)


class MilestoneDeliveryIn(serializers.Serializer):
    note = serializers.CharField(max_length=8000, required=False, allow_blank=True, default="")


class MilestoneDecisionIn(serializers.Serializer):
    accept = serializers.BooleanField(help_text="true to accept; false to return it for rework (a note is needed).")
    note = serializers.CharField(max_length=8000, required=False, allow_blank=True, default="")


# --- output --------------------------------------------------------------------------------------


class IdeationOut(serializers.ModelSerializer):
    class Meta:
        model = Ideation
        fields = ["open", "set_at"]


class IdeationModeOut(serializers.Serializer):
    open = serializers.BooleanField()


class IdeaOut(serializers.ModelSerializer):
    credited_firms = serializers.SerializerMethodField(help_text="The author's firm and those of merged ideas.")
    support_count = serializers.IntegerField()
    merged_into = serializers.IntegerField(source="merged_into_id", allow_null=True, read_only=True)

    class Meta:
        model = Idea
        fields = ["id", "title", "text", "credited_firms", "support_count", "merged_into", "merged_at", "created_at"]

    def get_credited_firms(self, idea: Idea) -> list[dict[str, Any]]:
        return [{"id": credit.firm_id, "name": credit.firm.name} for credit in idea.credits.all()]


class IdeaCommentOut(serializers.ModelSerializer):
    firm = FirmRefOut()

    class Meta:
        model = IdeaComment
        fields = ["id", "firm", "text", "created_at"]


class ProposalMilestoneOut(serializers.ModelSerializer):
    class Meta:
        model = ProposalMilestone
        fields = ["position", "title", "amount", "due_days"]


class ProposalOut(serializers.ModelSerializer):
    team = serializers.CharField(source="team.name")
    firms = serializers.SerializerMethodField()
    milestones = ProposalMilestoneOut(many=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "team",
            "firms",
            "summary",
            "price",
            "delivery_days",
            "milestones",
            "submitted_at",
            "selected_at",
        ]

    def get_firms(self, proposal: Proposal) -> list[dict[str, Any]]:
        return [{"id": m.firm_id, "name": m.firm.name} for m in proposal.team.members.all()]


class MilestoneEventOut(serializers.ModelSerializer):
    class Meta:
        model = MilestoneEvent
        fields = ["action", "note", "at"]


class ContractMilestoneOut(serializers.ModelSerializer):
    events = MilestoneEventOut(many=True)

    class Meta:
        model = ContractMilestone
        fields = ["id", "position", "title", "amount", "due_date", "status", "events"]


class ContractOut(serializers.ModelSerializer):
    supplier = serializers.CharField(source="supplier.name")
    milestones = ContractMilestoneOut(many=True)

    class Meta:
        model = Contract
        fields = ["id", "proposal", "supplier", "price", "delivery_days", "created_at", "milestones"]


# --- views ---------------------------------------------------------------------------------------


def _idea(request: Request, pk: int, idea_id: int) -> Idea:
    project = _project(request, pk)
    return selectors_types.idea_get(user=request.user, firm=acting_firm(request), project=project, idea_id=int(idea_id))


def _idea_out(request: Request, idea: Idea) -> dict[str, Any]:
    fresh = selectors_types.idea_get(
        user=request.user, firm=acting_firm(request), project=idea.project, idea_id=idea.pk
    )
    return dict(IdeaOut(fresh).data)


class IdeationView(APIView):
    api_resource = "projects"

    @extend_schema(
        summary="Sealed or open ideation",
        description="Whoever may see the project; sealed unless the sponsor chose open.",
        responses={200: IdeationModeOut, **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        return Response({"open": selectors_types.ideation_is_open(project=project)})

    @extend_schema(
        summary="Choose sealed or open ideation",
        description="Sponsor's owners and administrators, while an ideation project is a draft.",
        request=IdeationIn,
        responses={200: IdeationOut, **problems(400, 403, 404, 409)},
    )
    def put(self, request: Request, pk: int) -> Response:
        caller(request)
        ideation = ideas.ideation_set(
            project=_project(request, pk), by=caller(request), open=validated(IdeationIn, request.data)["open"]
        )
        return Response(IdeationOut(ideation).data)


class IdeasView(APIView):
    api_resource = "entries"

    @extend_schema(
        summary="Ideas",
        description="The sponsor sees every idea (judges too once entries close); in open ideation a "
        "participant sees the standing ideas and its own, in sealed ideation only its own; others none.",
        responses={200: IdeaOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        found = selectors_types.ideas_visible_to(user=request.user, firm=acting_firm(request), project=project)
        return Response(IdeaOut(found, many=True).data)

    @extend_schema(
        summary="Submit an idea",
        description=f"Firms that accepted the terms, while open and before the deadline; at most "
        f"{IDEA_MAX_LENGTH} characters.",
        request=IdeaIn,
        responses={201: IdeaOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(IdeaIn, request.data)
        idea = ideas.idea_submit(project=_project(request, pk), by=caller(request), firm=acting_firm(request), **data)
        return Response(_idea_out(request, idea), status=status.HTTP_201_CREATED)


class IdeaDetailView(APIView):
    api_resource = "entries"

    @extend_schema(summary="Get an idea", responses={200: IdeaOut, **problems(404)})
    def get(self, request: Request, pk: int, idea_id: int) -> Response:
        return Response(IdeaOut(_idea(request, pk, idea_id)).data)


class IdeaCommentsView(APIView):
    api_resource = "entries"

    @extend_schema(
        summary="Comments on an idea",
        description="Whoever may see the idea.",
        responses={200: IdeaCommentOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int, idea_id: int) -> Response:
        idea = _idea(request, pk, idea_id)
        found = selectors_types.comments_visible_to(user=request.user, firm=acting_firm(request), idea=idea)
        return Response(IdeaCommentOut(found, many=True).data)

    @extend_schema(
        summary="Comment on an idea",
        description="Participants of an open ideation, while open.",
        request=IdeaCommentIn,
        responses={201: IdeaCommentOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, idea_id: int) -> Response:
        comment = ideas.idea_comment(
            idea=_idea(request, pk, idea_id),
            by=caller(request),
            firm=acting_firm(request),
            text=validated(IdeaCommentIn, request.data)["text"],
        )
        return Response(IdeaCommentOut(comment).data, status=status.HTTP_201_CREATED)


class IdeaSupportView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Support an idea",
        description="Participants of an open ideation, once per person, never their own firm's idea.",
        request=None,
        responses={201: IdeaOut, **problems(403, 404, 409)},
    )
    def post(self, request: Request, pk: int, idea_id: int) -> Response:
        idea = _idea(request, pk, idea_id)
        ideas.idea_support(idea=idea, by=caller(request), firm=acting_firm(request))
        return Response(_idea_out(request, idea), status=status.HTTP_201_CREATED)


class IdeaMergeView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Merge duplicate ideas into this one",
        description="Sponsor's owners and administrators. The duplicates' firms stay credited on this idea; "
        "supports move here.",
        request=IdeaMergeIn,
        responses={200: IdeaOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, idea_id: int) -> Response:
        idea = _idea(request, pk, idea_id)
        wanted = validated(IdeaMergeIn, request.data)["duplicate_ids"]
        # The service checks that each id is a standing idea of this project.
        merged = ideas.idea_merge(idea=idea, by=caller(request), duplicates=[Idea(pk=i) for i in wanted])
        return Response(_idea_out(request, merged))


class IdeasAwardView(APIView):
    api_resource = "entries"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Award an ideation to its winning ideas",
        description="Sponsor's owners and administrators, once the ideation has closed (closed or judging), once. "
        "Each winning idea (a standing idea of the project) becomes a knowledge asset; every firm credited on it, "
        "including the authors of merged ideas, shares the credit.",
        request=IdeasAwardIn,
        responses={201: IdeaAwardOut(many=True), **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        project = _project(request, pk)
        wanted = validated(IdeasAwardIn, request.data)["idea_ids"]
        # The service checks that each id is a standing idea of this project.
        awards = idea_awards.ideas_award(project=project, by=caller(request), winners=[Idea(pk=i) for i in wanted])
        return Response(IdeaAwardOut(awards, many=True).data, status=status.HTTP_201_CREATED)


class ProposalsView(APIView):
    api_resource = "entries"

    @extend_schema(
        summary="Proposals, side by side",
        description="Sealed: a team sees its own proposal; the sponsor's people see all, cheapest first, "
        "once entries have closed; nobody else sees any.",
        responses={200: ProposalOut(many=True), **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        found = selectors_types.proposals_visible_to(user=request.user, project=_project(request, pk))
        return Response(ProposalOut(found, many=True).data)

    @extend_schema(
        summary="Submit or replace the team's proposal",
        description="Firms that accepted the terms, while open and before the deadline. The milestones' "
        "payments add up to the price; each falls due within the delivery time.",
        request=ProposalIn,
        responses={201: ProposalOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(ProposalIn, request.data)
        terms = [proposals.MilestoneTerms(**m) for m in data.pop("milestones")]
        project = _project(request, pk)
        proposal = proposals.proposal_submit(
            project=project, by=caller(request), firm=acting_firm(request), milestones=terms, **data
        )
        proposal = selectors_types.proposal_get(user=request.user, project=project, proposal_id=proposal.pk)
        return Response(ProposalOut(proposal).data, status=status.HTTP_201_CREATED)


class ProposalDetailView(APIView):
    api_resource = "entries"

    @extend_schema(summary="Get a proposal", responses={200: ProposalOut, **problems(404)})
    def get(self, request: Request, pk: int, proposal_id: int) -> Response:
        project = _project(request, pk)
        return Response(
            ProposalOut(
                selectors_types.proposal_get(user=request.user, project=project, proposal_id=int(proposal_id))
            ).data
        )


class ProposalSelectView(APIView):
    api_resource = "awards"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Select the supplier",
        description="Sponsor's owners and administrators, once entries have closed (closed or judging). "
        "Awards the project; the proposal becomes the contract.",
        request=None,
        responses={201: ContractOut, **problems(403, 404, 409)},
    )
    def post(self, request: Request, pk: int, proposal_id: int) -> Response:
        project = _project(request, pk)
        proposal = selectors_types.proposal_get(user=request.user, project=project, proposal_id=int(proposal_id))
        proposals.proposal_select(proposal=proposal, by=caller(request))
        contract = selectors_types.contract_get(user=request.user, project=project)
        return Response(ContractOut(contract).data, status=status.HTTP_201_CREATED)


class ContractView(APIView):
    api_resource = "awards"

    @extend_schema(
        summary="The RFP's contract and its milestones",
        description="The sponsor's people and the supplier team's people only.",
        responses={200: ContractOut, **problems(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(
            ContractOut(selectors_types.contract_get(user=request.user, project=_project(request, pk))).data
        )


class MilestoneDeliveryView(APIView):
    api_resource = "awards"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Deliver a milestone",
        description="The supplier team's people; a milestone not yet delivered, or returned for rework.",
        request=MilestoneDeliveryIn,
        responses={200: ContractMilestoneOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, milestone_id: int) -> Response:
        project = _project(request, pk)
        milestone = selectors_types.milestone_get(user=request.user, project=project, milestone_id=int(milestone_id))
        contracts.milestone_submit(
            milestone=milestone, by=caller(request), note=validated(MilestoneDeliveryIn, request.data)["note"]
        )
        fresh = selectors_types.milestone_get(user=request.user, project=project, milestone_id=milestone.pk)
        return Response(ContractMilestoneOut(fresh).data)


class MilestoneDecisionView(APIView):
    api_resource = "awards"
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Accept or return a delivered milestone",
        description="Sponsor's owners and administrators; returning needs a note. "
        "Accepting sends the contract.milestone_accepted event.",
        request=MilestoneDecisionIn,
        responses={200: ContractMilestoneOut, **problems(400, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, milestone_id: int) -> Response:
        project = _project(request, pk)
        milestone = selectors_types.milestone_get(user=request.user, project=project, milestone_id=int(milestone_id))
        data = validated(MilestoneDecisionIn, request.data)
        contracts.milestone_decide(milestone=milestone, by=caller(request), accept=data["accept"], note=data["note"])
        fresh = selectors_types.milestone_get(user=request.user, project=project, milestone_id=milestone.pk)
        return Response(ContractMilestoneOut(fresh).data)
