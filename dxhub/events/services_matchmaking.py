"""Writes for matchmaking days: availability, meeting requests and answers, the scheduler runs.

The scheduler itself is the pure library `optimize.schedule`; this module turns the event's rows into
its `Problem` and its `Schedule` back into rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.events import notices
from dxhub.events.models import Event, MeetingRequest, Registration, ScheduledMeeting, ScheduleRun, TimeSlot
from dxhub.events.services import lock_event, require_runner
from optimize.schedule import Locked, Pair, Participant, Problem, ProblemError, Request, pair, solve

LIVE = (MeetingRequest.Status.PENDING, MeetingRequest.Status.ACCEPTED)
SCHEDULE_SECONDS = 5.0


def _confirmed(event: Event, user: Any) -> Registration:
    row = Registration.objects.filter(event=event, user_id=getattr(user, "pk", 0) or 0).first()
    if row is None or row.status != Registration.Status.CONFIRMED:
        raise ValidationError(_("Only confirmed participants take part in the meetings."))
    return row


def _require_matchmaking(event: Event) -> None:
    if not event.is_matchmaking:
        raise ValidationError(_("This event has no 1:1 meetings."))


@transaction.atomic
def set_availability(event: Event, *, user: Any, slot_ids: Iterable[int | str]) -> Registration:
    _require_matchmaking(event)
    registration = _confirmed(event, user)
    try:
        wanted = {int(s) for s in slot_ids}
    except (TypeError, ValueError):
        raise ValidationError(_("Choose time slots of this event.")) from None
    slots = list(TimeSlot.objects.filter(event=event, pk__in=wanted))
    if len(slots) != len(wanted):
        raise ValidationError(_("Choose time slots of this event."))
    fixed = ScheduledMeeting.objects.filter(
        Q(request__requester=registration) | Q(request__recipient=registration), locked=True
    ).exclude(slot__in=slots)
    if fixed.exists():
        raise ValidationError(
            _("A locked meeting is in a slot you left out: ask the hub to unlock it first.")
        )
    registration.available_slots.set(slots)
    return registration


def _check_pair(
    event: Event, *, requester: Registration, recipient: Registration, priority: int, for_hub: bool
) -> None:
    """The rules every new request obeys, whoever enters it. `for_hub` words the refusals for the
    operator entering it for two participants (both named) rather than for the requester."""
    if event.status == Event.Status.DRAFT:
        raise ValidationError(_("This event is not announced yet."))
    # A participant's own request: `_confirmed` has already vouched for the requester.
    for side in (requester, recipient) if for_hub else (recipient,):
        if side.event_id != event.pk or side.status != Registration.Status.CONFIRMED:
            raise ValidationError(
                _takes_no_part(side, event)
                if for_hub
                else _("This person is not a confirmed participant of the event.")
            )
    if recipient.pk == requester.pk:
        raise ValidationError(
            _("Choose two different participants.")
            if for_hub
            else _("You cannot request a meeting with yourself.")
        )
    if requester.company_id is not None and requester.company_id == recipient.company_id:
        raise ValidationError(
            _("Both participants are from %(company)s: meetings are between different companies.")
            % {"company": requester.company.name if requester.company else ""}
            if for_hub
            else _("You cannot request a meeting with your own company.")
        )
    if priority not in MeetingRequest.Priority.values:
        raise ValidationError(_("Unknown priority."))
    reverse = MeetingRequest.objects.filter(requester=recipient, recipient=requester, status__in=LIVE).first()
    if reverse is not None:
        raise ValidationError(
            _already_asked(reverse)
            if for_hub
            else _("This person has already asked you for a meeting: answer their request.")
        )


def _takes_no_part(registration: Registration, event: Event) -> str:
    if registration.event_id != event.pk:
        return _("%(who)s is not registered for this event.") % {"who": registration.display_name}
    return _("%(who)s is %(status)s, not a confirmed participant, and takes no part in the meetings.") % {
        "who": registration.display_name,
        "status": registration.get_status_display(),
    }


def _already_asked(row: MeetingRequest) -> str:
    return _("%(requester)s has already asked %(recipient)s for a meeting (%(status)s).") % {
        "requester": row.requester.display_name,
        "recipient": row.recipient.display_name,
        "status": row.get_status_display(),
    }


def _open(
    event: Event,
    *,
    requester: Registration,
    recipient: Registration,
    message: str,
    priority: int,
    registered_by: Any = None,
    accepted: bool = False,
) -> tuple[MeetingRequest, bool]:
    """Creates the request, or reopens a withdrawn one between the same two (one row per direction).
    False when a participant asks again while their request stands: nothing new to tell."""
    fields = {
        "message": message[:2000],
        "priority": priority,
        "status": MeetingRequest.Status.ACCEPTED if accepted else MeetingRequest.Status.PENDING,
        "answered_at": timezone.now() if accepted else None,
        "registered_by": registered_by,
    }
    row, created = MeetingRequest.objects.select_for_update().get_or_create(
        requester=requester, recipient=recipient, defaults={"event": event, **fields}
    )
    if created:
        return row, True
    by_hub = registered_by is not None
    if row.status == MeetingRequest.Status.DECLINED:
        raise ValidationError(
            _("%(recipient)s has declined a meeting request from %(requester)s.")
            % {"recipient": recipient.display_name, "requester": requester.display_name}
            if by_hub
            else _("This person declined your meeting request.")
        )
    if row.status != MeetingRequest.Status.CANCELLED:
        if by_hub:
            # The operator means a new request: pointing at the standing one beats a silent no-op.
            raise ValidationError(_already_asked(row))
        return row, False
    for name, value in fields.items():
        setattr(row, name, value)
    row.save(update_fields=list(fields))
    return row, True


@transaction.atomic
def request_meeting(
    *, event: Event, user: Any, recipient: Registration, message: str = "", priority: int = 1
) -> MeetingRequest:
    """Ask another confirmed participant for a meeting; asking twice returns the same request."""
    _require_matchmaking(event)
    event = lock_event(event)  # one request per pair even when both sides ask at the same moment
    sender = _confirmed(event, user)
    _check_pair(event, requester=sender, recipient=recipient, priority=priority, for_hub=False)
    row, fresh = _open(event, requester=sender, recipient=recipient, message=message, priority=priority)
    if fresh:
        notices.request_received(row)
    return row


@transaction.atomic
def request_meeting_for(
    *,
    event: Event,
    user: Any,
    requester: Registration,
    recipient: Registration,
    message: str = "",
    priority: int = 1,
    agreed: bool = False,
) -> MeetingRequest:
    """A hub operator enters a request for two participants who arranged it off the site, mostly by
    phone. With `agreed` both sides have said yes, so it is accepted at once and the scheduler takes
    it like any other; otherwise the requested side answers it as usual."""
    require_runner(user, event)
    _require_matchmaking(event)
    event = lock_event(event)
    # The form read both rows before the lock: a cancellation made since then must count.
    requester, recipient = (
        Registration.objects.select_related("user", "company").get(pk=r.pk) for r in (requester, recipient)
    )
    _check_pair(event, requester=requester, recipient=recipient, priority=priority, for_hub=True)
    row, _fresh = _open(
        event,
        requester=requester,
        recipient=recipient,
        message=message,
        priority=priority,
        registered_by=user,
        accepted=agreed,
    )
    notices.request_registered(row)
    return row


@transaction.atomic
def respond(request: MeetingRequest, *, user: Any, accept: bool) -> MeetingRequest:
    row = (
        MeetingRequest.objects.select_for_update(of=("self",))
        .select_related("event", "requester__user", "requester__company", "recipient__company")
        .get(pk=request.pk)
    )
    if row.recipient.user_id != user.pk:
        raise PermissionDenied(_("Only the person asked may answer."))
    target = MeetingRequest.Status.ACCEPTED if accept else MeetingRequest.Status.DECLINED
    if row.status == target:
        return row
    if row.status != MeetingRequest.Status.PENDING:
        raise ValidationError(_("This request has already been answered or withdrawn."))
    row.status = target
    row.answered_at = timezone.now()
    row.save(update_fields=["status", "answered_at"])
    notices.request_answered(row)
    return row


@transaction.atomic
def cancel_meeting(request: MeetingRequest, *, user: Any) -> MeetingRequest:
    """Either side (or an operator) withdraws; a scheduled place frees up for a refill run."""
    row = (
        MeetingRequest.objects.select_for_update()
        .select_related("event", "requester", "recipient")
        .get(pk=request.pk)
    )
    party = user.pk in (row.requester.user_id, row.recipient.user_id)
    if not party:
        require_runner(user, row.event)
    if row.status in LIVE:
        ScheduledMeeting.objects.filter(request=row).delete()
        row.status = MeetingRequest.Status.CANCELLED
        row.answered_at = timezone.now()
        row.save(update_fields=["status", "answered_at"])
    return row


@transaction.atomic
def lock_meeting(meeting: ScheduledMeeting, *, user: Any, locked: bool) -> ScheduledMeeting:
    require_runner(user, meeting.slot.event)
    row = ScheduledMeeting.objects.select_for_update().get(pk=meeting.pk)
    if row.locked != locked:
        row.locked = locked
        row.save(update_fields=["locked"])
    return row


@transaction.atomic
def place_meeting(request: MeetingRequest, *, user: Any, slot: TimeSlot) -> ScheduledMeeting:
    """An operator puts an accepted request into a slot by hand, at the first free table, locked so that
    the next run keeps it. Placing it again in another slot moves it."""
    event = lock_event(request.event)
    require_runner(user, event)
    row = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if row.status != MeetingRequest.Status.ACCEPTED:
        raise ValidationError(_("Only accepted requests can be placed."))
    if slot.event_id != event.pk:
        raise ValidationError(_("Choose time slots of this event."))
    ScheduledMeeting.objects.filter(request=row).delete()
    people = (row.requester_id, row.recipient_id)
    for registration in Registration.objects.filter(pk__in=people):
        if not registration.available_slots.filter(pk=slot.pk).exists():
            raise ValidationError(
                _("%(who)s is not available at that time.") % {"who": registration.display_name}
            )
    busy = ScheduledMeeting.objects.filter(slot=slot).filter(
        Q(request__requester_id__in=people) | Q(request__recipient_id__in=people)
    )
    if busy.exists():
        raise ValidationError(_("One of the two already has a meeting at that time."))
    taken = set(ScheduledMeeting.objects.filter(slot=slot).values_list("table", flat=True))
    free = [t for t in range(1, event.tables + 1) if t not in taken]
    if not free:
        raise ValidationError(_("Every table is taken at that time."))
    meeting = ScheduledMeeting.objects.create(request=row, slot=slot, table=free[0], locked=True)
    notices.agenda_changed(event, people)
    return meeting


def build_problem(event: Event, *, keep_all: bool) -> tuple[Problem, dict[int, MeetingRequest]]:
    """The event as the scheduler sees it: participants are registration ids, requests the accepted
    ones between confirmed participants, locks the locked meetings (every current one with keep_all)."""
    slots = {s.pk: s.index for s in TimeSlot.objects.filter(event=event)}
    people = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).prefetch_related(
        "available_slots"
    )
    participants = tuple(
        Participant(r.pk, frozenset(slots[s.pk] for s in r.available_slots.all() if s.pk in slots))
        for r in people
    )
    present = {p.id for p in participants}
    accepted = {
        r.pk: r
        for r in MeetingRequest.objects.filter(event=event, status=MeetingRequest.Status.ACCEPTED)
        if r.requester_id in present and r.recipient_id in present
    }
    requests = tuple(Request(r.requester_id, r.recipient_id, r.priority) for r in accepted.values())
    current = ScheduledMeeting.objects.filter(request_id__in=accepted).select_related("slot", "request")
    free = {p.id: p.available for p in participants}
    # A refill keeps every meeting that can still happen where it is; one whose person has since
    # left that slot out is scheduled again like any other request.
    locked = tuple(
        Locked(m.request.requester_id, m.request.recipient_id, m.slot.index, m.table)
        for m in current
        if m.locked
        or (
            keep_all
            and m.slot.index in free[m.request.requester_id]
            and m.slot.index in free[m.request.recipient_id]
        )
    )
    return Problem(event.slots.count(), event.tables, participants, requests, locked), accepted


@transaction.atomic
def run_schedule(
    event: Event, *, user: Any, mode: str = "full", time_limit: float = SCHEDULE_SECONDS
) -> ScheduleRun:
    """`full` re-optimises everything but the locked meetings; `refill` keeps every standing meeting
    where it is and fills the places freed by cancellations from the unscheduled requests."""
    require_runner(user, event)
    _require_matchmaking(event)
    if mode not in ("full", "refill"):
        raise ValidationError(_("Unknown scheduling mode."))
    locked_event = lock_event(event)
    if locked_event.tables < 1 or not locked_event.slots.exists():
        raise ValidationError(_("Set the number of tables and the time slots first."))
    problem, accepted = build_problem(locked_event, keep_all=mode == "refill")
    by_pair: dict[Pair, MeetingRequest] = {pair(r.requester_id, r.recipient_id): r for r in accepted.values()}
    current = ScheduledMeeting.objects.filter(slot__event=locked_event).select_related("slot", "request")
    previous: dict[Pair, tuple[int, int]] = {
        pair(m.request.requester_id, m.request.recipient_id): (m.slot.index, m.table) for m in current
    }
    was_locked = {m.request_id for m in current if m.locked}
    try:
        schedule = solve(problem, time_limit=time_limit, previous=previous)
    except ProblemError as exc:
        raise ValidationError(_("The schedule cannot be made: %(reason)s") % {"reason": exc}) from None
    slots = {s.index: s for s in locked_event.slots.all()}
    ScheduledMeeting.objects.filter(slot__event=locked_event).delete()
    ScheduledMeeting.objects.bulk_create(
        ScheduledMeeting(
            request=by_pair[m.pair],
            slot=slots[m.slot],
            table=m.table,
            locked=by_pair[m.pair].pk in was_locked,
        )
        for m in schedule.meetings
    )
    changed = {
        who
        for m in schedule.meetings
        if previous.get(m.pair) != (m.slot, m.table)
        for who in m.pair
        if isinstance(who, int)
    }
    gone = set(previous) - {m.pair for m in schedule.meetings}
    changed |= {who for p in gone for who in p if isinstance(who, int)}
    if changed:
        notices.agenda_changed(locked_event, changed)
    return ScheduleRun.objects.create(
        event=locked_event,
        ran_by=user,
        mode=mode,
        meetings=len(schedule.meetings),
        weight=schedule.weight,
        bound=schedule.bound or schedule.weight,
        status=schedule.status,
        seconds=round(schedule.seconds, 3),
    )
