from django.urls import path

from observatory.api import views

urlpatterns = [
    path("open/tables/", views.OpenTablesView.as_view(), name="open-tables"),
    path("open/tables/<slug:name>/", views.OpenTableView.as_view(), name="open-table"),
]
