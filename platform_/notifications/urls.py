from django.urls import path

from platform_.identity import views

app_name = "notifications"
urlpatterns = [path("", views.home, name="index")]  # replaced by the notifications page
