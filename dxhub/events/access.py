"""The one access helper per kind: events, and the meeting requests inside them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from dxhub.events.models import Event, MeetingRequest, Registration


def events_visible_to(user: Any) -> QuerySet[Event]:
    """Announced events (open or closed) are public; drafts only to ministry staff and to the
    operators of the host or a partner hub."""
    rows = Event.objects.all()
    announced = ~Q(status=Event.Status.DRAFT)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return rows.filter(announced)
    if user.is_ministry:
        return rows
    if user.is_operator:
        return rows.filter(announced | Q(hub_id=user.hub_id) | Q(partner_hubs=user.hub_id)).distinct()
    return rows.filter(announced)


def get_event_for_user(user: Any, pk: int | str, *, write: bool = False) -> Event:
    """The event `pk` if `user` may see it (404 otherwise) and, with write=True, run it (403)."""
    try:
        event = events_visible_to(user).select_related("hub").get(pk=pk)
    except (Event.DoesNotExist, ValueError, TypeError):
        raise Http404("event not found") from None
    if write and not user.has_perm("events.change_event", event):
        raise PermissionDenied("only the event's hub operators may do this")
    return event


def own_registration(user: Any, event: Event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(event=event, user=user).select_related("company").first()


def get_meeting_request_for_user(user: Any, pk: int | str) -> MeetingRequest:
    """A meeting request is seen by its two parties and by the people who run the event."""
    try:
        row = MeetingRequest.objects.select_related(
            "event", "requester__user", "recipient__user", "requester__company", "recipient__company"
        ).get(pk=pk)
    except (MeetingRequest.DoesNotExist, ValueError, TypeError):
        raise Http404("meeting request not found") from None
    party = getattr(user, "pk", None) in (row.requester.user_id, row.recipient.user_id)
    if not party and not (
        getattr(user, "is_authenticated", False) and user.has_perm("events.change_event", row.event)
    ):
        raise Http404("meeting request not found")
    return row
