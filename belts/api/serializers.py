"""Output of the belts API: a belt's region and sectors, and its disclosure-controlled figures."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from belts.models import Belt

_HIDDEN = "null where the figure would describe fewer than k firms (or could be recovered from other figures)."


class BeltMonthOut(serializers.Serializer):
    members = serializers.IntegerField(allow_null=True, help_text="Members confirmed in the period; " + _HIDDEN)
    assets = serializers.IntegerField(allow_null=True, help_text="Assets shared by members; " + _HIDDEN)
    projects = serializers.IntegerField(allow_null=True, help_text="Projects sponsored by members; " + _HIDDEN)
    use_events = serializers.IntegerField(allow_null=True, help_text="Use events by members; " + _HIDDEN)


class BeltShareOut(serializers.Serializer):
    other_belts = serializers.FloatField(allow_null=True)
    other_provinces = serializers.FloatField(allow_null=True)


class BeltClusterOut(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name_zh = serializers.CharField()
    name_en = serializers.CharField()
    members_from_belt = serializers.IntegerField()


class BeltFlowOut(serializers.Serializer):
    belt = serializers.IntegerField()
    use_events = serializers.IntegerField(allow_null=True, help_text=_HIDDEN)


class BeltFiguresOut(serializers.Serializer):
    members = serializers.IntegerField(allow_null=True, help_text="Confirmed member firms; " + _HIDDEN)
    assets = serializers.IntegerField(allow_null=True)
    projects = serializers.IntegerField(allow_null=True)
    use_events = serializers.IntegerField(allow_null=True)
    share_other_belts = serializers.FloatField(
        allow_null=True, help_text="Share of the members' use of others' assets owned in other belts."
    )
    share_other_provinces = serializers.FloatField(
        allow_null=True, help_text="Share of the members' use of others' assets owned in other provinces."
    )
    growth = serializers.DictField(child=BeltMonthOut(), help_text="Per period: 'earlier', then YYYY-MM.")
    share_series = serializers.DictField(child=BeltShareOut(), help_text="Per month.")
    clusters = BeltClusterOut(many=True, help_text="Approved clusters with at least k members from the belt.")


FIGURE_FIELDS = tuple(BeltFiguresOut().fields)


class BeltOut(serializers.ModelSerializer[Belt]):
    sectors: serializers.Field[Any, Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    figures = serializers.SerializerMethodField()

    class Meta:
        model = Belt
        fields: tuple[str, ...] = ("id", "name_zh", "name_en", "province", "city", "sectors", "description", "figures")

    @extend_schema_field(BeltFiguresOut(allow_null=True))
    def get_figures(self, belt: Belt) -> dict[str, Any] | None:
        """From the current open statistics (null before the first refresh that saw the belt)."""
        figures = self.context.get("figures", {}).get(str(belt.pk))
        if figures is None:
            return None
        return {name: figures[name] for name in FIGURE_FIELDS}


class BeltDetailOut(BeltOut):
    flows_in = serializers.SerializerMethodField()
    flows_out = serializers.SerializerMethodField()

    class Meta(BeltOut.Meta):
        fields: tuple[str, ...] = (*BeltOut.Meta.fields, "flows_in", "flows_out")

    @extend_schema_field(BeltFlowOut(many=True))
    def get_flows_in(self, belt: Belt) -> list[dict[str, Any]]:
        """Use events of this belt's members on assets owned by members of each other belt."""
        return [{"belt": a, "use_events": v} for a, b, v in self.context.get("flows", []) if b == belt.pk]

    @extend_schema_field(BeltFlowOut(many=True))
    def get_flows_out(self, belt: Belt) -> list[dict[str, Any]]:
        return [{"belt": b, "use_events": v} for a, b, v in self.context.get("flows", []) if a == belt.pk]
