"""Reads for event pages, exports and the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from dxhub.events.access import events_visible_to
from dxhub.events.models import Event, MeetingRequest, Registration, ScheduledMeeting, TimeSlot
from dxhub.matches.models import MatchResult
from dxhub.matches.selectors import supplier_recommendations


def event_list(user: Any) -> QuerySet[Event]:
    return (
        events_visible_to(user)
        .select_related("hub")
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
            waitlisted=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)),
        )
        .order_by("-starts_at", "-id")
    )


def registrations(event: Event) -> QuerySet[Registration]:
    return event.registrations.select_related("user", "company").order_by("status", "created_at", "id")


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITLISTED
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, id__lt=registration.pk)
    )
    return ahead.count() + 1


def recommended_companies(user: Any) -> set[int]:
    """Companies the matching engine ranked for the reader's company (either direction): a cheap read
    of the stored shortlists, no engine call."""
    company = getattr(user, "company", None) if getattr(user, "is_member", False) else None
    if company is None:
        return set()
    found: set[int] = set()
    if company.is_supplier:
        found |= set(supplier_recommendations(company, user).values_list("need__company_id", flat=True))
    if company.is_demander:
        found |= set(
            MatchResult.objects.filter(
                direction=MatchResult.Direction.SUPPLIERS_FOR_NEED, need__company=company
            ).values_list("company_id", flat=True)
        )
    return found


@dataclass(frozen=True)
class ParticipantRow:
    registration: Registration
    recommended: bool
    request: MeetingRequest | None  # the live request between the reader and this person, if any


def participants(event: Event, me: Registration | None, user: Any, *, kind: str = "") -> list[ParticipantRow]:
    rows = registrations(event).filter(status=Registration.Status.CONFIRMED)
    if me is not None:
        rows = rows.exclude(pk=me.pk)
    if kind in ("supplier", "demander"):
        rows = rows.filter(company__kind__in=[kind, "both"])
    recommended = recommended_companies(user)
    between: dict[int, MeetingRequest] = {}
    if me is not None:
        for r in (
            MeetingRequest.objects.filter(Q(requester=me) | Q(recipient=me))
            .exclude(status=MeetingRequest.Status.CANCELLED)
            .select_related("registered_by__hub")
        ):
            between[r.recipient_id if r.requester_id == me.pk else r.requester_id] = r
    result = [ParticipantRow(r, r.company_id in recommended, between.get(r.pk)) for r in rows]
    result.sort(key=lambda row: not row.recommended)  # stable: recommended first, then by registration
    return result


def requests_of(me: Registration) -> tuple[QuerySet[MeetingRequest], QuerySet[MeetingRequest]]:
    related = (
        "requester__user",
        "requester__company",
        "recipient__user",
        "recipient__company",
        "scheduled__slot",
        "registered_by__hub",
    )
    incoming = me.received_requests.select_related(*related).order_by("status", "-priority", "created_at")
    outgoing = me.sent_requests.select_related(*related).order_by("status", "-priority", "created_at")
    return incoming, outgoing


def agenda(me: Registration) -> list[ScheduledMeeting]:
    return list(
        ScheduledMeeting.objects.filter(Q(request__requester=me) | Q(request__recipient=me))
        .select_related(
            "slot",
            "request__requester__user",
            "request__requester__company",
            "request__recipient__user",
            "request__recipient__company",
        )
        .order_by("slot__index")
    )


def other_side(meeting: ScheduledMeeting, me: Registration) -> Registration:
    r = meeting.request
    return r.recipient if r.requester_id == me.pk else r.requester


@dataclass(frozen=True)
class PlanRow:
    slot: TimeSlot
    tables: list[ScheduledMeeting | None]


def table_plan(event: Event) -> list[PlanRow]:
    meetings = ScheduledMeeting.objects.filter(slot__event=event).select_related(
        "request__requester__user",
        "request__requester__company",
        "request__recipient__user",
        "request__recipient__company",
    )
    at = {(m.slot_id, m.table): m for m in meetings}
    return [
        PlanRow(slot, [at.get((slot.pk, t)) for t in range(1, event.tables + 1)])
        for slot in event.slots.all()
    ]


REQUEST_SIDES = (
    "requester__user",
    "requester__company",
    "recipient__user",
    "recipient__company",
    "registered_by__hub",
)


def unscheduled_requests(event: Event) -> QuerySet[MeetingRequest]:
    return (
        MeetingRequest.objects.filter(
            event=event, status=MeetingRequest.Status.ACCEPTED, scheduled__isnull=True
        )
        .select_related(*REQUEST_SIDES)
        .order_by("-priority", "created_at")
    )


def hub_registered_requests(event: Event) -> QuerySet[MeetingRequest]:
    """Requests the hub entered for participants, newest first, with their answers, so that the
    operator can follow up the ones still waiting."""
    return (
        MeetingRequest.objects.filter(event=event, registered_by__isnull=False)
        .select_related(*REQUEST_SIDES)
        .order_by("-id")
    )


def leads(event: Event) -> QuerySet[Registration]:
    """Relocation leads: who said they are interested in space, and when."""
    return registrations(event).exclude(space_interest="").exclude(status=Registration.Status.CANCELLED)
