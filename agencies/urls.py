from django.urls import path

from agencies import views

app_name = "agencies"
urlpatterns = [
    path("", views.index, name="index"),
    path("review/", views.review, name="review"),
    path("guidance/", views.guidance, name="guidance"),
    path("guidance/attachments/<int:attachment_id>/", views.guidance_attachment, name="guidance-attachment"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/guidance/new/", views.guidance_new, name="guidance-new"),
    path("<int:pk>/clusters/<int:cluster_id>/endorse/", views.endorse, name="endorse"),
    path("<int:pk>/clusters/<int:cluster_id>/decide/", views.decide, name="decide"),
]
