from django.urls import path

from platform_.verification import views

app_name = "verification"
urlpatterns = [
    path("firms/<int:pk>/", views.firm, name="firm"),
    path("review/", views.review, name="review"),
    path("licences/<int:request_id>/", views.licence, name="licence"),
]
