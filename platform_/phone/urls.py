"""Phone sign-in, under /accounts/phone/."""

from django.urls import path

from platform_.phone import views

app_name = "phone"
urlpatterns = [
    path("", views.phone_start, name="start"),
    path("code/", views.phone_verify, name="verify"),
    path("welcome/", views.phone_welcome, name="welcome"),
]
