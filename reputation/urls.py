from django.urls import path

from reputation import views

app_name = "reputation"
urlpatterns = [
    path("people/<int:pk>/", views.person, name="person"),
    path("how/", views.how, name="how"),
]
