"""The demo's collaboration history: journeys at many stages, the personas' own, idempotent, feeding the record."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from dxhub.accounts.models import User
from dxhub.collab import demo
from dxhub.collab.access import collaborations_visible_to
from dxhub.collab.models import Collaboration, JourneyEvent
from dxhub.collab.selectors import track_records
from dxhub.matches.adapters import iter_suppliers


def test_demo_history_is_plausible_and_idempotent(db, hubs):
    call_command("demo", "--companies", "160", "--quiet", stdout=StringIO())
    stages = set(Collaboration.objects.values_list("stage", flat=True))
    assert {"interest", "mutual", "meeting", "proposal", "project", "verified"} <= stages
    for email in ("demander@dxhub.kr", "supplier@dxhub.kr"):
        assert collaborations_visible_to(User.objects.get(email=email)).count() >= 2, email
    kinds = set(JourneyEvent.objects.values_list("kind", flat=True))
    assert {"viewed", "dismissed", "interest", "mutual", "meeting_held", "agreement", "verified"} <= kinds

    before = (Collaboration.objects.count(), JourneyEvent.objects.count())
    assert "0 created" in demo.load(seed=2026)
    assert (Collaboration.objects.count(), JourneyEvent.objects.count()) == before

    verified = Collaboration.objects.filter(stage="verified").values_list("supplier_id", flat=True)
    records = track_records(verified)
    assert records and all(r.completed_projects >= 1 and r.rating is not None for r in records.values())
    # The matching adapter now carries the record into the engine's profiles.
    profiles = {p.id: p for p in iter_suppliers(batch=50)}
    assert any(profiles[str(pk)].completed_projects >= 1 for pk in verified)
