"""Events of the Changwon hub: a relocation briefing and a matchmaking day, opened for registration."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dxhub.events import services
from dxhub.events.models import Event

SEOUL = ZoneInfo("Asia/Seoul")
DAY = datetime(2026, 12, 10, 13, 0, tzinfo=SEOUL)


@pytest.fixture
def briefing(operator, hubs) -> Event:
    event = services.event_create(
        user=operator,
        hub=hubs["changwon"],
        questions=["참석 목적*", "관심 분야"],
        title="2026 창원 거점 입주기업 설명회",
        kind=Event.Kind.BRIEFING,
        format=Event.Format.HYBRID,
        venue="창원 스마트혁신센터 3층",
        starts_at=DAY,
        ends_at=DAY + timedelta(hours=2),
        capacity=2,
    )
    return services.event_set_status(event, user=operator, status=Event.Status.OPEN)


@pytest.fixture
def matchmaking(operator, hubs) -> Event:
    event = services.event_create(
        user=operator,
        hub=hubs["changwon"],
        partner_hubs=[hubs["busan-centum"]],
        title="창원·부산 DX 매칭데이",
        kind=Event.Kind.MATCHMAKING,
        format=Event.Format.ONSITE,
        venue="창원컨벤션센터",
        starts_at=DAY,
        ends_at=DAY + timedelta(hours=3),
        capacity=50,
        tables=2,
        slot_minutes=20,
        slot_count=3,
    )
    return services.event_set_status(event, user=operator, status=Event.Status.OPEN)


@pytest.fixture
def api(db):
    """The API client of tests/api (a bearer token per persona)."""
    from django.test import Client

    from dxhub.accounts.models import ApiToken
    from tests.api_client import ApiClient

    client = Client(enforce_csrf_checks=True)
    return lambda user: ApiClient(client, ApiToken.issue(user)[1] if user is not None else None)
