"""The one iCalendar (.ics) writer: meeting invitations (collab) and participants' agendas (events)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress


@dataclass(frozen=True)
class CalendarItem:
    """One event in a calendar file. `sequence` grows with each change so calendars replace the old copy."""

    uid: str
    starts_at: datetime
    ends_at: datetime
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    sequence: int | None = None
    status: str = ""  # CONFIRMED, CANCELLED (RFC 5545); empty leaves it out
    organizer: str = ""  # an e-mail address


def calendar_ics(items: Iterable[CalendarItem], *, product: str, name: str = "", method: str = "") -> bytes:
    """`product` names the producer (`-//dxhub//<product>//KO`); `method` is PUBLISH or CANCEL (iTIP)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//dxhub//{product}//KO")
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        if item.sequence is not None:
            event.add("sequence", item.sequence)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.starts_at)
        event.add("dtend", item.ends_at)
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        if item.organizer:
            event["organizer"] = vCalAddress(f"mailto:{item.organizer}")
        if item.status:
            event.add("status", item.status)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
