from django.urls import path
from rest_framework.routers import SimpleRouter

from knowledge.api import views

router = SimpleRouter()
router.register("assets", views.AssetViewSet, basename="asset")
router.register("knowledge-categories", views.CategoryViewSet, basename="knowledge-category")

urlpatterns = [
    path(
        "assets/<int:pk>/versions/<int:number>/download/",
        views.VersionDownloadView.as_view(),
        name="asset-version-download",
    ),
    path("asset-moderation-queue/", views.ModerationQueueView.as_view(), name="asset-moderation-queue"),
    path("licence-requests/<int:pk>/decide/", views.LicenceRequestDecideView.as_view(), name="licence-request-decide"),
    path("access-requests/<int:pk>/decide/", views.AccessRequestDecideView.as_view(), name="access-request-decide"),
    *router.urls,
]
