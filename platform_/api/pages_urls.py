"""Browser pages of the partner API, under /firms/: API keys and webhooks of the acting firm."""

from django.urls import path

from platform_.api import pages_views

app_name = "partner_api"
urlpatterns = [
    path("api-keys/", pages_views.api_keys, name="keys"),
    path("api-keys/<int:pk>/revoke/", pages_views.api_key_revoke, name="key-revoke"),
    path("webhooks/", pages_views.webhook_list, name="webhooks"),
    path("webhooks/robots/new/", pages_views.robot_add, name="robot-add"),
    path("webhooks/<int:pk>/", pages_views.webhook_detail, name="webhook-detail"),
    path("webhooks/deliveries/<int:pk>/replay/", pages_views.webhook_replay, name="webhook-replay"),
]
