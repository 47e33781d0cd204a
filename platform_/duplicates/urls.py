from django.urls import path

from platform_.duplicates import views

app_name = "duplicates"
urlpatterns = [
    path("<str:kind>/<int:subject_id>/", views.flags, name="flags"),
    path("flags/<int:pk>/decide/", views.decide, name="decide"),
]
