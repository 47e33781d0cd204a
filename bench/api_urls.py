"""The project's URLs plus bare Django JSON views returning the same pages of rows, to compare with."""

from django.http import HttpRequest, JsonResponse
from django.urls import include, path

from platform_.api.models import WebhookDelivery
from platform_.identity.models import Firm


def bare_firms(request: HttpRequest) -> JsonResponse:
    rows = list(
        Firm.objects.filter(is_active=True)
        .order_by("-id")
        .values("id", "name_zh", "name_en", "province", "city", "size")[:50]
    )
    return JsonResponse({"results": rows})


def bare_deliveries(request: HttpRequest) -> JsonResponse:
    rows = list(
        WebhookDelivery.objects.order_by("-id").values(
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


urlpatterns = [
    path("bench/bare-firms/", bare_firms),
    path("bench/bare-deliveries/", bare_deliveries),
    path("", include("platform_.urls")),
]
