from django.urls import path

from dxhub.needs import views

app_name = "needs"
urlpatterns = [
    path("", views.need_list_view, name="list"),
    path("new/", views.need_create, name="create"),
    path("<int:pk>/", views.need_detail, name="detail"),
    path("<int:pk>/edit/", views.need_edit, name="edit"),
    path("<int:pk>/publish/", views.need_publish, name="publish"),
    path("<int:pk>/close/", views.need_close, name="close"),
    path("<int:pk>/reopen/", views.need_reopen, name="reopen"),
    path("<int:pk>/attachments/", views.need_attach, name="attach"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.need_attachment, name="attachment"),
]
