from django.urls import path

from knowledge import sharing_views, views

app_name = "knowledge"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("mine/", views.mine, name="mine"),
    path("requests/", views.requests, name="requests"),
    path("requests/<str:kind>/<int:pk>/decide/", views.request_decide, name="request-decide"),
    path("requests/co-ownership/<int:pk>/", views.coownership_decide, name="coownership-decide"),
    path("moderation/", views.moderation, name="moderation"),
    path("contributors/", sharing_views.contributors, name="contributors"),
    path("contributors/<int:cluster_pk>/rule/", sharing_views.contributor_rule, name="contributor-rule"),
    path("appeals/<int:pk>/decide/", sharing_views.appeal_decide, name="appeal-decide"),
    path("<int:pk>/appeal/", sharing_views.appeal_file, name="appeal"),
    path("<int:pk>/embargo/", sharing_views.embargo_set, name="embargo"),
    path("<int:pk>/versions/<int:number>/review/", sharing_views.version_review, name="version-review"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/versions/", views.version_upload, name="version-upload"),
    path("<int:pk>/versions/<int:number>/download/", views.download, name="download"),
    path("<int:pk>/versions/<int:number>/preview/", views.preview, name="preview"),
    path("<int:pk>/licence/", views.licence_request, name="licence-request"),
    path("<int:pk>/access/", views.access_request, name="access-request"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/link/", views.link, name="link"),
    path("<int:pk>/moderate/", views.moderate, name="moderate"),
]
