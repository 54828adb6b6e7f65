"""Registration through the pages: places, waitlist, automatic refill, approval, answers, leads."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dxhub.events import services
from dxhub.events.models import Event, Registration
from tests.factories import UserFactory


def answers(event, **extra):
    first, second = event.questions.all()
    return {f"q{first.pk}": "입주 검토", f"q{second.pk}": "AI 비전", **extra}


def test_register_takes_a_place_then_the_waitlist(client, briefing, demander, supplier, ochang_member):
    for person in (demander, supplier, ochang_member):
        client.force_login(person)
        response = client.post(reverse("events:detail", args=[briefing.pk]), answers(briefing))
        assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {
        demander.email: "confirmed",
        supplier.email: "confirmed",
        ochang_member.email: "waitlisted",
    }
    page = client.get(reverse("events:detail", args=[briefing.pk]))
    assert "대기 1번" in page.content.decode() or "number 1 on the waitlist" in page.content.decode()


def test_a_cancellation_fills_the_place_from_the_waitlist(
    client, briefing, demander, supplier, ochang_member
):
    for person in (demander, supplier, ochang_member):
        services.register(event=briefing, user=person, answers={str(briefing.questions.first().pk): "입주"})
    client.force_login(demander)
    assert client.post(reverse("events:cancel", args=[briefing.pk])).status_code == 302
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses[demander.email] == "cancelled"
    assert statuses[ochang_member.email] == "confirmed"


def test_registering_twice_changes_nothing(client, briefing, demander):
    client.force_login(demander)
    url = reverse("events:detail", args=[briefing.pk])
    client.post(url, answers(briefing))
    client.post(url, answers(briefing))
    assert Registration.objects.filter(user=demander).count() == 1


def test_a_required_question_must_be_answered(client, briefing, demander):
    client.force_login(demander)
    second = briefing.questions.all()[1]
    response = client.post(reverse("events:detail", args=[briefing.pk]), {f"q{second.pk}": "x"})
    assert response.status_code == 200
    assert not Registration.objects.exists()
    with pytest.raises(Exception, match=r"참석 목적|Please answer"):
        services.register(event=briefing, user=demander, answers={})


def test_relocation_lead_is_kept_for_the_hub(client, briefing, demander, operator):
    client.force_login(demander)
    data = answers(briefing, space_interest="office", move_timing="6m", lead_note="연구소 10명 규모")
    client.post(reverse("events:detail", args=[briefing.pk]), data)
    row = Registration.objects.get()
    assert (row.space_interest, row.move_timing, row.company) == ("office", "6m", demander.company)
    client.force_login(operator)
    page = client.get(reverse("events:manage", args=[briefing.pk])).content.decode()
    assert "연구소 10명 규모" in page and "입주 검토" in page


def test_approval_holds_the_place_until_the_operator_decides(
    client, briefing, operator, demander, supplier, ochang_member
):
    briefing = services.event_update(briefing, user=operator, requires_approval=True)
    for person in (demander, supplier, ochang_member):
        services.register(event=briefing, user=person, answers={str(briefing.questions.first().pk): "입주"})
    pending = Registration.objects.get(user=demander)
    assert pending.status == "pending"
    assert Registration.objects.get(user=ochang_member).status == "waitlisted"
    client.force_login(operator)
    url = reverse("events:manage", args=[briefing.pk])
    client.post(url, {"registration": pending.pk, "approve": "1"})
    client.post(url, {"registration": Registration.objects.get(user=supplier).pk, "approve": "0"})
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {
        demander.email: "confirmed",
        supplier.email: "declined",
        ochang_member.email: "pending",
    }
    with pytest.raises(Exception, match=r"declined|거절"):
        services.register(event=briefing, user=supplier, answers={str(briefing.questions.first().pk): "x"})


def test_raising_the_capacity_promotes_the_waitlist(briefing, operator):
    people = [UserFactory() for _ in range(4)]
    q = str(briefing.questions.first().pk)
    for person in people:
        services.register(event=briefing, user=person, answers={q: "입주"})
    assert Registration.objects.filter(status="waitlisted").count() == 2
    services.event_update(briefing, user=operator, capacity=3)
    waiting = Registration.objects.filter(status="waitlisted")
    assert [r.user for r in waiting] == [people[3]]


def test_closed_and_draft_events_take_no_registrations(client, briefing, operator, demander):
    services.event_set_status(briefing, user=operator, status=Event.Status.CLOSED)
    with pytest.raises(Exception, match=r"not open|열려"):
        services.register(event=briefing, user=demander, answers={})
    client.force_login(demander)
    client.post(reverse("events:detail", args=[briefing.pk]), answers(briefing))
    assert not Registration.objects.exists()


def test_operator_creates_an_event_through_the_form(client, operator):
    client.force_login(operator)
    response = client.post(
        reverse("events:create"),
        {
            "title": "오창 이차전지 DX 매칭데이",
            "kind": "matchmaking",
            "format": "hybrid",
            "starts_at": "2026-12-12T10:00",
            "ends_at": "2026-12-12T13:00",
            "capacity": "40",
            "tables": "8",
            "slot_minutes": "25",
            "slot_count": "6",
            "questions": "관심 기술*\n희망 미팅 상대",
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert (event.hub, event.status, event.slots.count(), event.questions.count()) == (
        operator.hub,
        "draft",
        6,
        2,
    )
    assert event.questions.first().required


def test_bad_event_form_is_a_message_not_an_error(client, operator):
    client.force_login(operator)
    response = client.post(
        reverse("events:create"),
        {
            "title": "x",
            "kind": "matchmaking",
            "format": "onsite",
            "starts_at": "2026-12-12T10:00",
            "ends_at": "2026-12-11T10:00",
            "capacity": "10",
            "tables": "0",
            "slot_minutes": "20",
            "slot_count": "3",
        },
    )
    assert response.status_code == 200
    assert not Event.objects.exists()
