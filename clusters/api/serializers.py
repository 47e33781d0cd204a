"""Input and output shapes of the clusters API: clusters, memberships, their history, partner suggestions."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from clusters.models import (
    Cluster,
    ClusterMembership,
    ClusterStatus,
    JoinPolicy,
    MembershipEvent,
    ReviewPolicy,
)
from platform_.api.lean import LeanOutput
from platform_.identity.api.serializers import CapabilityBriefOut, FirmBriefOut, SectorBriefOut
from platform_.identity.models import Capability, Firm, Sector, localized
from platform_.identity.regions import Province

# Output


class ClusterBriefOut(LeanOutput, serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = Cluster
        fields = ["id", "slug", "name"]


def _sector_briefs(cluster: Cluster) -> list[dict[str, str]]:
    """The cluster's sectors as SectorBriefOut gives them, from ``selectors.clusters_with_sectors`` if it ran."""
    rows = getattr(cluster, "sector_rows", None)
    if rows is None:
        return [{"code": sector.code, "name": sector.name} for sector in cluster.sectors.all()]
    return [{"code": code, "name": localized(name_zh, name_en)} for code, name_zh, name_en in rows]


class ClusterOut(LeanOutput, serializers.ModelSerializer):
    lean_fields = {"member_count": lambda cluster: cluster.member_count, "sectors": _sector_briefs}
    name = serializers.CharField(read_only=True)
    sectors = SectorBriefOut(many=True, read_only=True)
    proposed_by = FirmBriefOut(read_only=True)
    member_count = serializers.SerializerMethodField()

    class Meta:
        model = Cluster
        fields = [
            "id",
            "slug",
            "name",
            "name_zh",
            "name_en",
            "theme",
            "description",
            "sectors",
            "home_province",
            "home_belt",
            "join_policy",
            "asset_review",
            "status",
            "proposed_by",
            "decision_reason",
            "member_count",
            "created_at",
        ]

    def get_member_count(self, cluster: Cluster) -> int:
        return cluster.member_count  # kept by a trigger on the memberships table


class MembershipOut(LeanOutput, serializers.ModelSerializer):
    cluster = ClusterBriefOut(read_only=True)
    firm = FirmBriefOut(read_only=True)
    message = serializers.SerializerMethodField(
        help_text="The firm's message; only for the firm's people, the cluster's moderators and administrators."
    )

    class Meta:
        model = ClusterMembership
        fields = ["id", "cluster", "firm", "status", "message", "created_at", "updated_at", "joined_at"]

    def get_message(self, membership: ClusterMembership) -> str | None:
        # Rows of ``memberships_readable`` say it themselves; any other needs the caller's insight.
        reads = getattr(membership, "reads_message", None)
        if reads is None:
            insight = self.context.get("insight")
            reads = insight is not None and insight.sees_all_of(membership)
        return membership.message if reads else None


class MembershipEventOut(serializers.ModelSerializer):
    actor_name = serializers.SerializerMethodField()

    class Meta:
        model = MembershipEvent
        fields = ["id", "action", "from_status", "to_status", "actor_name", "reason", "at"]

    def get_actor_name(self, event: MembershipEvent) -> str:
        # To a partner's API key, a person's name only with their consent (platform_.compliance).
        shown = self.context.get("people_shown")
        if event.actor is None or (shown is not None and event.actor_id not in shown):
            return ""
        return event.actor.display_name


class SuggestionOut(serializers.Serializer):
    firm = FirmBriefOut()
    score = serializers.FloatField(help_text="Coverage of the firm's needs plus a share for mutual fit.")
    coverage = serializers.FloatField(help_text="Share of the firm's needs (weighted by rarity) the partner covers.")
    covered = CapabilityBriefOut(many=True, help_text="The firm's needs this partner can meet.")
    mutual = CapabilityBriefOut(many=True, help_text="What the partner needs that the firm can do.")
    shared_clusters = serializers.ListField(child=serializers.CharField())
    inside = serializers.BooleanField(help_text="Whether the partner already shares a cluster with the firm.")
    reasons = serializers.ListField(
        child=serializers.CharField(), help_text="What other signals (a track record) added to the score, and why."
    )


# Input


class ClusterQueryIn(serializers.Serializer):
    """The directory's filters; unknown codes are refused with a 400."""

    search = serializers.CharField(required=False, allow_blank=True, default="")
    sector = serializers.SlugRelatedField(slug_field="code", queryset=Sector.objects.all(), required=False)
    province = serializers.ChoiceField(choices=Province.choices, required=False)
    capability = serializers.SlugRelatedField(slug_field="code", queryset=Capability.objects.all(), required=False)
    policy = serializers.ChoiceField(choices=JoinPolicy.choices, required=False)

    @classmethod
    def names_any(cls, query_params: Any) -> bool:
        """Whether the query string sets any of the directory's filters."""
        return any(name in query_params for name in cls._declared_fields)

    def to_directory(self) -> dict[str, Any]:
        data = self.validated_data
        return {
            "query": data.get("search", "").strip(),
            "sector": data["sector"].code if data.get("sector") else "",
            "province": data.get("province", ""),
            "capability": data["capability"].code if data.get("capability") else "",
            "policy": data.get("policy", ""),
        }


class ClusterProposeIn(serializers.Serializer):
    name_zh = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    slug = serializers.SlugField(max_length=80, required=False, allow_blank=True, default="")
    theme = serializers.CharField(max_length=300)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    sectors = serializers.SlugRelatedField(slug_field="code", queryset=Sector.objects.all(), many=True)
    home_province = serializers.ChoiceField(choices=Province.choices, required=False, allow_blank=True, default="")
    home_belt = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    join_policy = serializers.ChoiceField(choices=JoinPolicy.choices, default=JoinPolicy.APPLICATION)
    asset_review = serializers.ChoiceField(choices=ReviewPolicy.choices, default=ReviewPolicy.BEFORE)


class DecisionIn(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


MEMBERSHIP_KINDS = [("apply", "apply"), ("invite", "invite")]


class MembershipCreateIn(serializers.Serializer):
    """Apply for a firm (the acting firm unless ``firm`` is given), or invite a firm as a moderator."""

    kind = serializers.ChoiceField(choices=MEMBERSHIP_KINDS, default="apply")
    cluster = serializers.SlugRelatedField(
        slug_field="slug", queryset=Cluster.objects.filter(status=ClusterStatus.APPROVED)
    )
    firm = serializers.PrimaryKeyRelatedField(queryset=Firm.objects.filter(is_active=True), required=False)
    message = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["kind"] == "invite" and attrs.get("firm") is None:
            raise serializers.ValidationError({"firm": _("Name the firm to invite.")})
        return attrs


class TransitionIn(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class PartnersQueryIn(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=100, default=20)
