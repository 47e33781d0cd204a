from django.urls import path

from platform_.identity import views

app_name = "identity"
urlpatterns = [
    path("new/", views.firm_create, name="firm-create"),
    path("switch/", views.firm_switch, name="firm-switch"),
    path("<int:pk>/", views.firm_detail, name="firm-detail"),
    path("<int:pk>/edit/", views.firm_edit, name="firm-edit"),
    path("<int:pk>/people/", views.firm_people, name="firm-people"),
    path("<int:pk>/people/<int:member_id>/role/", views.member_role, name="member-role"),
    path("<int:pk>/people/<int:member_id>/remove/", views.member_remove, name="member-remove"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
]
