from django.urls import path

from dxhub.hubs import views

app_name = "hubs"
urlpatterns = [
    path("", views.hub_list, name="list"),
    path("new/", views.hub_edit, name="create"),
    path("<int:pk>/", views.hub_detail, name="detail"),
    path("<int:pk>/edit/", views.hub_edit, name="edit"),
    path("capabilities/", views.capability_list, name="capabilities"),
    path("capabilities/<int:pk>/", views.capability_edit, name="capability_edit"),
]
