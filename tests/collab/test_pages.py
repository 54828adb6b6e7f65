"""The journey's pages in Korean: the start page from a shortlist, every stage of the collaboration page, lists, board."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dxhub.collab.models import Collaboration, JourneyEvent
from dxhub.matches.models import MatchResult
from tests.collab.conftest import STEPS


def test_shortlist_and_recommendations_offer_interest(client, need, demander, supplier, ministry):
    MatchResult.objects.create(direction="need", need=need, company=supplier.company, rank=1, score=0.9)
    MatchResult.objects.create(direction="supplier", need=need, company=supplier.company, rank=1, score=0.9)
    start = reverse("collab:start", args=[need.pk, supplier.company_id])
    client.force_login(demander)
    assert start in client.get(reverse("matches:need", args=[need.pk])).content.decode()
    client.force_login(supplier)
    assert start in client.get(reverse("matches:company", args=[supplier.company_id])).content.decode()
    client.force_login(ministry)  # reads the shortlist but does not start journeys
    assert start not in client.get(reverse("matches:need", args=[need.pk])).content.decode()


def test_start_page_records_a_view_and_posts_interest(client, need, supplier):
    client.force_login(supplier)
    url = reverse("collab:start", args=[need.pk, supplier.company_id])
    page = client.get(url).content.decode()
    assert "관심 표명" in page
    assert JourneyEvent.objects.filter(kind="viewed").count() == 1
    response = client.post(url, {"message": "관심 있습니다"})
    c = Collaboration.objects.get()
    assert response["Location"] == reverse("collab:detail", args=[c.pk])
    assert client.get(url)["Location"] == reverse("collab:detail", args=[c.pk])  # the same journey


def test_operator_brokers_from_the_start_page(client, need, supplier, operator):
    client.force_login(operator)
    client.post(reverse("collab:start", args=[need.pk, supplier.company_id]), {"message": "소개합니다"})
    c = Collaboration.objects.get()
    assert c.initiated_by == "operator" and c.stage == "interest"


def test_dismiss_keeps_the_reason(client, need, supplier):
    client.force_login(supplier)
    client.post(reverse("collab:dismiss", args=[need.pk, supplier.company_id]), {"reason": "capacity"})
    assert JourneyEvent.objects.get(kind="dismissed").reason == "capacity"


@pytest.mark.parametrize("step", STEPS)
def test_collaboration_page_renders_at_every_stage(
    client, journey, demander, supplier, operator, ministry, step
):
    c = journey(step)
    for person in (demander, supplier, operator, ministry):
        client.force_login(person)
        response = client.get(reverse("collab:detail", args=[c.pk]))
        assert response.status_code == 200
        assert f'data-stage="{c.stage}"' in response.content.decode()


def test_page_actions_walk_the_journey(client, journey, demander, supplier):
    c = journey("mutual")
    act = lambda name: reverse("collab:act", args=[c.pk, name])  # noqa: E731
    client.force_login(demander)
    when = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    client.post(
        act("meeting"), {"mode": "onsite", "location": "창원 공장", "option1": when, "duration_minutes": 60}
    )
    m = c.meetings.get()
    client.force_login(supplier)
    client.post(act("meeting_accept"), {"meeting": m.pk, "option": m.options[0]})
    c.refresh_from_db()
    assert c.stage == "meeting"
    ics = client.get(reverse("collab:ics", args=[c.pk, m.pk]))
    assert ics["Content-Type"].startswith("text/calendar") and b"BEGIN:VCALENDAR" in ics.content
    # A form error is reported, not a 500.
    response = client.post(act("proposal"), {"scope": "", "price": "x"}, follow=True)
    assert response.status_code == 400 and c.proposals.count() == 0
    assert client.post(act("nonsense")).status_code == 404


def test_conversation_partial_for_htmx(client, journey, supplier):
    c = journey("mutual")
    client.force_login(supplier)
    client.post(reverse("collab:act", args=[c.pk, "message"]), {"text": "반갑습니다"})
    response = client.get(
        reverse("collab:detail", args=[c.pk]) + "?part=conversation", headers={"HX-Request": "true"}
    )
    assert "반갑습니다" in response.content.decode() and "<html" not in response.content.decode()


def test_my_collaborations_and_board(client, journey, demander, operator, ministry):
    c = journey("proposal")
    client.force_login(demander)
    assert c.need.title in client.get(reverse("collab:list")).content.decode()
    client.force_login(operator)
    page = client.get(reverse("collab:board")).content.decode()
    assert 'data-stage="proposal"' in page and c.need.title[:20] in page
    client.force_login(ministry)
    assert client.get(reverse("collab:board") + "?hub=ochang").status_code == 200
    assert client.get(reverse("collab:board") + "?days=abc").status_code == 200


def test_unread_messages_are_counted_per_side(client, journey, demander, supplier):
    c = journey("mutual")
    client.force_login(supplier)
    for text in ("첫 번째", "두 번째"):
        client.post(reverse("collab:act", args=[c.pk, "message"]), {"text": text})
    client.force_login(demander)
    listing = client.get(reverse("collab:list")).content.decode()
    assert 'class="badge unread"' in listing and ">2<" in listing
    client.get(reverse("collab:detail", args=[c.pk]))  # reading marks them read
    assert 'class="badge unread"' not in client.get(reverse("collab:list")).content.decode()
    client.force_login(supplier)  # one's own messages are never unread
    assert 'class="badge unread"' not in client.get(reverse("collab:list")).content.decode()


def test_a_refused_proposal_keeps_what_was_typed_and_says_why_beside_the_form(client, journey, supplier):
    """Submitted before the meeting took place: the service refuses; the page comes back with the input."""
    c = journey("meeting")  # a meeting agreed, not yet held
    client.force_login(supplier)
    page = client.get(reverse("collab:detail", args=[c.pk])).content.decode()
    assert "미팅 기록 후 제안서를 제출할 수 있습니다" in page and 'id="proposal-form"' not in page
    typed = {
        "scope": "용접 비드 비전 검사 PoC 범위",
        "deliverables": "검사 SW와 보고서",
        "schedule": "1개월 PoC, 2개월 적용",
        "duration_months": 3,
        "price": 80_000_000,
    }
    response = client.post(reverse("collab:act", args=[c.pk, "proposal"]), typed)
    body = response.content.decode()
    assert response.status_code == 400 and c.proposals.count() == 0
    assert "용접 비드 비전 검사 PoC 범위" in body and "80000000" in body
    assert 'class="errorlist" role="alert"' in body


def test_a_meeting_time_in_the_past_is_refused_with_the_input_kept(client, journey, demander):
    c = journey("mutual")
    client.force_login(demander)
    response = client.post(
        reverse("collab:act", args=[c.pk, "meeting"]),
        {
            "mode": "onsite",
            "location": "창원 공장 2동 회의실",
            "option1": "2020-01-06T10:00",
            "duration_minutes": 60,
        },
    )
    body = response.content.decode()
    assert response.status_code == 400 and c.meetings.count() == 0
    assert "창원 공장 2동 회의실" in body and "errorlist" in body


def test_withdrawing_needs_an_explicit_reason_and_nothing_is_preselected(client, journey, supplier):
    c = journey("mutual")
    client.force_login(supplier)
    page = client.get(reverse("collab:detail", args=[c.pk])).content.decode()
    assert 'id="withdraw-card"' in page and "<details" in page
    assert '<option value="" selected>선택하세요</option>' in page
    refused = client.post(reverse("collab:act", args=[c.pk, "withdraw"]), {"reason": "", "note": "예산 사정"})
    c.refresh_from_db()
    assert refused.status_code == 400 and c.stage == "mutual"
    assert "예산 사정" in refused.content.decode()  # the note that was typed comes back
