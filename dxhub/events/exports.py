"""A participant's agenda as .ics (icalendar) and PDF, name badges as PDF (WeasyPrint, Noto CJK), and
the registrations as rows for the hub's spreadsheet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from dxhub.core.calendar import CalendarItem, calendar_ics
from dxhub.events.models import Event, Question, Registration, ScheduledMeeting
from dxhub.events.selectors import other_side


def agenda_ics(event: Event, me: Registration, meetings: list[ScheduledMeeting], host: str) -> bytes:
    items = [
        CalendarItem(
            uid=f"dxhub-meeting-{m.request_id}@{host}",
            starts_at=m.slot.starts_at,
            ends_at=m.slot.ends_at,
            summary=f"1:1 {other_side(m, me).display_name}",
            location=f"{event.venue} · {m.table}".strip(" ·"),
            description=m.request.message or event.title,
        )
        for m in meetings
    ]
    return calendar_ics(items, product="events", name=event.title)


def _pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    return bytes(HTML(string=render_to_string(template, context)).write_pdf())


def agenda_pdf(context: dict[str, Any]) -> bytes:
    return _pdf("events/agenda_pdf.html", context)


def badges_pdf(context: dict[str, Any]) -> bytes:
    return _pdf("events/badges_pdf.html", context)


def registration_headers(questions: Sequence[Question]) -> list[str]:
    fixed = [
        _("Participant"),
        _("Company"),
        _("Kind of participant"),
        _("Status"),
        _("Registered at"),
        _("Checked in at"),
    ]
    return fixed + [q.text for q in questions]


def registration_rows(rows: Iterable[Registration], questions: Sequence[Question]) -> Iterator[list[Any]]:
    """One row per registration with an answer column per question; never an email or phone number."""
    for r in rows:
        # str(user) falls back to the email address: the spreadsheet takes the name or says it is missing.
        name = r.user.name or _("(no name given)")
        kind = r.company.get_kind_display() if r.company else r.user.get_role_display()
        # Operators count who came: at the door a confirmed place becomes "checked in".
        status = pgettext("registration status", "checked in") if r.checked_in_at else r.get_status_display()
        yield [
            name,
            r.company.name if r.company else "",
            kind,
            status,
            r.created_at,
            r.checked_in_at,
            *(r.answers.get(str(q.pk), "") for q in questions),
        ]
