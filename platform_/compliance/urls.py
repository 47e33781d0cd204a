from django.urls import path

from platform_.compliance import views

app_name = "compliance"
urlpatterns = [
    path("", views.policy, name="policy"),
    path("versions/<str:version>/", views.policy, name="policy-version"),
    path("me/", views.mine, name="mine"),
    path("me/delete/", views.delete, name="delete"),
    path("firms/<int:pk>/close/", views.firm_close, name="firm-close"),
]
