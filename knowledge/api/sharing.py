"""Knowledge API for sharing: embargoes, appeals and the contributors tier (the services the pages use)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from knowledge import embargo, moderation, selectors, tiers
from knowledge.models import Appeal, Asset, AssetVersion
from platform_.api.permissions import problems
from platform_.api.validation import validated
from platform_.errors import NotFound
from platform_.identity.middleware import acting_firm


class EmbargoIn(serializers.Serializer):
    until = serializers.DateTimeField(
        allow_null=True, help_text="Until when only the description shows; null lifts the embargo."
    )


class EmbargoOut(serializers.Serializer):
    id = serializers.IntegerField()
    embargo_until = serializers.DateTimeField(allow_null=True)


class AppealIn(serializers.Serializer):
    statement = serializers.CharField(max_length=8000)


class AppealDecideIn(serializers.Serializer):
    restore = serializers.BooleanField()
    reason = serializers.CharField(max_length=4000)


class AppealOut(serializers.ModelSerializer):
    class Meta:
        model = Appeal
        fields = ["id", "asset", "statement", "status", "decision_reason", "created_at", "decided_at"]


class VersionReviewIn(serializers.Serializer):
    approve = serializers.BooleanField()
    reason = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class VersionReviewOut(serializers.Serializer):
    number = serializers.IntegerField()
    approved = serializers.BooleanField()


class ProgressOut(serializers.Serializer):
    cluster = serializers.IntegerField(source="cluster.pk")
    cluster_name = serializers.CharField(source="cluster.name")
    rule = serializers.CharField(source="rule_text")
    min_assets = serializers.IntegerField(source="rule.min_assets")
    window_days = serializers.IntegerField(source="rule.window_days")
    min_outflow = serializers.FloatField(source="rule.min_outflow")
    assets_shared = serializers.IntegerField()
    outflow = serializers.FloatField()
    eligible = serializers.BooleanField()
    next_step = serializers.CharField()


def _owned(request: Request, pk: int) -> Asset:
    asset = selectors.assets_owned_by(firm=acting_firm(request)).filter(pk=pk).first()
    if asset is None:
        raise NotFound(selectors._not_found_message())
    return asset


@extend_schema(
    summary="Put an asset under embargo, or lift it",
    description="Managers of an owning firm. Until the date, the asset's description shows on every surface "
    "but its body, files, previews and their words in search snippets do not.",
    request=EmbargoIn,
    responses={200: EmbargoOut, **problems(400, 403, 404)},
)
class AssetEmbargoView(APIView):
    api_resource = "assets"

    def post(self, request: Request, pk: int) -> Response:
        asset = _owned(request, pk)
        data = validated(EmbargoIn, request.data)
        asset = embargo.asset_embargo_set(asset=asset, by=request.user, until=data["until"])
        return Response(EmbargoOut({"id": asset.pk, "embargo_until": asset.embargo_until}).data)


@extend_schema(
    summary="Appeal a take-down",
    description="Managers of an owning firm, once per take-down, with a statement. A moderator other than "
    "the one who took the asset down, or a platform administrator, decides. A second appeal is a 409.",
    request=AppealIn,
    responses={201: AppealOut, **problems(400, 403, 404, 409)},
)
class AssetAppealView(APIView):
    api_resource = "assets"

    def post(self, request: Request, pk: int) -> Response:
        asset = _owned(request, pk)
        data = validated(AppealIn, request.data)
        appeal = moderation.appeal_file(asset=asset, by=request.user, statement=data["statement"])
        return Response(AppealOut(appeal).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Decide an appeal",
    description="Restore the asset (with its whole history) or uphold the take-down, with a reason. Moderators "
    "of the asset and platform administrators, never the person who took it down (a 403). Deciding twice is a 409.",
    request=AppealDecideIn,
    responses={200: AppealOut, **problems(400, 403, 404, 409)},
)
class AppealDecideView(APIView):
    api_resource = "assets"

    def post(self, request: Request, pk: int) -> Response:
        appeal = Appeal.objects.filter(pk=pk).select_related("asset", "take_down").first()
        if appeal is None or not selectors.may_moderate(user=request.user, asset=appeal.asset):
            raise NotFound(selectors._not_found_message())
        data = validated(AppealDecideIn, request.data)
        appeal = moderation.appeal_decide(appeal=appeal, by=request.user, **data)
        return Response(AppealOut(appeal).data)


@extend_schema(
    summary="Review a new version waiting in a review-first cluster",
    description="Moderators of the asset and platform administrators (not of the owning firm). Approving opens "
    "the version to readers; refusing (a reason is required) removes it and its files. The previous version "
    "stayed published meanwhile. Reviewing twice is a 409.",
    request=VersionReviewIn,
    responses={200: VersionReviewOut, **problems(400, 403, 404, 409)},
)
class VersionReviewView(APIView):
    api_resource = "assets"

    def post(self, request: Request, pk: int, number: int) -> Response:
        version = AssetVersion.objects.filter(asset_id=pk, number=number).select_related("asset").first()
        if version is None or not selectors.may_moderate(user=request.user, asset=version.asset):
            raise NotFound(selectors._not_found_message())
        data = validated(VersionReviewIn, request.data)
        moderation.version_review(version=version, by=request.user, **data)
        return Response(VersionReviewOut({"number": number, "approved": data["approve"]}).data)


@extend_schema(
    summary="The acting firm's progress towards each contributors tier",
    description="For each cluster the acting firm is an active member of that has a contributor rule: the rule, "
    "the firm's counted contribution, whether it is a contributor, and what it still needs.",
    responses={200: ProgressOut(many=True)},
)
class ContributorProgressView(APIView):
    api_resource = "assets"

    def get(self, request: Request) -> Response:
        return Response(ProgressOut(tiers.contributor_progress(firm=acting_firm(request)), many=True).data)
