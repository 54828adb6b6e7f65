"""The events demo story: a briefing with leads and a scheduled matchmaking day; a rerun adds nothing."""

from __future__ import annotations

from dxhub.events.demo import BRIEFING, MATCHMAKING, load
from dxhub.events.models import Event, Registration, ScheduledMeeting
from dxhub.events.services_matchmaking import build_problem
from optimize.schedule import Meeting, violations
from tests.factories import CompanyFactory


def test_demo_story_loads_once(hubs, operator):
    for i in range(5):
        CompanyFactory(name=f"창원공급{i}", kind="supplier", hub=hubs["changwon"])
        CompanyFactory(name=f"창원제조{i}", kind="demander", hub=hubs["changwon"])
    line = load(seed=2026)
    assert "2 created" in line
    briefing, day = Event.objects.get(title=BRIEFING), Event.objects.get(title=MATCHMAKING)
    assert briefing.registrations.exclude(space_interest="").exists()
    assert ScheduledMeeting.objects.filter(slot__event=day).exists()
    problem, _ = build_problem(day, keep_all=False)
    stored = ScheduledMeeting.objects.filter(slot__event=day).select_related("slot", "request")
    meetings = [
        Meeting(m.request.requester_id, m.request.recipient_id, m.slot.index, m.table, m.request.priority)
        for m in stored
    ]
    assert violations(problem, meetings) == []
    before = Registration.objects.count()
    assert "already there" in load(seed=2026)
    assert Registration.objects.count() == before
