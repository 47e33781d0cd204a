from rest_framework.routers import SimpleRouter

from belts.api import views

router = SimpleRouter()
router.register("belts", views.BeltViewSet, basename="belt")
urlpatterns = router.urls
