"""The project's URLs plus bare Django JSON views returning the same pages of rows, to compare with."""

from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Q
from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from django.utils import timezone

from clusters.models import Cluster, ClusterMembership
from clusters.selectors import clusters_directory
from platform_.api.webhooks import deliveries_of
from platform_.identity.models import Firm, localized
from platform_.identity.selectors import _taxonomy_sql


def bare_firms(request: HttpRequest) -> JsonResponse:
    rows = list(
        Firm.objects.filter(is_active=True)
        .order_by("-id")
        .values("id", "name_zh", "name_en", "province", "city", "size")[:50]
    )
    return JsonResponse({"results": rows})


def bare_firms_full(request: HttpRequest) -> JsonResponse:
    """The same fields as the API's firm list, sectors, capabilities and needs included, in plain Django."""
    rows: list[dict[str, Any]] = [
        dict(row)
        for row in Firm.objects.filter(is_active=True)
        .order_by("-id")
        .values(
            "id",
            "name_zh",
            "name_en",
            "credit_code",
            "province",
            "city",
            "size",
            "description",
            "website",
            "created_at",
        )[:50]
    ]
    ids = [row["id"] for row in rows]
    links: dict[tuple[int, str], list[dict[str, str]]] = {}
    # Built as well as the API: the three link tables in one query with one array parameter (the API's
    # own SQL), not three ``IN``-list queries.
    with connection.cursor() as cursor:
        cursor.execute(_taxonomy_sql(), [ids, ids, ids])
        for kind, firm_id, code, name_zh, name_en in cursor.fetchall():
            links.setdefault((firm_id, kind), []).append({"code": code, "name": name_zh or name_en})
    for row in rows:
        row["name"] = row["name_zh"] or row["name_en"]
        for kind in ("sectors", "capabilities", "needs"):
            row[kind] = sorted(links.get((row["id"], kind), []), key=lambda link: link["code"])
    return JsonResponse({"results": rows})


def bare_deliveries(request: HttpRequest) -> JsonResponse:
    """The API's delivery list for the benchmark's caller: the same query (the deliveries of the endpoints of
    the caller's firm, newest first), every field, as plain rows."""
    rows = list(
        deliveries_of(firm=Firm(pk=_bench_firm_id())).values(
            "id",
            "endpoint_id",
            "event",
            "payload",
            "status",
            "attempts",
            "next_attempt_at",
            "last_attempt_at",
            "last_status_code",
            "last_error",
            "delivered_at",
            "dead_lettered",
            "replay_of_id",
            "created_at",
        )[:50]
    )
    return JsonResponse({"results": rows})


def bare_clusters(request: HttpRequest) -> JsonResponse:
    """The directory's query (approved clusters, most active members first), as plain rows."""
    rows = list(
        clusters_directory().values(  # member_count is the stored count, as the API reads it
            "id", "slug", "name_zh", "name_en", "theme", "status", "proposed_by_id", "member_count", "created_at"
        )[:50]
    )
    return JsonResponse({"results": rows})


def bare_clusters_full(request: HttpRequest) -> JsonResponse:
    """The same fields as the API's cluster list, sectors and the proposing firm included, in plain Django."""
    rows: list[dict[str, Any]] = [
        dict(row)
        for row in clusters_directory().values(
            "id",
            "slug",
            "name_zh",
            "name_en",
            "theme",
            "description",
            "home_province",
            "home_belt",
            "join_policy",
            "asset_review",
            "status",
            "proposed_by_id",
            "proposed_by__name_zh",
            "proposed_by__name_en",
            "proposed_by__province",
            "proposed_by__city",
            "decision_reason",
            "member_count",
            "created_at",
        )[:50]
    ]
    sectors: dict[int, list[dict[str, str]]] = {}
    for cluster_id, code, name_zh, name_en in (
        Cluster.sectors.through.objects.filter(cluster_id__in=[row["id"] for row in rows])
        .order_by("sector__code")
        .values_list("cluster_id", "sector__code", "sector__name_zh", "sector__name_en")
    ):
        sectors.setdefault(cluster_id, []).append({"code": code, "name": name_zh or name_en})
    for row in rows:
        row["name"] = row["name_zh"] or row["name_en"]
        row["sectors"] = sectors.get(row["id"], [])
        name_zh, name_en = row.pop("proposed_by__name_zh"), row.pop("proposed_by__name_en")
        row["proposed_by"] = {
            "id": row.pop("proposed_by_id"),
            "name": name_zh or name_en,
            "province": row.pop("proposed_by__province"),
            "city": row.pop("proposed_by__city"),
        }
    return JsonResponse({"results": rows})


def bare_memberships(request: HttpRequest) -> JsonResponse:
    rows = list(
        ClusterMembership.objects.filter(status="active", cluster__status="approved")
        .order_by("-id")
        .values(
            "id",
            "cluster_id",
            "cluster__slug",
            "cluster__name_zh",
            "firm_id",
            "firm__name_zh",
            "firm__province",
            "firm__city",
            "status",
            "created_at",
            "updated_at",
            "joined_at",
        )[:50]
    )
    return JsonResponse({"results": rows})


def bench_firms() -> Any:
    """The firms the benchmark seeds, oldest first; the first one holds the benchmark's API key."""
    return Firm.objects.filter(name_en__startswith="Bench Firm").order_by("id")


@cache
def _bench_firm_id() -> int:
    """The firm of the benchmark's API key, looked up once per server process."""
    return int(bench_firms().values_list("id", flat=True)[0])


def bare_memberships_full(request: HttpRequest) -> JsonResponse:
    """The API's membership list for the benchmark's caller, in plain Django: the same rows (active memberships
    of approved clusters and the caller's firm's own), the same fields, nested briefs and localized names, and
    the message shown for the caller's firm's memberships only, with times in the current zone."""
    firm_id = _bench_firm_id()
    rows = (
        ClusterMembership.objects.filter(Q(status="active", cluster__status="approved") | Q(firm_id=firm_id))
        .order_by("-id")
        .values(
            *("id", "cluster_id", "cluster__slug", "cluster__name_zh", "cluster__name_en"),
            *("firm_id", "firm__name_zh", "firm__name_en", "firm__province", "firm__city"),
            *("status", "message", "created_at", "updated_at", "joined_at"),
        )[:50]
    )
    zone = timezone.get_current_timezone()
    results = [
        {
            "id": row["id"],
            "cluster": {
                "id": row["cluster_id"],
                "slug": row["cluster__slug"],
                "name": localized(row["cluster__name_zh"], row["cluster__name_en"]),
            },
            "firm": {
                "id": row["firm_id"],
                "name": localized(row["firm__name_zh"], row["firm__name_en"]),
                "province": row["firm__province"],
                "city": row["firm__city"],
            },
            "status": row["status"],
            "message": row["message"] if row["firm_id"] == firm_id else None,
            **{
                name: row[name].astimezone(zone).isoformat() if row[name] else None
                for name in ("created_at", "updated_at", "joined_at")
            },
        }
        for row in rows
    ]
    return JsonResponse({"results": results})


urlpatterns = [
    path("bench/bare-clusters/", bare_clusters),
    path("bench/bare-clusters-full/", bare_clusters_full),
    path("bench/bare-memberships/", bare_memberships),
    path("bench/bare-memberships-full/", bare_memberships_full),
    path("bench/bare-firms/", bare_firms),
    path("bench/bare-firms-full/", bare_firms_full),
    path("bench/bare-deliveries/", bare_deliveries),
    path("", include("platform_.urls")),
]
