"""Participants are told: a request, its answer, a changed agenda, a freed place, the day-before reminder."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from dxhub.events import services
from dxhub.events import services_matchmaking as mm
from dxhub.events.models import Event, Registration
from dxhub.events.notices import send_reminders
from dxhub.notifications.models import Notification
from tests.events.helpers import accepted, join
from tests.factories import UserFactory


def texts(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("text", flat=True))


def test_request_answer_and_agenda_are_told(matchmaking, operator, supplier, demander):
    join(matchmaking, supplier, demander)
    accepted(matchmaking, supplier, demander)
    assert any(supplier.company.name in t for t in texts(demander))
    assert any(demander.company.name in t for t in texts(supplier))
    before = len(texts(supplier))
    mm.run_schedule(matchmaking, user=operator)
    assert len(texts(supplier)) == before + 1 and len(texts(demander)) >= 2
    # A second run that moves nothing tells nobody.
    mm.run_schedule(matchmaking, user=operator)
    assert len(texts(supplier)) == before + 1


def test_a_freed_place_is_told(briefing):
    q = str(briefing.questions.first().pk)
    people = [UserFactory() for _ in range(3)]
    for person in people:
        services.register(event=briefing, user=person, answers={q: "입주"})
    services.cancel_registration(Registration.objects.get(user=people[0]), user=people[0])
    assert len(texts(people[2])) == 1 and briefing.title in texts(people[2])[0]


def test_reminders_go_once_to_confirmed_people(briefing, demander, supplier, ochang_member):
    q = str(briefing.questions.first().pk)
    for person in (demander, supplier, ochang_member):
        services.register(event=briefing, user=person, answers={q: "입주"})
    Event.objects.filter(pk=briefing.pk).update(starts_at=timezone.now() + timedelta(hours=20))
    assert send_reminders(now=timezone.now() - timedelta(days=2)) == 0  # not yet within a day
    call_command("events_remind", stdout=StringIO())
    assert send_reminders() == 0  # already reminded
    assert len(texts(demander)) == 1 and briefing.title in texts(demander)[0]
    assert texts(ochang_member) == []  # waitlisted, nothing to remind
