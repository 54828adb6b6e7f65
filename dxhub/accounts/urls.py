from django.urls import path

from dxhub.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.me, name="me"),
    path("tokens/", views.token_create, name="token_create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("data.json", views.data_export, name="export"),
    path("delete/", views.data_delete, name="delete"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
