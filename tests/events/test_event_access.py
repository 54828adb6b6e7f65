"""Who sees and runs which event, and who sees a meeting request."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from dxhub.events import services
from dxhub.events.access import events_visible_to, get_event_for_user
from dxhub.events.models import Event
from tests.events.conftest import DAY
from tests.events.helpers import accepted, join


@pytest.fixture
def draft(operator, hubs):
    return services.event_create(
        user=operator,
        hub=hubs["changwon"],
        title="준비 중인 세미나",
        kind=Event.Kind.SEMINAR,
        starts_at=DAY,
        ends_at=DAY + timedelta(hours=1),
        capacity=10,
    )


@pytest.mark.parametrize(
    ("persona", "sees_draft"),
    [
        ("ministry", True),
        ("operator", True),
        ("busan_operator", False),
        ("supplier", False),
        ("evaluator", False),
    ],
)
def test_drafts_are_seen_only_by_their_hub_and_the_ministry(request, draft, briefing, persona, sees_draft):
    user = request.getfixturevalue(persona)
    visible = set(events_visible_to(user))
    assert briefing in visible
    assert (draft in visible) is sees_draft


def test_visitors_see_announced_events_only(client, draft, briefing):
    page = client.get(reverse("events:list")).content.decode()
    assert briefing.title in page and draft.title not in page
    assert client.get(reverse("events:detail", args=[draft.pk])).status_code == 404


def test_partner_hub_operators_run_the_event_others_do_not(
    client, matchmaking, briefing, busan_operator, supplier
):
    assert get_event_for_user(busan_operator, matchmaking.pk, write=True) == matchmaking
    client.force_login(busan_operator)
    assert client.get(reverse("events:schedule", args=[matchmaking.pk])).status_code == 200
    assert client.get(reverse("events:manage", args=[briefing.pk])).status_code == 403
    client.force_login(supplier)
    assert client.get(reverse("events:manage", args=[matchmaking.pk])).status_code == 403
    assert client.get(reverse("events:create")).status_code == 403


def test_a_meeting_request_is_hidden_from_third_parties(
    client, matchmaking, supplier, demander, ochang_member
):
    join(matchmaking, supplier, demander, ochang_member)
    row = accepted(matchmaking, supplier, demander)
    client.force_login(ochang_member)
    assert client.post(reverse("events:answer", args=[row.pk]), {"action": "cancel"}).status_code == 404
    row.refresh_from_db()
    assert row.status == "accepted"


def test_pages_of_a_matchmaking_day_need_a_confirmed_place(client, matchmaking, briefing, supplier):
    client.force_login(supplier)
    assert client.get(reverse("events:agenda", args=[matchmaking.pk])).status_code == 404
    assert client.get(reverse("events:requests", args=[matchmaking.pk])).status_code == 404
    assert client.get(reverse("events:participants", args=[briefing.pk])).status_code == 404
