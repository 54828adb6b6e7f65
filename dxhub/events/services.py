"""Writes for events and registrations: capacity, waitlist, approval, check-in.

Every change of places locks the event row first (`select_for_update`), so two people taking the last
place at once are served one after the other: one gets it, the other joins the waitlist.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.events import notices
from dxhub.events.models import Event, MeetingRequest, Question, Registration, ScheduledMeeting, TimeSlot

HOLDING = (Registration.Status.PENDING, Registration.Status.CONFIRMED)
ACTIVE = (*HOLDING, Registration.Status.WAITLISTED)
EVENT_FIELDS = (
    "title",
    "kind",
    "format",
    "description",
    "venue",
    "online_url",
    "starts_at",
    "ends_at",
    "capacity",
    "requires_approval",
    "tables",
)
_CHECKIN_SALT = "dxhub.events.checkin"


def lock_event(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def require_runner(user: Any, event: Event) -> None:
    if not user.has_perm("events.change_event", event):
        raise PermissionDenied(_("Only the event's hub operators may do this."))


@transaction.atomic
def event_create(
    *,
    user: Any,
    hub: Any,
    partner_hubs: Iterable[Any] = (),
    questions: Iterable[str] = (),
    slot_minutes: int = 0,
    slot_count: int = 0,
    **fields: Any,
) -> Event:
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    if not (user.is_ministry or (user.is_operator and user.hub_id == hub.pk)):
        raise PermissionDenied(_("Operators create events for their own hub."))
    event = Event(hub=hub, created_by=user, **fields)
    event.full_clean()
    event.save()
    event.partner_hubs.set([h for h in partner_hubs if h.pk != hub.pk])
    for order, line in enumerate(q.strip() for q in questions):
        text = line.rstrip("*").strip()
        if text:
            Question.objects.create(event=event, text=text[:200], required=line.endswith("*"), order=order)
    if event.is_matchmaking:
        set_slots(event, first=event.starts_at, minutes=slot_minutes or 30, count=slot_count or 6)
    return event


def set_slots(event: Event, *, first: datetime, minutes: int, count: int) -> list[TimeSlot]:
    """Replace the event's meeting rounds; refused once meetings are scheduled in them."""
    if not 1 <= minutes <= 240 or not 1 <= count <= 60:
        raise ValidationError(_("A matchmaking day has 1 to 60 slots of 1 to 240 minutes."))
    if ScheduledMeeting.objects.filter(slot__event=event).exists():
        raise ValidationError(_("Meetings are already scheduled: the time slots can no longer change."))
    TimeSlot.objects.filter(event=event).delete()
    step = timedelta(minutes=minutes)
    slots = TimeSlot.objects.bulk_create(
        TimeSlot(event=event, index=i, starts_at=first + i * step, ends_at=first + (i + 1) * step)
        for i in range(count)
    )
    for registration in Registration.objects.filter(event=event):
        registration.available_slots.set(slots)
    return slots


@transaction.atomic
def event_update(event: Event, *, user: Any, **fields: Any) -> Event:
    require_runner(user, event)
    locked = lock_event(event)
    for name, value in fields.items():
        if name not in EVENT_FIELDS:
            raise TypeError(f"unknown event field: {name}")
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    promote_waitlist(locked)
    return locked


@transaction.atomic
def event_set_status(event: Event, *, user: Any, status: str) -> Event:
    require_runner(user, event)
    if status not in Event.Status.values:
        raise ValidationError(_("Unknown status."))
    locked = lock_event(event)
    if locked.status != status:
        locked.status = status
        locked.save(update_fields=["status"])
    return locked


def _clean_answers(event: Event, answers: Mapping[str, Any]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    missing = []
    for q in event.questions.all():
        value = str(answers.get(str(q.pk), "") or "").strip()[:1000]
        if q.required and not value:
            missing.append(q.text.rstrip("*"))
        if value:
            cleaned[str(q.pk)] = value
    if missing:
        raise ValidationError(_("Please answer: %(questions)s") % {"questions": ", ".join(missing)})
    return cleaned


@transaction.atomic
def register(
    *,
    event: Event,
    user: Any,
    answers: Mapping[str, Any] | None = None,
    space_interest: str = "",
    move_timing: str = "",
    lead_note: str = "",
) -> Registration:
    """A place if one is free (awaiting approval where the event wants it), otherwise the waitlist.
    Registering again while registered changes nothing."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to register."))
    locked = lock_event(event)
    if locked.status != Event.Status.OPEN:
        raise ValidationError(_("Registration for this event is not open."))
    existing = Registration.objects.select_for_update().filter(event=locked, user=user).first()
    if existing is not None and existing.status in ACTIVE:
        return existing
    if existing is not None and existing.status == Registration.Status.DECLINED:
        raise ValidationError(_("The hub declined your registration for this event."))
    if space_interest not in Registration.Space.values or move_timing not in Registration.Timing.values:
        raise ValidationError(_("Unknown choice for interest in space or timing."))
    taken = Registration.objects.filter(event=locked, status__in=HOLDING).count()
    if taken >= locked.capacity:
        status = Registration.Status.WAITLISTED
    elif locked.requires_approval:
        status = Registration.Status.PENDING
    else:
        status = Registration.Status.CONFIRMED
    registration = existing or Registration(event=locked, user=user)
    registration.company = user.company if getattr(user, "is_member", False) else None
    registration.status = status
    registration.answers = _clean_answers(locked, answers or {})
    registration.space_interest = space_interest
    registration.move_timing = move_timing
    registration.lead_note = lead_note[:300]
    if existing is not None:
        # Re-registering after a cancellation joins the back of the queue.
        registration.created_at = timezone.now()
    registration.save()
    registration.available_slots.set(locked.slots.all())
    return registration


def promote_waitlist(locked: Event) -> list[Registration]:
    """Fill free places from the waitlist, first come first served (the caller holds the event lock)."""
    promoted: list[Registration] = []
    free = locked.capacity - Registration.objects.filter(event=locked, status__in=HOLDING).count()
    if free <= 0:
        return promoted
    waiting = Registration.objects.select_for_update().filter(
        event=locked, status=Registration.Status.WAITLISTED
    )
    for registration in waiting.order_by("created_at", "id")[:free]:
        registration.status = (
            Registration.Status.PENDING if locked.requires_approval else Registration.Status.CONFIRMED
        )
        registration.save(update_fields=["status", "updated_at"])
        promoted.append(registration)
    notices.place_freed(promoted)
    return promoted


def _withdraw_meetings(registration: Registration) -> None:
    """A person who leaves takes their meeting requests with them; their scheduled places free up."""
    rows = MeetingRequest.objects.filter(event_id=registration.event_id).filter(
        status__in=(MeetingRequest.Status.PENDING, MeetingRequest.Status.ACCEPTED)
    )
    mine = rows.filter(requester=registration) | rows.filter(recipient=registration)
    ScheduledMeeting.objects.filter(request__in=mine).delete()
    mine.update(status=MeetingRequest.Status.CANCELLED, answered_at=timezone.now())


@transaction.atomic
def cancel_registration(registration: Registration, *, user: Any) -> Registration:
    if registration.user_id != user.pk and not user.has_perm("events.change_event", registration.event):
        raise PermissionDenied(_("You may only cancel your own registration."))
    locked = lock_event(registration.event)
    row = Registration.objects.select_for_update().get(pk=registration.pk)
    if row.status in ACTIVE:
        row.status = Registration.Status.CANCELLED
        row.save(update_fields=["status", "updated_at"])
        _withdraw_meetings(row)
        promote_waitlist(locked)
    return row


@transaction.atomic
def decide_registration(registration: Registration, *, user: Any, approve: bool) -> Registration:
    """An operator approves a pending registration or declines a pending or waitlisted one."""
    require_runner(user, registration.event)
    locked = lock_event(registration.event)
    row = Registration.objects.select_for_update().get(pk=registration.pk)
    target = Registration.Status.CONFIRMED if approve else Registration.Status.DECLINED
    if row.status == target:
        return row
    allowed = (Registration.Status.PENDING,) if approve else (*ACTIVE,)
    if row.status not in allowed:
        raise ValidationError(_("This registration cannot be changed that way now."))
    row.status = target
    row.save(update_fields=["status", "updated_at"])
    if not approve:
        _withdraw_meetings(row)
        promote_waitlist(locked)
    return row


def checkin_code(registration: Registration) -> str:
    """A signed code (shown on the ticket and in the check-in link): it cannot be guessed or forged."""
    return signing.Signer(salt=_CHECKIN_SALT).sign(f"{registration.event_id}-{registration.pk}")


@transaction.atomic
def check_in(event: Event, *, user: Any, code: str) -> tuple[Registration, bool]:
    """Mark the attendee behind `code` as present; returns (registration, was already checked in)."""
    require_runner(user, event)
    try:
        value = signing.Signer(salt=_CHECKIN_SALT).unsign(code.strip())
        event_id, registration_id = (int(part) for part in value.split("-"))
    except (signing.BadSignature, ValueError):
        raise ValidationError(_("This check-in code is not valid.")) from None
    if event_id != event.pk:
        raise ValidationError(_("This ticket is for another event."))
    row = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("user", "company")
        .get(pk=registration_id)
    )
    if row.status != Registration.Status.CONFIRMED:
        raise ValidationError(
            _("This registration is %(status)s, not confirmed.") % {"status": row.get_status_display()}
        )
    if row.checked_in_at is not None:
        return row, True
    row.checked_in_at = timezone.now()
    row.save(update_fields=["checked_in_at", "updated_at"])
    return row, False
