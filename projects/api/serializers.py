"""Input and output shapes of the projects API (separate, so the contract says what goes each way)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from platform_.identity.models import FirmVerification
from projects import selectors
from projects.models import (
    Award,
    Criterion,
    Eligibility,
    Entry,
    EntryOutcome,
    IpTerms,
    Project,
    ProjectKind,
    Question,
    Score,
)

# --- input ---------------------------------------------------------------------------------------


class ProjectIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ProjectKind.choices, default=ProjectKind.DESIGN)
    title = serializers.CharField(max_length=200)
    brief = serializers.CharField()
    requirements = serializers.CharField(required=False, allow_blank=True, default="")
    confidential_brief = serializers.CharField(required=False, allow_blank=True, default="")
    terms = serializers.CharField(required=False, allow_blank=True, default="")
    eligibility = serializers.ChoiceField(choices=Eligibility.choices, default=Eligibility.OPEN)
    eligible_cluster_ids = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    invited_firm_ids = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    award_amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, default=None, min_value=0
    )
    award_other = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    ip_terms = serializers.ChoiceField(choices=IpTerms.choices, default=IpTerms.NON_EXCLUSIVE)
    deadline = serializers.DateTimeField(help_text="ISO 8601 with a time-zone offset.")
    cluster_id = serializers.IntegerField(required=False, allow_null=True, default=None)


class ProjectUpdateIn(ProjectIn):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class ProjectTransitionIn(serializers.Serializer):
    action = serializers.ChoiceField(choices=["submit", "publish", "approve", "return", "start_judging", "cancel"])
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class CriterionIn(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    weight = serializers.DecimalField(max_digits=6, decimal_places=3, min_value=0)
    scale_min = serializers.IntegerField(min_value=0, default=0)
    scale_max = serializers.IntegerField(min_value=1, default=10)


class JudgeIn(serializers.Serializer):
    email = serializers.EmailField()


class QuestionIn(serializers.Serializer):
    text = serializers.CharField(max_length=4000)


class AnswerIn(serializers.Serializer):
    answer = serializers.CharField(max_length=8000)
    public = serializers.BooleanField(default=True)


class PartnerIn(serializers.Serializer):
    firm_id = serializers.IntegerField()
    share = serializers.DecimalField(max_digits=7, decimal_places=6, min_value=0)


class TeamIn(serializers.Serializer):
    name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    partners = PartnerIn(many=True, required=False, default=list)


class TeamInvitationDecideIn(serializers.Serializer):
    accept = serializers.BooleanField(help_text="true to join the team with the share offered, false to decline.")


class EntrySubmitIn(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    files = serializers.ListField(child=serializers.FileField(), allow_empty=False)
    cited_asset_ids = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)


class VerifyIn(serializers.Serializer):
    receipt = serializers.CharField(help_text="The receipt JSON exactly as issued.")
    file = serializers.FileField()


class ScoreIn(serializers.Serializer):
    values = serializers.DictField(child=serializers.IntegerField(), help_text="criterion id → score")
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class ConflictIn(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)


class OutcomeIn(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=[EntryOutcome.NONE, EntryOutcome.SHORTLISTED], allow_blank=True)


class FeedbackIn(serializers.Serializer):
    feedback = serializers.CharField(max_length=8000)


class AwardIn(serializers.Serializer):
    winners = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)


# --- output --------------------------------------------------------------------------------------


class FirmRefOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    verification = serializers.ChoiceField(
        choices=FirmVerification.choices, help_text="Whether the platform verified who the firm is."
    )


class CriterionOut(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["id", "name", "description", "weight", "scale_min", "scale_max", "position"]


class ProjectListOut(serializers.ModelSerializer):
    sponsor = FirmRefOut()

    class Meta:
        model = Project
        fields = [
            "id",
            "title",
            "kind",
            "status",
            "sponsor",
            "eligibility",
            "award_amount",
            "award_other",
            "ip_terms",
            "deadline",
        ]


class ProjectOut(serializers.ModelSerializer):
    sponsor = FirmRefOut()
    confidential_brief = serializers.SerializerMethodField(help_text="null until the caller may see it")
    criteria = CriterionOut(many=True)
    eligible_cluster_ids = serializers.SerializerMethodField()
    entry_count = serializers.SerializerMethodField()
    terms_accepted = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = [
            "id",
            "title",
            "kind",
            "status",
            "status_reason",
            "sponsor",
            "cluster",
            "brief",
            "requirements",
            "confidential_brief",
            "terms",
            "eligibility",
            "eligible_cluster_ids",
            "award_amount",
            "award_other",
            "ip_terms",
            "deadline",
            "rubric_frozen_at",
            "panel_closed_at",
            "criteria",
            "entry_count",
            "terms_accepted",
            "actions",
            "created_at",
        ]

    def get_confidential_brief(self, project: Project) -> str | None:
        request = self.context["request"]
        allowed = selectors.can_see_confidential(user=request.user, firm=self.context.get("firm"), project=project)
        return project.confidential_brief if allowed else None

    def get_eligible_cluster_ids(self, project: Project) -> list[int]:
        return list(project.eligible_clusters.values_list("id", flat=True))

    def get_entry_count(self, project: Project) -> int:
        return selectors.entry_count(project=project)

    def get_terms_accepted(self, project: Project) -> bool:
        return selectors.acceptance_of(firm=self.context.get("firm"), project=project) is not None

    def get_actions(self, project: Project) -> list[str]:
        from projects.services import allowed_actions

        user = self.context["request"].user
        return allowed_actions(project=project, user=user) if user.is_authenticated else []


class QuestionOut(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ["id", "text", "answer", "public", "asked_at", "answered_at"]


class TeamMemberOut(serializers.Serializer):
    firm = FirmRefOut()
    share = serializers.DecimalField(max_digits=7, decimal_places=6)


class TeamOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    members = TeamMemberOut(many=True)


class TeamInvitationOut(serializers.Serializer):
    id = serializers.IntegerField()
    team = serializers.IntegerField(source="team_id")
    team_name = serializers.CharField(source="team.name")
    lead = FirmRefOut(source="team.lead")
    firm = FirmRefOut()
    share = serializers.DecimalField(max_digits=7, decimal_places=6)
    status = serializers.CharField()


class EntryFileOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, row: Any) -> str:
        entry = row.version.entry
        return reverse("v1:project-entry-file", args=[entry.project_id, entry.pk, row.pk])


class EntryVersionOut(serializers.Serializer):
    number = serializers.IntegerField()
    description = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    digest = serializers.CharField()
    files = EntryFileOut(many=True)


class EntryOut(serializers.ModelSerializer):
    team = TeamOut()
    versions = EntryVersionOut(many=True)

    class Meta:
        model = Entry
        fields = ["id", "title", "team", "outcome", "feedback", "versions", "created_at"]


class ReceiptFileOut(serializers.Serializer):
    name = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()


class ReceiptOut(serializers.Serializer):
    project = serializers.IntegerField()
    entry = serializers.IntegerField()
    version = serializers.IntegerField()
    submitted_at = serializers.CharField()
    description_sha256 = serializers.CharField()
    files = ReceiptFileOut(many=True)
    digest = serializers.CharField(help_text="SHA-256 of the canonical JSON of the fields above")
    seal = serializers.CharField(help_text="the platform's HMAC of the digest")


class VerifyOut(serializers.Serializer):
    receipt_valid = serializers.BooleanField()
    matches = serializers.BooleanField()
    message = serializers.CharField()
    version = serializers.IntegerField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)


class ScoreOut(serializers.ModelSerializer):
    judge = serializers.IntegerField(source="judge.user_id")

    class Meta:
        model = Score
        fields = ["id", "judge", "entry", "criterion", "value", "comment", "scored_at"]


class RankingOut(serializers.Serializer):
    rank = serializers.IntegerField(allow_null=True)
    entry = serializers.IntegerField(source="entry.pk")
    title = serializers.CharField(source="entry.title")
    team = serializers.CharField(source="entry.team.name")
    outcome = serializers.CharField(source="entry.outcome")
    score = serializers.FloatField(allow_null=True)
    spread = serializers.FloatField(allow_null=True, help_text="population standard deviation across judges")
    judges = serializers.IntegerField()
    below_minimum = serializers.BooleanField(help_text="fewer reviews than the project's minimum: not ranked")
    z_score = serializers.FloatField(allow_null=True, help_text="mean of the entry's per-judge z-scores")


class AwardOut(serializers.ModelSerializer):
    class Meta:
        model = Award
        fields = ["id", "entry", "amount", "non_monetary", "ip_terms", "asset", "brief_asset", "awarded_at"]


class AcceptanceOut(serializers.Serializer):
    project = serializers.IntegerField(source="project_id")
    firm = serializers.IntegerField(source="firm_id")
    terms_sha256 = serializers.CharField()
    accepted_at = serializers.DateTimeField()
