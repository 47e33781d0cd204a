"""Input and output shapes of the knowledge API."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from clusters.models import Cluster
from knowledge.models import (
    AccessLevel,
    Asset,
    AssetKind,
    AssetLink,
    AssetVersion,
    CoOwnershipRequest,
    Decision,
    KnowledgeCategory,
    Licence,
    LinkKind,
    ModerationDecision,
    Report,
)
from platform_.identity.api.serializers import FirmBriefOut
from platform_.identity.models import Firm

# Output


class CategoryOut(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    # A declared field named like DRF's Field.parent attribute; the serializer metaclass keeps them apart.
    parent: serializers.SlugRelatedField[KnowledgeCategory] = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = KnowledgeCategory
        fields = ["code", "name", "name_zh", "name_en", "parent"]


class VersionOut(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = AssetVersion
        fields = ["number", "original_name", "size", "content_type", "sha256", "created_at", "download_url"]

    def get_download_url(self, version: AssetVersion) -> str:
        return reverse("v1:asset-version-download", args=[version.asset_id, version.number])


class OwnershipOut(serializers.Serializer):
    firm = FirmBriefOut(read_only=True)
    share = serializers.DecimalField(max_digits=7, decimal_places=6, read_only=True)


class AssetListOut(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    snippet = serializers.SerializerMethodField()

    class Meta:
        model = Asset
        fields = [
            "id",
            "kind",
            "title",
            "title_zh",
            "title_en",
            "summary_zh",
            "summary_en",
            "licence",
            "access_level",
            "status",
            "published_at",
            "snippet",
        ]

    def get_snippet(self, asset: Asset) -> str:
        return getattr(asset, "snippet", "")


class ReportReasonOut(serializers.Serializer):
    reason = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class ModerationItemOut(AssetListOut):
    """An asset in the moderation queue, with what its moderators need to decide."""

    open_reports = serializers.IntegerField(read_only=True)
    reports = ReportReasonOut(
        source="open_report_rows", many=True, read_only=True, help_text=_("The open reports and their reasons.")
    )
    own_firm = serializers.BooleanField(
        read_only=True,
        help_text=_("The caller's firm owns the asset: another moderator or a platform administrator decides."),
    )

    class Meta(AssetListOut.Meta):
        fields = [*AssetListOut.Meta.fields, "open_reports", "reports", "own_firm"]


class CoOwnershipRequestOut(serializers.ModelSerializer):
    asset: serializers.PrimaryKeyRelatedField[Asset] = serializers.PrimaryKeyRelatedField(read_only=True)
    asset_title = serializers.CharField(source="asset.title", read_only=True)
    firm = FirmBriefOut(read_only=True)
    from_firm = FirmBriefOut(read_only=True)

    class Meta:
        model = CoOwnershipRequest
        fields = ["id", "asset", "asset_title", "firm", "from_firm", "share", "status", "created_at", "decided_at"]


class CoOwnershipRequestsOut(serializers.Serializer):
    incoming = CoOwnershipRequestOut(many=True, help_text=_("Pending requests naming the acting firm."))
    outgoing = CoOwnershipRequestOut(many=True, help_text=_("Pending requests the acting firm sent."))


class AssetOut(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    categories: serializers.SlugRelatedField[KnowledgeCategory] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    owners = OwnershipOut(source="ownerships", many=True, read_only=True)
    pending_owners = OwnershipOut(
        source="pending_coownerships",
        many=True,
        read_only=True,
        help_text=_(
            "Firms asked to co-own the asset that have not accepted yet (shown to its owners only); "
            "they count nowhere until they accept."
        ),
    )
    versions = VersionOut(many=True, read_only=True)
    tags = serializers.ListField(child=serializers.CharField(), read_only=True)  # typed in the schema
    access_clusters: serializers.PrimaryKeyRelatedField[Cluster] = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True
    )

    class Meta:
        model = Asset
        fields = [
            "id",
            "kind",
            "title",
            "title_zh",
            "title_en",
            "summary_zh",
            "summary_en",
            "body",
            "licence",
            "licence_terms",
            "access_level",
            "access_clusters",
            "status",
            "categories",
            "tags",
            "owners",
            "pending_owners",
            "versions",
            "created_at",
            "published_at",
            "creation_cost",
            "embargo_until",
        ]


class SearchOut(serializers.Serializer):
    count = serializers.IntegerField()
    count_is_lower_bound = serializers.BooleanField(
        help_text=_("True when more assets match than are ranked (settings.ASSET_SEARCH_CANDIDATES).")
    )
    results = AssetListOut(many=True)
    facets = serializers.DictField(child=serializers.ListField(child=serializers.DictField()))


class LinkOut(serializers.ModelSerializer):
    class Meta:
        model = AssetLink
        fields = ["id", "citing", "cited", "kind", "created_at"]


class RequestOut(serializers.Serializer):
    id = serializers.IntegerField()
    asset = serializers.IntegerField(source="asset_id")
    firm = FirmBriefOut()
    message = serializers.CharField()
    status = serializers.CharField()
    decision_reason = serializers.CharField()
    created_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)


class DecisionOut(serializers.ModelSerializer):
    class Meta:
        model = ModerationDecision
        fields = ["id", "asset", "decision", "from_status", "to_status", "reason", "at"]


class ReportOut(serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = ["id", "asset", "reason", "created_at"]


class StatisticsOut(serializers.Serializer):
    by_kind = serializers.DictField(child=serializers.IntegerField())
    total = serializers.IntegerField()
    firms = serializers.IntegerField()
    daily = serializers.ListField(child=serializers.DictField())


# Input


class SearchIn(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200)
    kind = serializers.ChoiceField(choices=AssetKind.choices, required=False)
    category = serializers.SlugRelatedField(slug_field="code", queryset=KnowledgeCategory.objects.all(), required=False)
    cluster = serializers.IntegerField(required=False, min_value=1)
    licence = serializers.ChoiceField(choices=Licence.choices, required=False)
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)
    offset = serializers.IntegerField(required=False, min_value=0, max_value=10_000, default=0)

    def to_search(self) -> dict[str, Any]:
        data = self.validated_data
        return {
            "query": data.get("q", ""),
            "kind": data.get("kind", ""),
            "category": data["category"].code if data.get("category") else "",
            "cluster": data.get("cluster", ""),
            "licence": data.get("licence", ""),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "limit": data["limit"],
            "offset": data["offset"],
        }


class AssetIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AssetKind.choices, default=AssetKind.DOCUMENT)
    title_zh = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    title_en = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    summary_zh = serializers.CharField(required=False, allow_blank=True, default="")
    summary_en = serializers.CharField(required=False, allow_blank=True, default="")
    body = serializers.CharField(required=False, allow_blank=True, default="")
    licence = serializers.ChoiceField(choices=Licence.choices, default=Licence.CC_BY)
    licence_terms = serializers.CharField(required=False, allow_blank=True, default="")
    access_level = serializers.ChoiceField(choices=AccessLevel.choices, default=AccessLevel.PUBLIC)
    access_clusters = serializers.PrimaryKeyRelatedField(
        queryset=Cluster.objects.all(), many=True, required=False, default=list
    )
    access_firms = serializers.PrimaryKeyRelatedField(
        queryset=Firm.objects.filter(is_active=True), many=True, required=False, default=list
    )
    categories = serializers.SlugRelatedField(
        slug_field="code",
        queryset=KnowledgeCategory.objects.all(),
        many=True,
        required=False,
        default=list,  # type: ignore[arg-type]  # many=True: the stubs type the default as one category
    )
    tags = serializers.ListField(child=serializers.CharField(max_length=40), required=False, default=list)
    creation_cost = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, min_value=0, default=None
    )


class AssetCreateIn(AssetIn):
    owners = serializers.DictField(
        child=serializers.DecimalField(max_digits=7, decimal_places=6, min_value=0),
        required=False,
        help_text=_("Firm id → ownership share; shares add up to 1. Default: the acting firm alone."),
    )


class AssetUpdateIn(AssetIn):
    pass


class VersionIn(serializers.Serializer):
    file = serializers.FileField()


class ModerateIn(serializers.Serializer):
    decision = serializers.ChoiceField(choices=[c for c in Decision.choices if c[0] != Decision.RESTORE])
    reason = serializers.CharField(max_length=4000)


class ReasonIn(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)


class MessageIn(serializers.Serializer):
    message = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class LinkIn(serializers.Serializer):
    cited = serializers.IntegerField(min_value=1)
    kind = serializers.ChoiceField(choices=LinkKind.choices)


class DecideIn(serializers.Serializer):
    grant = serializers.BooleanField()
    reason = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    ends_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("A grant may end on this date; the firms are reminded before it."),
    )
