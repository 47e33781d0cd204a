from django.urls import path

from platform_.identity import views

app_name = "clusters"
urlpatterns = [path("<slug:slug>/", views.home, name="detail")]
