from django.urls import path

from agencies.api import views

urlpatterns = [
    path("guidance/", views.GuidanceListView.as_view(), name="guidance-list"),
    path("agencies/", views.AgencyListView.as_view(), name="agency-list"),
    path("agencies/<int:pk>/", views.AgencyDetailView.as_view(), name="agency-detail"),
]
