"""Top-level URLs: pages by domain, accounts, admin, the API with its schema and docs, probes, CSP reports."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from platform_ import csp, health
from platform_.favicon import favicon
from platform_.identity import views as identity_views
from platform_.identity.account import language_set, profile

urlpatterns = [
    path("", identity_views.home, name="home"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path(csp.REPORT_PATH.strip("/") + "/", csp.csp_report, name="csp-report"),
    path("i18n/setlang/", language_set, name="set_language"),  # keeps a signed-in person's choice
    path("accounts/phone/", include("platform_.phone.urls")),
    path("accounts/", include("allauth.urls")),
    path("me/", profile, name="profile"),
    path("admin/", admin.site.urls),
    path("firms/", include("platform_.identity.urls")),
    path("firms/", include("platform_.api.pages_urls")),
    path("notifications/", include("platform_.notifications.urls")),
    path("duplicates/", include("platform_.duplicates.urls")),
    path("privacy/", include("platform_.compliance.urls")),
    path("verification/", include("platform_.verification.urls")),
    path("reputation/", include("reputation.urls")),
    path("rooms/", include("platform_.realtime.urls")),
    path("clusters/", include("clusters.urls")),
    path("knowledge/", include("knowledge.urls")),
    path("projects/", include("projects.urls")),
    path("spillover/", include("spillover.urls")),
    path("observatory/", include("observatory.urls")),
    path("agencies/", include("agencies.urls")),
    path("portability/", include("portability.urls")),
    path("belts/", include("belts.urls")),
    path("api/v1/", include("platform_.api.urls", namespace="v1")),
    path("api/schema/", SpectacularAPIView.as_view(api_version="v1"), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]
# No route serves MEDIA_ROOT, in any settings: stored files leave only through the domains' checked
# views (platform_/files.py).
