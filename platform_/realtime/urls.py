"""Room pages."""

from django.urls import path, re_path

from platform_.realtime import views

app_name = "realtime"

urlpatterns = [
    path("", views.room_list, name="list"),
    re_path(r"^(?P<kind>cluster|project)/(?P<object_id>[0-9]{1,12})/$", views.room_detail, name="room"),
]
