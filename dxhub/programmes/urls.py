from django.urls import path

from dxhub.programmes import views, views_agreements, views_review

app_name = "programmes"
urlpatterns = [
    path("", views.call_list, name="calls"),
    path("calls/new/", views.call_create, name="call_create"),
    path("calls/<int:pk>/", views.call_detail, name="call"),
    path("calls/<int:pk>/<str:action>/", views.call_state, name="call_state"),
    path("calls/<int:pk>/apply", views.apply, name="apply"),
    path("calls/<int:pk>/panels", views_review.panel_create, name="panel_create"),
    path("calls/<int:pk>/panels/<int:panel_pk>/assign", views_review.panel_assign, name="panel_assign"),
    path("calls/<int:pk>/selection", views_review.selection, name="selection"),
    path(
        "calls/<int:pk>/selection/<int:run_pk>/confirm",
        views_review.selection_confirm,
        name="selection_confirm",
    ),
    path("applications/", views.application_list, name="applications"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/documents", views.application_attach, name="application_attach"),
    path("applications/<int:pk>/documents/<int:doc_pk>", views.document, name="document"),
    path("applications/<int:pk>/submit", views.application_submit, name="application_submit"),
    path("applications/<int:pk>/agreement", views_agreements.agreement_create, name="agreement_create"),
    path("reviews/", views_review.review_list, name="reviews"),
    path("reviews/<int:pk>/", views_review.review_detail, name="review"),
    path("reviews/<int:pk>/reopen", views_review.review_reopen, name="review_reopen"),
    path("agreements/<int:pk>/", views_agreements.agreement_detail, name="agreement"),
    path("agreements/<int:pk>/do/<str:action>", views_agreements.agreement_action, name="agreement_action"),
    path(
        "agreements/<int:pk>/milestones/<int:milestone_pk>/<str:action>",
        views_agreements.milestone_action,
        name="milestone_action",
    ),
    path("agreements/<int:pk>/changes/<int:change_pk>", views_agreements.change_decide, name="change_decide"),
    path("ledger/<slug:slug>/<int:year>/", views_agreements.hub_ledger, name="ledger"),
]
