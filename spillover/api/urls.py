from django.urls import path

from spillover.api import views

urlpatterns = [
    path("spillover/run/", views.RunStatusView.as_view(), name="spillover-run"),
    path("spillover/firms/<int:pk>/", views.FirmFiguresView.as_view(), name="spillover-firm"),
    path("spillover/clusters/", views.ClusterComparisonView.as_view(), name="spillover-clusters"),
    path("spillover/clusters/<int:pk>/", views.ClusterFiguresView.as_view(), name="spillover-cluster"),
    path("spillover/assets/<int:pk>/", views.AssetReachView.as_view(), name="spillover-asset"),
    path("spillover/costs/", views.CostsView.as_view(), name="spillover-costs"),
]
