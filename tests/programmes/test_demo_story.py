"""The programmes demo story: calls at several stages, through the real services, once per database."""

from __future__ import annotations

import pytest

from dxhub.accounts.models import User
from dxhub.companies.models import Company
from dxhub.programmes import demo
from dxhub.programmes.models import Application, Call, LedgerEntry
from dxhub.programmes.services_agreements import books
from tests.factories import CompanyFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_demo_story_loads_every_stage_and_only_once(hubs, operator):
    for i in range(10):
        CompanyFactory(
            name=f"창원제조{i}", kind=Company.Kind.DEMANDER, employees=40 + i, founded_year=2015 + i
        )
    for i in range(3):
        CompanyFactory(name=f"창원AI{i}", kind=Company.Kind.SUPPLIER, employees=15)
    UserFactory(email="evaluator@dxhub.kr", role=User.Role.EVALUATOR)
    line = demo.load(seed=2026)
    assert "2 created" in line
    first = Call.objects.get(title=demo.FIRST)
    assert first.status == Call.Status.SELECTED
    statuses = set(Application.objects.filter(call=first).values_list("status", flat=True))
    assert {Application.Status.SELECTED, Application.Status.NOT_SELECTED} <= statuses
    assert LedgerEntry.objects.filter(kind="pay").exists()
    assert books(hubs["changwon"], 2026).violations() == []
    assert Call.objects.get(title=demo.SECOND).status == Call.Status.OPEN
    assert "already there" in demo.load(seed=2026)
    assert Call.objects.count() == 2
