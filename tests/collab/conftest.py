"""A published need of the Changwon demander and helpers that walk a collaboration to a given stage."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dxhub.collab import services, services_meetings, services_project
from dxhub.collab.models import Collaboration, Meeting
from dxhub.needs.models import Need
from tests.factories import ContactFactory, NeedFactory

STEPS = [
    "interest",
    "mutual",
    "meeting",
    "held",
    "proposal",
    "agreement",
    "project",
    "completed",
    "rated",
    "verified",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Message attachments land in the test's own directory, not in the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def need(demander_company) -> Need:
    return NeedFactory(company=demander_company, target_kpi="불량 검출률 95% 이상")


@pytest.fixture
def contacts(demander_company, supplier_company):
    ContactFactory(company=demander_company, name="김수요", email="kim@precision.kr", phone="010-2222-3333")
    ContactFactory(company=supplier_company, name="이공급", email="lee@vision.kr", phone="010-4444-5555")


def walk(need: Need, demander, supplier, operator, until: str) -> Collaboration:
    """Takes the pair need × supplier's company through the journey up to and including `until`."""
    stop = STEPS.index(until)
    c = services.express_interest(
        user=supplier, need=need, supplier=supplier.company, message="관심 있습니다"
    )
    if stop >= 1:
        c = services.accept(c, user=demander)
    if stop >= 2:
        soon = timezone.now() + timedelta(days=2)
        m = services_meetings.meeting_propose(
            c, user=demander, mode="onsite", location="창원시 성산구 공단로 1", options=[soon]
        )
        services_meetings.meeting_accept(m, user=supplier, option=m.options[0])
    if stop >= 3:
        Meeting.objects.filter(pk=m.pk).update(starts_at=timezone.now() - timedelta(hours=2))
        services_meetings.meeting_record(m, user=demander, notes="현장 확인", next_steps="제안서 요청")
    if stop >= 4:
        v = services_project.proposal_submit(
            c,
            user=supplier,
            scope="비전 검사",
            deliverables="검사 SW",
            schedule="3개월",
            duration_months=3,
            price=80_000_000,
        )
    if stop >= 5:
        services_project.proposal_accept(v, user=demander)
    if stop >= 6:
        services_project.agreement_confirm(c, user=demander)
        services_project.agreement_confirm(c, user=supplier)
    if stop >= 7:
        services_project.project_complete(c, user=demander, achieved_kpi="불량 검출률 97%")
    if stop >= 8:
        services_project.outcome_rate(c, user=demander, rating=5, review="만족")
        services_project.outcome_rate(c, user=supplier, rating=4, review="협조적")
    if stop >= 9:
        services_project.outcome_verify(c, user=operator)
    return Collaboration.objects.get(pk=c.pk)


@pytest.fixture
def journey(need, demander, supplier, operator):
    def go(until: str) -> Collaboration:
        return walk(need, demander, supplier, operator, until)

    return go
