"""/api/v1/: each domain mounts its own routes here; the schema and docs sit beside them."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from platform_.api import views

router = SimpleRouter()
router.register("webhooks/endpoints", views.WebhookEndpointViewSet, basename="webhook-endpoint")
router.register("webhooks/deliveries", views.WebhookDeliveryViewSet, basename="webhook-delivery")

app_name = "v1"
urlpatterns = [
    path("", include("platform_.identity.api.urls")),
    path("", include("clusters.api.urls")),
    path("", include("knowledge.api.urls")),
    path("", include("projects.api.urls")),
    path("", include("spillover.api.urls")),
    path("", include("observatory.api.urls")),
    path("", include("belts.api.urls")),
    path("", include("agencies.api.urls")),
    path("", include("reputation.api.urls")),
    path("", include("platform_.duplicates.api_urls")),
    path("", include(router.urls)),
]
