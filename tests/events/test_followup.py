"""After the event: the satisfaction survey and "did this meeting lead somewhere" into the collaboration journey."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from dxhub.collab.models import Collaboration
from dxhub.events import services_followup as followup
from dxhub.events import services_matchmaking as mm
from dxhub.events.models import Event, Feedback, MeetingOutcome
from dxhub.needs.models import Need
from tests.events.helpers import accepted, join
from tests.factories import NeedFactory


@pytest.fixture
def met(matchmaking, operator, supplier, demander):
    """A held meeting between the supplier and the demander, the day already begun."""
    join(matchmaking, supplier, demander)
    request = accepted(matchmaking, supplier, demander, 3)
    mm.run_schedule(matchmaking, user=operator)
    Event.objects.filter(pk=matchmaking.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    request.refresh_from_db()
    return request


def test_nothing_to_answer_before_the_event(matchmaking, supplier, demander):
    join(matchmaking, supplier)
    with pytest.raises(ValidationError, match=r"started|시작"):
        followup.give_feedback(matchmaking, user=supplier, rating=5)


def test_survey_through_the_page(client, met, supplier):
    client.force_login(supplier)
    url = reverse("events:after", args=[met.event_id])
    assert client.get(url).status_code == 200
    client.post(url, {"form": "survey", "rating": "4", "comment": "미팅 준비가 잘 되어 있었습니다."})
    client.post(url, {"form": "survey", "rating": "5", "comment": "다시 참가하겠습니다."})
    answer = Feedback.objects.get()
    assert (answer.rating, answer.comment) == (5, "다시 참가하겠습니다.")
    client.post(url, {"form": "survey", "rating": "9"})
    assert Feedback.objects.get().rating == 5


def test_working_together_opens_the_collaboration_journey(client, met, supplier, demander, demander_company):
    need = NeedFactory(company=demander_company, status=Need.Status.PUBLISHED, visibility=Need.Visibility.HUB)
    client.force_login(supplier)
    url = reverse("events:after", args=[met.event_id])
    assert need.title in client.get(url).content.decode()
    client.post(
        url, {"form": "outcome", "request": met.pk, "result": "collab", "need": need.pk, "note": "PoC 논의"}
    )
    outcome = MeetingOutcome.objects.get()
    collaboration = Collaboration.objects.get()
    assert outcome.collaboration == collaboration
    assert (collaboration.need, collaboration.supplier) == (need, supplier.company)
    # The other side answers too; the same collaboration carries on.
    followup.record_outcome(met, user=demander, result="collab", need=need)
    assert Collaboration.objects.count() == 1 and MeetingOutcome.objects.count() == 2


def test_outcome_rules(met, supplier, ochang_member, demander_company):
    with pytest.raises(ValidationError, match=r"open needs|수요"):
        followup.record_outcome(met, user=supplier, result="collab")
    closed = NeedFactory(company=demander_company, status=Need.Status.CLOSED)
    with pytest.raises(ValidationError, match=r"open needs|수요"):
        followup.record_outcome(met, user=supplier, result="collab", need=closed)
    with pytest.raises(ValidationError, match=r"Unknown|알 수 없는"):
        followup.record_outcome(met, user=supplier, result="maybe")
    with pytest.raises(Exception, match=r"Only the two|미팅한 두"):
        followup.record_outcome(met, user=ochang_member, result="none")
    assert followup.record_outcome(met, user=supplier, result="follow_up").result == "follow_up"
