"""A person's notifications and their choices per kind."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dxhub.core.pagination import paginate
from dxhub.notifications import services
from dxhub.notifications.models import Kind, Notification, Preference


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    rows = Notification.objects.filter(recipient=user)
    if request.GET.get("unread"):
        rows = rows.filter(read_at__isnull=True)
    return render(
        request,
        "notifications/inbox.html",
        {"page_obj": paginate(request, rows), "nav_section": "notifications"},
    )


@login_required
@require_POST
def open_one(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks it read and follows its link (only links inside this site)."""
    user: Any = request.user
    note = Notification.objects.filter(recipient=user, pk=pk).first()
    if note is None:
        return redirect("notifications:inbox")
    services.mark_read(request.user, pk=note.pk)
    if note.link and url_has_allowed_host_and_scheme(note.link, allowed_hosts={request.get_host()}):
        return redirect(note.link)
    return redirect("notifications:inbox")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    services.mark_read(request.user)
    return redirect("notifications:inbox")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    current = {p.kind: p for p in Preference.objects.filter(user=user)}
    if request.method == "POST":
        for kind in Kind.values:
            email = request.POST.get(f"email_{kind}", Preference.Email.IMMEDIATE)
            if email not in Preference.Email.values:
                email = Preference.Email.IMMEDIATE
            services.set_preference(
                user, kind=kind, in_app=bool(request.POST.get(f"app_{kind}")), email=email
            )
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:preferences")
    rows = [
        {
            "kind": kind,
            "label": label,
            "in_app": current[kind].in_app if kind in current else True,
            "email": current[kind].email if kind in current else Preference.Email.IMMEDIATE,
        }
        for kind, label in Kind.choices
    ]
    context = {"rows": rows, "email_choices": Preference.Email.choices, "nav_section": "notifications"}
    return render(request, "notifications/preferences.html", context)
