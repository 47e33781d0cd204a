"""Input and output shapes of the rounds, evaluation and appeals API."""

from __future__ import annotations

from rest_framework import serializers

from projects.models_rounds import Appeal, AppealStatus, Assignment, Phase, Review

# --- input -------------------------------------------------------------------------------------


class PhaseIn(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    deadline = serializers.DateTimeField()
    rules = serializers.CharField(required=False, allow_blank=True, default="", max_length=8000)
    shortlist_limit = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1)


class PhaseOpenIn(serializers.Serializer):
    deadline = serializers.DateTimeField(required=False, allow_null=True, default=None)


class EvaluationIn(serializers.Serializer):
    min_reviews = serializers.IntegerField(required=False, min_value=1, max_value=50)
    appeal_window_hours = serializers.IntegerField(required=False, min_value=0, max_value=720)
    normalise_scores = serializers.BooleanField(required=False)


class ShortlistIn(serializers.Serializer):
    entries = serializers.ListField(child=serializers.IntegerField(), help_text="the shortlisted entries' ids")
    feedback = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=8000),
        required=False,
        default=dict,
        help_text="entry id → private written feedback for its team",
    )


class AssignIn(serializers.Serializer):
    judge = serializers.IntegerField(help_text="the judge's user id")
    entries = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)


class AutoAssignIn(serializers.Serializer):
    reviews_per_entry = serializers.IntegerField(min_value=1, max_value=50)


class ReviewIn(serializers.Serializer):
    values = serializers.DictField(child=serializers.IntegerField(), help_text="criterion id → score")
    private_note = serializers.CharField(required=False, allow_blank=True, default="", max_length=8000)
    solver_note = serializers.CharField(required=False, allow_blank=True, default="", max_length=8000)


class EntryAppealIn(serializers.Serializer):
    entry = serializers.IntegerField()
    reason = serializers.CharField(max_length=8000)
    attachment = serializers.FileField(required=False, allow_null=True, default=None)


class AppealDecisionIn(serializers.Serializer):
    status = serializers.ChoiceField(choices=[AppealStatus.UPHELD, AppealStatus.REJECTED])
    answer = serializers.CharField(max_length=8000)


class ScoreReviseIn(serializers.Serializer):
    values = serializers.DictField(child=serializers.IntegerField(), help_text="criterion id → revised score")


# --- output ------------------------------------------------------------------------------------


class PhaseOut(serializers.ModelSerializer):
    class Meta:
        model = Phase
        fields = ["number", "name", "deadline", "rules", "shortlist_limit", "opened_at"]


class PhasesOut(serializers.Serializer):
    current = serializers.IntegerField()
    final = serializers.BooleanField()
    award_guaranteed = serializers.BooleanField()
    phases = PhaseOut(many=True)


class EvaluationOut(serializers.Serializer):
    min_reviews = serializers.IntegerField(help_text="reviews an entry needs before it is ranked")
    appeal_window_hours = serializers.IntegerField(help_text="hours after the scores are published")
    normalise_scores = serializers.BooleanField(help_text="show per-judge z-scores beside the raw means")
    appeal_deadline = serializers.DateTimeField(allow_null=True, help_text="null until the scores are published")


class ShortlistOut(serializers.Serializer):
    entry = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    feedback = serializers.CharField()


class AssignmentOut(serializers.ModelSerializer):
    judge = serializers.IntegerField(source="judge.user_id")

    class Meta:
        model = Assignment
        fields = ["id", "judge", "entry", "phase_number", "automatic", "assigned_at"]


class QueueItemOut(serializers.Serializer):
    entry = serializers.IntegerField(source="entry.pk")
    title = serializers.CharField(source="entry.title")
    reviewed = serializers.BooleanField()


class ReviewOut(serializers.ModelSerializer):
    judge = serializers.IntegerField(source="judge.user_id")

    class Meta:
        model = Review
        fields = ["judge", "entry", "phase_number", "private_note", "solver_note", "updated_at"]


class ReviewsOut(serializers.Serializer):
    reviews = ReviewOut(many=True, help_text="panel and sponsor (own only until the scores are published)")
    notes_to_solver = serializers.ListField(
        child=serializers.CharField(), help_text="the entry's team, once the scores are published"
    )


class EntryAppealOut(serializers.ModelSerializer):
    has_attachment = serializers.SerializerMethodField()

    class Meta:
        model = Appeal
        fields = [
            "id",
            "entry",
            "phase_number",
            "reason",
            "status",
            "answer",
            "filed_at",
            "decided_at",
            "has_attachment",
        ]

    def get_has_attachment(self, appeal: Appeal) -> bool:
        return bool(appeal.attachment)


class CompetitionDayOut(serializers.Serializer):
    day = serializers.DateField()
    entries = serializers.IntegerField(allow_null=True)


class CompetitionProvinceOut(serializers.Serializer):
    province = serializers.CharField(help_text="province code; empty for the other provinces together")
    name = serializers.CharField(source="label", help_text="the province's name in the reader's language")
    firms = serializers.IntegerField(allow_null=True, help_text="null: fewer than three")


class CompetitionStatisticsOut(serializers.Serializer):
    terms_accepted = serializers.IntegerField(allow_null=True, help_text="null: fewer than three")
    entries = serializers.IntegerField(allow_null=True, help_text="null: fewer than three")
    entries_over_time = CompetitionDayOut(many=True)
    provinces = CompetitionProvinceOut(many=True)
    min_bucket = serializers.IntegerField()
