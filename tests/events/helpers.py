"""Confirmed participants of a matchmaking day, built through the services."""

from __future__ import annotations

from dxhub.events import services
from dxhub.events import services_matchmaking as mm
from dxhub.events.models import Event, MeetingRequest, Registration


def join(event: Event, *people) -> list[Registration]:
    return [services.register(event=event, user=p) for p in people]


def accepted(event: Event, sender, receiver, priority: int = 1) -> MeetingRequest:
    recipient = Registration.objects.get(event=event, user=receiver)
    row = mm.request_meeting(event=event, user=sender, recipient=recipient, priority=priority)
    return mm.respond(row, user=receiver, accept=True)
