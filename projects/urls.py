from django.urls import path

from platform_.identity import views

app_name = "projects"
urlpatterns = [path("", views.home, name="index")]  # replaced by the domain's pages
