from django.urls import path

from dxhub.collab import views

app_name = "collab"
urlpatterns = [
    path("", views.collaboration_list, name="list"),
    path("board/", views.board, name="board"),
    path("start/<int:need_pk>/<int:company_pk>/", views.start, name="start"),
    path("start/<int:need_pk>/<int:company_pk>/dismiss/", views.dismiss, name="dismiss"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.act, name="act"),
    path("<int:pk>/files/<int:message_pk>/", views.attachment, name="attachment"),
    path("<int:pk>/meetings/<int:meeting_pk>/invite.ics", views.ics, name="ics"),
]
