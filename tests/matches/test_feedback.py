"""`dxhub bench quality --events`: journey events replayed as judgements to learn the fusion weights."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from dxhub.collab.models import JourneyEvent
from dxhub.matches.feedback import groups, judgements
from dxhub.matches.services import rebuild_all
from dxhub.reference.models import Capability
from matching.engine.weights import Weights
from tests.factories import CompanyFactory, NeedFactory

Kind = JourneyEvent.Kind


@pytest.fixture
def history(hubs):
    """Six needs asking for vision inspection; demanders went furthest with suppliers that have it."""
    vision, other = Capability.objects.order_by("pk")[:2]
    fitting = []
    for i in range(3):
        c = CompanyFactory(name=f"비전공급{i}")
        c.capabilities.add(vision)
        fitting.append(c)
    unfitting = []
    for i in range(3):
        c = CompanyFactory(name=f"기타공급{i}")
        c.capabilities.add(other)
        unfitting.append(c)
    needs = []
    for i in range(6):
        need = NeedFactory()
        need.required_capabilities.add(vision)
        needs.append(need)
        JourneyEvent.objects.create(need=need, supplier=fitting[i % 3], kind=Kind.VERIFIED)
        JourneyEvent.objects.create(need=need, supplier=fitting[(i + 1) % 3], kind=Kind.INTEREST)
        JourneyEvent.objects.create(need=need, supplier=unfitting[i % 3], kind=Kind.VIEWED)
        JourneyEvent.objects.create(need=need, supplier=unfitting[i % 3], kind=Kind.DISMISSED)
    rebuild_all()
    return needs, fitting, unfitting


def test_the_furthest_step_is_the_gain(history):
    needs, fitting, unfitting = history
    judged = judgements()
    assert judged[needs[0].pk] == {fitting[0].pk: 5, fitting[1].pk: 1, unfitting[0].pk: 0}
    group = next(g for g in groups() if g.query == str(needs[0].pk))
    assert len(group.parts) == 3 and {"lexical", "capability", "track"} <= set(group.parts[0])


def test_replaying_the_events_learns_and_writes_weights(history, tmp_path):
    out = io.StringIO()
    path = tmp_path / "learned.json"
    call_command("bench", "quality", "--events", "--folds", "3", "--write", str(path), stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("events: 6 needs with judged suppliers, 18 judged pairs")
    assert lines[-1].startswith("shipped nDCG@10=") and "learned nDCG@10=" in lines[-1]
    learned = Weights.from_json(path)
    assert sum(learned.normalised.values()) == pytest.approx(1.0)
    # The dismissed suppliers lack the capability every need asks for: that part must carry weight.
    assert learned.normalised["capability"] > 0.05


def test_no_events_is_a_clear_error(db):
    with pytest.raises(CommandError, match="cannot learn from the events"):
        call_command("bench", "quality", "--events", stdout=io.StringIO())
