from django.urls import path

from spillover import views

app_name = "spillover"
urlpatterns = [
    path("", views.index, name="index"),
    path("clusters/<int:pk>/", views.cluster, name="cluster"),
    path("assets/<int:pk>/", views.asset, name="asset"),
    path("compare/", views.compare, name="compare"),
    path("costs/", views.costs, name="costs"),
    path("status/", views.status, name="status"),
    path("recompute/", views.recompute, name="recompute"),
]
