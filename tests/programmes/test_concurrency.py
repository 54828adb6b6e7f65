"""Double clicks and two tabs: a milestone is paid once and an application submitted once, even in parallel."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from dxhub.programmes import services, services_agreements
from dxhub.programmes.models import Agreement, Application, LedgerEntry, Milestone
from tests.programmes.conftest import M
from tests.programmes.helpers import parallel

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def approved_milestone(consortium, operator) -> Milestone:
    Application.objects.filter(pk=consortium.pk).update(status=Application.Status.SELECTED)
    agreement = services_agreements.agreement_create(
        consortium, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 11, 30)
    )
    services_agreements.agreement_sign(agreement, user=operator)
    milestone = services_agreements.milestone_add(
        agreement, title="1차", due_on=datetime.date(2026, 6, 30), amount=50 * M, user=operator
    )
    services_agreements.milestone_report(milestone, report="완료")
    return services_agreements.milestone_approve(milestone, user=operator)


def test_a_milestone_is_paid_once(approved_milestone, operator):
    if connection.vendor == "sqlite":
        # SQLite has no row locks (select_for_update is a no-op) and serialises writers on the file
        # instead; the sequential double click is what can be checked there.
        services_agreements.milestone_pay(approved_milestone, user=operator)
        services_agreements.milestone_pay(approved_milestone, user=operator)
    else:
        errors = parallel(lambda: services_agreements.milestone_pay(approved_milestone, user=operator))
        assert errors == []
    assert LedgerEntry.objects.filter(kind="pay").count() == 1
    agreement = Agreement.objects.get(pk=approved_milestone.agreement_id)
    ledger = services_agreements.books(agreement.application.hub, 2026)
    assert ledger.violations() == [] and ledger.accounts[agreement.pk].paid == 50 * M


def test_an_application_is_submitted_once(consortium):
    if connection.vendor == "sqlite":
        services.application_submit(consortium)
        services.application_submit(consortium)
    else:
        assert parallel(lambda: services.application_submit(consortium)) == []
    consortium.refresh_from_db()
    assert consortium.status == Application.Status.SUBMITTED
