from django.urls import path

from dxhub.core import views

urlpatterns = [path("", views.dashboard, name="dashboard")]
