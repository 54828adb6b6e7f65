"""Event pages: list, detail with registration, creation, the operator's desk and door check-in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dxhub.core.export import xlsx_response
from dxhub.core.pagination import paginate
from dxhub.events import exports, selectors, services
from dxhub.events.access import get_event_for_user, own_registration
from dxhub.events.forms import CheckInForm, EventForm, RegistrationForm
from dxhub.events.models import Registration
from dxhub.events.qr import qr_data_uri
from dxhub.hubs.models import Hub


def _error(request: HttpRequest, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


def event_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.event_list(request.user)
    user: Any = request.user
    context = {
        "page_obj": paginate(request, rows),
        "can_create": user.is_authenticated and user.has_perm("events.add_event"),
        "nav_section": "events",
    }
    return render(request, "events/list.html", context)


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk)
    user: Any = request.user
    mine = own_registration(user, event)
    form = RegistrationForm(request.POST or None, event=event)
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form.is_valid():
            try:
                mine = services.register(event=event, user=user, answers=form.answers(), **form.lead())
            except ValidationError as exc:
                _error(request, exc)
            else:
                messages.success(request, _("Registered: %(status)s") % {"status": mine.get_status_display()})
                return redirect("events:detail", pk=event.pk)
    context = {
        "event": event,
        "mine": mine,
        "position": selectors.waitlist_position(mine) if mine else None,
        "form": form,
        "can_run": user.is_authenticated and user.has_perm("events.change_event", event),
        "confirmed": event.registrations.filter(status=Registration.Status.CONFIRMED).count(),
        "started": timezone.now() >= event.starts_at,
        "nav_section": "events",
    }
    return render(request, "events/detail.html", context)


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.has_perm("events.add_event"):
        raise PermissionDenied(_("Only hub operators create events."))
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        hub = Hub.objects.get(pk=user.hub_id) if user.is_operator else Hub.objects.order_by("pk").first()
        try:
            event = services.event_create(
                user=user,
                hub=hub,
                partner_hubs=data.pop("partner_hubs"),
                questions=data.pop("questions").splitlines(),
                slot_minutes=data.pop("slot_minutes"),
                slot_count=data.pop("slot_count"),
                **data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Event saved as a draft. Open registration when it is ready."))
            return redirect("events:detail", pk=event.pk)
    return render(request, "events/form.html", {"form": form, "nav_section": "events"})


@login_required
@require_POST
def event_status(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    try:
        services.event_set_status(event, user=request.user, status=request.POST.get("status", ""))
    except ValidationError as exc:
        _error(request, exc)
    return redirect("events:detail", pk=event.pk)


@login_required
@require_POST
def registration_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk)
    mine = own_registration(request.user, event)
    if mine is None:
        raise Http404("no registration")
    services.cancel_registration(mine, user=request.user)
    messages.success(request, _("Your registration is cancelled."))
    return redirect("events:detail", pk=event.pk)


@login_required
def event_manage(request: HttpRequest, pk: int) -> HttpResponse:
    """The operator's desk: registrations with approval, answers, attendance and relocation leads."""
    event = get_event_for_user(request.user, pk, write=True)
    if request.method == "POST":
        try:
            row = event.registrations.get(pk=int(request.POST.get("registration", "")))
        except (Registration.DoesNotExist, ValueError):
            raise Http404("registration not found") from None
        try:
            services.decide_registration(row, user=request.user, approve=request.POST.get("approve") == "1")
        except ValidationError as exc:
            _error(request, exc)
        return redirect("events:manage", pk=event.pk)
    questions = list(event.questions.all())
    if request.GET.get("format") == "xlsx":
        return xlsx_response(
            f"registrations-{event.pk}",
            exports.registration_headers(questions),
            exports.registration_rows(selectors.registrations(event), questions),
        )
    rows = list(selectors.registrations(event))
    for row in rows:
        row.answer_list = [row.answers.get(str(q.pk), "") for q in questions]  # type: ignore[attr-defined]
    context = {
        "event": event,
        "rows": rows,
        "questions": questions,
        "leads": selectors.leads(event),
        "attended": sum(1 for r in rows if r.checked_in_at),
        "nav_section": "events",
    }
    return render(request, "events/manage.html", context)


@login_required
def badges(request: HttpRequest, pk: int) -> HttpResponse:
    """Printed name badges for every confirmed attendee, eight to an A4 page, with the check-in code."""
    event = get_event_for_user(request.user, pk, write=True)
    checkin_url = request.build_absolute_uri(reverse("events:checkin", args=[event.pk]))
    rows = []
    for r in selectors.registrations(event).filter(status="confirmed"):
        code = services.checkin_code(r)
        rows.append((r, code, qr_data_uri(f"{checkin_url}?code={code}", scale=3)))
    body = exports.badges_pdf({"event": event, "rows": rows})
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="badges-{event.pk}.pdf"'
    return response


@login_required
def ticket(request: HttpRequest, pk: int) -> HttpResponse:
    """The attendee's ticket: the signed check-in code and the link staff open at the door."""
    event = get_event_for_user(request.user, pk)
    mine = own_registration(request.user, event)
    if mine is None or mine.status != Registration.Status.CONFIRMED:
        raise Http404("no confirmed registration")
    code = services.checkin_code(mine)
    link = request.build_absolute_uri(reverse("events:checkin", args=[event.pk]) + f"?code={code}")
    context = {"event": event, "mine": mine, "code": code, "link": link, "qr": qr_data_uri(link)}
    return render(request, "events/ticket.html", context)


@login_required
def checkin(request: HttpRequest, pk: int) -> HttpResponse:
    """The staff's phone page at the door: open an attendee's link, or type their code."""
    event = get_event_for_user(request.user, pk, write=True)
    form = CheckInForm(request.POST or request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        try:
            row, already = services.check_in(event, user=request.user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            result = {"ok": False, "text": " ".join(exc.messages)}
        else:
            result = {"ok": True, "row": row, "already": already}
    present = event.registrations.filter(checked_in_at__isnull=False).count()
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    context = {
        "event": event,
        "form": CheckInForm(),
        "result": result,
        "present": present,
        "confirmed": confirmed,
    }
    return render(request, "events/checkin.html", context)
