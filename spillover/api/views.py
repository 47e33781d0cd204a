"""Spillover API for partners: the dashboards' figures, under the same visibility rules."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from platform_.api.permissions import problems
from platform_.identity.middleware import acting_firm
from spillover import selectors
from spillover.api import serializers as io


class _Base(APIView):
    api_resource = "spillover"
    permission_classes = [IsAuthenticated]


class RunStatusView(_Base):
    @extend_schema(
        summary="Spillover computation status",
        description="The current run (as-of time, parameters, events). Administrators also see the newest "
        "run's stage and progress while a recompute runs.",
        responses={200: io.RunStatusOut, **problems(401)},
    )
    def get(self, request: Request) -> Response:
        return Response(selectors.run_status(user=request.user))


class FirmFiguresView(_Base):
    @extend_schema(
        summary="A firm's spillover figures",
        description="Stock, potential pools, inflow, outflow, net, absorption rate, monthly series and top "
        "sources and absorbers. Only the acting firm's own figures (administrators: any firm).",
        responses={200: io.FirmFiguresOut, **problems(403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        fig = selectors.firm_figures(user=request.user, viewer_firm=acting_firm(request), firm_id=int(pk))
        return Response(io.FirmFiguresOut(fig).data)


class ClusterComparisonView(_Base):
    @extend_schema(
        operation_id="spillover_clusters_compare",
        summary="Compare clusters (administrators)",
        description="Every cluster's spillover index, realisation ratio, E-I index and share crossing "
        "provinces, and each province's outside share and localisation.",
        responses={200: io.ComparisonOut, **problems(403, 404)},
    )
    def get(self, request: Request) -> Response:
        return Response(io.ComparisonOut(selectors.clusters_comparison(user=request.user)).data)


class ClusterFiguresView(_Base):
    @extend_schema(
        summary="A cluster's spillover figures",
        description="Index over time, flow network between members and flows by province. Members of the "
        "cluster see other members anonymised; moderators and administrators see names.",
        responses={200: io.ClusterFiguresOut, **problems(403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        fig = selectors.cluster_figures(user=request.user, viewer_firm=acting_firm(request), cluster_id=int(pk))
        return Response(io.ClusterFiguresOut(fig).data)


class AssetReachView(_Base):
    @extend_schema(
        summary="An asset's reach",
        description="Decayed weighted uses by other firms, breadth, generality, derivation descendants and "
        "PageRank, for an asset the caller may see.",
        responses={200: io.AssetReachOut, **problems(403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        fig = selectors.asset_reach(user=request.user, viewer_firm=acting_firm(request), asset_id=int(pk))
        return Response(io.AssetReachOut(fig).data)


class CostsView(_Base):
    @extend_schema(
        summary="Cost per use of the acting firm's assets",
        description="For assets with a declared cost of creation, the cost per use by other firms, month by "
        "month, as reuse grows (administrators: all assets).",
        responses={200: io.CostsOut, **problems(403)},
    )
    def get(self, request: Request) -> Response:
        return Response(
            io.CostsOut(selectors.zero_marginal_cost(user=request.user, viewer_firm=acting_firm(request))).data
        )
