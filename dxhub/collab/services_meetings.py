"""Meetings: propose one or more times, accept one, reschedule or cancel, record notes; an .ics for each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.collab.models import Collaboration, JourneyEvent, Meeting, Side
from dxhub.collab.services import (
    TransitionError,
    acting_side,
    label,
    lock,
    move,
    other_side_people,
    record,
    require_stage,
    tell,
)
from dxhub.core.calendar import CalendarItem, calendar_ics
from dxhub.notifications.models import Kind

Stage = Collaboration.Stage
MEETING_STAGES = (Stage.MUTUAL, Stage.MEETING, Stage.PROPOSAL, Stage.AGREEMENT, Stage.PROJECT)
MAX_OPTIONS = 5


def _clean_options(options: Sequence[datetime]) -> list[str]:
    if not options:
        raise ValidationError(_("Propose at least one time."))
    if len(options) > MAX_OPTIONS:
        raise ValidationError(_("Propose at most five times."))
    now = timezone.now()
    cleaned = []
    for when in options:
        if timezone.is_naive(when):
            when = timezone.make_aware(when)
        if when <= now:
            raise ValidationError(_("Proposed times must lie in the future."))
        cleaned.append(when.isoformat())
    return sorted(set(cleaned))


def _clean_place(mode: str, location: str) -> str:
    location = location.strip()
    if mode not in Meeting.Mode.values:
        raise ValidationError(_("Choose on site or online."))
    if not location:
        raise ValidationError(_("Give the address or the meeting link."))
    if mode == Meeting.Mode.ONLINE:
        try:
            URLValidator(schemes=["https", "http"])(location)
        except ValidationError:
            raise ValidationError(_("An online meeting needs a web link (https://…).")) from None
    return location[:300]


def _other(meeting: Meeting, side: str) -> None:
    if side == meeting.proposed_by:
        raise TransitionError(_("The other side answers a proposed meeting."))


@transaction.atomic
def meeting_propose(
    collaboration: Collaboration,
    *,
    user: Any,
    mode: str,
    location: str,
    options: Sequence[datetime],
    duration_minutes: int = 60,
    agenda: str = "",
) -> Meeting:
    locked = lock(collaboration)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    require_stage(locked, *MEETING_STAGES)
    if not 15 <= duration_minutes <= 480:
        raise ValidationError(_("A meeting lasts between 15 minutes and 8 hours."))
    times = _clean_options(options)
    place = _clean_place(mode, location)
    duplicate = locked.meetings.filter(
        status=Meeting.Status.PROPOSED, proposed_by=side, options=times, location=place
    ).first()
    if duplicate is not None:
        return duplicate  # the same proposal sent twice
    meeting = Meeting.objects.create(
        collaboration=locked,
        proposed_by=side,
        mode=mode,
        location=place,
        options=times,
        duration_minutes=duration_minutes,
        agenda=agenda[:2000],
    )
    record(locked, JourneyEvent.Kind.MEETING_PROPOSED, side=side, actor=user)
    tell(
        locked,
        other_side_people(locked, side),
        Kind.MEETING,
        _("A meeting is proposed for “%(need)s”: choose a time.") % label(locked),
    )
    return meeting


def _lock_meeting(meeting: Meeting) -> tuple[Collaboration, Meeting]:
    locked = lock(meeting.collaboration)
    return locked, Meeting.objects.select_for_update().get(pk=meeting.pk)


@transaction.atomic
def meeting_accept(meeting: Meeting, *, user: Any, option: str) -> Meeting:
    locked, m = _lock_meeting(meeting)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    if m.status == Meeting.Status.ACCEPTED and m.starts_at and m.starts_at.isoformat() == option:
        return m
    if m.status != Meeting.Status.PROPOSED:
        raise TransitionError(_("This meeting is no longer waiting for an answer."))
    _other(m, side)
    if option not in m.options:
        raise ValidationError(_("Choose one of the proposed times."))
    m.status, m.starts_at = Meeting.Status.ACCEPTED, datetime.fromisoformat(option)
    m.sequence += 1
    m.save()
    if locked.stage == Stage.MUTUAL:
        move(locked, Stage.MEETING)
        locked.save()
    record(locked, JourneyEvent.Kind.MEETING_ACCEPTED, side=side, actor=user)
    tell(
        locked,
        other_side_people(locked, side),
        Kind.MEETING,
        _("The meeting for “%(need)s” is confirmed.") % label(locked),
    )
    return m


@transaction.atomic
def meeting_reschedule(meeting: Meeting, *, user: Any, options: Sequence[datetime]) -> Meeting:
    locked, m = _lock_meeting(meeting)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    if m.status not in (Meeting.Status.PROPOSED, Meeting.Status.ACCEPTED):
        raise TransitionError(_("Only a proposed or accepted meeting can be rescheduled."))
    times = _clean_options(options)
    if m.status == Meeting.Status.PROPOSED and m.proposed_by == side and m.options == times:
        return m
    m.status, m.starts_at, m.options, m.proposed_by = Meeting.Status.PROPOSED, None, times, side
    m.sequence += 1
    m.save()
    tell(
        locked,
        other_side_people(locked, side),
        Kind.MEETING,
        _("New times are proposed for the meeting on “%(need)s”.") % label(locked),
    )
    return m


@transaction.atomic
def meeting_cancel(meeting: Meeting, *, user: Any, reason: str) -> Meeting:
    locked, m = _lock_meeting(meeting)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    if m.status == Meeting.Status.CANCELLED:
        return m
    if m.status == Meeting.Status.HELD:
        raise TransitionError(_("A meeting that took place cannot be cancelled."))
    if not reason.strip():
        raise ValidationError(_("Say why the meeting is cancelled."))
    m.status, m.cancel_reason = Meeting.Status.CANCELLED, reason.strip()[:300]
    m.sequence += 1
    m.save()
    record(locked, JourneyEvent.Kind.MEETING_CANCELLED, side=side, actor=user, note=reason)
    tell(
        locked,
        other_side_people(locked, side),
        Kind.MEETING,
        _("The meeting on “%(need)s” was cancelled.") % label(locked),
    )
    return m


@transaction.atomic
def meeting_record(meeting: Meeting, *, user: Any, notes: str, next_steps: str = "") -> Meeting:
    """After the meeting: notes and what comes next. Marks it held (the event matching learns from)."""
    locked, m = _lock_meeting(meeting)
    side = acting_side(user, locked, Side.DEMANDER, Side.SUPPLIER)
    if m.status not in (Meeting.Status.ACCEPTED, Meeting.Status.HELD):
        raise TransitionError(_("Only an accepted meeting can have notes."))
    if m.starts_at is None or m.starts_at > timezone.now():
        raise TransitionError(_("Notes are recorded after the meeting has started."))
    if not notes.strip():
        raise ValidationError(_("Write a few notes on the meeting."))
    first_time = m.status == Meeting.Status.ACCEPTED
    m.status, m.notes, m.next_steps = Meeting.Status.HELD, notes.strip()[:5000], next_steps.strip()[:2000]
    m.save()
    if first_time:
        record(locked, JourneyEvent.Kind.MEETING_HELD, side=side, actor=user)
    return m


def meeting_ics(meeting: Meeting) -> bytes:
    """An iCalendar invitation; SEQUENCE grows with every change so calendars replace the old one."""
    collaboration = meeting.collaboration
    if meeting.starts_at is None:
        raise ValidationError(_("The meeting has no agreed time yet."))
    cancelled = meeting.status == Meeting.Status.CANCELLED
    item = CalendarItem(
        uid=f"meeting-{meeting.pk}@dxhub",
        sequence=meeting.sequence,
        starts_at=meeting.starts_at,
        ends_at=meeting.starts_at + timedelta(minutes=meeting.duration_minutes),
        summary=f"[dxhub] {collaboration.need.title}",
        description=f"{collaboration.need.company.name} ↔ {collaboration.supplier.name}\n{meeting.agenda}".strip(),
        location=meeting.location,
        url=meeting.location if meeting.mode == Meeting.Mode.ONLINE else "",
        organizer="no-reply@dxhub.local",
        status="CANCELLED" if cancelled else "CONFIRMED",
    )
    return calendar_ics([item], product="collaboration", method="CANCEL" if cancelled else "PUBLISH")
