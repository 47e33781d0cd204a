"""Top-level URLs: pages by domain, accounts, admin, the API with its schema and docs, probes."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from platform_ import health
from platform_.identity import views as identity_views

urlpatterns = [
    path("", identity_views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("firms/", include("platform_.identity.urls")),
    path("firms/", include("platform_.api.pages_urls")),
    path("notifications/", include("platform_.notifications.urls")),
    path("rooms/", include("platform_.realtime.urls")),
    path("clusters/", include("clusters.urls")),
    path("knowledge/", include("knowledge.urls")),
    path("projects/", include("projects.urls")),
    path("spillover/", include("spillover.urls")),
    path("portability/", include("portability.urls")),
    path("api/v1/", include("platform_.api.urls", namespace="v1")),
    path("api/schema/", SpectacularAPIView.as_view(api_version="v1"), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
