"""대리 미팅 등록: a hub operator enters a meeting request for two participants who arranged it by phone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from dxhub.accounts.models import User
from dxhub.events import services
from dxhub.events import services_matchmaking as mm
from dxhub.events.models import Event, MeetingRequest, Registration, ScheduledMeeting, ScheduleRun
from dxhub.notifications.models import Notification
from optimize.schedule import Request
from tests.events.conftest import DAY
from tests.events.helpers import join
from tests.factories import UserFactory

TITLE = "창원·부산 DX 매칭데이"


@pytest.fixture
def pair(matchmaking, supplier, demander) -> list[Registration]:
    """The supplier's and the manufacturer's confirmed registrations."""
    return join(matchmaking, supplier, demander)


def texts(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).order_by("id").values_list("text", flat=True))


def register_for(client, event, requester, recipient, **extra):
    data = {"requester": requester.pk, "recipient": recipient.pk, "priority": "1", "message": "", **extra}
    return client.post(reverse("events:request_for", args=[event.pk]), data, follow=True)


def test_operator_registers_a_pending_request_that_the_requested_side_answers(
    client, matchmaking, operator, supplier, demander, pair
):
    mine, theirs = pair
    client.force_login(operator)
    response = register_for(client, matchmaking, mine, theirs, priority="3", message="전화로 요청 받음")
    assert response.redirect_chain == [(reverse("events:schedule", args=[matchmaking.pk]), 302)]
    row = MeetingRequest.objects.get()
    assert (row.requester, row.recipient, row.status, row.priority) == (mine, theirs, "pending", 3)
    assert (row.registered_by, row.message, row.answered_at) == (operator, "전화로 요청 받음", None)
    page = response.content.decode()
    assert "창원비전AI" in page and "미팅 요청을 등록했습니다(응답 대기)" in page
    entry = LogEntry.objects.get_for_object(row).get(action=LogEntry.Action.CREATE)
    assert entry.actor == operator and entry.changes_dict["registered_by"][1] == str(operator.pk)

    assert texts(demander) == [f"창원비전AI에서 “{TITLE}” 1:1 미팅을 요청했습니다."]
    assert texts(supplier) == [
        f"거점 운영자가 창원정밀기계에게 “{TITLE}” 미팅 요청을 대신 보냈습니다. 상대의 응답을 기다립니다."
    ]

    client.force_login(demander)
    client.post(reverse("events:answer", args=[row.pk]), {"action": "accept"})
    row.refresh_from_db()
    assert row.status == "accepted" and row.answered_at is not None
    assert row.registered_by == operator  # answering keeps who entered it
    assert texts(supplier)[-1] == f"창원정밀기계에서 “{TITLE}” 미팅 요청을 수락했습니다."


def test_an_agreed_request_is_accepted_at_once_and_both_sides_are_told(
    client, matchmaking, operator, supplier, demander, pair
):
    mine, theirs = pair
    client.force_login(operator)
    register_for(client, matchmaking, mine, theirs, agreed="on")
    row = MeetingRequest.objects.get()
    assert (row.status, row.registered_by) == ("accepted", operator)
    assert row.answered_at is not None
    assert texts(supplier) == [f"창원정밀기계에서 “{TITLE}” 미팅 요청을 수락했습니다."]
    assert texts(demander) == [
        f"거점 운영자가 창원비전AI와(과)의 “{TITLE}” 1:1 미팅을 양측 합의에 따라 등록했습니다."
    ]


def test_both_participants_and_the_operator_see_who_registered_it(
    client, matchmaking, operator, supplier, demander, pair
):
    mine, theirs = pair
    row = mm.request_meeting_for(event=matchmaking, user=operator, requester=mine, recipient=theirs)
    label = f"운영자 등록 ({operator.name})"
    for person, card in ((supplier, f"outgoing-{row.pk}"), (demander, f"incoming-{row.pk}")):
        client.force_login(person)
        page = client.get(reverse("events:requests", args=[matchmaking.pk])).content.decode()
        assert card in page and label in page
        listing = client.get(reverse("events:participants", args=[matchmaking.pk])).content.decode()
        assert label in listing
    client.force_login(operator)
    page = client.get(reverse("events:schedule", args=[matchmaking.pk])).content.decode()
    assert "대리 미팅 등록" in page and "양측이 전화로 합의함" in page
    assert f'id="hub-request-{row.pk}"' in page and label in page


def test_a_request_made_on_the_site_carries_no_operator_label(client, matchmaking, supplier, demander, pair):
    mm.request_meeting(event=matchmaking, user=supplier, recipient=pair[1])
    client.force_login(demander)
    page = client.get(reverse("events:requests", args=[matchmaking.pk])).content.decode()
    assert "운영자 등록" not in page
    assert MeetingRequest.objects.get().registered_by is None


def test_the_scheduler_places_an_agreed_operator_request(client, matchmaking, operator, pair):
    mine, theirs = pair
    client.force_login(operator)
    register_for(client, matchmaking, mine, theirs, priority="3", agreed="on")
    row = MeetingRequest.objects.get()
    problem, accepted = mm.build_problem(matchmaking, keep_all=False)
    assert problem.requests == (Request(mine.pk, theirs.pk, 3),) and set(accepted) == {row.pk}
    client.post(reverse("events:schedule", args=[matchmaking.pk]), {"mode": "full"})
    run = ScheduleRun.objects.get()
    assert (run.meetings, run.weight) == (1, 3)
    meeting = ScheduledMeeting.objects.get()
    assert meeting.request == row and meeting.table in (1, 2) and not meeting.locked


def test_standing_reverse_and_declined_requests_are_refused(matchmaking, operator, supplier, demander, pair):
    mine, theirs = pair
    first = mm.request_meeting(event=matchmaking, user=supplier, recipient=theirs)
    with pytest.raises(ValidationError) as same:
        mm.request_meeting_for(
            event=matchmaking, user=operator, requester=mine, recipient=theirs, agreed=True
        )
    assert same.value.messages == [
        f"{mine.display_name} → {theirs.display_name} 미팅 요청이 이미 있습니다(응답 대기)."
    ]
    with pytest.raises(ValidationError) as reverse_:
        mm.request_meeting_for(event=matchmaking, user=operator, requester=theirs, recipient=mine)
    assert reverse_.value.messages == [
        f"{mine.display_name} → {theirs.display_name} 미팅 요청이 이미 있습니다(응답 대기)."
    ]
    mm.respond(first, user=demander, accept=False)
    with pytest.raises(ValidationError) as declined:
        mm.request_meeting_for(event=matchmaking, user=operator, requester=mine, recipient=theirs)
    assert declined.value.messages == [
        f"{mine.display_name} → {theirs.display_name} 미팅 요청은 이미 거절되었습니다."
    ]
    assert MeetingRequest.objects.count() == 1
    assert MeetingRequest.objects.get().registered_by is None


def test_a_withdrawn_request_is_reopened_by_the_operator(matchmaking, operator, supplier, pair):
    mine, theirs = pair
    first = mm.request_meeting(event=matchmaking, user=supplier, recipient=theirs)
    mm.cancel_meeting(first, user=supplier)
    again = mm.request_meeting_for(
        event=matchmaking, user=operator, requester=mine, recipient=theirs, agreed=True, priority=3
    )
    assert again.pk == first.pk
    assert (again.status, again.priority, again.registered_by) == ("accepted", 3, operator)


def test_the_page_shows_a_refusal_beside_the_form_as_typed(client, matchmaking, operator, supplier, pair):
    mine, theirs = pair
    mm.request_meeting(event=matchmaking, user=supplier, recipient=theirs)
    client.force_login(operator)
    response = register_for(client, matchmaking, theirs, mine, message="다시 연락 예정")
    assert response.status_code == 200 and response.redirect_chain == []
    page = response.content.decode()
    assert f"{mine.display_name} → {theirs.display_name} 미팅 요청이 이미 있습니다(응답 대기)." in page
    assert "다시 연락 예정" in page
    assert MeetingRequest.objects.count() == 1


def test_the_same_person_or_company_is_refused(matchmaking, operator, supplier, supplier_owner, pair):
    mine, _theirs = pair
    (colleague,) = join(matchmaking, supplier_owner)
    with pytest.raises(ValidationError) as same_person:
        mm.request_meeting_for(event=matchmaking, user=operator, requester=mine, recipient=mine)
    assert same_person.value.messages == ["서로 다른 두 참가자를 선택하세요."]
    with pytest.raises(ValidationError) as same_company:
        mm.request_meeting_for(event=matchmaking, user=operator, requester=mine, recipient=colleague)
    assert same_company.value.messages == [
        "두 참가자 모두 창원비전AI 소속입니다. 미팅은 서로 다른 기업 사이에만 잡을 수 있습니다."
    ]
    assert not MeetingRequest.objects.exists()


def test_waitlisted_and_cancelled_registrations_take_no_part(
    client, matchmaking, operator, supplier, demander, ochang_member
):
    services.event_update(matchmaking, user=operator, capacity=2)
    mine, theirs, waiting = join(matchmaking, supplier, demander, ochang_member)
    assert waiting.status == "waitlisted"
    with pytest.raises(ValidationError) as waitlisted:
        mm.request_meeting_for(event=matchmaking, user=operator, requester=mine, recipient=waiting)
    assert waitlisted.value.messages == [
        f"{waiting.display_name}: 참가 상태가 ‘대기’입니다. 참가 확정된 사람만 1:1 미팅에 참여할 수 있습니다."
    ]
    services.cancel_registration(theirs, user=demander)
    with pytest.raises(ValidationError) as cancelled:
        mm.request_meeting_for(event=matchmaking, user=operator, requester=theirs, recipient=mine)
    assert cancelled.value.messages == [
        f"{theirs.display_name}: 참가 상태가 ‘취소됨’입니다. 참가 확정된 사람만 1:1 미팅에 참여할 수 있습니다."
    ]
    client.force_login(operator)
    page = register_for(client, matchmaking, mine, theirs).content.decode()
    assert "이 행사에 참가 신청한 사람을 선택하세요(취소된 신청은 고를 수 없습니다)." in page
    assert not MeetingRequest.objects.exists()


def _event(operator, hubs, *, title: str, kind: str, status: str = Event.Status.OPEN) -> Event:
    event = services.event_create(
        user=operator,
        hub=hubs["changwon"],
        title=title,
        kind=kind,
        starts_at=DAY + timedelta(days=7),
        ends_at=DAY + timedelta(days=7, hours=2),
        capacity=10,
        tables=1,
        slot_minutes=20,
        slot_count=2,
    )
    if status == Event.Status.DRAFT:
        return event
    return services.event_set_status(event, user=operator, status=status)


def test_an_event_without_meetings_is_refused(client, operator, hubs, supplier, demander):
    seminar = _event(operator, hubs, title="스마트공장 세미나", kind=Event.Kind.SEMINAR)
    mine, theirs = join(seminar, supplier, demander)
    with pytest.raises(ValidationError) as refused:
        mm.request_meeting_for(event=seminar, user=operator, requester=mine, recipient=theirs)
    assert refused.value.messages == ["이 행사에는 1:1 미팅이 없습니다."]
    client.force_login(operator)
    assert register_for(client, seminar, mine, theirs).status_code == 404


def test_a_registration_of_another_event_is_refused(matchmaking, operator, hubs, supplier, demander, pair):
    other = _event(operator, hubs, title="다른 매칭데이", kind=Event.Kind.MATCHMAKING)
    (elsewhere,) = join(other, demander)
    with pytest.raises(ValidationError) as refused:
        mm.request_meeting_for(event=matchmaking, user=operator, requester=pair[0], recipient=elsewhere)
    assert refused.value.messages == [f"이 행사에 참가 신청한 사람이 아닙니다: {elsewhere.display_name}"]


def test_a_partner_hubs_operator_may_register(matchmaking, busan_operator, pair):
    row = mm.request_meeting_for(event=matchmaking, user=busan_operator, requester=pair[0], recipient=pair[1])
    assert row.registered_by == busan_operator


@pytest.fixture
def ochang_operator(hubs) -> User:
    return UserFactory(email="operator@ochang.kr", role=User.Role.OPERATOR, hub=hubs["ochang"])


def test_participants_and_other_hubs_operators_are_refused(
    client, matchmaking, supplier, ochang_operator, pair
):
    mine, theirs = pair
    for person in (supplier, ochang_operator):
        with pytest.raises(PermissionDenied):
            mm.request_meeting_for(event=matchmaking, user=person, requester=mine, recipient=theirs)
        client.force_login(person)
        assert register_for(client, matchmaking, mine, theirs, agreed="on").status_code == 403
        assert client.get(reverse("events:schedule", args=[matchmaking.pk])).status_code == 403
    client.logout()
    response = client.post(reverse("events:request_for", args=[matchmaking.pk]), {})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not MeetingRequest.objects.exists()
    assert not Notification.objects.exists()


def test_a_draft_day_is_hidden_from_other_hubs_operators(client, operator, hubs, ochang_operator):
    draft = _event(
        operator, hubs, title="준비 중인 매칭데이", kind=Event.Kind.MATCHMAKING, status=Event.Status.DRAFT
    )
    client.force_login(ochang_operator)
    assert client.post(reverse("events:request_for", args=[draft.pk]), {}).status_code == 404
