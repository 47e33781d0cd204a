"""/api/v1/: each domain mounts its own routes here; the schema and docs sit beside them."""

from django.urls import include, path

app_name = "v1"
urlpatterns = [
    path("", include("platform_.identity.api.urls")),
    path("", include("clusters.api.urls")),
    path("", include("knowledge.api.urls")),
    path("", include("projects.api.urls")),
    path("", include("spillover.api.urls")),
]
