from django.urls import path

from dxhub.site import views

urlpatterns = [path("", views.dashboard, name="dashboard")]
