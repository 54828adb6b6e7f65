from django.urls import path

from dxhub.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.job, name="job"),
    path("<int:pk>/commit/", views.commit, name="commit"),
    path("template/<str:kind>.xlsx", views.template, name="template"),
]
