"""What event participants are told (through `dxhub.notifications`): requests, answers, a changed agenda,
a place freed from the waitlist, and the reminder before the day. Texts name the event and companies
only, which every participant may read."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.events.models import Event, MeetingRequest, Registration
from dxhub.notifications.models import Kind
from dxhub.notifications.services import notify


def _name(registration: Registration) -> str:
    return registration.company.name if registration.company else str(registration.user)


def request_received(row: MeetingRequest) -> None:
    notify(
        [row.recipient.user],
        kind=Kind.MEETING,
        text=_("%(who)s asks you for a 1:1 meeting at “%(event)s”.")
        % {"who": _name(row.requester), "event": row.event.title},
        link=reverse("events:requests", args=[row.event_id]),
    )


def request_answered(row: MeetingRequest) -> None:
    text = (
        _("%(who)s accepted your meeting request at “%(event)s”.")
        if row.status == MeetingRequest.Status.ACCEPTED
        else _("%(who)s declined your meeting request at “%(event)s”.")
    )
    notify(
        [row.requester.user],
        kind=Kind.MEETING,
        text=text % {"who": _name(row.recipient), "event": row.event.title},
        link=reverse("events:requests", args=[row.event_id]),
    )


def request_registered(row: MeetingRequest) -> None:
    """A request a hub operator entered for two participants: the side that would have been told
    hears the usual notice, and the other side, who did not press anything, learns it is on file."""
    link = reverse("events:requests", args=[row.event_id])
    if row.status == MeetingRequest.Status.ACCEPTED:
        request_answered(row)
        text = _("The hub registered your 1:1 meeting with %(who)s at “%(event)s” as agreed by both sides.")
        told, about = row.recipient, row.requester
    else:
        request_received(row)
        text = _("The hub sent your meeting request to %(who)s at “%(event)s”; they will answer it.")
        told, about = row.requester, row.recipient
    notify(
        [told.user],
        kind=Kind.MEETING,
        text=text % {"who": _name(about), "event": row.event.title},
        link=link,
    )


def agenda_changed(event: Event, registration_ids: Iterable[int]) -> None:
    people = [
        r.user for r in Registration.objects.filter(pk__in=set(registration_ids)).select_related("user")
    ]
    notify(
        people,
        kind=Kind.MEETING,
        text=_("Your meeting schedule for “%(event)s” has changed.") % {"event": event.title},
        link=reverse("events:agenda", args=[event.pk]),
    )


def place_freed(registrations: Iterable[Registration]) -> None:
    for r in registrations:
        notify(
            [r.user],
            kind=Kind.MEETING,
            text=_("A place opened up at “%(event)s”: you are now %(status)s.")
            % {"event": r.event.title, "status": r.get_status_display()},
            link=reverse("events:detail", args=[r.event_id]),
        )


def send_reminders(*, now: datetime | None = None, ahead: timedelta = timedelta(hours=24)) -> int:
    """Remind the confirmed participants of every announced event starting within `ahead`, once.
    Run by `manage.py events_remind` (hourly is enough); returns how many events were reminded."""
    now = now or timezone.now()
    due = Event.objects.exclude(status=Event.Status.DRAFT).filter(
        reminded_at__isnull=True, starts_at__gt=now, starts_at__lte=now + ahead
    )
    count = 0
    for event in due:
        with transaction.atomic():
            # Two runs at once remind once: the row lock and the stamp decide.
            locked = Event.objects.select_for_update().get(pk=event.pk)
            if locked.reminded_at is not None:
                continue
            people: list[Any] = [
                r.user
                for r in locked.registrations.filter(status=Registration.Status.CONFIRMED).select_related(
                    "user"
                )
            ]
            when = timezone.localtime(locked.starts_at)
            notify(
                people,
                kind=Kind.MEETING,
                text=_("Reminder: “%(event)s” starts %(when)s at %(venue)s.")
                % {"event": locked.title, "when": f"{when:%m/%d %H:%M}", "venue": locked.venue or "-"},
                link=reverse("events:detail", args=[locked.pk]),
            )
            locked.reminded_at = now
            locked.save(update_fields=["reminded_at"])
            count += 1
    return count
