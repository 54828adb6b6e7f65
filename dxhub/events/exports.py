"""A participant's agenda as .ics (icalendar) and PDF, and name badges as PDF (WeasyPrint, Noto CJK)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from dxhub.events.models import Event, Registration, ScheduledMeeting
from dxhub.events.selectors import other_side


def agenda_ics(event: Event, me: Registration, meetings: list[ScheduledMeeting], host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//dxhub//events//KO")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", event.title)
    for m in meetings:
        other = other_side(m, me)
        item = CalendarEvent()
        item.add("uid", f"dxhub-meeting-{m.request_id}@{host}")
        item.add("dtstamp", timezone.now())
        item.add("dtstart", m.slot.starts_at)
        item.add("dtend", m.slot.ends_at)
        item.add("summary", f"1:1 {other.display_name}")
        item.add("location", f"{event.venue} · {m.table}".strip(" ·"))
        item.add("description", m.request.message or event.title)
        calendar.add_component(item)
    return calendar.to_ical()


def _pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    return bytes(HTML(string=render_to_string(template, context)).write_pdf())


def agenda_pdf(context: dict[str, Any]) -> bytes:
    return _pdf("events/agenda_pdf.html", context)


def badges_pdf(context: dict[str, Any]) -> bytes:
    return _pdf("events/badges_pdf.html", context)
