from django.urls import path

from platform_.identity import views

app_name = "knowledge"
urlpatterns = [path("", views.home, name="index")]  # replaced by the domain's pages
