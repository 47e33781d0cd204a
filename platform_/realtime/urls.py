"""Room pages."""

from django.urls import path, re_path

from platform_.realtime import views
from platform_.realtime.rooms import KIND_PATTERN

app_name = "realtime"

urlpatterns = [
    path("", views.room_list, name="list"),
    re_path(rf"^(?P<kind>{KIND_PATTERN})/(?P<object_id>[0-9]{{1,12}})/$", views.room_detail, name="room"),
]
