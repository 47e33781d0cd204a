from django.urls import path
from rest_framework.routers import SimpleRouter

from knowledge.api import sharing, views

router = SimpleRouter()
router.register("assets", views.AssetViewSet, basename="asset")
router.register("knowledge-categories", views.CategoryViewSet, basename="knowledge-category")

urlpatterns = [
    path(
        "assets/<int:pk>/versions/<int:number>/download/",
        views.VersionDownloadView.as_view(),
        name="asset-version-download",
    ),
    path("assets/<int:pk>/embargo/", sharing.AssetEmbargoView.as_view(), name="asset-embargo"),
    path(
        "assets/<int:pk>/versions/<int:number>/review/",
        sharing.VersionReviewView.as_view(),
        name="asset-version-review",
    ),
    path("assets/<int:pk>/appeal/", sharing.AssetAppealView.as_view(), name="asset-appeal"),
    path("asset-appeals/<int:pk>/decide/", sharing.AppealDecideView.as_view(), name="asset-appeal-decide"),
    path("contributor-progress/", sharing.ContributorProgressView.as_view(), name="contributor-progress"),
    path("asset-moderation-queue/", views.ModerationQueueView.as_view(), name="asset-moderation-queue"),
    path("licence-requests/<int:pk>/decide/", views.LicenceRequestDecideView.as_view(), name="licence-request-decide"),
    path("access-requests/<int:pk>/decide/", views.AccessRequestDecideView.as_view(), name="access-request-decide"),
    path("co-ownership-requests/", views.CoOwnershipRequestListView.as_view(), name="coownership-requests"),
    path("co-ownership-requests/<int:pk>/accept/", views.CoOwnershipAcceptView.as_view(), name="coownership-accept"),
    path("co-ownership-requests/<int:pk>/decline/", views.CoOwnershipDeclineView.as_view(), name="coownership-decline"),
    path(
        "co-ownership-requests/<int:pk>/withdraw/",
        views.CoOwnershipWithdrawView.as_view(),
        name="coownership-withdraw",
    ),
    *router.urls,
]
