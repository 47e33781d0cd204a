from django.urls import path

from platform_.duplicates import api

urlpatterns = [
    path("duplicates/<str:kind>/<int:subject_id>/", api.FlagsView.as_view(), name="duplicate-flags"),
    path("duplicates/<str:kind>/<int:subject_id>/<int:pk>/decide/", api.DecideView.as_view(), name="duplicate-decide"),
]
