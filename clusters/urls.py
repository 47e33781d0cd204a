from django.urls import path

from clusters import robot_views, views

app_name = "clusters"
urlpatterns = [
    path("", views.directory, name="index"),
    path("propose/", views.propose, name="propose"),
    path("partners/", views.partners, name="partners"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/moderator-invitation/", views.moderator_invitation_answer, name="moderator-invitation"),
    path("<slug:slug>/membership/<str:action>/", views.membership_action, name="membership-action"),
    path("<slug:slug>/manage/", views.manage, name="manage"),
    path("<slug:slug>/manage/invite/", views.manage_invite, name="manage-invite"),
    path("<slug:slug>/manage/robots/", robot_views.robots, name="robots"),
    path("<slug:slug>/manage/robots/<int:pk>/remove/", robot_views.robot_remove, name="robot-remove"),
    path("<slug:slug>/manage/<int:membership_id>/<str:action>/", views.manage_action, name="manage-action"),
]
