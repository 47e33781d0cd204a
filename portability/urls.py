from django.urls import path

from portability import views

app_name = "portability"
urlpatterns = [
    path("", views.index, name="index"),
    path("firms/<int:firm_id>/", views.index, name="firm"),
    path("firms/<int:firm_id>/request/", views.request_export, name="request"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/download/", views.download, name="download"),
]
