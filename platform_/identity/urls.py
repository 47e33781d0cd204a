from django.urls import path

from platform_.identity import views

app_name = "identity"
urlpatterns = [
    path("<int:pk>/", views.home, name="firm-detail"),
    path("invitations/<str:token>/", views.home, name="invitation-accept"),
]
