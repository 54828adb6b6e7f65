"""Meeting requests, answers, availability and the operator's scheduler runs through the pages."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dxhub.events import services_matchmaking as mm
from dxhub.events.models import MeetingRequest, Registration, ScheduledMeeting
from tests.events.helpers import accepted, join
from tests.factories import CompanyFactory, UserFactory


@pytest.fixture
def people(hubs):
    """Four people of four companies (two suppliers, two manufacturers)."""
    found = []
    for i, kind in enumerate(["supplier", "supplier", "demander", "demander"]):
        company = CompanyFactory(name=f"매칭기업{i}", kind=kind, hub=hubs["changwon"])
        found.append(UserFactory(company=company, email=f"p{i}@match.kr"))
    return found


def test_request_accept_and_schedule_through_the_pages(client, matchmaking, operator, supplier, demander):
    join(matchmaking, supplier, demander)
    client.force_login(supplier)
    target = Registration.objects.get(user=demander)
    page = client.get(reverse("events:participants", args=[matchmaking.pk])).content.decode()
    assert demander.company.name in page
    client.post(
        reverse("events:participants", args=[matchmaking.pk]),
        {"recipient": target.pk, "priority": "3", "message": "비전 검사 사례를 소개하고 싶습니다."},
    )
    request = MeetingRequest.objects.get()
    assert (request.priority, request.status) == (3, "pending")
    client.force_login(demander)
    assert "비전 검사 사례" in client.get(reverse("events:requests", args=[matchmaking.pk])).content.decode()
    client.post(reverse("events:answer", args=[request.pk]), {"action": "accept"})
    client.force_login(operator)
    client.post(reverse("events:schedule", args=[matchmaking.pk]), {"mode": "full"})
    meeting = ScheduledMeeting.objects.get()
    assert meeting.request == request and meeting.table in (1, 2)
    plan = client.get(reverse("events:schedule", args=[matchmaking.pk])).content.decode()
    assert supplier.company.name in plan and demander.company.name in plan
    for person in (supplier, demander):
        client.force_login(person)
        agenda = client.get(reverse("events:agenda", args=[matchmaking.pk])).content.decode()
        assert meeting.slot.starts_at.astimezone().strftime("%H:%M") in agenda or "agenda" in agenda
        ics = client.get(reverse("events:agenda_ics", args=[matchmaking.pk]))
        assert ics["Content-Type"].startswith("text/calendar")
        body = ics.content.decode()
        assert body.count("BEGIN:VEVENT") == 1 and "1:1" in body


def test_agenda_pdf_is_a_pdf(client, matchmaking, operator, supplier, demander):
    join(matchmaking, supplier, demander)
    accepted(matchmaking, supplier, demander)
    mm.run_schedule(matchmaking, user=operator)
    client.force_login(demander)
    response = client.get(reverse("events:agenda_pdf", args=[matchmaking.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_wrong_requests_are_refused_with_a_reason(matchmaking, supplier, supplier_owner, demander, people):
    join(matchmaking, supplier, supplier_owner, demander)
    mine = Registration.objects.get(user=supplier)
    colleague = Registration.objects.get(user=supplier_owner)
    other = Registration.objects.get(user=demander)
    with pytest.raises(ValidationError, match=r"yourself|자신"):
        mm.request_meeting(event=matchmaking, user=supplier, recipient=mine)
    with pytest.raises(ValidationError, match=r"own company|같은 회사|소속"):
        mm.request_meeting(event=matchmaking, user=supplier, recipient=colleague)
    with pytest.raises(ValidationError, match=r"confirmed|확정"):
        mm.request_meeting(event=matchmaking, user=people[0], recipient=other)
    first = mm.request_meeting(event=matchmaking, user=supplier, recipient=other)
    assert mm.request_meeting(event=matchmaking, user=supplier, recipient=other) == first
    with pytest.raises(ValidationError, match=r"already asked|이미"):
        mm.request_meeting(event=matchmaking, user=demander, recipient=mine)
    with pytest.raises(Exception, match=r"Only the person asked|요청받은"):
        mm.respond(first, user=supplier, accept=True)
    mm.respond(first, user=demander, accept=False)
    with pytest.raises(ValidationError, match=r"declined|거절"):
        mm.request_meeting(event=matchmaking, user=supplier, recipient=other)


def test_schedule_respects_availability_tables_and_locks(matchmaking, operator, people):
    join(matchmaking, *people)
    s0, s1, d0, d1 = people
    pairs = [(s0, d0, 3), (s0, d1, 1), (s1, d0, 1), (s1, d1, 3)]
    for a, b, w in pairs:
        accepted(matchmaking, a, b, w)
    slots = list(matchmaking.slots.all())
    mm.set_availability(matchmaking, user=d1, slot_ids=[slots[2].pk])
    run = mm.run_schedule(matchmaking, user=operator)
    # d1 is free in one slot only, so one of their two meetings cannot happen: the lighter one goes.
    assert (run.meetings, run.weight, run.bound, run.status) == (3, 7, 7, "optimal")
    assert not MeetingRequest.objects.filter(
        requester__user=s0, recipient__user=d1, scheduled__isnull=False
    ).exists()
    problem, _ = mm.build_problem(matchmaking, keep_all=True)
    problem.check()  # every stored meeting, taken as a lock, is a valid schedule (availability, tables)
    assert len(problem.locked) == 3
    for meeting in ScheduledMeeting.objects.select_related("request__recipient"):
        if meeting.request.recipient.user == d1:
            assert meeting.slot == slots[2]
    first = ScheduledMeeting.objects.filter(request__recipient__user=d0).first()
    mm.lock_meeting(first, user=operator, locked=True)
    before = (first.slot_id, first.table)
    for _ in range(2):
        mm.run_schedule(matchmaking, user=operator)
        again = ScheduledMeeting.objects.get(request=first.request)
        assert (again.slot_id, again.table) == before and again.locked


def test_a_locked_meeting_blocks_leaving_its_slot(matchmaking, operator, supplier, demander):
    join(matchmaking, supplier, demander)
    accepted(matchmaking, supplier, demander)
    mm.run_schedule(matchmaking, user=operator)
    meeting = ScheduledMeeting.objects.get()
    mm.lock_meeting(meeting, user=operator, locked=True)
    other_slots = [s.pk for s in matchmaking.slots.exclude(pk=meeting.slot_id)]
    with pytest.raises(ValidationError, match=r"locked|잠긴"):
        mm.set_availability(matchmaking, user=demander, slot_ids=other_slots)


def test_a_late_cancellation_is_refilled_without_moving_the_others(matchmaking, operator, people):
    join(matchmaking, *people)
    s0, s1, d0, d1 = people
    # s0 can meet only in the first slot (so only one of their two meetings), s1 only in the second.
    first_slot, second_slot, _ = matchmaking.slots.all()
    mm.set_availability(matchmaking, user=s0, slot_ids=[first_slot.pk])
    mm.set_availability(matchmaking, user=s1, slot_ids=[second_slot.pk])
    first = accepted(matchmaking, s0, d0, 3)
    waiting = accepted(matchmaking, s0, d1, 1)
    accepted(matchmaking, s1, d1, 3)
    mm.run_schedule(matchmaking, user=operator)
    assert not ScheduledMeeting.objects.filter(request=waiting).exists()
    standing = {m.request_id: (m.slot_id, m.table) for m in ScheduledMeeting.objects.exclude(request=first)}
    mm.cancel_meeting(first, user=d0)
    run = mm.run_schedule(matchmaking, user=operator, mode="refill")
    assert ScheduledMeeting.objects.filter(request=waiting).exists()
    after = {m.request_id: (m.slot_id, m.table) for m in ScheduledMeeting.objects.all()}
    assert all(after[k] == v for k, v in standing.items())
    assert run.mode == "refill"


def test_a_cancelled_registration_takes_its_meetings_along(matchmaking, operator, supplier, demander):
    join(matchmaking, supplier, demander)
    request = accepted(matchmaking, supplier, demander)
    mm.run_schedule(matchmaking, user=operator)
    from dxhub.events import services

    services.cancel_registration(Registration.objects.get(user=demander), user=demander)
    request.refresh_from_db()
    assert request.status == "cancelled"
    assert not ScheduledMeeting.objects.exists()


def test_the_scheduler_needs_tables_and_an_operator(matchmaking, operator, supplier, busan_operator):
    with pytest.raises(Exception, match=r"operators|운영자"):
        mm.run_schedule(matchmaking, user=supplier)
    matchmaking.tables = 0
    matchmaking.save()
    with pytest.raises(ValidationError, match=r"tables|테이블"):
        mm.run_schedule(matchmaking, user=operator)


def test_refill_moves_a_meeting_whose_person_left_its_slot(matchmaking, operator, supplier, demander):
    join(matchmaking, supplier, demander)
    request = accepted(matchmaking, supplier, demander)
    mm.run_schedule(matchmaking, user=operator)
    before = ScheduledMeeting.objects.get().slot
    elsewhere = [s.pk for s in matchmaking.slots.exclude(pk=before.pk)]
    mm.set_availability(matchmaking, user=demander, slot_ids=elsewhere)
    mm.run_schedule(matchmaking, user=operator, mode="refill")
    after = ScheduledMeeting.objects.get(request=request)
    assert after.slot_id in elsewhere


def test_operator_places_an_unscheduled_request_by_hand(client, matchmaking, operator, people):
    join(matchmaking, *people)
    s0, s1, d0, _d1 = people
    first_slot, second_slot, third_slot = matchmaking.slots.all()
    mm.set_availability(matchmaking, user=s0, slot_ids=[first_slot.pk, second_slot.pk])
    a = accepted(matchmaking, s0, d0)
    b = accepted(matchmaking, s1, d0)
    client.force_login(operator)
    url = reverse("events:place", args=[matchmaking.pk])
    client.post(url, {"request": a.pk, "slot": first_slot.pk})
    placed = ScheduledMeeting.objects.get(request=a)
    assert (placed.slot, placed.table, placed.locked) == (first_slot, 1, True)
    page = client.post(url, {"request": b.pk, "slot": first_slot.pk}, follow=True).content.decode()
    assert "already has a meeting" in page or "이미 미팅" in page
    page = client.post(url, {"request": a.pk, "slot": third_slot.pk}, follow=True).content.decode()
    assert "not available" in page or "참석할 수 없" in page
    mm.run_schedule(matchmaking, user=operator)
    assert ScheduledMeeting.objects.get(request=a).slot == first_slot
    assert ScheduledMeeting.objects.get(request=b).slot != first_slot
