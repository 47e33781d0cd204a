"""Routes of the identity API under /api/v1/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from platform_.identity.api import views

router = SimpleRouter()
router.register("firms", views.FirmViewSet, basename="firm")
router.register("sectors", views.SectorViewSet, basename="sector")
router.register("capabilities", views.CapabilityViewSet, basename="capability")

urlpatterns = [
    path("firms/<int:firm_pk>/people/", views.FirmPeopleView.as_view(), name="firm-people"),
    path("firms/<int:firm_pk>/people/<int:pk>/", views.FirmPersonView.as_view(), name="firm-person"),
    path("firms/<int:firm_pk>/invitations/", views.FirmInvitationsView.as_view(), name="firm-invitations"),
    path("invitations/accept/", views.InvitationAcceptView.as_view(), name="invitation-accept"),
    *router.urls,
]
