"""Matchmaking pages: browse and request, answer, availability, the operator's scheduler, agendas."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dxhub.events import exports, selectors
from dxhub.events import services_matchmaking as mm
from dxhub.events.access import get_event_for_user, get_meeting_request_for_user, own_registration
from dxhub.events.forms import MeetingRequestForm, OnBehalfRequestForm
from dxhub.events.models import Event, Registration, ScheduledMeeting


def _matchmaking(request: HttpRequest, pk: int, *, write: bool = False) -> Event:
    event = get_event_for_user(request.user, pk, write=write)
    if not event.is_matchmaking:
        raise Http404("no 1:1 meetings at this event")
    return event


def _mine(request: HttpRequest, event: Event) -> Registration:
    mine = own_registration(request.user, event)
    if mine is None or mine.status != Registration.Status.CONFIRMED:
        raise Http404("no confirmed registration")
    return mine


@login_required
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    """Browse the other participants (recommended first) and ask for meetings; the htmx filter
    swaps only the list."""
    event = _matchmaking(request, pk)
    mine = own_registration(request.user, event)
    if request.method == "POST":
        form = MeetingRequestForm(request.POST)
        _mine(request, event)
        if form.is_valid():
            try:
                recipient = event.registrations.get(pk=form.cleaned_data["recipient"])
                mm.request_meeting(
                    event=event,
                    user=request.user,
                    recipient=recipient,
                    message=form.cleaned_data["message"],
                    priority=form.cleaned_data["priority"],
                )
            except Registration.DoesNotExist:
                messages.error(request, _("This person is not a participant of the event."))
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request, _("Meeting request sent to %(name)s.") % {"name": recipient.display_name}
                )
        else:
            messages.error(request, _("Choose a priority and keep the message under 2,000 characters."))
        return redirect("events:participants", pk=event.pk)
    kind = request.GET.get("kind", "")
    confirmed = mine is not None and mine.status == Registration.Status.CONFIRMED
    context = {
        "event": event,
        "mine": mine if confirmed else None,
        "rows": selectors.participants(event, mine if confirmed else None, request.user, kind=kind),
        "kind": kind,
        "form": MeetingRequestForm(),
        "nav_section": "events",
    }
    template = "events/partials/participants.html" if request.htmx else "events/participants.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@login_required
def my_requests(request: HttpRequest, pk: int) -> HttpResponse:
    event = _matchmaking(request, pk)
    me = _mine(request, event)
    incoming, outgoing = selectors.requests_of(me)
    context = {"event": event, "me": me, "incoming": incoming, "outgoing": outgoing, "nav_section": "events"}
    return render(request, "events/requests.html", context)


@login_required
@require_POST
def request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_meeting_request_for_user(request.user, pk)
    action = request.POST.get("action", "")
    try:
        if action in ("accept", "decline"):
            mm.respond(row, user=request.user, accept=action == "accept")
        elif action == "cancel":
            mm.cancel_meeting(row, user=request.user)
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    back = request.POST.get("back") == "schedule"
    return redirect("events:schedule" if back else "events:requests", pk=row.event_id)


@login_required
def availability(request: HttpRequest, pk: int) -> HttpResponse:
    event = _matchmaking(request, pk)
    me = _mine(request, event)
    if request.method == "POST":
        try:
            mm.set_availability(event, user=request.user, slot_ids=request.POST.getlist("slots"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Your availability is saved."))
            return redirect("events:agenda", pk=event.pk)
    chosen = set(me.available_slots.values_list("pk", flat=True))
    context = {"event": event, "slots": event.slots.all(), "chosen": chosen, "nav_section": "events"}
    return render(request, "events/availability.html", context)


@login_required
def schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """The operator runs the scheduler (all again, or refill around the standing meetings), locks
    meetings, reads the table plan and enters requests for participants (`meeting_request_for`)."""
    event = _matchmaking(request, pk, write=True)
    if request.method == "POST":
        try:
            run = mm.run_schedule(event, user=request.user, mode=request.POST.get("mode", "full"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Scheduled %(meetings)s meetings (weighted %(weight)s of at most %(bound)s).")
                % {"meetings": run.meetings, "weight": run.weight, "bound": run.bound},
            )
        return redirect("events:schedule", pk=event.pk)
    return render(request, "events/schedule.html", _schedule_context(event, OnBehalfRequestForm(event=event)))


def _schedule_context(event: Event, form: OnBehalfRequestForm) -> dict[str, Any]:
    return {
        "event": event,
        "plan": selectors.table_plan(event),
        "tables": range(1, event.tables + 1),
        "waiting": selectors.unscheduled_requests(event),
        "registered": selectors.hub_registered_requests(event),
        "slots": event.slots.all(),
        "runs": event.schedule_runs.all()[:5],
        "form": form,
        "nav_section": "events",
    }


@login_required
@require_POST
def meeting_request_for(request: HttpRequest, pk: int) -> HttpResponse:
    """대리 미팅 등록: the operator enters a request for two participants who arranged it by phone. A
    refusal shows the schedule page again with the form as typed."""
    event = _matchmaking(request, pk, write=True)
    form = OnBehalfRequestForm(request.POST, event=event)
    if form.is_valid():
        try:
            row = mm.request_meeting_for(
                event=event,
                user=request.user,
                requester=form.cleaned_data["requester"],
                recipient=form.cleaned_data["recipient"],
                message=form.cleaned_data["message"],
                priority=form.cleaned_data["priority"],
                agreed=form.cleaned_data["agreed"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Meeting registered for %(requester)s and %(recipient)s (%(status)s).")
                % {
                    "requester": row.requester.display_name,
                    "recipient": row.recipient.display_name,
                    "status": row.get_status_display(),
                },
            )
            return redirect("events:schedule", pk=event.pk)
    return render(request, "events/schedule.html", _schedule_context(event, form))


@login_required
@require_POST
def meeting_place(request: HttpRequest, pk: int) -> HttpResponse:
    event = _matchmaking(request, pk, write=True)
    row = get_meeting_request_for_user(request.user, request.POST.get("request", ""))
    slot = event.slots.filter(
        pk=int(request.POST["slot"]) if request.POST.get("slot", "").isdigit() else 0
    ).first()
    if row.event_id != event.pk or slot is None:
        raise Http404("meeting or slot not found")
    try:
        mm.place_meeting(row, user=request.user, slot=slot)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("events:schedule", pk=event.pk)


@login_required
@require_POST
def meeting_lock(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    event = _matchmaking(request, pk, write=True)
    try:
        meeting = ScheduledMeeting.objects.select_related("slot__event").get(pk=meeting_pk, slot__event=event)
    except ScheduledMeeting.DoesNotExist:
        raise Http404("meeting not found") from None
    mm.lock_meeting(meeting, user=request.user, locked=request.POST.get("locked") == "1")
    return redirect("events:schedule", pk=event.pk)


def _agenda_context(request: HttpRequest, event: Event, me: Registration) -> dict[str, Any]:
    meetings = selectors.agenda(me)
    rows = [(m, selectors.other_side(m, me)) for m in meetings]
    return {"event": event, "me": me, "rows": rows, "meetings": meetings, "nav_section": "events"}


@login_required
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    event = _matchmaking(request, pk)
    me = _mine(request, event)
    return render(request, "events/agenda.html", _agenda_context(request, event, me))


@login_required
def agenda_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = _matchmaking(request, pk)
    me = _mine(request, event)
    body = exports.agenda_ics(event, me, selectors.agenda(me), request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="agenda-{event.pk}.ics"'
    return response


@login_required
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    event = _matchmaking(request, pk)
    me = _mine(request, event)
    response = HttpResponse(
        exports.agenda_pdf(_agenda_context(request, event, me)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="agenda-{event.pk}.pdf"'
    return response
