"""Output of the agencies API: public agencies (never their people) and the guidance that reaches a firm."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agencies import selectors
from agencies.models import Agency, AgencyRegion, Endorsement, Guidance


class AgencyBriefOut(serializers.ModelSerializer[Agency]):
    class Meta:
        model = Agency
        fields = ("id", "name_zh", "name_en", "kind")


class GuidanceOut(serializers.ModelSerializer[Guidance]):
    agency = AgencyBriefOut(read_only=True)
    provinces = serializers.ListField(child=serializers.CharField(), read_only=True, label="Provinces in scope")
    sectors: serializers.Field[Any, Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )

    class Meta:
        model = Guidance
        fields = (
            "id", "agency", "kind", "title", "body", "provinces", "sectors", "valid_from", "valid_until",
            "published_at",
        )  # fmt: skip


class RegionOut(serializers.ModelSerializer[AgencyRegion]):
    class Meta:
        model = AgencyRegion
        fields = ("province", "city")


class AgencyOut(serializers.ModelSerializer[Agency]):
    """A verified agency as the public sees it: never its people, who registered or decided it, or e-mails."""

    regions = RegionOut(many=True, read_only=True)
    endorsements = serializers.IntegerField(
        source="endorsement_count", read_only=True, help_text="Number of clusters the agency endorses now."
    )

    class Meta:
        model = Agency
        fields: tuple[str, ...] = ("id", "name_zh", "name_en", "kind", "national", "regions", "endorsements")


class EndorsementOut(serializers.ModelSerializer[Endorsement]):
    cluster_id = serializers.IntegerField(read_only=True)
    cluster_name = serializers.CharField(source="cluster.name", read_only=True)
    endorsed_at = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = Endorsement
        fields = ("cluster_id", "cluster_name", "endorsed_at")


class AgencyDetailOut(AgencyOut):
    active_endorsements = serializers.SerializerMethodField()

    class Meta(AgencyOut.Meta):
        fields = (*AgencyOut.Meta.fields, "active_endorsements")

    @extend_schema_field(EndorsementOut(many=True))
    def get_active_endorsements(self, agency: Agency) -> list[dict[str, Any]]:
        return list(EndorsementOut(selectors.endorsements_active(agency=agency), many=True).data)
