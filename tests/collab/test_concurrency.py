"""Two people (or two tabs) at once: the row locks make one agreement, one project, one collaboration."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection

from dxhub.collab import services, services_project
from dxhub.collab.models import Collaboration, JourneyEvent, ProjectAgreement
from tests.collab.conftest import walk

pytestmark = pytest.mark.django_db(transaction=True)
# SQLite's in-memory test database is shared between threads through a shared cache, where a second
# writer gets "table is locked" at once instead of waiting for the lock; the same calls one after the
# other run everywhere, and the truly parallel ones run on PostgreSQL (DATABASE_URL=postgres://...).
parallel = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="shared-cache SQLite cannot wait for row locks; runs on PostgreSQL"
)


def run_together(*calls):
    """Starts every call at the same moment in its own thread (and database connection)."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def worker(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as exc:  # collected and re-raised by the test
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results, errors


@parallel
def test_two_simultaneous_accepts_create_one_agreement(need, demander, supplier, operator):
    c = walk(need, demander, supplier, operator, "proposal")
    version = c.proposals.get()
    results, errors = run_together(
        lambda: services_project.proposal_accept(version, user=demander),
        lambda: services_project.proposal_accept(version, user=demander),
    )
    assert errors == []
    assert ProjectAgreement.objects.filter(collaboration=c).count() == 1
    assert len({a.pk for a in results}) == 1
    assert JourneyEvent.objects.filter(collaboration=c, kind="agreement").count() == 1
    assert Collaboration.objects.get(pk=c.pk).stage == Collaboration.Stage.AGREEMENT


@parallel
def test_both_sides_confirming_at_once_start_one_project(need, demander, supplier, operator):
    c = walk(need, demander, supplier, operator, "agreement")
    _results, errors = run_together(
        lambda: services_project.agreement_confirm(c, user=demander),
        lambda: services_project.agreement_confirm(c, user=supplier),
    )
    assert errors == []
    assert Collaboration.objects.get(pk=c.pk).stage == Collaboration.Stage.PROJECT
    assert JourneyEvent.objects.filter(collaboration=c, kind="project").count() == 1


@parallel
def test_interest_from_two_tabs_creates_one_collaboration(need, supplier):
    _results, errors = run_together(
        lambda: services.express_interest(user=supplier, need=need, supplier=supplier.company),
        lambda: services.express_interest(user=supplier, need=need, supplier=supplier.company),
    )
    assert errors == []
    assert Collaboration.objects.filter(need=need).count() == 1
    assert JourneyEvent.objects.filter(kind="interest").count() == 1


def test_accept_clicked_twice_in_a_row_creates_one_agreement(need, demander, supplier, operator):
    c = walk(need, demander, supplier, operator, "proposal")
    version = c.proposals.get()
    first = services_project.proposal_accept(version, user=demander)
    second = services_project.proposal_accept(version, user=demander)
    assert first.pk == second.pk and ProjectAgreement.objects.count() == 1
