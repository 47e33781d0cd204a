"""Output serializers of the spillover API (figures are read-only; they document the contract)."""

from __future__ import annotations

from rest_framework import serializers


class RunOut(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    as_of = serializers.DateTimeField(help_text="As-of time of the exact figures (the last fold-in's, else the run's).")
    full_run_as_of = serializers.DateTimeField(help_text="As-of time of the last full run.")
    as_of_last_full_run = serializers.ListField(
        child=serializers.CharField(), help_text="The figures of this response that are as of the last full run."
    )
    full_run_note = serializers.CharField(help_text="The same, in words, in the reader's language.")
    parameters = serializers.DictField()
    events = serializers.IntegerField()
    folded = serializers.IntegerField()


class RunStatusOut(serializers.Serializer):
    current = RunOut(allow_null=True)
    latest = serializers.DictField(required=False)


class NamedValueOut(serializers.Serializer):
    firm = serializers.IntegerField()
    name = serializers.CharField()
    value = serializers.FloatField()


class FirmFiguresOut(serializers.Serializer):
    run = RunOut()
    firm = serializers.DictField()
    stock = serializers.FloatField()
    pool = serializers.FloatField()
    pool_mahalanobis = serializers.FloatField()
    inflow = serializers.FloatField()
    outflow = serializers.FloatField()
    net = serializers.FloatField()
    absorption = serializers.FloatField()
    months = serializers.ListField(child=serializers.CharField())
    series_in = serializers.ListField(child=serializers.FloatField())
    series_out = serializers.ListField(child=serializers.FloatField())
    top_sources = NamedValueOut(many=True)
    top_absorbers = NamedValueOut(many=True)


class NodeOut(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    province = serializers.CharField()
    own = serializers.BooleanField()
    value = serializers.FloatField()


class EdgeOut(serializers.Serializer):
    source = serializers.CharField(help_text="firm the knowledge came from")  # type: ignore[assignment]
    target = serializers.CharField(help_text="firm that absorbed it")
    value = serializers.FloatField()


class ProvinceFlowOut(serializers.Serializer):
    province = serializers.CharField()
    name = serializers.CharField()
    total = serializers.FloatField()
    crossing = serializers.FloatField()


class ClusterFiguresOut(serializers.Serializer):
    run = RunOut()
    cluster = serializers.DictField()
    named = serializers.BooleanField(help_text="whether other members are named for this caller")
    members = serializers.IntegerField()
    stock = serializers.FloatField()
    pool = serializers.FloatField()
    internal = serializers.FloatField()
    external = serializers.FloatField()
    csi = serializers.FloatField()
    realisation = serializers.FloatField()
    ei = serializers.FloatField()
    cross_province = serializers.FloatField()
    months = serializers.ListField(child=serializers.CharField())
    series = serializers.ListField(child=serializers.FloatField())
    provinces = ProvinceFlowOut(many=True)
    nodes = NodeOut(many=True)
    edges = EdgeOut(many=True)


class ClusterRowOut(serializers.Serializer):
    cluster = serializers.IntegerField()
    name = serializers.CharField()
    members = serializers.IntegerField()
    csi = serializers.FloatField()
    realisation = serializers.FloatField()
    ei = serializers.FloatField()
    cross_province = serializers.FloatField()
    internal = serializers.FloatField()


class RegionRowOut(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    total = serializers.FloatField()
    outside_share = serializers.FloatField()
    localisation = serializers.FloatField()


class ComparisonOut(serializers.Serializer):
    run = RunOut()
    clusters = ClusterRowOut(many=True)
    regions = RegionRowOut(many=True)


class KindCountOut(serializers.Serializer):
    kind = serializers.CharField()
    count = serializers.IntegerField()


class AssetReachOut(serializers.Serializer):
    run = RunOut()
    asset = serializers.DictField()
    uses = serializers.FloatField()
    breadth = serializers.IntegerField()
    generality_cluster = serializers.FloatField()
    generality_province = serializers.FloatField()
    generality_sector = serializers.FloatField()
    descendants = serializers.IntegerField()
    pagerank = serializers.FloatField()
    by_kind = KindCountOut(many=True)


class CostSeriesOut(serializers.Serializer):
    asset = serializers.IntegerField()
    title = serializers.CharField()
    cost = serializers.FloatField()
    uses = serializers.IntegerField()
    cost_per_use = serializers.ListField(child=serializers.FloatField(allow_null=True))


class CostsOut(serializers.Serializer):
    months = serializers.ListField(child=serializers.CharField())
    assets = CostSeriesOut(many=True)
