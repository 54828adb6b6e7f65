from django.urls import path

from dxhub.events import views, views_followup, views_matchmaking

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/status/", views.event_status, name="status"),
    path("<int:pk>/cancel/", views.registration_cancel, name="cancel"),
    path("<int:pk>/manage/", views.event_manage, name="manage"),
    path("<int:pk>/ticket/", views.ticket, name="ticket"),
    path("<int:pk>/badges.pdf", views.badges, name="badges"),
    path("<int:pk>/checkin/", views.checkin, name="checkin"),
    path("<int:pk>/participants/", views_matchmaking.participants, name="participants"),
    path("<int:pk>/requests/", views_matchmaking.my_requests, name="requests"),
    path("requests/<int:pk>/answer/", views_matchmaking.request_answer, name="answer"),
    path("<int:pk>/availability/", views_matchmaking.availability, name="availability"),
    path("<int:pk>/schedule/", views_matchmaking.schedule, name="schedule"),
    path("<int:pk>/schedule/<int:meeting_pk>/lock/", views_matchmaking.meeting_lock, name="lock"),
    path("<int:pk>/schedule/place/", views_matchmaking.meeting_place, name="place"),
    path("<int:pk>/schedule/request/", views_matchmaking.meeting_request_for, name="request_for"),
    path("<int:pk>/agenda/", views_matchmaking.agenda, name="agenda"),
    path("<int:pk>/after/", views_followup.after, name="after"),
    path("<int:pk>/agenda.ics", views_matchmaking.agenda_ics, name="agenda_ics"),
    path("<int:pk>/agenda.pdf", views_matchmaking.agenda_pdf, name="agenda_pdf"),
]
