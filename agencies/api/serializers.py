"""Output of the agencies API: the guidance that reaches a firm."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from agencies.models import Agency, Guidance


class AgencyBriefOut(serializers.ModelSerializer[Agency]):
    class Meta:
        model = Agency
        fields = ("id", "name_zh", "name_en", "kind")


class GuidanceOut(serializers.ModelSerializer[Guidance]):
    agency = AgencyBriefOut(read_only=True)
    sectors: serializers.Field[Any, Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )

    class Meta:
        model = Guidance
        fields = (
            "id", "agency", "kind", "title", "body", "provinces", "sectors", "valid_from", "valid_until",
            "published_at",
        )  # fmt: skip
