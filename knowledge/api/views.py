"""Knowledge API: the same selectors and services as the pages, so the same permissions."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from knowledge import coownership, owner_requests, selectors, services
from knowledge.api import serializers as io
from knowledge.embargo import content_withheld
from knowledge.models import AccessRequest, Asset, KnowledgeCategory, LicenceRequest, UseKind
from knowledge.moderation import versions_for
from platform_.api.permissions import problems, require_acting_firm
from platform_.api.validation import validated
from platform_.errors import DomainError, NotAllowed, NotFound
from platform_.files import file_response
from platform_.identity.middleware import acting_firm
from platform_.identity.models import Firm


def _visible(request: Request, pk: int) -> Asset:
    return selectors.asset_get(user=request.user, firm=acting_firm(request), pk=pk)


def _owned(request: Request, pk: int) -> Asset:
    asset = selectors.assets_owned_by(firm=acting_firm(request)).filter(pk=pk).first()
    if asset is None:
        raise NotFound(selectors._not_found_message())
    return asset


def _detail(asset: Asset, request: Request) -> dict[str, Any]:
    asset = Asset.objects.prefetch_related("categories", "ownerships__firm", "versions", "access_clusters").get(
        pk=asset.pk
    )
    firm = acting_firm(request)
    pending = selectors.coownership_pending_for_owners(asset=asset, firm=firm)
    asset.pending_coownerships = pending  # type: ignore[attr-defined]  # read by AssetOut.pending_owners
    data = dict(io.AssetOut(asset).data)
    if content_withheld(asset=asset, user=request.user, firm=firm):  # under embargo: the description only
        data["body"], data["versions"] = "", []
    else:
        data["versions"] = io.VersionOut(versions_for(asset=asset, user=request.user, firm=firm), many=True).data
    return data


class _SearchIsNotAPlainList(AutoSchema):
    """The asset list is a search result (count, results, facets), not a bare array."""

    def _is_list_view(self, serializer: Any = None) -> bool:
        return False


class AssetViewSet(viewsets.ViewSet):
    api_resource = "assets"
    lookup_value_regex = r"\d+"
    schema = _SearchIsNotAPlainList()
    parser_classes = [JSONParser]  # JSON bodies; the version upload declares multipart itself

    @extend_schema(
        operation_id="assets_list",
        summary="Search and list assets",
        description="Assets the caller may see, best match first when `q` is given, with highlighted snippets "
        "and facet counts computed over the same visible set. Anonymous callers see public assets only.",
        parameters=[io.SearchIn],
        responses={200: io.SearchOut, **problems(400)},
    )
    def list(self, request: Request) -> Response:
        query = io.SearchIn(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = selectors.asset_search(user=request.user, firm=acting_firm(request), **query.to_search())
        return Response(
            {
                "count": found.total,
                "count_is_lower_bound": found.capped,
                "results": io.AssetListOut(found.results, many=True).data,
                "facets": found.facets,
            }
        )

    @extend_schema(
        summary="Get an asset",
        description="One asset the caller may see, and records a view by the acting firm. A restricted asset "
        "the firm may ask access to is a 403; private, draft, taken-down or unknown ones are a 404.",
        responses={200: io.AssetOut, **problems(403, 404)},
    )
    def retrieve(self, request: Request, pk: int) -> Response:
        asset = _visible(request, int(pk))
        services.use_record(firm=acting_firm(request), user=request.user, asset=asset, kind=UseKind.VIEW)
        return Response(_detail(asset, request))

    @extend_schema(
        summary="Create an asset (draft)",
        description="A draft owned by the acting firm. Any person of the firm may call it. Other firms named in "
        "`owners` (with their shares) are asked to co-own it: each appears in `pending_owners` until its owner "
        "or administrator accepts (then in `owners`) or declines. Submit it afterwards to publish or queue it "
        "for review.",
        request=io.AssetCreateIn,
        responses={201: io.AssetOut, **problems(400, 403)},
    )
    def create(self, request: Request) -> Response:
        data = validated(io.AssetCreateIn, request.data)
        firm = require_acting_firm(request)
        owners_in = data.pop("owners", None)
        owners = None
        if owners_in:
            firms = {f.pk: f for f in Firm.objects.filter(pk__in=[int(k) for k in owners_in if str(k).isdigit()])}
            if len(firms) != len(owners_in):
                raise DomainError(_("Some owners are not firms."), field="owners")
            owners = {firms[int(k)]: v for k, v in owners_in.items()}
        asset = services.asset_create(by=request.user, firm=firm, co_owners=owners, **data)
        return Response(_detail(asset, request), status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Edit an asset",
        description="Only people of an owning firm, and only while it is a draft or sent back (409 otherwise).",
        request=io.AssetUpdateIn,
        responses={200: io.AssetOut, **problems(400, 403, 404, 409)},
    )
    def partial_update(self, request: Request, pk: int) -> Response:
        asset = _owned(request, int(pk))
        data = validated(io.AssetUpdateIn, request.data, partial=True)
        asset = services.asset_update(asset=asset, by=request.user, firm=require_acting_firm(request), **data)
        return Response(_detail(asset, request))

    @extend_schema(
        summary="Submit an asset",
        description="Publishes it, or queues it for review when a cluster it is shared with reviews before "
        "publishing. Only people of an owning firm.",
        request=None,
        responses={200: io.AssetOut, **problems(403, 404, 409)},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: int) -> Response:
        asset = services.asset_submit(asset=_owned(request, int(pk)), by=request.user)
        return Response(_detail(asset, request))

    @extend_schema(
        summary="Upload a new file version",
        description="Multipart upload; the type is checked from the content, the size against the limit, the "
        "name sanitised. Only people of an owning firm. A refused file is a 400 and nothing is stored.",
        request={"multipart/form-data": io.VersionIn},
        responses={201: io.VersionOut, **problems(400, 403, 404, 409)},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def versions(self, request: Request, pk: int) -> Response:
        asset = _owned(request, int(pk))
        data = validated(io.VersionIn, request.data)
        version = services.version_add(asset=asset, by=request.user, uploaded_file=data["file"])
        return Response(io.VersionOut(version).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Moderate an asset",
        description="Approve, reject, ask for changes or take down, with a reason. Only the moderators of a "
        "cluster that reviews the asset, and platform administrators; nobody decides on an asset of their own "
        "firm (a 403: another moderator or an administrator decides). Impossible transitions are a 409.",
        request=io.ModerateIn,
        responses={200: io.DecisionOut, **problems(400, 403, 404, 409)},
    )
    @action(detail=True, methods=["post"])
    def moderate(self, request: Request, pk: int) -> Response:
        asset = Asset.objects.filter(pk=int(pk)).first()
        if asset is None or not selectors.may_moderate(user=request.user, asset=asset):
            raise NotFound(selectors._not_found_message())
        data = validated(io.ModerateIn, request.data)
        row = services.asset_moderate(asset=asset, by=request.user, **data)
        return Response(io.DecisionOut(row).data)

    @extend_schema(
        summary="Report an asset",
        description="Anyone signed in who can see the asset.",
        request=io.ReasonIn,
        responses={201: io.ReportOut, **problems(400, 403, 404)},
    )
    @action(detail=True, methods=["post"])
    def reports(self, request: Request, pk: int) -> Response:
        asset = _visible(request, int(pk))
        data = validated(io.ReasonIn, request.data)
        report = services.report_create(asset=asset, by=request.user, firm=acting_firm(request), **data)
        return Response(io.ReportOut(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Cite or build on another asset",
        description="This asset (owned by the acting firm) cites, or derives from, `cited`, which the firm must "
        "be able to see. Records a citation or derivation use.",
        request=io.LinkIn,
        responses={201: io.LinkOut, **problems(400, 403, 404, 409)},
    )
    @action(detail=True, methods=["post"])
    def links(self, request: Request, pk: int) -> Response:
        citing = _owned(request, int(pk))
        data = validated(io.LinkIn, request.data)
        firm = require_acting_firm(request)
        cited = _visible(request, data["cited"])
        if data["kind"] == "citation":
            link = services.asset_cite(citing=citing, cited=cited, by=request.user, firm=firm)
        else:
            link = services.asset_derive(derived=citing, source=cited, by=request.user, firm=firm)
        return Response(io.LinkOut(link).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Ask for a licence",
        description="The acting firm asks the owners of a visible asset.",
        request=io.MessageIn,
        responses={201: io.RequestOut, **problems(400, 403, 404, 409)},
    )
    @action(detail=True, methods=["post"], url_path="licence-requests")
    def licence_requests(self, request: Request, pk: int) -> Response:
        asset = _visible(request, int(pk))
        data = validated(io.MessageIn, request.data)
        row = owner_requests.licence_request_create(
            asset=asset, by=request.user, firm=require_acting_firm(request), **data
        )
        return Response(io.RequestOut(row).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Ask for access",
        description="The acting firm asks the owners of a restricted (clusters or named firms) asset it cannot "
        "see yet. Private or unknown assets are a 404; an asset already visible is a 409.",
        request=io.MessageIn,
        responses={201: io.RequestOut, **problems(400, 403, 404, 409)},
    )
    @action(detail=True, methods=["post"], url_path="access-requests")
    def access_requests(self, request: Request, pk: int) -> Response:
        asset = Asset.objects.filter(pk=int(pk)).first()
        if asset is None:
            raise NotFound(selectors._not_found_message())
        data = validated(io.MessageIn, request.data)
        row = owner_requests.access_request_create(
            asset=asset, by=request.user, firm=require_acting_firm(request), **data
        )
        return Response(io.RequestOut(row).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Use statistics of an asset",
        description="Uses by firms other than the owners. Only people of an owning firm.",
        responses={200: io.StatisticsOut, **problems(404)},
    )
    @action(detail=True, methods=["get"])
    def statistics(self, request: Request, pk: int) -> Response:
        asset = _owned(request, int(pk))
        stats = selectors.asset_use_statistics(asset=asset)
        stats.pop("recent")
        return Response(io.StatisticsOut(stats).data)


@extend_schema(
    summary="Download a file version",
    description="The file of one version, for callers who may see the asset (owners also of their drafts). "
    "Records a download by the acting firm. Otherwise a 404.",
    responses={(200, "application/octet-stream"): bytes, **problems(404)},
)
class VersionDownloadView(APIView):
    api_resource = "assets"

    def get(self, request: Request, pk: int, number: int) -> HttpResponseBase:
        try:
            asset = _visible(request, pk)
        except NotAllowed as refusal:
            raise NotFound(selectors._not_found_message()) from refusal
        firm = acting_firm(request)
        if not selectors.asset_may_download(user=request.user, firm=firm, asset=asset):
            raise Http404
        version = get_object_or_404(versions_for(asset=asset, user=request.user, firm=firm), number=number)
        services.use_record(firm=firm, user=request.user, asset=asset, kind=UseKind.DOWNLOAD)
        return file_response(request, version.file, filename=version.original_name, content_type=version.content_type)


class CategoryViewSet(viewsets.ReadOnlyModelViewSet):
    """The K knowledge categories."""

    api_resource = "assets"
    serializer_class = io.CategoryOut
    queryset = KnowledgeCategory.objects.select_related("parent")
    lookup_field = "code"
    pagination_class = None

    @extend_schema(summary="List knowledge categories", description="The taxonomy. Anyone may call it.")
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(
        summary="Get a knowledge category",
        description="Anyone may call it.",
        responses={200: io.CategoryOut, **problems(404)},
    )
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)


class _RequestDecideView(APIView):
    api_resource = "access_requests"
    model: Any = None
    decide: Any = None

    def post(self, request: Request, pk: int) -> Response:
        row = self.model.objects.filter(pk=pk).select_related("asset").first()
        if row is None or not selectors.manages_owner(user=request.user, asset=row.asset):
            raise NotFound(selectors._not_found_message())
        data = validated(io.DecideIn, request.data)
        row = type(self).decide(request=row, by=request.user, **data)
        return Response(io.RequestOut(row).data)


@extend_schema(
    summary="Grant or refuse a licence request",
    description="Only managers (owner or administrator role) of an owning firm; others get a 404. A grant "
    "records a licence use. Deciding twice is a 409.",
    request=io.DecideIn,
    responses={200: io.RequestOut, **problems(400, 404, 409)},
)
class LicenceRequestDecideView(_RequestDecideView):
    model = LicenceRequest
    decide = staticmethod(owner_requests.licence_request_decide)


@extend_schema(
    summary="Grant or refuse an access request",
    description="Only managers (owner or administrator role) of an owning firm; others get a 404. A grant "
    "names the firm on the asset. Deciding twice is a 409.",
    request=io.DecideIn,
    responses={200: io.RequestOut, **problems(400, 404, 409)},
)
class AccessRequestDecideView(_RequestDecideView):
    model = AccessRequest
    decide = staticmethod(owner_requests.access_request_decide)


@extend_schema(
    summary="Moderation queue",
    description="Assets waiting for review, published but not yet reviewed, or reported, in the clusters the "
    "caller moderates (all for platform administrators), with the open reports' reasons. Empty for everyone "
    "else. Items with `own_firm` belong to the caller's firm: another moderator or an administrator decides.",
    responses={200: io.ModerationItemOut(many=True)},
)
class ModerationQueueView(APIView):
    api_resource = "assets"

    def get(self, request: Request) -> Response:
        queue = selectors.moderation_queue(user=request.user)[:200]
        return Response(io.ModerationItemOut(queue, many=True).data)


@extend_schema(
    summary="Co-ownership requests",
    description="Pending requests naming the acting firm as co-owner of another firm's asset, and those the "
    "acting firm sent. A named firm co-owns the asset only once its owner or administrator accepts.",
    responses={200: io.CoOwnershipRequestsOut, **problems(403)},
)
class CoOwnershipRequestListView(APIView):
    api_resource = "assets"

    def get(self, request: Request) -> Response:
        found = selectors.coownership_requests_for(firm=require_acting_firm(request))
        return Response(io.CoOwnershipRequestsOut(found).data)


class _CoOwnershipDecideView(APIView):
    api_resource = "assets"
    decide: Any = None

    def post(self, request: Request, pk: int) -> Response:
        row = selectors.coownership_request_get(firm=require_acting_firm(request), pk=pk)
        if row is None:
            raise NotFound(_("No such request."))
        row = type(self).decide(request=row, by=request.user)
        return Response(io.CoOwnershipRequestOut(row).data)


@extend_schema(
    summary="Accept a co-ownership request",
    description="Only an owner or administrator of the named firm (403 for others of the firms involved, 404 "
    "for everyone else). The firm then co-owns the asset for the share asked. Deciding twice is a 409.",
    request=None,
    responses={200: io.CoOwnershipRequestOut, **problems(403, 404, 409)},
)
class CoOwnershipAcceptView(_CoOwnershipDecideView):
    decide = staticmethod(coownership.coownership_request_accept)


@extend_schema(
    summary="Decline a co-ownership request",
    description="Only an owner or administrator of the named firm (403 for others of the firms involved, 404 "
    "for everyone else). No tie is recorded. Deciding twice is a 409.",
    request=None,
    responses={200: io.CoOwnershipRequestOut, **problems(403, 404, 409)},
)
class CoOwnershipDeclineView(_CoOwnershipDecideView):
    decide = staticmethod(coownership.coownership_request_decline)


@extend_schema(
    summary="Withdraw a co-ownership request",
    description="The requesting firm's owner or administrator, or the person who asked. Deciding twice is a 409.",
    request=None,
    responses={200: io.CoOwnershipRequestOut, **problems(403, 404, 409)},
)
class CoOwnershipWithdrawView(_CoOwnershipDecideView):
    decide = staticmethod(coownership.coownership_request_withdraw)
