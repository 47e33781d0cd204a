from django.urls import path

from agencies.api import views

urlpatterns = [path("guidance/", views.GuidanceListView.as_view(), name="guidance-list")]
