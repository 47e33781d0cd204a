"""Routes of the clusters API under /api/v1/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from clusters.api import views

router = SimpleRouter()
router.register("clusters", views.ClusterViewSet, basename="cluster")
router.register("memberships", views.MembershipViewSet, basename="membership")

urlpatterns = [
    path("firms/<int:firm_pk>/partners/", views.PartnersView.as_view(), name="firm-partners"),
    *router.urls,
    # After the router, so that GET memberships/{id}/history/ stays the history.
    path(
        "memberships/<int:pk>/<slug:transition>/",
        views.MembershipTransitionView.as_view(),
        name="membership-transition",
    ),
]
