"""REST endpoints for events: list, register, meeting requests and answers, agenda, scheduler runs."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, P, QueryEx, Router, Schema, Status

from dxhub.core.api_schemas import ERRORS, INT64_MAX, InputSchema, PageOut, Text, page_of
from dxhub.events import selectors, services
from dxhub.events import services_matchmaking as mm
from dxhub.events.access import get_event_for_user, get_meeting_request_for_user, own_registration
from dxhub.events.models import Event, MeetingRequest, Registration

router = Router(tags=["events"])


class EventOut(Schema):
    id: int
    title: str
    kind: str
    format: str
    hub: str
    partner_hubs: list[str]
    starts_at: datetime
    ends_at: datetime
    venue: str
    capacity: int
    requires_approval: bool
    status: str
    tables: int
    slots: list[datetime]


class RegistrationOut(Schema):
    id: int
    event_id: int
    status: str
    waitlist_position: int | None
    checked_in_at: datetime | None


class RegisterIn(InputSchema):
    answers: dict[Text, Text] = Field({}, description="question id → answer", max_length=50)
    space_interest: Registration.Space = Registration.Space.NONE
    move_timing: Registration.Timing = Registration.Timing.NONE
    lead_note: Text = Field("", max_length=300)


class ParticipantOut(Schema):
    registration_id: int
    name: str
    company_id: int | None
    recommended: bool
    request_status: str | None


class MeetingRequestIn(InputSchema):
    recipient: int = Field(..., ge=1, le=INT64_MAX, description="the other person's registration id")
    message: Text = Field("", max_length=2000)
    priority: Literal[1, 3] = Field(1, description="3 = must meet, 1 = would like to meet")


class MeetingRequestOut(Schema):
    id: int
    event_id: int
    requester: int
    recipient: int
    priority: int
    status: str
    message: str


class AnswerIn(InputSchema):
    accept: bool


class AgendaItemOut(Schema):
    starts_at: datetime
    ends_at: datetime
    table: int
    with_registration: int
    with_name: str
    priority: int
    locked: bool


class ScheduleIn(InputSchema):
    mode: Literal["full", "refill"] = "full"


class ScheduleRunOut(Schema):
    meetings: int
    weight: int
    bound: int
    status: str
    seconds: float


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.pk,
        "title": e.title,
        "kind": e.kind,
        "format": e.format,
        "hub": e.hub.slug,
        "partner_hubs": [h.slug for h in e.partner_hubs.all()],
        "starts_at": e.starts_at,
        "ends_at": e.ends_at,
        "venue": e.venue,
        "capacity": e.capacity,
        "requires_approval": e.requires_approval,
        "status": e.status,
        "tables": e.tables,
        "slots": [s.starts_at for s in e.slots.all()],
    }


def _registration(r: Registration) -> dict[str, Any]:
    return {
        "id": r.pk,
        "event_id": r.event_id,
        "status": r.status,
        "waitlist_position": selectors.waitlist_position(r),
        "checked_in_at": r.checked_in_at,
    }


def _request(r: MeetingRequest) -> dict[str, Any]:
    return {
        "id": r.pk,
        "event_id": r.event_id,
        "requester": r.requester_id,
        "recipient": r.recipient_id,
        "priority": r.priority,
        "status": r.status,
        "message": r.message,
    }


def _confirmed(request: HttpRequest, event: Event) -> Registration:
    mine = own_registration(request.user, event)
    if mine is None or mine.status != Registration.Status.CONFIRMED:
        raise Http404("no confirmed registration for this event")
    return mine


@router.get("", response={200: PageOut[EventOut], **ERRORS}, summary="List events visible to you")
def list_events(request: HttpRequest, page: QueryEx[int, P(ge=1)] = 1) -> Any:
    rows = selectors.event_list(request.user).prefetch_related("partner_hubs", "slots")
    return page_of(rows, page, _event)


@router.get("/{event_id}", response={200: EventOut, **ERRORS}, summary="One event")
def get_event(request: HttpRequest, event_id: int) -> Any:
    return _event(get_event_for_user(request.user, event_id))


@router.post(
    "/{event_id}/register",
    response={200: RegistrationOut, **ERRORS},
    summary="Register (or join the waitlist)",
)
def register(request: HttpRequest, event_id: int, body: RegisterIn) -> Any:
    event = get_event_for_user(request.user, event_id)
    row = services.register(
        event=event,
        user=request.user,
        answers=body.answers,
        space_interest=body.space_interest,
        move_timing=body.move_timing,
        lead_note=body.lead_note,
    )
    return _registration(row)


@router.post(
    "/{event_id}/cancel", response={200: RegistrationOut, **ERRORS}, summary="Cancel your registration"
)
def cancel(request: HttpRequest, event_id: int) -> Any:
    event = get_event_for_user(request.user, event_id)
    mine = own_registration(request.user, event)
    if mine is None:
        raise Http404("no registration for this event")
    return _registration(services.cancel_registration(mine, user=request.user))


@router.get(
    "/{event_id}/participants",
    response={200: list[ParticipantOut], **ERRORS},
    summary="Confirmed participants",
)
def participants(request: HttpRequest, event_id: int) -> Any:
    event = get_event_for_user(request.user, event_id)
    mine = _confirmed(request, event)
    return [
        {
            "registration_id": row.registration.pk,
            "name": row.registration.display_name,
            "company_id": row.registration.company_id,
            "recommended": row.recommended,
            "request_status": row.request.status if row.request else None,
        }
        for row in selectors.participants(event, mine, request.user)
    ]


@router.post(
    "/{event_id}/requests", response={201: MeetingRequestOut, **ERRORS}, summary="Request a 1:1 meeting"
)
def request_meeting(request: HttpRequest, event_id: int, body: MeetingRequestIn) -> Any:
    event = get_event_for_user(request.user, event_id)
    recipient = event.registrations.filter(pk=body.recipient).first()
    if recipient is None:
        raise ValidationError({"recipient": ["not a participant of this event"]})
    row = mm.request_meeting(
        event=event, user=request.user, recipient=recipient, message=body.message, priority=body.priority
    )
    return Status(201, _request(row))


@router.post(
    "/requests/{request_id}/respond", response={200: MeetingRequestOut, **ERRORS}, summary="Accept or decline"
)
def respond(request: HttpRequest, request_id: int, body: AnswerIn) -> Any:
    row = get_meeting_request_for_user(request.user, request_id)
    return _request(mm.respond(row, user=request.user, accept=body.accept))


@router.get(
    "/{event_id}/agenda", response={200: list[AgendaItemOut], **ERRORS}, summary="Your scheduled meetings"
)
def agenda(request: HttpRequest, event_id: int) -> Any:
    event = get_event_for_user(request.user, event_id)
    mine = _confirmed(request, event)
    items = []
    for m in selectors.agenda(mine):
        other = selectors.other_side(m, mine)
        items.append(
            {
                "starts_at": m.slot.starts_at,
                "ends_at": m.slot.ends_at,
                "table": m.table,
                "with_registration": other.pk,
                "with_name": other.display_name,
                "priority": m.request.priority,
                "locked": m.locked,
            }
        )
    return items


@router.post(
    "/{event_id}/schedule", response={200: ScheduleRunOut, **ERRORS}, summary="Run the scheduler (operators)"
)
def run_schedule(request: HttpRequest, event_id: int, body: ScheduleIn) -> Any:
    event = get_event_for_user(request.user, event_id, write=True)
    run = mm.run_schedule(event, user=request.user, mode=body.mode)
    return {
        "meetings": run.meetings,
        "weight": run.weight,
        "bound": run.bound,
        "status": run.status,
        "seconds": run.seconds,
    }
