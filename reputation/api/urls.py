from django.urls import path

from reputation.api import views

urlpatterns = [
    path("firms/<int:firm_pk>/track-record/", views.FirmTrackRecordView.as_view(), name="firm-track-record"),
    path("people/<int:pk>/track-record/", views.PersonTrackRecordView.as_view(), name="person-track-record"),
]
