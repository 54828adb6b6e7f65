"""Two people take the last place at the same moment: one gets it, the other is waitlisted."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections

from dxhub.events import services
from dxhub.events.models import Event, Registration
from tests.events.conftest import DAY
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_last_place_taken_twice_at_once(operator, hubs):
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite has no row locks and its shared-cache test database refuses a second writer "
            "instead of waiting; the same test runs on PostgreSQL, where select_for_update serialises."
        )
    event = services.event_create(
        user=operator,
        hub=hubs["changwon"],
        title="마지막 한 자리",
        kind=Event.Kind.SEMINAR,
        starts_at=DAY,
        ends_at=DAY + timedelta(hours=1),
        capacity=1,
    )
    services.event_set_status(event, user=operator, status=Event.Status.OPEN)
    people = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def take(person):
        try:
            barrier.wait(timeout=10)
            services.register(event=event, user=person)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == ["confirmed", "waitlisted"]


@pytest.mark.django_db(transaction=True)
def test_last_place_taken_twice_in_turn_on_any_database(operator, hubs):
    """The same rule without threads, so SQLite runs check it too."""
    event = services.event_create(
        user=operator,
        hub=hubs["changwon"],
        title="마지막 한 자리",
        kind=Event.Kind.SEMINAR,
        starts_at=DAY,
        ends_at=DAY + timedelta(hours=1),
        capacity=1,
    )
    services.event_set_status(event, user=operator, status=Event.Status.OPEN)
    first, second = UserFactory(), UserFactory()
    assert services.register(event=event, user=first).status == "confirmed"
    assert services.register(event=event, user=second).status == "waitlisted"
    services.cancel_registration(Registration.objects.get(user=first), user=first)
    assert Registration.objects.get(user=second).status == "confirmed"
