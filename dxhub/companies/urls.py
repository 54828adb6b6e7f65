from django.urls import path

from dxhub.companies import views

app_name = "companies"
urlpatterns = [
    path("", views.company_list_view, name="list"),
    path("new/", views.company_create_view, name="create"),
    path("<int:pk>/", views.company_detail, name="detail"),
    path("<int:pk>/edit/", views.company_edit, name="edit"),
    path("<int:pk>/invite/", views.company_invite, name="invite"),
]
