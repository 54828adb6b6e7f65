from django.contrib.auth.decorators import login_required
from django.urls import path

from dxhub.matches import views

app_name = "matches"
urlpatterns = [
    path("needs/<int:pk>/", login_required(views.need_matches), name="need"),
    path("companies/<int:pk>/", login_required(views.company_recommendations), name="company"),
]
